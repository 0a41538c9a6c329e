//! Criteria-set files: round trip, and malformed files rejected with located messages.

use serde_json::{json, Value};
use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::sets;

fn shipped(id: &str) -> &'static str {
    sets::SHIPPED.iter().find(|(i, _)| *i == id).unwrap().1
}

/// The Lạng Sơn set: 19 criteria in groups, 57 indicators.
fn base() -> Value {
    serde_json::from_str(shipped("lang-son-xa-ntm-2022-2025")).unwrap()
}

/// The national set of 2021–2025: region columns and a column rule.
fn national() -> Value {
    serde_json::from_str(shipped("quoc-gia-xa-ntm-2021-2025")).unwrap()
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
            "unknown column",
            |v| indicator(v, 3, 0)["thresholds"][0]["column"] = json!("sao-hoa"),
            "tiêu chí 3, chỉ tiêu 3.1: ngưỡng cho cột \"sao-hoa\"",
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
            "format-1 regions in a format-2 file",
            |v| v["regions"] = json!([{"id": "x", "name": "y"}]),
            "tệp: tệp định dạng 2 ghi cột ngưỡng ở \"columns\"",
        ),
        (
            "no programme",
            |v| v["programme"] = json!(" "),
            "tệp: thiếu tên chương trình",
        ),
        (
            "columns without their label",
            |v| v["columns"] = json!({"label": "", "items": [{"id": "a", "name": "A"}]}),
            "tệp: thiếu tên loại cột ngưỡng",
        ),
        (
            "column rule to an unknown column",
            |v| v["column_rule"] = json!({"label": "Xã ĐBKK", "column": "b"}),
            "tệp: cột \"b\" của quy định riêng không có",
        ),
        (
            "bad legal date",
            |v| v["legal_basis"]["date"] = json!("14/9/2022"),
            "tệp: ngày ban hành",
        ),
        (
            "future format",
            |v| v["format"] = json!(9),
            "tệp: tệp do phiên bản mới hơn của ứng dụng tạo (định dạng 9)",
        ),
        (
            "format 0",
            |v| v["format"] = json!(0),
            "tệp: phiên bản định dạng 0 không được hỗ trợ",
        ),
        (
            "an open threshold without the decision's words",
            |v| indicator(v, 4, 1)["open_thresholds"] = json!([{"column": "trung-du-mien-nui-phia-bac", "note": " "}]),
            "tiêu chí 4, chỉ tiêu 4.2: ngưỡng để ngỏ cần ghi lời của văn bản",
        ),
        (
            "an open threshold for an unknown column",
            |v| indicator(v, 4, 1)["open_thresholds"] = json!([{"column": "x", "note": "Theo quy định của UBND tỉnh"}]),
            "tiêu chí 4, chỉ tiêu 4.2: ngưỡng để ngỏ cho cột \"x\" không có",
        ),
        (
            "a general threshold both given and left open",
            |v| indicator(v, 4, 1)["open_thresholds"] = json!([{"note": "Theo quy định của UBND tỉnh"}]),
            "tiêu chí 4, chỉ tiêu 4.2: một cột vừa có ngưỡng vừa để ngỏ",
        ),
        (
            "not applicable to an unknown column",
            |v| indicator(v, 4, 1)["not_applicable_in"] = json!(["x"]),
            "tiêu chí 4, chỉ tiêu 4.2: \"không áp dụng\" cho cột \"x\" không có",
        ),
        (
            "not applicable to a column that has a threshold",
            |v| {
                indicator(v, 4, 1)["thresholds"] = json!([{"column": "dong-bang-song-hong", "value": 95, "source": "a"}]);
                indicator(v, 4, 1)["not_applicable_in"] = json!(["dong-bang-song-hong"]);
            },
            "tiêu chí 4, chỉ tiêu 4.2: cột \"dong-bang-song-hong\" vừa có ngưỡng vừa \"không áp dụng\"",
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
            "tiêu chí 4, chỉ tiêu 4.2: hai ngưỡng cho cùng một cột và năm",
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
    assert_eq!(
        e[0].to_string(),
        "tệp: không đọc được tệp bộ tiêu chí: sai cú pháp JSON (dòng 3, cột 9)"
    );
    let text = shipped("lang-son-xa-ntm-2022-2025");
    let cut = text.char_indices().nth(500).map(|(i, _)| i).unwrap();
    let truncated = &text[..cut];
    assert!(CriteriaSet::from_json(truncated).unwrap_err()[0]
        .message
        .contains("cắt cụt"));
    let mut v = base();
    v["surprise"] = json!(1);
    let e = errors_of(&v);
    assert!(
        e[0].contains("có mục không thuộc định dạng: “surprise”"),
        "{e:?}"
    );
    let mut v = base();
    v["criteria"][2]["number"] = json!("ba");
    let e = errors_of(&v);
    assert!(e[0].contains("sai kiểu dữ liệu (dòng 1, cột"), "{e:?}");
    // No serde English reaches the user.
    assert!(
        !e[0].contains("invalid") && !e[0].contains("expected"),
        "{e:?}"
    );
}

