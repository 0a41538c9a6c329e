//! Reading our types from JSON: `ReadObject` and `ReadName`, derives (crate `tieuchi-derive`,
//! in `derive/`) that implement `core::json::FromJson` from the type's own `#[serde]`
//! attributes, as serde's derive reads them, for JSON objects only (and, for unit enums, their
//! names). The rules stand on the struct:
//!
//! ```ignore
//! #[derive(Serialize, ReadObject, WriteObject)]
//! #[serde(deny_unknown_fields)]      // a set file from outside: an unknown key is refused
//! pub struct Threshold {
//!     #[serde(default, alias = "region", skip_serializing_if = "Option::is_none")]
//!     pub column: Option<String>,    // absent: None; format 1 called it "region"
//!     pub value: Dec,                // required
//!     …
//! }
//!
//! #[derive(Serialize, ReadObject, WriteObject)]
//! #[serde(default)]                  // stored drafts: what an earlier build did not write defaults
//! pub struct Entry { … }
//!
//! #[derive(Serialize, ReadName, WriteName)]
//! #[serde(rename_all = "snake_case")]
//! pub enum Judgement { None, Met, NotMet, NotApplicable }   // "not_met", …
//! ```
//!
//! Without `deny_unknown_fields` an unknown key is skipped; without `default` (on the struct or
//! the field) an absent field is an error, except an `Option`, which is `None`. Why not serde's
//! `Deserialize` derive: per struct it also compiles a reader of the struct written as a
//! sequence and three matchers of field names that JSON never uses, and every type's visitor
//! instantiates serde_json's deserializer again (see ARCHITECTURE.md's decisions). The errors
//! are `core::json::JsonError`s: "thiếu mục “to”", "có mục không thuộc định dạng: “x”",
//! "mục bị lặp: “x”", "sai kiểu dữ liệu", each with line and column; an array never passes
//! for a struct.

pub use tieuchi_derive::{ReadName, ReadObject, WriteName, WriteObject};

#[cfg(test)]
mod tests {
    use crate::core::criteria::{Level, Period, Threshold};
    use crate::core::draft::{Judgement, PartState, ReportMeta};
    use crate::core::json::{from_str, FromJson, What};
    use crate::core::vn::Date;

    fn err<T: FromJson>(text: &str) -> String {
        match from_str::<T>(text) {
            Ok(_) => panic!("{text} was read"),
            Err(e) => e.message_vi(),
        }
    }

    #[test]
    fn required_fields_are_required_and_defaulted_ones_default() {
        assert_eq!(
            err::<Period>(r#"{"from": 2026}"#),
            "thiếu mục “to” (dòng 1, cột 14)"
        );
        let t: Threshold = from_str(r#"{"value": 80, "source": "QĐ 51"}"#).unwrap();
        assert_eq!((t.column, t.year, t.source.as_str()), (None, None, "QĐ 51"));
        let m: ReportMeta = from_str("{}").unwrap();
        assert_eq!(m, ReportMeta::default());
        // null is an absent Option, as serde has it.
        let t: Threshold = from_str(r#"{"year": null, "value": 1, "source": "s"}"#).unwrap();
        assert_eq!(t.year, None);
    }

    #[test]
    fn strict_types_name_an_unknown_key_and_lenient_ones_skip_it() {
        let e = err::<Period>(r#"{"from": 2026, "to": 2030, "until": 2035}"#);
        assert_eq!(e, "có mục không thuộc định dạng: “until” (dòng 1, cột 28)");
        let m: ReportMeta =
            from_str(r#"{"commune": "Liên Sơn", "later": {"a": [1, 2, "\u00e2"]}}"#).unwrap();
        assert_eq!(m.commune, "Liên Sơn");
        // What is skipped is still checked.
        let e = err::<ReportMeta>(r#"{"later": [1, 2,]}"#);
        assert_eq!(e, "sai cú pháp JSON (dòng 1, cột 17)");
    }

    #[test]
    fn open_types_skip_an_unknown_key_but_require_their_fields() {
        let d: Date = from_str(r#"{"year": 2024, "month": 6, "day": 26, "tz": 7}"#).unwrap();
        assert_eq!(d, Date::new(2024, 6, 26).unwrap());
        assert!(err::<Date>(r#"{"year": 2024, "month": 6}"#).starts_with("thiếu mục “day”"));
    }

    #[test]
    fn a_key_twice_is_an_error_even_under_its_alias() {
        let e = err::<Period>(r#"{"from": 2026, "to": 2030, "from": 2021}"#);
        assert_eq!(e, "mục bị lặp: “from” (dòng 1, cột 28)");
        let e = err::<ReportMeta>(r#"{"column": "nhom-1", "region": "nhom-2"}"#);
        assert!(e.starts_with("mục bị lặp: “column”"), "{e}");
    }

    #[test]
    fn earlier_schemas_names_are_read() {
        let m: ReportMeta = from_str(r#"{"region": "mien-nui", "disadvantaged": true}"#).unwrap();
        assert_eq!((m.column.as_str(), m.rule_column), ("mien-nui", true));
        let t: Threshold = from_str(r#"{"region": "a", "value": 1, "source": "s"}"#).unwrap();
        assert_eq!(t.column.as_deref(), Some("a"));
    }

    #[test]
    fn only_an_object_is_a_struct_and_the_message_is_vietnamese() {
        let e = from_str::<Period>("[2026, 2030]").unwrap_err();
        assert_eq!(e.what(), &What::WrongType);
        assert_eq!(e.message_vi(), "sai kiểu dữ liệu (dòng 1, cột 1)");
        let e = from_str::<Period>(r#"{"from": 2026}"#).unwrap_err();
        assert_eq!(e.message_vi(), "thiếu mục “to” (dòng 1, cột 14)");
        // A number out of its type's range, or not whole.
        assert_eq!(
            err::<Period>(r#"{"from": 70000, "to": 1}"#),
            "giá trị không hợp lệ (dòng 1, cột 10)"
        );
        assert_eq!(
            err::<Period>(r#"{"from": 2026.5, "to": 1}"#),
            "sai kiểu dữ liệu (dòng 1, cột 10)"
        );
    }

    #[test]
    fn unit_enums_are_read_by_serdes_names() {
        assert_eq!(
            from_str::<Judgement>(r#""not_applicable""#),
            Ok(Judgement::NotApplicable)
        );
        assert_eq!(
            from_str::<Level>(r#""ntm_nang_cao""#),
            Ok(Level::NtmNangCao)
        );
        assert_eq!(from_str::<PartState>(r#""merged""#), Ok(PartState::Merged));
        for j in [
            Judgement::None,
            Judgement::Met,
            Judgement::NotMet,
            Judgement::NotApplicable,
        ] {
            let text = serde_json::to_string(&j).unwrap();
            assert_eq!(from_str::<Judgement>(&text), Ok(j));
        }
        assert_eq!(
            err::<Judgement>(r#""NotMet""#),
            "giá trị không có trong định dạng: “NotMet” (dòng 1, cột 1)"
        );
        assert_eq!(err::<Judgement>("1"), "sai kiểu dữ liệu (dòng 1, cột 1)");
    }
}
