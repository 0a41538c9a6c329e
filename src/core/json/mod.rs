//! JSON in and out, kept small in the WASM. Writing is our own `ToJson` (`to_string`, compact,
//! byte for byte what serde_json wrote; `pretty` indents it), each type's from
//! `#[derive(WriteObject)]` or `#[derive(WriteName)]`. Reading is our own too: a pull `Reader`
//! over the text, one copy for every type, and `FromJson`, which each type implements by
//! driving it (structs by `#[derive(ReadObject)]`, unit enums by `#[derive(ReadName)]`).
//! serde_json's deserializer, compiled once per type read, each type's serde visitors and its
//! serializers cost the editor far more (see ARCHITECTURE.md's decisions); serde_json is a
//! dependency of the tests only, where it is the oracle the writer is held to.
//!
//! Every error is a `JsonError`: what went wrong, in Vietnamese, with line and column.

mod containers;
mod error;
mod from;
mod reader;
mod write;

pub use containers::{Open, Place, Required};
pub use error::{Category, JsonError, What};
pub use from::{from_str, plain_decimal, FromJson, FromKey, Ignored, Named, Number};
pub use reader::{Reader, MAX_DEPTH};
pub use write::{to_string, ToJson, ToKey, Writer};

use crate::core::de::ReadObject;
/// Re-indents compact JSON with two spaces, as `serde_json::to_string_pretty` would.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// What kind of file a JSON text is, read from a few top-level fields only: a draft of this
/// app, a criteria-set file, or something else. Lets each import say "this is a set, import
/// it under Bộ tiêu chí" instead of a generic rejection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Draft,
    CriteriaSet,
    Other,
}

#[derive(ReadObject)]
#[serde(default)]
struct KindProbe {
    app: Option<Ignored>,
    format: Option<Ignored>,
    criteria: Option<Ignored>,
}

/// The kind of a JSON object; `None` when the text is not a JSON object at all.
pub fn file_kind(text: &str) -> Option<FileKind> {
    // Anything but an object is no file of ours, whatever its fields would say.
    if !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return None;
    }
    let p: KindProbe = from_str(text).ok()?;
    Some(match (p.app, p.format, p.criteria) {
        (Some(_), ..) => FileKind::Draft,
        (None, Some(_), Some(_)) => FileKind::CriteriaSet,
        _ => FileKind::Other,
    })
}

/// A reading error in Vietnamese, with its line and column: "thiếu mục “to” (dòng 1, cột 14)".
pub fn error_vi(e: &JsonError) -> String {
    e.message_vi()
}

/// The name serde writes for a unit variant ("not_applicable", "first_half"): what the UI's
/// option values are, so a key is written in one place, beside the enum (the derive
/// `ReadName` takes the names from serde's attributes; a test holds them equal to serde's).
pub fn key_of<T: Named>(value: &T) -> String {
    value.name().to_string()
}

/// The unit variant named `key` (as serde writes it), if any.
pub fn of_key<T: Named>(key: &str) -> Option<T> {
    T::from_name(key)
}

#[cfg(test)]
mod tests;
