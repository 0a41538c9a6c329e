//! `read_object!`: a struct's `Deserialize` as a JSON object only, written once here instead
//! of derived per type.
//!
//! serde's derive compiles, for every struct, a reader of the object, a reader of the struct
//! written as an array, and three matchers of field names (as text, as bytes, as an index).
//! For JSON only the first is ever used, yet all were in the WASM: `ReportMeta`'s derived
//! reader alone was 17 KB before optimisation. This reads each key as text and matches it
//! once. The messages are serde's own ("missing field `x`", "unknown field `x`, expected one
//! of …", "duplicate field `x`", "invalid type: …, expected struct X"), so `json::error_vi`
//! translates them as before; an array no longer passes for a struct, which is stricter.
//!
//! ```ignore
//! read_object!(Period, strict, { from, to });
//! read_object!(RawKind, strict, { kind as "type", unit = default });
//! read_object!(Envelope, open, { app, schema, draft });
//! read_object!(ReportMeta, lenient, { commune, column | "region" });
//! ```
//! `strict` rejects an unknown key (files from outside: criteria sets); `open` and `lenient`
//! skip it (drafts, which a newer version may have written). Under `lenient` every field takes
//! its type's default when absent (serde's `#[serde(default)]`); otherwise only a field marked
//! `= default` does, and any other is required. A field's key is its name, or the text after
//! `as`; older names of the key follow `|` (as schema 1 wrote them).

macro_rules! read_object {
    (@deny strict) => { true };
    (@deny open) => { false };
    (@deny lenient) => { false };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@take lenient, $v:ident, $key:expr, $($default:ident)?) => { $v.unwrap_or_default() };
    (@take $mode:ident, $v:ident, $key:expr, default) => { $v.unwrap_or_default() };
    (@take $mode:ident, $v:ident, $key:expr, ) => {
        match $v {
            Some(v) => v,
            None => return Err(serde::de::Error::missing_field($key)),
        }
    };
    ($ty:ident, $mode:ident, {
        $( $field:ident $(as $key:literal)? $(| $alias:literal)* $(= $default:ident)? ),* $(,)?
    }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$($crate::core::de::read_object!(@key $field $($key)?)),*];
                struct Reader;
                impl<'de> serde::de::Visitor<'de> for Reader {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($ty)))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$ty, A::Error> {
                        $( let mut $field = None; )*
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $( k if k == $crate::core::de::read_object!(@key $field $($key)?)
                                    $(|| k == $alias)* => {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field(
                                            $crate::core::de::read_object!(@key $field $($key)?),
                                        ));
                                    }
                                    $field = Some(map.next_value()?);
                                } )*
                                other => {
                                    if $crate::core::de::read_object!(@deny $mode) {
                                        return Err(serde::de::Error::unknown_field(other, FIELDS));
                                    }
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok($ty { $( $field: $crate::core::de::read_object!(
                            @take $mode,
                            $field,
                            $crate::core::de::read_object!(@key $field $($key)?),
                            $($default)?
                        ), )* })
                    }
                }
                d.deserialize_map(Reader)
            }
        }
    };
}
pub(crate) use read_object;

#[cfg(test)]
mod tests {
    use crate::core::criteria::{Period, Threshold};
    use crate::core::draft::ReportMeta;
    use crate::core::json::error_vi;
    use crate::core::vn::Date;

    fn err<T: serde::de::DeserializeOwned>(text: &str) -> String {
        match serde_json::from_str::<T>(text) {
            Ok(_) => panic!("{text} was read"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn required_fields_are_required_and_defaulted_ones_default() {
        assert!(err::<Period>(r#"{"from": 2026}"#).starts_with("missing field `to`"));
        let t: Threshold = serde_json::from_str(r#"{"value": 80, "source": "QĐ 51"}"#).unwrap();
        assert_eq!((t.column, t.year, t.source.as_str()), (None, None, "QĐ 51"));
        let m: ReportMeta = serde_json::from_str("{}").unwrap();
        assert_eq!(m, ReportMeta::default());
    }

    #[test]
    fn strict_types_name_an_unknown_key_and_lenient_ones_skip_it() {
        let e = err::<Period>(r#"{"from": 2026, "to": 2030, "until": 2035}"#);
        assert!(
            e.starts_with("unknown field `until`, expected `from` or `to`"),
            "{e}"
        );
        let m: ReportMeta =
            serde_json::from_str(r#"{"commune": "Liên Sơn", "later": {"a": [1, 2]}}"#).unwrap();
        assert_eq!(m.commune, "Liên Sơn");
    }

    #[test]
    fn open_types_skip_an_unknown_key_but_require_their_fields() {
        let d: Date =
            serde_json::from_str(r#"{"year": 2024, "month": 6, "day": 26, "tz": 7}"#).unwrap();
        assert_eq!(d, Date::new(2024, 6, 26).unwrap());
        assert!(err::<Date>(r#"{"year": 2024, "month": 6}"#).starts_with("missing field `day`"));
    }

    #[test]
    fn a_key_twice_is_an_error_even_under_its_alias() {
        let e = err::<Period>(r#"{"from": 2026, "to": 2030, "from": 2021}"#);
        assert!(e.starts_with("duplicate field `from`"), "{e}");
        let e = err::<ReportMeta>(r#"{"column": "nhom-1", "region": "nhom-2"}"#);
        assert!(e.starts_with("duplicate field `column`"), "{e}");
    }

    #[test]
    fn earlier_schemas_names_are_read() {
        let m: ReportMeta =
            serde_json::from_str(r#"{"region": "mien-nui", "disadvantaged": true}"#).unwrap();
        assert_eq!((m.column.as_str(), m.rule_column), ("mien-nui", true));
        let t: Threshold =
            serde_json::from_str(r#"{"region": "a", "value": 1, "source": "s"}"#).unwrap();
        assert_eq!(t.column.as_deref(), Some("a"));
    }

    #[test]
    fn only_an_object_is_a_struct_and_the_message_is_vietnamese() {
        let e = serde_json::from_str::<Period>("[2026, 2030]").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("invalid type: sequence, expected struct Period"));
        assert_eq!(error_vi(&e), "sai kiểu dữ liệu (dòng 1, cột 1)");
        let e = serde_json::from_str::<Period>(r#"{"from": 2026}"#).unwrap_err();
        assert_eq!(error_vi(&e), "thiếu mục “to” (dòng 1, cột 14)");
    }
}
