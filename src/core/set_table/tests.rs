use super::*;
use crate::core::criteria::{Direction, Kind};
use crate::core::num::Dec;
use crate::core::sets::shipped;

/// A made-up table in the decision's layout (test data, not legal figures): 10 criteria, 47
/// indicators, a header and a heading row per criterion.
pub const TEST_TABLE: &str = include_str!("../../../tests/fixtures/bang-thu-nghiem-2026.tsv");

pub fn set_2026() -> CriteriaSet {
    shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2026-2030")
        .unwrap()
}

fn dec(s: &str) -> Dec {
    Dec::parse_vn(s).unwrap()
}

/// Every share of the test tables counted in households, as a person answers the preview's
/// question for shares that say nothing of what they count ("Tỷ lệ thử nghiệm 1.1").
pub fn opts(source: &str) -> Options {
    Options {
        default_source: source.into(),
        units: (1..=10)
            .flat_map(|c| (1..=6).map(move |i| (format!("{c}.{i}"), "hộ".to_string())))
            .collect(),
        confirmed: false,
    }
}

#[test]
fn the_test_table_is_read_whole_and_applied_to_the_2026_set() {
    let set = set_2026();
    let table = parse(TEST_TABLE, &set);
    assert!(table.errors.is_empty(), "{:?}", table.errors);
    assert_eq!(table.rows.len(), 47);
    // The header and the ten criterion headings are passed over, and said so.
    assert_eq!(table.skipped.len(), 11, "{:?}", table.skipped);
    // Without what the shares count, the preview asks on each such row, and apply refuses.
    let asked = plan(&set, &table, &Options::default());
    let ask: Vec<&str> = asked
        .rows
        .iter()
        .filter(|r| r.needs_unit)
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(ask.len(), 10, "{ask:?}");
    assert!(apply(&set, &table, &Options::default()).is_err());
    let next = apply(&set, &table, &opts("")).unwrap();
    assert_eq!(next.indicators().count(), 47);
    let find = |code: &str| next.indicator(code).unwrap().1.clone();
    let pct = find("1.1");
    assert!(matches!(&pct.kind, Kind::Percent { unit, .. } if unit == "hộ"));
    assert_eq!(pct.direction, Some(Direction::AtLeast));
    assert_eq!(pct.thresholds.len(), 3);
    assert_eq!(pct.thresholds[2].column.as_deref(), Some("nhom-3"));
    assert_eq!(pct.thresholds[2].value, dec("70"));
    assert_eq!(
        pct.thresholds[0].source,
        "Bảng thử nghiệm (không phải văn bản pháp lý)"
    );
    assert_eq!(find("1.2").kind, Kind::YesNo);
    assert_eq!(
        find("1.3").kind,
        Kind::Amount {
            unit: "triệu đồng/người/năm".into()
        }
    );
    let at_most = find("1.4");
    assert_eq!(at_most.direction, Some(Direction::AtMost));
    assert_eq!(at_most.thresholds[2].value, dec("4,5"));
    assert!(
        matches!(&at_most.kind, Kind::Percent { unit, .. } if unit == "hộ"),
        "read off “Tỷ lệ hộ …”"
    );
    // "-": no threshold for that column, and the indicator does not apply there.
    assert_eq!(find("1.5").thresholds.len(), 2);
    assert_eq!(find("1.5").not_applicable_in, ["nhom-3"]);
}

#[test]
fn export_then_import_gives_the_same_set() {
    let mut sets = shipped();
    let set = set_2026();
    sets.push(apply(&set, &parse(TEST_TABLE, &set), &opts("")).unwrap());
    for set in sets {
        let csv = to_csv(&set);
        if set.indicators().count() == 0 {
            // Only the header: importing it changes nothing, and says there is nothing.
            assert!(!parse(&csv, &set).ok());
            continue;
        }
        assert!(csv.starts_with('\u{feff}'));
        let table = parse(&csv, &set);
        assert!(table.errors.is_empty(), "{}: {:?}", set.id, table.errors);
        let back = apply(&set, &table, &Options::default())
            .unwrap_or_else(|e| panic!("{}: {e:?}", set.id));
        assert_eq!(back, set, "{}", set.id);
    }
}