#[test]
fn a_format_1_file_reads_as_the_same_set_in_the_current_format() {
    // tests/fixtures/set-format-1.json is the national 2021–2025 file as the first release
    // wrote it: regions and the rule for disadvantaged communes.
    let old = std::fs::read_to_string("tests/fixtures/set-format-1.json").unwrap();
    let read = CriteriaSet::from_json(&old).unwrap();
    let current = CriteriaSet::from_json(shipped("quoc-gia-xa-ntm-2021-2025")).unwrap();
    assert_eq!(read, current);
    assert_eq!(read.format, tieuchi::core::criteria::FORMAT);
    assert_eq!(read.columns.label, "Vùng kinh tế");
    assert_eq!(read.columns.items.len(), 7);
    let rule = read.column_rule.as_ref().unwrap();
    assert_eq!(rule.column, "trung-du-mien-nui-phia-bac");
    // Written back, it is in the current format and has no format-1 field left.
    let again: Value = serde_json::from_str(&read.to_json()).unwrap();
    assert_eq!(again["format"], tieuchi::core::criteria::FORMAT);
    assert!(again.get("regions").is_none() && again.get("disadvantaged_region").is_none());
}

#[test]
fn the_2026_set_has_ten_criteria_three_groups_and_no_invented_indicator() {
    let set = CriteriaSet::from_json(shipped("quoc-gia-xa-ntm-2026-2030")).unwrap();
    assert_eq!(set.criteria.len(), 10);
    assert_eq!(
        set.indicators().count(),
        0,
        "the 47 indicators are not in any source we hold"
    );
    assert_eq!(set.legal_basis.number, "51/2025/QĐ-TTg");
    assert_eq!((set.period.from, set.period.to), (2026, 2030));
    assert_eq!(set.columns.label, "Nhóm xã");
    let names: Vec<&str> = set.columns.items.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Xã nhóm 1", "Xã nhóm 2", "Xã nhóm 3"]);
    assert!(set.columns.items.iter().all(|c| !c.definition.is_empty()));
    assert!(set.columns.items[2]
        .definition
        .starts_with("Xã khu vực II và xã khu vực III"));
    assert!(set.programme.ends_with("giai đoạn 2026 - 2035"));
    assert_eq!(
        set.criteria[9].name,
        "Tiếp cận pháp luật và an ninh, quốc phòng"
    );
    assert!(set.note.contains("47 chỉ tiêu"));
}

#[test]
fn groups_are_optional_but_a_criterion_cannot_name_a_missing_one() {
    let mut v: Value = serde_json::from_str(shipped("quoc-gia-xa-ntm-2026-2030")).unwrap();
    assert!(errors_of(&v).is_empty());
    v["criteria"][2]["group"] = json!("III");
    assert!(
        errors_of(&v)[0].starts_with("tiêu chí 3: nhóm \"III\""),
        "{:?}",
        errors_of(&v)
    );
    let mut v = national();
    v["criteria"][0]["indicators"] = json!([]);
    assert!(errors_of(&v).is_empty(), "a criterion may be judged whole");
}

