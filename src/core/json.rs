//! JSON helpers that keep the WASM small: one typed path (`serde_json::from_str` /
//! `to_string`) for every type, and pretty printing done on the compact text, so no type's
//! (de)serializer is compiled twice (for `Value` or for the pretty formatter).

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

#[cfg(test)]
mod tests {
    #[test]
    fn pretty_matches_serde_json() {
        let v = serde_json::json!({"a": [1, 2, {"b": "x, \"y\": [z]", "c": []}], "d": {}, "e": "đạt: 78,91%"});
        let compact = serde_json::to_string(&v).unwrap();
        assert_eq!(
            super::pretty(&compact),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
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
    app: Option<serde::de::IgnoredAny>,
    format: Option<serde::de::IgnoredAny>,
    criteria: Option<serde::de::IgnoredAny>,
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
    let p: KindProbe = serde_json::from_str(text).ok()?;
    Some(match (p.app, p.format, p.criteria) {
        (Some(_), ..) => FileKind::Draft,
        (None, Some(_), Some(_)) => FileKind::CriteriaSet,
        _ => FileKind::Other,
    })
}

/// A `serde_json` error in Vietnamese, with its line and column: serde's English never
/// reaches the user. Messages our own types give (already Vietnamese) are kept as they are.
pub fn error_vi(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax => "sai cú pháp JSON".to_string(),
        Category::Eof => "tệp bị cắt cụt".to_string(),
        Category::Io => "lỗi đọc".to_string(),
        Category::Data => data_vi(&e.to_string()),
    };
    // serde_json counts columns from 1 but says 0 for a type error found before the value's
    // first character is read (an array where an object belongs).
    format!("{what} (dòng {}, cột {})", e.line(), e.column().max(1))
}

fn data_vi(message: &str) -> String {
    // serde names what it speaks of between backquotes: "missing field `draft` at line 1 …".
    let named = message.split('`').nth(1).unwrap_or("");
    let own = message.split(" at line ").next().unwrap_or(message);
    // (serde's words, ours, whether ours name the field or value serde names)
    const SERDE: [(&str, &str, bool); 7] = [
        ("missing field", "thiếu mục", true),
        ("unknown field", "có mục không thuộc định dạng:", true),
        ("duplicate field", "mục bị lặp:", true),
        ("unknown variant", "giá trị không có trong định dạng:", true),
        ("invalid type", "sai kiểu dữ liệu", false),
        ("invalid value", "giá trị không hợp lệ", false),
        ("invalid length", "số phần tử không hợp lệ", false),
    ];
    match SERDE.iter().find(|(en, ..)| message.starts_with(en)) {
        Some((_, vi, true)) => format!("{vi} “{named}”"),
        Some((_, vi, false)) => vi.to_string(),
        None => own.to_string(),
    }
}

/// The name serde writes for a unit variant ("not_applicable", "first_half"): what the UI's
/// option values are, so a key is written in one place, beside the enum.
pub fn key_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

/// The unit variant serde reads under `key`, if any.
pub fn of_key<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&format!("\"{key}\"")).ok()
}

#[cfg(test)]
mod key_tests {
    use super::{key_of, of_key};
    use crate::core::draft::{Issuer, Judgement, PeriodKind};

    #[test]
    fn enum_keys_are_serdes_names_and_read_back() {
        assert_eq!(key_of(&Judgement::NotApplicable), "not_applicable");
        assert_eq!(key_of(&PeriodKind::FirstHalf), "first_half");
        assert_eq!(key_of(&Issuer::Board), "board");
        for j in [
            Judgement::None,
            Judgement::Met,
            Judgement::NotMet,
            Judgement::NotApplicable,
        ] {
            assert_eq!(of_key::<Judgement>(&key_of(&j)), Some(j));
        }
        assert_eq!(of_key::<Judgement>("na"), None);
    }
}