#[test]
fn an_existing_indicator_keeps_its_counts_names_when_its_thresholds_change() {
    let set = shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .unwrap();
    let before = set.indicator("9.2").unwrap().1.clone();
    let table = parse("9.2\t\t≥ 80%\tQĐ 1494/QĐ-UBND", &set);
    let next = apply(&set, &table, &Options::default()).unwrap();
    let after = next.indicator("9.2").unwrap().1;
    assert_eq!(after.kind, before.kind, "numerator and denominator kept");
    assert_eq!(
        after.wording, before.wording,
        "an empty wording keeps the old one"
    );
    assert_eq!(after.thresholds.len(), 1);
    assert_eq!(after.thresholds[0].source, "QĐ 1494/QĐ-UBND");
    // Everything else is untouched.
    assert_eq!(next.indicators().count(), set.indicators().count());
}

#[test]
fn a_row_without_a_source_takes_the_default_and_without_either_is_refused() {
    let set = set_2026();
    let t = parse("1.1\tTỷ lệ hộ có quy hoạch\t≥ 80%\t≥ 70%\t≥ 60%", &set);
    let next = apply(&set, &t, &opts("QĐ 51/2025/QĐ-TTg, Phụ lục")).unwrap();
    assert_eq!(
        next.indicators().next().unwrap().1.thresholds[0].source,
        "QĐ 51/2025/QĐ-TTg, Phụ lục"
    );
    let refused = apply(&set, &t, &opts("")).unwrap_err();
    assert!(
        refused
            .iter()
            .any(|e| e.contains("dòng 1: chỉ tiêu 1.1: ngưỡng thiếu nguồn")),
        "{refused:?}"
    );
}

