//! Reading our structs from JSON: `ReadObject`, a derive (crate `tieuchi-derive`, in
//! `derive/`) that implements `serde::Deserialize` from the struct's own `#[serde]` attributes,
//! as serde's derive reads them, for JSON objects only. The rules stand on the struct:
//!
//! ```ignore
//! #[derive(Serialize, ReadObject)]
//! #[serde(deny_unknown_fields)]      // a set file from outside: an unknown key is refused
//! pub struct Threshold {
//!     #[serde(default, alias = "region", skip_serializing_if = "Option::is_none")]
//!     pub column: Option<String>,    // absent: None; format 1 called it "region"
//!     pub value: Dec,                // required
//!     …
//! }
//!
//! #[derive(Serialize, ReadObject)]
//! #[serde(default)]                  // stored drafts: what an earlier build did not write defaults
//! pub struct Entry { … }
//! ```
//!
//! Without `deny_unknown_fields` an unknown key is skipped; without `default` (on the struct or
//! the field) an absent field is an error, except an `Option`, which is `None`. Why not serde's
//! `Deserialize` derive: per struct it also compiles a reader of the struct written as a
//! sequence and three matchers of field names that JSON never uses, which was 8 KB of the
//! editor's gzipped WASM for two dozen structs (see DECISIONS.md). The messages are serde's own
//! ("missing field `x`", "unknown field `x`, expected one of …", "duplicate field `x`",
//! "invalid type: …, expected struct X"), so `json::error_vi` translates them; an array never
//! passes for a struct.

pub use tieuchi_derive::ReadObject;

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
