use super::*;
use crate::core::criteria::{Direction, Kind};
use crate::core::num::Dec;
use crate::core::sets::shipped;

/// A made-up table in the decision's layout (test data, not legal figures): 10 criteria, 47
/// indicators, a header and a heading row per criterion.
const TEST_TABLE: &str = include_str!("../../../tests/fixtures/bang-thu-nghiem-2026.tsv");

fn set_2026() -> CriteriaSet {
    shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2026-2030")
        .unwrap()
}

fn dec(s: &str) -> Dec {
    Dec::parse_vn(s).unwrap()
}

#[test]
fn the_test_table_is_read_whole_and_applied_to_the_2026_set() {
    let set = set_2026();
    let table = parse(TEST_TABLE, &set);
    assert!(table.errors.is_empty(), "{:?}", table.errors);
    assert_eq!(table.rows.len(), 47);
    // The header and the ten criterion headings are passed over, and said so.
    assert_eq!(table.skipped.len(), 11);
    let next = apply(&set, &table, "").unwrap();
    assert_eq!(next.indicators().count(), 47);
    let find = |code: &str| {
        next.indicators()
            .find(|(_, i)| i.code == code)
            .unwrap()
            .1
            .clone()
    };
    let pct = find("1.1");
    assert!(matches!(pct.kind, Kind::Percent { .. }));
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
    // "-": no threshold for that column.
    assert_eq!(find("1.5").thresholds.len(), 2);
}

#[test]
fn export_then_import_gives_the_same_set() {
    let mut sets = shipped();
    sets.push(apply(&set_2026(), &parse(TEST_TABLE, &set_2026()), "").unwrap());
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
        let back = apply(&set, &table, "").unwrap_or_else(|e| panic!("{}: {e:?}", set.id));
        assert_eq!(back, set, "{}", set.id);
    }
}

#[test]
fn an_existing_indicator_keeps_its_counts_names_when_its_thresholds_change() {
    let set = shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .unwrap();
    let (_, before) = set
        .indicators()
        .find(|(_, i)| i.code == "9.2")
        .map(|(c, i)| (c.number, i.clone()))
        .unwrap();
    let next = apply(&set, &parse("9.2\t\t≥ 80%\tQĐ 1494/QĐ-UBND", &set), "").unwrap();
    let after = next.indicators().find(|(_, i)| i.code == "9.2").unwrap().1;
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
    let t = parse("1.1\tCó quy hoạch chung xã\t≥ 80%\t≥ 70%\t≥ 60%", &set);
    let next = apply(&set, &t, "QĐ 51/2025/QĐ-TTg, Phụ lục").unwrap();
    assert_eq!(
        next.indicators().next().unwrap().1.thresholds[0].source,
        "QĐ 51/2025/QĐ-TTg, Phụ lục"
    );
    let refused = apply(&set, &t, "").unwrap_err();
    assert!(
        refused.iter().any(|e| e.contains("thiếu nguồn")),
        "{refused:?}"
    );
}

