use super::*;
use crate::core::report::zip::{self, ZipEntry};
use crate::core::store::Envelope;

mod headline;
mod list;
mod props;
mod workbook;

fn example() -> Envelope {
    store::read(include_str!("../../../tests/fixtures/envelope-v1.json")).unwrap()
}

fn bytes(env: Envelope) -> Vec<u8> {
    env.to_json().into_bytes()
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
    bytes(Envelope::new(env.draft, env.set, saved.into()))
}

fn files(n: usize) -> Vec<Input> {
    (0..n)
        .map(|i| Input {
            name: format!("xa-{i:02}.json"),
            bytes: commune(i, 2024, "2024-06-26T09:30:00Z"),
        })
        .collect()
}

/// A file of the example named `commune`, saved at `saved`, with its set changed by `set`.
fn named(file: &str, commune: &str, saved: &str, set: impl Fn(&mut CriteriaSet)) -> Input {
    let mut env = example();
    env.draft.id = format!("d-{}", file.replace('.', "-"));
    env.draft.meta.commune = commune.into();
    set(&mut env.set);
    Input {
        name: file.into(),
        bytes: bytes(Envelope::new(env.draft, env.set, saved.into())),
    }
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
    assert!(!r.groups[0].variant);
    let g = &r.groups[0];
    assert_eq!(g.rows.len(), 6);
    assert_eq!(g.rows[0].commune, "Xã thử 00");
    assert_eq!(r.sections.len(), 1);
    let rows = r.sections[0].rows(g);
    let i4 = g.set.criteria.iter().position(|c| c.number == 4).unwrap();
    let f = Figures::of(g.set.criteria.len(), &rows);
    assert_eq!(
        f.per_criterion[i4], 3,
        "communes 0, 2 and 4 meet criterion 4"
    );
    assert_eq!(
        histogram(g.set.criteria.len(), &rows).iter().sum::<usize>(),
        6
    );
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

/// The problems column is the report's DỰ THẢO list, word for word.
#[test]
fn a_rows_problems_are_exactly_what_keeps_its_report_a_draft() {
    let mut env = example();
    env.draft.meta.date = None;
    env.draft.meta.signatory_name.clear();
    let expected: Vec<String> = crate::core::scoring::score(&env.set, &env.draft)
        .blocking()
        .map(|f| f.message.clone())
        .collect();
    assert!(expected.iter().any(|m| m.contains("ngày")), "{expected:?}");
    let r = read_files(&[Input {
        name: "x.json".into(),
        bytes: bytes(Envelope::new(env.draft, env.set, "t".into())),
    }]);
    assert_eq!(r.groups[0].rows[0].problems, expected);
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

/// Files of one set id and version whose contents differ are two groups, labelled so; a
/// file whose set has fewer criteria never indexes past its own.
#[test]
fn one_id_and_version_with_other_content_is_another_group_and_never_panics() {
    let inputs = vec![
        named("du.json", "Đủ", "2024-06-26T09:30:00Z", |_| {}),
        named("it.json", "Ít", "2024-06-26T09:31:00Z", |s| {
            s.criteria.truncate(3)
        }),
        named("nguong.json", "Ngưỡng", "2024-06-26T09:32:00Z", |s| {
            s.criteria[9].indicators[0].thresholds[0].value = crate::core::num::Dec::from_int(1)
        }),
    ];
    let r = read_files(&inputs);
    assert_eq!(r.groups.len(), 3, "{:?}", r.rejected);
    for g in &r.groups {
        assert!(g.variant);
        assert!(
            g.label()
                .contains("cùng mã và phiên bản nhưng khác nội dung"),
            "{}",
            g.label()
        );
        for row in &g.rows {
            assert_eq!(row.criteria.len(), g.set.criteria.len());
        }
    }
    let small = r.groups.iter().find(|g| g.set.criteria.len() == 3).unwrap();
    assert_eq!(small.rows[0].commune, "Ít");
    // Everything drawn from them runs: figures, sections, the files.
    for s in &r.sections {
        let g = &r.groups[s.group];
        let _ = Headline::of(g, &s.rows(g));
    }
    // The workbook holds each group's sheets, and the commune of the small set in the long one.
    let book = xlsx(&r, None);
    let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook)
        .unwrap();
    assert!(
        workbook.matches("<sheet ").count() > r.sections.len(),
        "{workbook}"
    );
    assert!(long_csv(&r).contains("Ít"));
}

/// One commune written as NFC, NFD, in capitals with spaces, and with the old tone
/// placement is one row; communes that give no name are each their own row.
#[test]
fn one_commune_however_written_is_one_row_and_unnamed_files_never_merge() {
    let written = [
        "Hòa Bình",
        "Ho\u{300}a Bi\u{300}nh",
        "  HÒA   BÌNH ",
        "Hoà Bình",
    ];
    let mut inputs: Vec<Input> = written
        .iter()
        .enumerate()
        .map(|(k, name)| {
            named(
                &format!("hb-{k}.json"),
                name,
                &format!("2024-06-26T09:3{k}:00Z"),
                |_| {},
            )
        })
        .collect();
    for k in 0..3 {
        inputs.push(named(
            &format!("rong-{k}.json"),
            "",
            "2024-06-26T09:00:00Z",
            |_| {},
        ));
    }
    // Two dropped files with one name and no commune are still two.
    inputs.push(named("rong-0.json", " ", "2024-06-26T09:00:00Z", |_| {}));
    let r = read_files(&inputs);
    let rows = &r.groups[0].rows;
    assert_eq!(
        rows.len(),
        5,
        "{:?}",
        rows.iter().map(|r| &r.commune).collect::<Vec<_>>()
    );
    let hb: Vec<&Row> = rows.iter().filter(|r| !r.key.is_empty()).collect();
    assert_eq!(hb.len(), 1);
    assert_eq!(hb[0].file, "hb-3.json", "the latest file counts");
    assert_eq!(hb[0].replaces.len(), 3);
    let unnamed: Vec<&Row> = rows.iter().filter(|r| r.key.is_empty()).collect();
    assert_eq!(unnamed.len(), 4);
    assert!(unnamed.iter().all(|r| r.replaces.is_empty()));
    assert!(unnamed[0].name().contains(&unnamed[0].file));
}

/// A commune and period under two versions of one set is shown once, from the later
/// file, naming the other version.
#[test]
fn a_commune_under_two_versions_of_a_set_counts_once() {
    let inputs = vec![
        named("cu.json", "Liên Sơn", "2024-06-20T08:00:00Z", |_| {}),
        named("moi.json", "Liên Sơn", "2024-06-27T08:00:00Z", |s| {
            s.version = "2024.2".into()
        }),
        named("khac.json", "Vân Thủy", "2024-06-20T08:00:00Z", |_| {}),
    ];
    let r = read_files(&inputs);
    assert_eq!(r.rows(), 2);
    let row = r
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.commune == "Liên Sơn")
        .unwrap();
    assert_eq!(row.file, "moi.json");
    assert_eq!(
        row.replaces,
        ["cu.json (bộ tiêu chí phiên bản 2024.1, lưu lúc 2024-06-20T08:00:00Z)"]
    );
}

