//! An entry's head: who wrote it and what a person knows it by, read from its plain top-level
//! fields as far as they can be read. A cut entry gives what comes before the cut, a field of
//! an unexpected type is passed over, and nothing here ever fails: it names what the strict
//! readers refuse.

use crate::core::json::{FromJson, JsonError, Number, Reader};

/// The top-level fields of a stored draft or set that say who wrote it and what it is about.
/// Absent or unreadable fields are empty (`None` for the numbers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub app: String,
    /// "bo-tieu-chi" for a stored set; empty for a draft.
    pub kind: String,
    /// `Some(n)` for a whole number; `None` when absent or of another type.
    pub writer: Option<u64>,
    pub schema: Option<u64>,
    pub saved_at: String,
    pub commune: String,
    pub period: String,
    /// A draft's set: its name (written since writer 1), id and version.
    pub set_name: String,
    pub set_id: String,
    pub set_version: String,
    /// A stored set's name and version (written since writer 1).
    pub name: String,
    pub version: String,
}

impl Head {
    /// Reads what it can of `text`; never fails.
    pub fn read(text: &str) -> Head {
        let mut head = Head::default();
        let text = text.trim_start_matches('\u{feff}');
        // The fields read before an error stay in `head`.
        let _ = fill(&mut Reader::new(text), &mut head);
        head
    }

    /// Whether a newer build wrote it: a writer above `writer`, or a schema above `schema`. A
    /// number beyond 32 bits is no build's (the readers call it damaged).
    pub fn newer_than(&self, writer: u32, schema: u32) -> bool {
        let above = |n: Option<u64>, this: u32| {
            n.is_some_and(|n| n > u64::from(this) && n <= u64::from(u32::MAX))
        };
        above(self.writer, writer) || above(self.schema, schema)
    }
}

/// Reads the top-level object's plain fields into `h`, passing over values of other types,
/// until the object ends or the text stops making sense.
fn fill(r: &mut Reader<'_>, h: &mut Head) -> Result<(), JsonError> {
    if r.peek()? != b'{' {
        return Ok(());
    }
    let mut object = r.begin_object()?;
    while let Some((_, key)) = r.key(&mut object)? {
        let text = match key.as_ref() {
            "app" => &mut h.app,
            "kind" => &mut h.kind,
            "saved_at" => &mut h.saved_at,
            "commune" => &mut h.commune,
            "period" => &mut h.period,
            "set_name" => &mut h.set_name,
            "set_id" => &mut h.set_id,
            "set_version" => &mut h.set_version,
            "name" => &mut h.name,
            "version" => &mut h.version,
            "writer" | "schema" => {
                let n = match r.peek()? {
                    b'-' | b'0'..=b'9' => Number::read(r)?.as_u64(),
                    _ => {
                        r.skip()?;
                        None
                    }
                };
                *(if key == "writer" {
                    &mut h.writer
                } else {
                    &mut h.schema
                }) = n;
                continue;
            }
            _ => {
                r.skip()?;
                continue;
            }
        };
        if r.peek()? == b'"' {
            *text = r.string()?;
        } else {
            r.skip()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Head;

    #[test]
    fn a_cut_entry_gives_what_comes_before_the_cut() {
        let text = r#"{"app":"tieuchi","writer":1,"schema":2,"saved_at":"2026-11-30T10:00:00.000Z","commune":"Liên Sơn","period":"6 tháng đầu năm 2024","set_name":"Bộ Lạng Sơn","draft":{"id":"d1","entries":{"1.1":{"val"#;
        let h = Head::read(text);
        assert_eq!(h.app, "tieuchi");
        assert_eq!((h.writer, h.schema), (Some(1), Some(2)));
        assert_eq!(h.commune, "Liên Sơn");
        assert_eq!(h.period, "6 tháng đầu năm 2024");
        assert_eq!(h.set_name, "Bộ Lạng Sơn");
        assert_eq!(h.saved_at, "2026-11-30T10:00:00.000Z");
    }

    #[test]
    fn odd_values_are_passed_over_and_nothing_fails() {
        let h = Head::read(
            r#"{"commune":{"x":[1,2]},"writer":"hai","schema":-1,"period":"Quý I","later":[{"a":null}]}"#,
        );
        assert_eq!(h.commune, "");
        assert_eq!((h.writer, h.schema), (None, None));
        assert_eq!(h.period, "Quý I");
        for text in [
            "",
            "[1,2]",
            "null",
            "\"x\"",
            "{",
            "\u{feff}{\"app\":\"tieuchi\"}",
        ] {
            let h = Head::read(text);
            assert!(h.commune.is_empty(), "{text}");
        }
        assert_eq!(Head::read("\u{feff}{\"app\":\"tieuchi\"}").app, "tieuchi");
    }

    #[test]
    fn newer_is_a_writer_or_a_schema_above_this_build() {
        let h = |t: &str| Head::read(t);
        assert!(h(r#"{"writer":2,"schema":2}"#).newer_than(1, 2));
        assert!(h(r#"{"schema":3}"#).newer_than(1, 2));
        assert!(!h(r#"{"writer":1e30}"#).newer_than(1, 2));
        assert!(!h(r#"{"schema":1000000000000000000000000000000}"#).newer_than(1, 2));
        assert!(!h(r#"{"writer":1,"schema":2}"#).newer_than(1, 2));
        assert!(!h(r#"{"schema":1}"#).newer_than(1, 2));
        assert!(!h("{").newer_than(1, 2));
    }
}
