use super::{from_str, key_of, of_key, pretty, Category, Ignored, JsonError, Number, What};
use crate::core::draft::{Issuer, Judgement, PeriodKind};
use crate::core::num::Dec;
use proptest::prelude::*;

fn err<T: super::FromJson + std::fmt::Debug>(text: &str) -> JsonError {
    from_str::<T>(text).unwrap_err()
}

#[test]
fn an_exponent_at_the_ends_of_i64_is_no_decimal_and_no_panic() {
    for text in [
        "1e9223372036854775807",
        "-1.5E9223372036854775807",
        "1e-9223372036854775808",
    ] {
        assert_eq!(super::plain_decimal(text), None, "{text}");
        assert!(from_str::<Dec>(text).is_err(), "{text}");
    }
    assert_eq!(super::plain_decimal("15e-1").as_deref(), Some("1.5"));
}

#[test]
fn pretty_matches_serde_json() {
    let v = serde_json::json!({"a": [1, 2, {"b": "x, \"y\": [z]", "c": []}], "d": {}, "e": "đạt: 78,91%"});
    let compact = serde_json::to_string(&v).unwrap();
    assert_eq!(pretty(&compact), serde_json::to_string_pretty(&v).unwrap());
}

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
    // Every name is serde's, for every enum read by name.
    fn serdes<T: super::Named + super::FromJson + serde::Serialize>(all: &[T]) {
        for v in all {
            let written = serde_json::to_string(v).unwrap();
            assert_eq!(format!("\"{}\"", key_of(v)), written);
            assert_eq!(from_str::<T>(&written).map(|t| key_of(&t)), Ok(key_of(v)));
        }
    }
    use crate::core::criteria::{Direction, Level};
    use crate::core::draft::PartState;
    serdes(&[
        Judgement::None,
        Judgement::Met,
        Judgement::NotMet,
        Judgement::NotApplicable,
    ]);
    serdes(&[
        PeriodKind::FirstHalf,
        PeriodKind::FullYear,
        PeriodKind::Custom,
    ]);
    serdes(&[Issuer::Committee, Issuer::Board]);
    serdes(&[Level::Ntm, Level::NtmNangCao, Level::NtmKieuMau]);
    serdes(&[Direction::AtLeast, Direction::AtMost]);
    serdes(&[PartState::Out, PartState::Returned, PartState::Merged]);
}

