//! Criteria-set files: round trip, and malformed files rejected with located messages.

use serde_json::{json, Value};
use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::sets;

fn base() -> Value {
    serde_json::from_str(sets::SHIPPED[0].1).unwrap()
}

fn errors_of(v: &Value) -> Vec<String> {
    match CriteriaSet::from_json(&v.to_string()) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(|e| e.to_string()).collect(),
    }
}

fn indicator(v: &mut Value, criterion: usize, ind: usize) -> &mut Value {
    &mut v["criteria"][criterion - 1]["indicators"][ind]
}

#[test]
fn shipped_sets_round_trip() {
    for (_, text) in sets::SHIPPED {
        let set = CriteriaSet::from_json(text).unwrap();
        let again = CriteriaSet::from_json(&set.to_json()).unwrap();
        assert_eq!(set, again);
        // The file as committed is exactly what the writer produces, modulo whitespace.
        let a: Value = serde_json::from_str(text).unwrap();
        let b: Value = serde_json::from_str(&set.to_json()).unwrap();
        assert_eq!(a, b);
    }
}

#[test]
fn malformed_sets_are_rejected_with_their_place() {
    type Mutation = fn(&mut Value);
    let cases: Vec<(&str, Mutation, &str)> = vec![
        (
            "negative threshold",
            |v| indicator(v, 17, 7)["thresholds"] = json!([{"value": -5, "source": "x"}]),
            "tiêu chí 17, chỉ tiêu 17.8: ngưỡng không hợp lệ",
        ),
        (
            "percent above 100",
            |v| indicator(v, 4, 1)["thresholds"][0]["value"] = json!(150),
            "tiêu chí 4, chỉ tiêu 4.2: ngưỡng không hợp lệ",
        ),
        (
            "threshold without source",
            |v| indicator(v, 4, 1)["thresholds"][0]["source"] = json!(""),
            "tiêu chí 4, chỉ tiêu 4.2: ngưỡng thiếu nguồn",
        ),
        (
            "duplicate code",
            |v| indicator(v, 1, 1)["code"] = json!("1.1"),
            "tiêu chí 1, chỉ tiêu 1.1: mã chỉ tiêu bị trùng",
        ),
        (
            "code of another criterion",
            |v| indicator(v, 3, 0)["code"] = json!("4.9"),
            "tiêu chí 3, chỉ tiêu 4.9: mã chỉ tiêu phải là 3 hoặc 3.n",
        ),
        (
            "unknown region",
            |v| indicator(v, 3, 0)["thresholds"][0]["region"] = json!("sao-hoa"),
            "tiêu chí 3, chỉ tiêu 3.1: ngưỡng cho vùng \"sao-hoa\"",
        ),
        (
            "year outside period",
            |v| indicator(v, 10, 0)["thresholds"][0]["year"] = json!(2030),
            "tiêu chí 10, chỉ tiêu 10: ngưỡng năm 2030 nằm ngoài giai đoạn",
        ),
        (
            "numeric without direction",
            |v| {
                indicator(v, 9, 1)
                    .as_object_mut()
                    .unwrap()
                    .remove("direction");
            },
            "tiêu chí 9, chỉ tiêu 9.2: thiếu chiều so sánh",
        ),
        (
            "yes/no with a threshold",
            |v| indicator(v, 1, 0)["thresholds"] = json!([{"value": 1, "source": "x"}]),
            "tiêu chí 1, chỉ tiêu 1.1: chỉ tiêu đạt/không đạt không có ngưỡng số",
        ),
        (
            "unknown group",
            |v| v["criteria"][4]["group"] = json!("IX"),
            "tiêu chí 5: nhóm \"IX\"",
        ),
        (
            "duplicate criterion",
            |v| v["criteria"][5]["number"] = json!(5),
            "tiêu chí 5: số tiêu chí trùng",
        ),
        (
            "criterion without indicators",
            |v| v["criteria"][6]["indicators"] = json!([]),
            "tiêu chí 7: tiêu chí không có chỉ tiêu nào",
        ),
        (
            "bad legal date",
            |v| v["legal_basis"]["date"] = json!("14/9/2022"),
            "tệp: ngày ban hành",
        ),
        (
            "future format",
            |v| v["format"] = json!(9),
            "tệp: phiên bản định dạng 9",
        ),
        (
            "empty percent counts",
            |v| indicator(v, 9, 1)["kind"]["numerator"] = json!(""),
            "tiêu chí 9, chỉ tiêu 9.2: thiếu tên tử số",
        ),
        (
            "two thresholds same column",
            |v| {
                indicator(v, 4, 1)["thresholds"] =
                    json!([{"value": 95, "source": "a"}, {"value": 90, "source": "b"}])
            },
            "tiêu chí 4, chỉ tiêu 4.2: hai ngưỡng cho cùng một vùng và năm",
        ),
    ];
    for (what, mutate, expected) in cases {
        let mut v = base();
        mutate(&mut v);
        let errs = errors_of(&v);
        assert!(
            errs.iter().any(|e| e.starts_with(expected)),
            "{what}: expected {expected:?}, got {errs:?}"
        );
    }
}

#[test]
fn syntax_and_structure_errors_name_line_and_column() {
    let e = CriteriaSet::from_json("{\n  \"format\": 1,\n  \"id\": }").unwrap_err();
    assert!(e[0].to_string().starts_with("tệp, dòng 3 cột"), "{e:?}");
    assert!(e[0].message.contains("sai cú pháp JSON"));
    let cut = sets::SHIPPED[0]
        .1
        .char_indices()
        .nth(500)
        .map(|(i, _)| i)
        .unwrap();
    let truncated = &sets::SHIPPED[0].1[..cut];
    assert!(CriteriaSet::from_json(truncated).unwrap_err()[0]
        .message
        .contains("cắt cụt"));
    let mut v = base();
    v["criteria"][0]["indicators"][0]["kind"] = json!({"type": "colour"});
    assert!(errors_of(&v)[0].contains("sai cấu trúc"));
    let mut v = base();
    v["surprise"] = json!(1);
    assert!(errors_of(&v)[0].contains("unknown field"));
}