#[test]
fn an_indicator_kind_is_read_strictly_with_a_vietnamese_reason() {
    let cases = [
        (
            json!({"type": "colour"}),
            "loại chỉ tiêu \"colour\" không có",
        ),
        (json!({"type": "percent", "unit": "hộ"}), "cần đủ tử số"),
        (
            json!({"type": "yes_no", "unit": "hộ"}),
            "cần không có tử số",
        ),
        (json!({"type": "amount"}), "cần đơn vị (unit)"),
        (
            json!({"type": "count", "unit": "nhà", "numerator": "a"}),
            "đơn vị (unit), không có tử số",
        ),
        (
            json!({"type": "amount", "unit": "x", "extra": 1}),
            "có mục không thuộc định dạng: “extra” (dòng 1, cột",
        ),
    ];
    for (kind, expected) in cases {
        let mut v = base();
        v["criteria"][9]["indicators"][0]["kind"] = kind.clone();
        let errs = errors_of(&v);
        assert!(
            errs.len() == 1 && errs[0].contains(expected),
            "{kind}: expected {expected:?}, got {errs:?}"
        );
    }
    // Every kind the shipped files use still reads.
    let mut v = base();
    v["criteria"][9]["indicators"][0]["kind"] = json!({"type": "count", "unit": "nhà"});
    assert!(errors_of(&v).is_empty());
}

#[test]
fn a_draft_file_offered_as_a_set_is_named_as_such() {
    let draft = std::fs::read_to_string("tests/fixtures/envelope-v2.json").unwrap();
    let e = CriteriaSet::from_json(&draft).unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(
        e[0].message
            .starts_with("đây là tệp bản nháp báo cáo, không phải bộ tiêu chí"),
        "{e:?}"
    );
}

#[test]
fn thresholds_left_open_and_columns_not_applicable_round_trip() {
    let mut v = national();
    v["format"] = json!(2);
    let ind = indicator(&mut v, 4, 1);
    ind["open_thresholds"] = json!([
        {"column": "tay-nguyen", "note": "Theo quy định của UBND tỉnh", "source": "QĐ 51/2025/QĐ-TTg"}
    ]);
    ind["not_applicable_in"] = json!(["dong-bang-song-cuu-long"]);
    let set = CriteriaSet::from_json(&v.to_string()).unwrap();
    assert_eq!(
        set.format,
        tieuchi::core::criteria::FORMAT,
        "format 2 is read and brought up"
    );
    let (_, i) = set.indicator("4.2").unwrap();
    assert_eq!(i.open_thresholds[0].note, "Theo quy định của UBND tỉnh");
    assert_eq!(i.open_thresholds[0].column.as_deref(), Some("tay-nguyen"));
    assert_eq!(i.not_applicable_in, ["dong-bang-song-cuu-long"]);
    let again = CriteriaSet::from_json(&set.to_json()).unwrap();
    assert_eq!(again, set);
}

#[test]
fn a_set_file_of_a_newer_format_is_said_to_be_newer_never_invalid() {
    // A newer build's file: a higher format and a field this build does not know.
    let newer = format!(
        "\"format\": {}, \"later\": {{\"x\": 1}}",
        tieuchi::core::criteria::FORMAT + 1
    );
    let text = include_str!("../criteria/quoc-gia-xa-ntm-2021-2025.json").replacen(
        &format!("\"format\": {}", tieuchi::core::criteria::FORMAT),
        &newer,
        1,
    );
    assert!(text.contains("\"later\""), "the file was made newer");
    let errors = CriteriaSet::from_json(&text).unwrap_err();
    let message = tieuchi::core::criteria::import_failure_vi(&errors);
    assert!(message.contains("do phiên bản mới hơn"), "{message}");
    assert!(!message.contains("không hợp lệ"), "{message}");
    // Other failures are named as before.
    let errors = CriteriaSet::from_json("{\"format\": 2}").unwrap_err();
    assert!(tieuchi::core::criteria::import_failure_vi(&errors)
        .starts_with("Tệp bộ tiêu chí không hợp lệ: "));
}