/// Twenty-one malformed tables: each is refused with a message naming its row (or the table),
/// the preview says so before applying, and applying changes nothing.
#[test]
fn malformed_tables_name_the_row_and_change_nothing() {
    let set = set_2026();
    let long: String = (0..10_000)
        .map(|i| format!("1.{i}\tx\t≥ 1%\t≥ 1%\t≥ 1%\n"))
        .collect();
    let cases: Vec<(&str, String, &str)> = vec![
        ("too few columns", "1.1\tCó quy hoạch\t≥ 80%".into(), "dòng 1: có 3 cột, cần 5"),
        ("too many columns", "1.1\ta\t1%\t2%\t3%\tb\t2027\tc".into(), "dòng 1: có 8 cột"),
        ("unknown code", "1.1\ta\t1%\t2%\t3%\nabc\tb\t1%\t2%\t3%".into(), "dòng 2: mã chỉ tiêu “abc” không đọc được"),
        ("≥ abc", "1.1\ta\t≥ abc\t2%\t3%".into(), "dòng 1: ô “≥ abc”: không tìm thấy số; ghi như “≥ 80%”"),
        ("criterion the set lacks", "11.1\ta\t1%\t2%\t3%".into(), "dòng 1: bộ tiêu chí không có tiêu chí 11"),
        ("mixed separators", "1.1\ta\t1%\t2%\t3%\n1.2;b;1%;2%;3%".into(), "dòng 2: có 1 cột, cần 5 (mã, nội dung, mỗi cột ngưỡng một ô; thêm nguồn nếu có); dòng này có dấu chấm phẩy"),
        ("10,000 rows", long, "Bảng có 10000 dòng"),
        ("Đạt beside a figure", "1.1\ta\tĐạt\t80%\t70%".into(), "dòng 1: “Đạt” và ngưỡng bằng số"),
        ("≥ and ≤ in one row", "1.1\ta\t≥ 80%\t≤ 70%\t-".into(), "dòng 1: có ô “≥” và ô “≤”"),
        ("two units in one row", "1.1\ta\t80%\t39 triệu đồng\t-".into(), "dòng 1: đơn vị khác nhau"),
        ("a share over 100%", "1.1\ta\t≥ 180%\t-\t-".into(), "dòng 1: ô “≥ 180%”: tỷ lệ không quá 100%"),
        ("a negative threshold", "1.1\ta\t≥ -5%\t-\t-".into(), "dòng 1: ô “≥ -5%”: ngưỡng không được âm"),
        ("a strict sign", "1.1\ta\t> 80%\t-\t-".into(), "dòng 1: ô “> 80%”: ngưỡng chỉ ghi “≥”"),
        ("the same code twice", "1.1\ta\t1%\t2%\t3%\n1.1\ta\t1%\t2%\t3%".into(), "dòng 2: chỉ tiêu 1.1 có ở một dòng trước"),
        ("three levels of code", "1.1.1\ta\t1%\t2%\t3%".into(), "dòng 1: mã chỉ tiêu “1.1.1” có quá nhiều cấp"),
        ("a year outside the period", "1.1\ta\t1%\t2%\t3%\tNguồn\t2019".into(), "dòng 1: năm “2019” không thuộc giai đoạn 2026–2030"),
        ("an unknown CSV column", "Mã chỉ tiêu;Nội dung;Vùng Tây Nguyên\n1.1;a;1%".into(), "“Vùng Tây Nguyên” (cột 3) không có trong bộ tiêu chí này"),
        ("a new indicator without wording", "Mã chỉ tiêu;Xã nhóm 1\n1.1;1%".into(), "dòng 2: chỉ tiêu 1.1: chỉ tiêu mới cần nội dung"),
        ("an unclosed quote", "1.1;\"a;1%;2%;3%".into(), "dòng 1: dấu ngoặc kép"),
        ("nothing pasted", " \n\t\n".into(), "Chưa có dòng nào"),
        ("“-” in every column", "1.1\tCó quy hoạch\t-\t-\t-".into(), "dòng 1: “-” (không áp dụng) ở mọi cột"),
    ];
    assert_eq!(cases.len(), 21);
    for (name, text, message) in cases {
        let table = parse(&text, &set);
        let preview = plan(&set, &table, &opts("nguồn"));
        assert!(!preview.ready(true), "{name}: accepted");
        assert!(
            preview.messages().iter().any(|m| m.contains(message)),
            "{name}: {:?}",
            preview.messages()
        );
        let refused = apply(
            &set,
            &table,
            &Options {
                confirmed: true,
                ..opts("nguồn")
            },
        );
        assert_eq!(refused, Err(preview.messages()), "{name}");
    }
}

#[test]
fn a_new_indicator_needs_a_wording_and_may_wait_for_its_thresholds() {
    let set = set_2026();
    let e = apply(&set, &parse("1.1\t\t1%\t2%\t3%", &set), &opts("n")).unwrap_err();
    assert!(
        e[0].contains("chỉ tiêu 1.1: chỉ tiêu mới cần nội dung"),
        "{e:?}"
    );
    // Left to the province in every column, with the decision's words kept.
    let t = parse(
        "1.1\tTỷ lệ hộ thử nghiệm\tTheo quy định của UBND tỉnh\t\t",
        &set,
    );
    let next = apply(&set, &t, &opts("QĐ thử nghiệm")).unwrap();
    let ind = next.indicator("1.1").unwrap().1;
    assert!(matches!(&ind.kind, Kind::Percent { unit, .. } if unit == "hộ"));
    assert!(ind.thresholds.is_empty());
    assert_eq!(ind.open_thresholds.len(), 1);
    assert_eq!(ind.open_thresholds[0].note, "Theo quy định của UBND tỉnh");
    assert_eq!(ind.open_thresholds[0].column.as_deref(), Some("nhom-1"));
}