#[test]
fn a_zip_of_files_is_opened_and_different_sets_are_never_mixed() {
    let a = commune(1, 2024, "2024-06-26T09:30:00Z");
    let mut other = example();
    other.set.version = "2025.1".into();
    other.draft.meta.commune = "Xã khác".into();
    let b = bytes(Envelope::new(other.draft, other.set, "t".into()));
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
    assert!(r.groups.iter().all(|g| !g.variant));
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
        row.key = communes::key("Xã thử");
    }
    assert_eq!(r.sections.len(), 2, "one section per period");
    assert_eq!(r.sections[0].year, 2024, "ties: the later period first");
    let trend = r.groups[0].trend(&communes::key("xã thử"), "LẠNG SƠN");
    assert_eq!(trend.len(), 2);
    assert!(trend[0].1.is_empty() && trend[0].2.is_empty());
    assert!(
        trend[1].1.contains(&4),
        "criterion 4 gained: {:?}",
        trend[1]
    );
}

/// Counts of what the commune left open or explained, and the reasons in the long CSV.
#[test]
fn unassessed_acknowledged_and_overridden_are_counted_with_their_reasons() {
    let honest: crate::core::draft::Draft = crate::core::json::from_str(include_str!(
        "../../../tests/fixtures/lien-son-2024-h1.honest.draft.json"
    ))
    .unwrap();
    let env = example();
    let scores = crate::core::scoring::score(&env.set, &honest);
    let acknowledged = scores
        .indicators
        .iter()
        .flat_map(|s| &s.acknowledged)
        .chain(scores.criteria.iter().flat_map(|c| &c.acknowledged))
        .filter(|a| a.kind != crate::core::scoring::FindingKind::Override)
        .count();
    assert!(acknowledged > 0, "the honest entry acknowledges findings");
    let unassessed = scores
        .indicators
        .iter()
        .filter(|s| s.status == crate::core::scoring::Status::NotAssessed)
        .count();
    let overrides = scores
        .indicators
        .iter()
        .filter(|s| s.overrides.is_some())
        .count();
    let r = read_files(&[Input {
        name: "trung-thuc.json".into(),
        bytes: bytes(Envelope::new(honest, env.set, "t".into())),
    }]);
    let row = &r.groups[0].rows[0];
    assert_eq!(
        (row.unassessed, row.acknowledged, row.overrides),
        (unassessed, acknowledged, overrides)
    );
    let csv = long_csv(&r);
    let reason = scores
        .indicators
        .iter()
        .flat_map(|s| &s.acknowledged)
        .next()
        .map(|a| a.reason.clone())
        .unwrap();
    let first_line = reason.lines().next().unwrap();
    assert!(csv.contains(first_line), "the reason {reason:?} in the CSV");
    assert!(csv.starts_with("\u{feff}Tỉnh,Xã,Nhóm xã / vùng,Kỳ báo cáo,Năm,Bộ tiêu chí"));
}