#[test]
fn strings_read_every_escape() {
    let s: String = from_str(r#""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e2\u1EA1""#).unwrap();
    assert_eq!(s, "a\"b\\c/d\u{8}e\u{c}f\ng\rh\tiAâạ");
    // A surrogate pair is one character.
    let s: String = from_str(r#""\ud83d\ude00 \uD83C\uDF3E""#).unwrap();
    assert_eq!(s, "😀 🌾");
    let s: String = from_str("\"Liên Sơn\u{7f}\u{fffd}\"").unwrap();
    assert_eq!(s, "Liên Sơn\u{7f}\u{fffd}");
}

#[test]
fn bad_strings_are_syntax_errors_at_their_place() {
    for (text, column) in [
        (r#""\x""#, 3),
        (r#""\u12g4""#, 6),
        ("\"a\u{1}b\"", 3),
        (r#""\ud83d""#, 2),
        (r#""\ud83dx""#, 2),
        (r#""\ud83d\u0041""#, 2),
        (r#""\ude00""#, 2),
    ] {
        let e = err::<String>(text);
        assert_eq!((e.what(), e.column()), (&What::Syntax, column), "{text}");
    }
}

#[test]
fn numbers_follow_jsons_grammar() {
    for ok in ["0", "-0", "12", "1.5", "1e5", "1E+5", "-2.5e-3"] {
        assert!(from_str::<Ignored>(ok).is_ok(), "{ok}");
    }
    for bad in ["01", "1.", ".5", "+1", "1e", "--1", "1.e5", "0x10", "NaN"] {
        let e = err::<Ignored>(bad);
        assert_ne!(e.category(), Category::Data, "{bad}");
    }
    assert_eq!(from_str::<u8>("255"), Ok(255));
    assert_eq!(err::<u8>("256").what(), &What::Invalid);
    assert_eq!(err::<u8>("-1").what(), &What::Invalid);
    assert_eq!(from_str::<u8>("-0"), Ok(0));
    assert_eq!(err::<u16>("1.0").what(), &What::WrongType);
    assert_eq!(err::<u64>("18446744073709551616").what(), &What::Invalid);
    assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
    assert_eq!(from_str::<i64>("-9223372036854775808"), Ok(i64::MIN));
    assert_eq!(from_str::<Number>("7").unwrap().as_u64(), Some(7));
    assert_eq!(from_str::<Number>("7.0").unwrap().as_u64(), None);
    assert_eq!(from_str::<Number>("1e30").unwrap().as_u64(), None);
    assert_eq!(err::<Number>(r#""7""#).what(), &What::WrongType);
}

#[test]
fn a_wrong_type_is_named_only_for_a_well_formed_value() {
    // serde_json reads a scalar before it says it is of the wrong type: a cut or malformed one
    // is named as such.
    assert_eq!(err::<u8>(r#""abc"#).category(), Category::Eof);
    assert_eq!(err::<u8>("tru").category(), Category::Eof);
    assert_eq!(err::<u8>("trux").category(), Category::Syntax);
    assert_eq!(err::<u8>("true").what(), &What::WrongType);
    assert_eq!(err::<String>("[1,").what(), &What::WrongType);
    assert_eq!(err::<Vec<u8>>("{").what(), &What::WrongType);
}

#[test]
fn literals_whitespace_and_what_follows() {
    assert_eq!(from_str::<bool>(" \t\r\n true \n"), Ok(true));
    assert_eq!(from_str::<Option<bool>>("null"), Ok(None));
    assert_eq!(from_str::<Vec<u8>>("[ ]"), Ok(vec![]));
    assert_eq!(from_str::<Vec<u8>>("[1 , 2]"), Ok(vec![1, 2]));
    let e = err::<bool>("true false");
    assert_eq!((e.what(), e.column()), (&What::Syntax, 6));
    for bad in [
        "[1 2]",
        "[,1]",
        "[1,]",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{,}",
        "{1:2}",
        "nul",
    ] {
        assert_ne!(
            err::<Ignored>(bad).category(),
            Category::Data,
            "{bad} is no JSON"
        );
    }
}

#[test]
fn nesting_is_limited_and_a_deep_file_is_refused_not_a_stack_overflow() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(from_str::<Ignored>(&deep(super::MAX_DEPTH as usize)).is_ok());
    let e = err::<Ignored>(&deep(super::MAX_DEPTH as usize + 1));
    assert_eq!((e.what(), e.column()), (&What::Syntax, 129));
    // Far deeper, and objects too: refused at the limit, before any recursion goes further.
    let e = err::<Ignored>(&"{\"a\":".repeat(100_000));
    assert_eq!(e.what(), &What::Syntax);
    assert!(err::<Ignored>(&"[".repeat(1_000_000)).category() == Category::Syntax);
}

#[test]
fn places_are_lines_and_columns_of_characters() {
    let e = err::<Vec<String>>("[\n  \"Liên Sơn\",\n  \"Đạt\" x]");
    assert_eq!((e.line(), e.column()), (3, 9));
    assert_eq!(e.message_vi(), "sai cú pháp JSON (dòng 3, cột 9)");
    // Cut short: the place is the last character.
    let e = err::<Vec<String>>("[\"Liên\", \"Sơ");
    assert_eq!(e.message_vi(), "tệp bị cắt cụt (dòng 1, cột 12)");
    assert_eq!(
        err::<bool>("").message_vi(),
        "tệp bị cắt cụt (dòng 1, cột 1)"
    );
}

#[test]
fn a_json_number_is_read_exactly_as_written() {
    let read = |s: &str| from_str::<Dec>(s).map(|d| d.fmt_plain());
    assert_eq!(read("26.70").unwrap(), "26.7");
    assert_eq!(read("-0.000001").unwrap(), "-0.000001");
    assert_eq!(read("1E-6").unwrap(), "0.000001");
    assert_eq!(read("2.5e3").unwrap(), "2500");
    assert_eq!(read("0.5e+1").unwrap(), "5");
    assert_eq!(read("0e999999").unwrap(), "0");
    assert_eq!(read("1.0000000").unwrap(), "1");
    assert_eq!(read("\"124.75\"").unwrap(), "124.75");
    assert_eq!(read("1000000000000").unwrap(), "1000000000000");
    // Beyond what a `Dec` holds: an invalid value, in Vietnamese.
    for bad in [
        "0.1234567",
        "1000000000001",
        "1e40",
        "1e-7",
        "1e99999999999999999999",
    ] {
        let e = from_str::<Dec>(bad).unwrap_err();
        assert_eq!(
            e.message_vi(),
            "giá trị không hợp lệ (dòng 1, cột 1)",
            "{bad}"
        );
    }
    let e = from_str::<Dec>("\"x\"").unwrap_err();
    assert_eq!(e.message_vi(), "“x” không phải là số (dòng 1, cột 1)");
    let e = from_str::<Dec>("true").unwrap_err();
    assert_eq!(e.message_vi(), "sai kiểu dữ liệu (dòng 1, cột 1)");
}

proptest! {
    /// Every `Dec` below 10^9 that serde writes (the shortest text of the nearest double:
    /// 15 significant digits at most, which a double holds) reads back equal.
    #[test]
    fn every_written_dec_reads_back(millionths in -999_999_999_999_999i128..1_000_000_000_000_000) {
        let (sign, size) = (if millionths < 0 { "-" } else { "" }, millionths.abs());
        let d = Dec::parse_plain(&format!("{sign}{}.{:06}", size / 1_000_000, size % 1_000_000)).unwrap();
        prop_assert_eq!(d.raw(), millionths);
        let text = serde_json::to_string(&d).unwrap();
        let back: Dec = from_str(&text).unwrap();
        prop_assert_eq!(back, d, "{}", text);
    }
}

/// Texts made from JSON and its pieces, cut and spliced: mostly near-JSON, where readers
/// disagree if they disagree at all.
fn arb_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"",
        "\"a\"",
        "\"\\u00e2\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\\",
        "\\u",
        "0",
        "-",
        "1.5",
        "1e3",
        "01",
        "true",
        "false",
        "null",
        "tru",
        "\u{1}",
        "ạ",
        "\u{feff}",
        ".",
        "e",
        "E",
        "+",
        "9",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// What serde_json accepts as JSON (skipping it, as serde's `IgnoredAny`: numbers beyond
    /// a double's range are JSON), this reader accepts, and nothing else; where both refuse, a
    /// cut text is a cut text for both.
    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in arb_text()) {
        let ours = from_str::<Ignored>(&text);
        let theirs = serde_json::from_str::<serde::de::IgnoredAny>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", text, ours, theirs);
        if let (Err(o), Err(t)) = (&ours, &theirs) {
            let eof = t.classify() == serde_json::error::Category::Eof
                // serde_json's skipping calls a number cut after its point, exponent or sign
                // invalid (its typed reading calls it cut); here it is cut, as the text is.
                || (t.to_string().starts_with("invalid number")
                    && o.category() == Category::Eof
                    && text.ends_with(['.', 'e', 'E', '+', '-']));
            prop_assert_eq!(o.category() == Category::Eof, eof, "{:?}: {:?} / {}", text, o, t);
        }
    }

    /// Any string serde writes reads back equal, escapes and all.
    #[test]
    fn any_string_round_trips(s in any::<String>(), controls in "[\\u{0}-\\u{1f}\\u{7f}\\u{2028}\"\\\\/]{0,8}") {
        let s = format!("{s}{controls}");
        let text = serde_json::to_string(&s).unwrap();
        prop_assert_eq!(from_str::<String>(&text), Ok(s));
    }

    /// Arbitrary bytes never panic the reader, and its message is Vietnamese.
    #[test]
    fn random_text_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = from_str::<Ignored>(&text) {
            let m = e.message_vi();
            prop_assert!(m.contains("(dòng ") && m.contains(", cột "), "{}", m);
        }
    }
}