/// "x" or an empty cell over an existing indicator never erases its thresholds; a change of
/// kind, a threshold lost or a column no longer applicable is listed and must be confirmed.
#[test]
fn changes_to_existing_indicators_are_listed_and_confirmed() {
    let set = set_2026();
    let base = apply(&set, &parse(TEST_TABLE, &set), &opts("")).unwrap();
    for blank in [
        "1.1\t\t\t\t",
        "1.1\t\tx\tx\tx",
        "1.1\tTỷ lệ thử nghiệm mới\t\t\t",
    ] {
        let p = plan(&base, &parse(blank, &base), &Options::default());
        let after = p.result.as_ref().unwrap().indicator("1.1").unwrap().1;
        assert_eq!(
            after.thresholds,
            base.indicator("1.1").unwrap().1.thresholds,
            "{blank}"
        );
        assert!(
            p.rows[0].notes.iter().any(|n| n.contains("giữ ngưỡng")),
            "{blank}"
        );
        assert_eq!(p.to_confirm(), 0, "{blank}");
    }
    let p = plan(
        &base,
        &parse("1.1\t\tĐạt\tĐạt\tĐạt\n1.3\t\t≥ 80%\t≥ 70%\t-", &base),
        &Options::default(),
    );
    let texts: Vec<&str> = p
        .changes
        .iter()
        .filter(|c| c.confirm)
        .map(|c| c.text.as_str())
        .collect();
    assert!(
        texts.contains(&"Chỉ tiêu 1.1: loại tỷ lệ % (hộ) → đạt/chưa đạt"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Chỉ tiêu 1.3: loại giá trị (triệu đồng/người/năm) → tỷ lệ %")),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Chỉ tiêu 1.3: không áp dụng cho Xã nhóm 3"),
        "{texts:?}"
    );
    assert!(!p.ready(false));
    assert!(apply(
        &base,
        &parse("1.1\t\tĐạt\tĐạt\tĐạt", &base),
        &Options::default()
    )
    .unwrap_err()[0]
        .contains("Cần xác nhận"));
    let ok = apply(
        &base,
        &parse("1.1\t\tĐạt\tĐạt\tĐạt", &base),
        &Options {
            confirmed: true,
            ..Options::default()
        },
    );
    assert_eq!(ok.unwrap().indicator("1.1").unwrap().1.kind, Kind::YesNo);
    // A share that stays a share keeps what it counts and its counts' names.
    let p = plan(
        &base,
        &parse("1.1\t\t≥ 95%\t≥ 85%\t≥ 75%", &base),
        &opts("Văn bản thử nghiệm"),
    );
    assert_eq!(p.to_confirm(), 0, "{:?}", p.changes);
    assert_eq!(p.changes[0].text, "Chỉ tiêu 1.1: ngưỡng Xã nhóm 1: ≥ 90%; Xã nhóm 2: ≥ 80%; Xã nhóm 3: ≥ 70% → Xã nhóm 1: ≥ 95%; Xã nhóm 2: ≥ 85%; Xã nhóm 3: ≥ 75%");
    assert_eq!(
        p.result.unwrap().indicator("1.1").unwrap().1.kind,
        base.indicator("1.1").unwrap().1.kind
    );
}

/// A code a spreadsheet turned from 17.10 into 17.1 is refused with the reason.
#[test]
fn a_code_a_spreadsheet_changed_says_why() {
    let set = shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .unwrap();
    let mut csv = to_csv(&set);
    assert!(
        csv.contains("\"=\"\"17.10\"\"\""),
        "codes are written as text"
    );
    csv = csv.replace("\"=\"\"17.10\"\"\"", "17.1");
    let table = parse(&csv, &set);
    let m = &table.errors[0].message;
    assert!(
        m.contains(
            "chỉ tiêu 17.1 có ở một dòng trước — có thể bảng tính đã đổi mã 17.10 thành 17.1"
        ),
        "{m}"
    );
}