/// Twenty malformed tables: each is refused with a message naming its row (or the table),
/// and applying changes nothing.
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
        ("≥ abc", "1.1\ta\t≥ abc\t2%\t3%".into(), "dòng 1: ô “≥ abc”: Không phải là số"),
        ("criterion the set lacks", "11.1\ta\t1%\t2%\t3%".into(), "dòng 1: bộ tiêu chí không có tiêu chí 11"),
        ("mixed separators", "1.1\ta\t1%\t2%\t3%\n1.2;b;1%;2%;3%".into(), "dòng 2: có 1 cột, cần 5 (mã, nội dung, mỗi cột ngưỡng một ô; thêm nguồn nếu có); dòng này dùng dấu chấm phẩy trong khi bảng dùng dấu tab"),
        ("10,000 rows", long, "Bảng có 10000 dòng"),
        ("Đạt beside a figure", "1.1\ta\tĐạt\t80%\t70%".into(), "dòng 1: “Đạt” và ngưỡng bằng số"),
        ("≥ and ≤ in one row", "1.1\ta\t≥ 80%\t≤ 70%\t-".into(), "dòng 1: có ô “≥” và ô “≤”"),
        ("two units in one row", "1.1\ta\t80%\t39 triệu đồng\t-".into(), "dòng 1: đơn vị khác nhau"),
        ("a share over 100%", "1.1\ta\t≥ 180%\t-\t-".into(), "dòng 1: ô “≥ 180%”: tỷ lệ không quá 100%"),
        ("a negative threshold", "1.1\ta\t≥ -5%\t-\t-".into(), "dòng 1: ô “≥ -5%”: ngưỡng không được âm"),
        ("a strict sign", "1.1\ta\t> 80%\t-\t-".into(), "dòng 1: ô “> 80%”: ghi “≥”"),
        ("the same code twice", "1.1\ta\t1%\t2%\t3%\n1.1\ta\t1%\t2%\t3%".into(), "dòng 2: chỉ tiêu 1.1 có ở một dòng trước"),
        ("three levels of code", "1.1.1\ta\t1%\t2%\t3%".into(), "dòng 1: mã chỉ tiêu “1.1.1” có quá nhiều cấp"),
        ("a year outside the period", "1.1\ta\t1%\t2%\t3%\tNguồn\t2019".into(), "dòng 1: năm “2019” không thuộc giai đoạn 2026–2030"),
        ("an unknown CSV column", "Mã chỉ tiêu;Nội dung;Vùng Tây Nguyên\n1.1;a;1%".into(), "dòng 1: cột “Vùng Tây Nguyên” không có trong bộ tiêu chí này"),
        ("a CSV without the wording column", "Mã chỉ tiêu;Xã nhóm 1\n1.1;1%".into(), "dòng 1: thiếu cột “Mã chỉ tiêu” hoặc “Nội dung”"),
        ("an unclosed quote", "1.1;\"a;1%;2%;3%".into(), "dòng 1: dấu ngoặc kép"),
        ("nothing pasted", " \n\t\n".into(), "Chưa có dòng nào"),
    ];
    assert_eq!(cases.len(), 20);
    for (name, text, message) in cases {
        let table = parse(&text, &set);
        assert!(!table.ok(), "{name}: accepted");
        assert!(
            table
                .errors
                .iter()
                .any(|e| e.message.starts_with(message) || e.message.contains(message)),
            "{name}: {:?}",
            table.errors
        );
        assert!(apply(&set, &table, "nguồn").is_err(), "{name}: applied");
    }
}

#[test]
fn a_new_indicator_needs_a_wording_and_a_threshold() {
    let set = set_2026();
    let e = apply(&set, &parse("1.1\t\t1%\t2%\t3%", &set), "n").unwrap_err();
    assert!(e[0].contains("chỉ tiêu mới 1.1 cần nội dung"), "{e:?}");
    let e = apply(&set, &parse("1.1\tCó quy hoạch\t-\t-\t-", &set), "n").unwrap_err();
    assert!(e[0].contains("cần ít nhất một ngưỡng"), "{e:?}");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text at all: read without panicking, and applied only when read whole.
        #[test]
        fn random_tables_never_panic(text in "(?s).{0,400}") {
            let set = set_2026();
            let table = parse(&text, &set);
            let _ = apply(&set, &table, "nguồn");
        }

        /// Tables of plausible cells in random arrangement: never a panic; what applies is a
        /// valid set whose exported CSV reads back to itself.
        #[test]
        fn random_cell_tables_apply_to_valid_sets_that_round_trip(
            rows in proptest::collection::vec(
                (1u8..=11, 1u8..=6, proptest::collection::vec(
                    prop_oneof![
                        // Literal cells (a &str strategy is a regex), and near misses.
                        proptest::sample::select(vec!["", "-", "Đạt", "≥ 80%", "≤ 26,7%", "100%", "≥ 39 triệu đồng", "≥ 3", "x%", "≥ 1.234,5"]).prop_map(String::from),
                        "[≥≤ ]{0,2}[0-9.,\\x0b]{1,6}( ?%| ha| triệu đồng)?",
                    ], 3..=4),
                 "[a-zA-ZÀ-ỹ ;\"'=-]{0,12}"),
                0..12)
        ) {
            let set = set_2026();
            let text: String = rows.iter().map(|(c, i, cells, src)| {
                format!("{c}.{i}\tNội dung {c}.{i}\t{}\t{src}\n", cells.join("\t"))
            }).collect();
            let table = parse(&text, &set);
            if let Ok(next) = apply(&set, &table, "Nguồn mặc định") {
                prop_assert!(next.validate().is_empty());
                let back = apply(&next, &parse(&to_csv(&next), &next), "");
                prop_assert_eq!(back, Ok(next));
            }
        }
    }
}
