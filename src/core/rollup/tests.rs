use super::*;
use crate::core::report::zip::{self, ZipEntry};
use crate::core::store::Envelope;

fn example() -> Envelope {
    store::read(include_str!("../../../tests/fixtures/envelope-v1.json")).unwrap()
}

/// Commune `i`'s file: the example under another name, with criterion 4 met in every other
/// commune, saved at `saved`.
fn commune(i: usize, year: u16, saved: &str) -> Vec<u8> {
    let mut env = example();
    env.draft.id = format!("d{i}-{year}");
    env.draft.meta.commune = format!("Xã thử {i:02}");
    env.draft.meta.year = year;
    if i % 2 == 0 {
        use crate::core::draft::Judgement;
        let e = env.draft.entries.entry("4.1".into()).or_default();
        e.judgement = Judgement::Met;
        let e = env.draft.entries.entry("4.2".into()).or_default();
        e.value = "99".into();
        e.data_year = year.to_string();
    }
    Envelope::new(env.draft, env.set, saved.into())
        .to_json()
        .into_bytes()
}

fn files(n: usize) -> Vec<Input> {
    (0..n)
        .map(|i| Input {
            name: format!("xa-{i:02}.json"),
            bytes: commune(i, 2024, "2024-06-26T09:30:00Z"),
        })
        .collect()
}

#[test]
fn files_are_tabulated_by_set_with_totals_and_bad_ones_listed() {
    let mut inputs = files(6);
    inputs.push(Input {
        name: "hong.json".into(),
        bytes: b"{\"app\":\"tieuchi\",".to_vec(),
    });
    inputs.push(Input {
        name: "bo.json".into(),
        bytes: example().set.to_json().into_bytes(),
    });
    inputs.push(Input {
        name: "anh.png".into(),
        bytes: vec![0x89, b'P', b'N', b'G', 0xff],
    });
    let r = read_files(&inputs);
    assert_eq!(r.rejected.len(), 3, "{:?}", r.rejected);
    assert!(
        r.rejected
            .iter()
            .any(|x| x.reason.contains("tệp bộ tiêu chí")),
        "{:?}",
        r.rejected
    );
    assert_eq!(r.groups.len(), 1);
    let g = &r.groups[0];
    assert_eq!(g.rows.len(), 6);
    assert_eq!(g.rows[0].commune, "Xã thử 00");
    let i4 = g.set.criteria.iter().position(|c| c.number == 4).unwrap();
    assert_eq!(g.totals()[i4], 3, "communes 0, 2 and 4 meet criterion 4");
    assert_eq!(g.histogram().iter().sum::<usize>(), 6);
    for row in &g.rows {
        assert_eq!(
            row.met,
            row.criteria
                .iter()
                .filter(|s| **s == CriterionStatus::Met)
                .count()
        );
        assert!(!row.indicators.is_empty());
    }
}

#[test]
fn the_later_file_of_a_commune_and_period_counts_and_says_what_it_replaced() {
    let mut inputs = files(2);
    // Commune 1 again, saved later and now meeting criterion 4.
    inputs.push(Input {
        name: "xa-01-moi.json".into(),
        bytes: commune(2, 2024, "2024-07-01T08:00:00Z"),
    });
    let mut env: Envelope = store::read(std::str::from_utf8(&inputs[2].bytes).unwrap()).unwrap();
    env.draft.meta.commune = "Xã thử 01".into();
    inputs[2].bytes = env.to_json().into_bytes();
    let r = read_files(&inputs);
    let g = &r.groups[0];
    assert_eq!(g.rows.len(), 2);
    let one = g.rows.iter().find(|x| x.commune == "Xã thử 01").unwrap();
    assert_eq!(one.file, "xa-01-moi.json");
    assert_eq!(one.replaces, ["xa-01.json (lưu lúc 2024-06-26T09:30:00Z)"]);
}

#[test]
fn a_zip_of_files_is_opened_and_different_sets_are_never_mixed() {
    let a = commune(1, 2024, "2024-06-26T09:30:00Z");
    let mut other = example();
    other.set.version = "2025.1".into();
    other.draft.meta.commune = "Xã khác".into();
    let b = Envelope::new(other.draft, other.set, "t".into())
        .to_json()
        .into_bytes();
    let archive = zip::write(&[
        ZipEntry {
            name: "thu-muc/a.json",
            data: &a,
        },
        ZipEntry {
            name: "b.json",
            data: &b,
        },
        ZipEntry {
            name: "ghi-chu.txt",
            data: "không phải bản nháp".as_bytes(),
        },
    ]);
    let r = read_files(&[Input {
        name: "gui-tinh.zip".into(),
        bytes: archive,
    }]);
    assert_eq!(r.groups.len(), 2, "two versions of a set, two groups");
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].name, "gui-tinh.zip/ghi-chu.txt");
    let bad = read_files(&[Input {
        name: "hong.zip".into(),
        bytes: b"PK\x03\x04 cut".to_vec(),
    }]);
    assert!(
        bad.rejected[0].reason.starts_with("Không mở được tệp nén"),
        "{:?}",
        bad.rejected
    );
}

#[test]
fn a_communes_trend_names_the_criteria_gained_and_lost() {
    let inputs = vec![
        Input {
            name: "2023.json".into(),
            bytes: commune(1, 2023, "2023-07-01T00:00:00Z"),
        },
        Input {
            name: "2024.json".into(),
            bytes: commune(2, 2024, "2024-07-01T00:00:00Z"),
        },
    ];
    let mut r = read_files(&inputs);
    // Both rows are "Xã thử 0x": give them one name.
    for row in &mut r.groups[0].rows {
        row.commune = "Xã thử".into();
    }
    let trend = r.groups[0].trend("Lạng Sơn", "xã thử");
    assert_eq!(trend.len(), 2);
    assert!(trend[0].1.is_empty() && trend[0].2.is_empty());
    assert!(
        trend[1].1.contains(&4),
        "criterion 4 gained: {:?}",
        trend[1]
    );
}

/// The workbook, read back by an independent reader (the `zip` crate and quick-xml).
#[test]
fn the_workbook_holds_the_table_with_numbers_as_numbers() {
    use std::io::Read;
    let r = read_files(&files(3));
    let bytes = xlsx(&r);
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = |name: &str| {
        let mut s = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
    ] {
        let xml = sheet(part);
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{part}: {e}"),
            }
        }
    }
    let s1 = sheet("xl/worksheets/sheet1.xml");
    assert!(s1.contains("<t xml:space=\"preserve\">Xã thử 02</t>"));
    assert!(
        s1.contains("<t xml:space=\"preserve\">TC 4. Điện</t>"),
        "{}",
        &s1[..600]
    );
    // "Số xã đạt" of criterion 4: communes 0 and 2, a number.
    assert!(s1.contains("<t xml:space=\"preserve\">Số xã đạt</t>"));
    let s2 = sheet("xl/worksheets/sheet2.xml");
    assert!(
        s2.contains("<v>99</v>"),
        "the figure of 4.2 stored as a number"
    );
    let csv = long_csv(&r);
    assert!(csv.starts_with("\u{feff}Tỉnh,Xã,Kỳ báo cáo,Năm,Bộ tiêu chí"));
    assert!(csv.contains(",4.2,"));
}