/// Every text cell of the CSV is guarded against formulas, as in the set's CSV.
#[test]
fn csv_text_is_guarded_against_formulas() {
    let inputs = vec![
        named("a.json", "=HYPERLINK(\"http://x\")", "t1", |_| {}),
        named("b.json", "+1", "t2", |_| {}),
        named("c.json", "-Tân", "t3", |_| {}),
        named("d.json", "@SUM(A1)", "t4", |_| {}),
    ];
    let r = read_files(&inputs);
    let csv = long_csv(&r);
    for bad in ["=HYPERLINK", "+1", "-Tân", "@SUM"] {
        assert!(!csv.contains(&format!(",{bad}")), "{bad} unguarded");
        assert!(!csv.contains(&format!(",\"{bad}")), "{bad} unguarded");
    }
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","));
    assert!(csv.contains(",'+1,") && csv.contains(",'-Tân,") && csv.contains(",'@SUM(A1),"));
}

/// A page reads files a few at a time (`Reader`) to show its progress: however they are added
/// and read, the roll-up is the one `read_files` gives, bad files listed in the order given.
#[test]
fn files_read_a_few_at_a_time_give_the_same_rollup() {
    let mut inputs = files(5);
    inputs.insert(
        2,
        Input {
            name: "hong.json".into(),
            bytes: b"{\"app\":".to_vec(),
        },
    );
    let (a, b) = (
        commune(7, 2024, "2024-07-01T00:00:00Z"),
        commune(1, 2024, "2024-07-02T00:00:00Z"),
    );
    let archive = zip::write(&[
        ZipEntry {
            name: "a.json",
            data: &a,
        },
        ZipEntry {
            name: "ghi-chu.txt",
            data: "không phải bản nháp".as_bytes(),
        },
        ZipEntry {
            name: "b.json",
            data: &b,
        },
    ]);
    inputs.insert(
        4,
        Input {
            name: "gui-tinh.zip".into(),
            bytes: archive,
        },
    );
    inputs.push(Input {
        name: "hong.zip".into(),
        bytes: b"PK\x03\x04 cut".to_vec(),
    });
    let whole = read_files(&inputs);
    let names: Vec<&str> = whole.rejected.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["hong.json", "gui-tinh.zip/ghi-chu.txt", "hong.zip"]);
    assert_eq!(whole.rows(), 6, "commune 1's later file replaces its first");
    for chunk in [1, 2, 3, 10] {
        let mut reader = Reader::default();
        let mut done = Vec::new();
        for input in &inputs {
            reader.add(input.clone());
            if reader.queued() >= chunk {
                reader.read(chunk);
                done.push(reader.done());
            }
        }
        assert!(done.windows(2).all(|w| w[0] <= w[1]), "{done:?}");
        assert_eq!(reader.finish(), whole, "read {chunk} at a time");
    }
}

/// A stored draft the app opens (read leniently) but a commune's file would be refused for
/// (here, its set no longer valid) is not added: it is named with its reason, and the count
/// says only what was added.
#[test]
fn stored_drafts_are_added_only_when_they_read_as_files_and_counted_so() {
    let good = example();
    let mut bad = example();
    bad.draft.id = "d-bad".into();
    bad.draft.meta.commune = "Chi Lăng".into();
    let twice = bad.set.criteria[0].clone();
    bad.set.criteria.push(twice);
    let bad = Envelope::new(bad.draft, bad.set, "2024-06-26T09:30:00Z".into());
    assert!(
        store::read_stored(&bad.to_json()).is_ok(),
        "the app opens it"
    );
    let added = from_storage(vec![good, bad], &[]);
    assert_eq!(added.inputs.len(), 1);
    assert_eq!(added.refused.len(), 1);
    assert!(
        added.refused[0].name.contains("Chi Lăng"),
        "{:?}",
        added.refused
    );
    assert!(!added.refused[0].reason.is_empty());
    assert!(
        added.note.starts_with("Đã thêm 1 bản nháp"),
        "{}",
        added.note
    );
    assert!(
        added.note.contains("1 bản nháp không thêm được"),
        "{}",
        added.note
    );
    let r = {
        let mut reader = Reader::default();
        for i in added.inputs {
            reader.add(i);
        }
        reader.finish()
    };
    assert_eq!(r.rows(), 1);
}
