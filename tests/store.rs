//! The stored/exported envelope: current fixture reads, every frozen schema migrates, and a
//! corpus of bad files is rejected with a Vietnamese message.

use tieuchi::core::draft::Issuer;
use tieuchi::core::scoring::score;
use tieuchi::core::store::{decode, read, read_import, read_stored, Envelope, ReadError, SCHEMA};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn every_frozen_schema_fixture_reads_and_scores_the_same() {
    // One frozen fixture per schema version ever written; none may be edited after release.
    for v in 1..=SCHEMA {
        let env = read(&fixture(&format!("envelope-v{v}.json")))
            .unwrap_or_else(|e| panic!("v{v}: {e:?}"));
        assert_eq!(env.schema, SCHEMA);
        assert_eq!(env.draft.meta.commune, "Liên Sơn");
        assert_eq!(
            score(&env.set, &env.draft).summary_vi(),
            "đạt 11/19 tiêu chí",
            "v{v}"
        );
    }
}

#[test]
fn envelope_round_trips() {
    let env = read(&fixture("envelope-v1.json")).unwrap();
    let again = Envelope::new(env.draft.clone(), env.set.clone(), env.saved_at.clone());
    assert_eq!(read(&again.to_json()).unwrap(), again);
    assert_eq!(read(&again.to_json_pretty()).unwrap(), again);
    assert_eq!(again.summary, "đạt 11/19 tiêu chí");
    assert_eq!(again.period, "6 tháng đầu năm 2024");
}

/// What each file of the bad-import corpus must produce: its exact error, and for a damaged
/// file the words the message must contain.
fn expected(name: &str) -> (ReadError, &'static str) {
    use ReadError::*;
    let damaged = |words: &'static str| (Damaged(String::new()), words);
    match name {
        "01-empty.json" | "10-truncated.json" => (Truncated, ""),
        "02-plain-text.json" | "03-docx-renamed.json" => (NotJson, ""),
        // JSON in another encoding: said to be an encoding problem, by its bytes.
        "19-utf16-without-bom.json" | "25-latin1-encoded.json" => (Encoding, ""),
        "04-array.json"
        | "05-other-app.json"
        | "17-wrong-app.json"
        | "18-null.json"
        | "21-deeply-nested.json" => (NotOurs, ""),
        "06-criteria-set-not-draft.json" => (IsCriteriaSet, ""),
        "07-newer-schema.json" => (Newer, ""),
        "08-schema-zero.json" | "09-schema-as-text.json" | "22-huge-schema.json" => {
            damaged("phiên bản định dạng không hợp lệ")
        }
        "11-larger-than-5mb.json" => (TooLarge(0), ""),
        "12-missing-draft.json" => damaged("thiếu mục “draft” (dòng 1, cột"),
        "13-draft-is-text.json" | "20-entries-not-a-map.json" => {
            damaged("sai kiểu dữ liệu (dòng 1, cột")
        }
        "14-set-with-duplicate-criterion.json" => (
            BadSet("tiêu chí 5: số tiêu chí trùng hoặc bằng 0".into()),
            "",
        ),
        "15-hostile-draft-id.json" | "16-empty-draft-id.json" => {
            damaged("mã bản nháp không hợp lệ")
        }
        "23-missing-set.json" => damaged("thiếu mục “set”"),
        "24-hostile-threshold.json" => damaged("“<img src=x onerror=alert(1)>” không phải là số"),
        other => panic!("{other}: add what this fixture must produce"),
    }
}

#[test]
fn each_bad_file_is_rejected_with_its_own_reason_in_vietnamese() {
    let dir = format!("{}/tests/fixtures/bad-imports", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names.len(), 25);
    for name in names {
        let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
        // As the app reads a picked file: its bytes decoded strictly, then read.
        let err = decode(&bytes)
            .and_then(|text| read(&text))
            .expect_err(&name);
        let (want, words) = expected(&name);
        let same = match (&err, &want) {
            (ReadError::Damaged(_), ReadError::Damaged(_))
            | (ReadError::TooLarge(_), ReadError::TooLarge(_)) => true,
            (a, b) => a == b,
        };
        assert!(same, "{name}: expected {want:?}, got {err:?}");
        let msg = err.message_vi();
        assert!(msg.contains(words), "{name}: {msg:?} lacks {words:?}");
        // No serde English reaches the user.
        for english in [
            "expected",
            "invalid",
            "missing",
            "unknown",
            " at line ",
            "column",
        ] {
            assert!(!msg.contains(english), "{name}: {msg:?}");
        }
    }
}

#[test]
fn specific_reasons() {
    let good = fixture("envelope-v1.json");
    assert_eq!(read(&good[..good.len() / 2]), Err(ReadError::Truncated));
    assert_eq!(read("{\"a\": 1}"), Err(ReadError::NotOurs));
    assert_eq!(
        read(&good.replacen("\"schema\": 1", "\"schema\": 7", 1)),
        Err(ReadError::Newer)
    );
    assert!(matches!(
        read(&" ".repeat(6 * 1024 * 1024)),
        Err(ReadError::TooLarge(_))
    ));
}

#[test]
fn a_file_of_a_newer_writer_is_said_to_be_newer_never_invalid() {
    let env = read(&fixture("envelope-v2.json")).unwrap();
    let text = env.to_json().replacen(
        &format!("\"writer\":{}", tieuchi::core::persist::WRITER),
        &format!(
            "\"writer\":{},\"later\":{{}}",
            tieuchi::core::persist::WRITER + 1
        ),
        1,
    );
    let e = read_import(&text).unwrap_err();
    assert_eq!(e, ReadError::Newer);
    assert!(
        e.message_vi().contains("do phiên bản mới hơn"),
        "{}",
        e.message_vi()
    );
    assert!(!e.message_vi().contains("không hợp lệ"));
    // This build's own file, and one from before writers were counted, import.
    assert_eq!(read_import(&env.to_json()).unwrap().draft, env.draft);
    assert!(read_import(&fixture("envelope-v2.json")).is_ok());
}

#[test]
fn a_draft_keeps_scoring_with_its_own_set_when_the_shipped_set_changes() {
    let env = read(&fixture("envelope-v1.json")).unwrap();
    let before = score(&env.set, &env.draft);
    // A later release raises the shipped 4.2 threshold; the stored draft carries its own copy.
    let mut shipped = tieuchi::core::sets::shipped()
        .into_iter()
        .find(|s| s.id == env.set_id)
        .unwrap();
    let t = &mut shipped.criteria[3].indicators[1].thresholds[0];
    t.value = tieuchi::core::num::Dec::from_int(100);
    shipped.version = "2027.1".into();
    assert_ne!(
        score(&shipped, &env.draft),
        before,
        "the new set would score differently"
    );
    let reread = read(&env.to_json()).unwrap();
    assert_eq!(score(&reread.set, &reread.draft), before);
    assert_eq!(
        (reread.set_id.as_str(), reread.set_version.as_str()),
        ("lang-son-xa-ntm-2022-2025", "2024.1")
    );
}

#[test]
fn schema_1_gets_its_current_meaning() {
    let v1 = fixture("envelope-v1.json");
    let env = read(&v1).unwrap();
    // The embedded set is brought to format 2 and scores the same.
    assert_eq!(env.set.format, tieuchi::core::criteria::FORMAT);
    assert_eq!(
        env.set.programme,
        tieuchi::core::criteria::PROGRAMME_2021_2025
    );
    // An empty issuing body meant the commune's People's Committee; what was typed stays.
    assert_eq!(env.draft.meta.issuer, Issuer::Committee);
    assert_eq!(env.draft.meta.parent_body, "UBND HUYỆN CHI LĂNG");
    // A typed issuing body meant a board; region and the disadvantaged flag keep their values.
    let board = v1
        .replacen(
            "\"issuing_body\": \"\"",
            "\"issuing_body\": \"Ban Chỉ đạo xã Liên Sơn\"",
            1,
        )
        .replacen("\"region\": \"\"", "\"region\": \"tay-nguyen\"", 1)
        .replacen("\"disadvantaged\": false", "\"disadvantaged\": true", 1);
    let env = read(&board).unwrap();
    assert_eq!(env.draft.meta.issuer, Issuer::Board);
    assert_eq!(env.draft.meta.issuing_body, "Ban Chỉ đạo xã Liên Sơn");
    assert_eq!(env.draft.meta.column, "tay-nguyen");
    assert!(env.draft.meta.rule_column);
    // Written again, it is schema 2 and reads back equal.
    let again = read(&env.to_json()).unwrap();
    assert_eq!(again.schema, SCHEMA);
    assert_eq!(again.draft, env.draft);
}

#[test]
fn text_is_never_the_reason_a_draft_is_hidden() {
    // U+FFFD typed or pasted (a lone surrogate is stored by browsers as U+FFFD too) in any
    // field: the stored draft reads back, and its export imports again.
    let mut env = read(&fixture("envelope-v2.json")).unwrap();
    env.draft.meta.commune = "Liên\u{fffd}Sơn".into();
    env.draft
        .entries
        .get_mut("7")
        .unwrap()
        .note
        .push('\u{fffd}');
    let env = Envelope::new(env.draft, env.set, env.saved_at);
    assert_eq!(read(&env.to_json()).unwrap().draft, env.draft);
    let exported = env.to_json_pretty();
    let bytes = exported.as_bytes();
    assert_eq!(read(&decode(bytes).unwrap()).unwrap().draft, env.draft);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_by_its_bytes() {
    let latin1 = std::fs::read(format!(
        "{}/tests/fixtures/bad-imports/25-latin1-encoded.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(decode(&latin1), Err(ReadError::Encoding));
    assert_eq!(
        decode("{\"a\": \"ư\"}".as_bytes()).unwrap(),
        "{\"a\": \"ư\"}"
    );
}

#[test]
fn an_imported_report_year_must_be_a_real_year() {
    let v2 = fixture("envelope-v2.json");
    for bad in ["0", "1999", "2101", "65535"] {
        let text = v2.replacen("\"year\": 2024", &format!("\"year\": {bad}"), 1);
        // Stored by the app, it still opens: nothing the app wrote is refused.
        assert!(read(&text).is_ok());
        assert_eq!(
            read_import(&text).map(|_| ()),
            Err(ReadError::Damaged("năm báo cáo không hợp lệ".into())),
            "{bad}"
        );
    }
}

#[test]
fn the_next_period_never_wraps_the_year() {
    let mut d = read(&fixture("envelope-v2.json")).unwrap().draft;
    d.meta.year = u16::MAX;
    d.meta.period = tieuchi::core::draft::PeriodKind::FullYear;
    assert_eq!(d.next_period("x".into()).meta.year, u16::MAX);
}

#[test]
fn a_stored_draft_whose_set_fails_todays_validation_still_opens_and_says_why() {
    let mut env = read(&fixture("envelope-v2.json")).unwrap();
    env.set.criteria[1].name.clear();
    let text = env.to_json();
    // From outside, such a file is refused with its reason…
    assert!(matches!(read_import(&text), Err(ReadError::BadSet(_))));
    // …but what the app itself stored opens; its report stays a draft and names the problem.
    let stored = read_stored(&text).expect("never hidden");
    let scores = tieuchi::core::scoring::score(&stored.set, &stored.draft);
    let report = tieuchi::core::report::build(&stored.set, &stored.draft, &scores);
    assert!(
        report
            .draft_reasons
            .iter()
            .any(|r| r
                .starts_with("Bộ tiêu chí của bản nháp có lỗi: tiêu chí 2: thiếu tên tiêu chí")),
        "{:?}",
        report.draft_reasons
    );
}

#[test]
fn schema_2_acknowledgements_of_something_missing_name_the_period_they_were_given_for() {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("envelope-v2.json")).unwrap();
    v["draft"]["entries"]["13.5"]["acks"] = serde_json::json!([
        {"kind": "not_assessed", "about": "", "reason": "Tổ khuyến nông đang kiện toàn"}
    ]);
    v["draft"]["entries"]["15.4"]["acks"] = serde_json::json!([
        {"kind": "judged_without_figures", "about": "", "reason": "Chưa có số liệu chính thức"},
        {"kind": "stale_data", "about": "", "reason": "kept as it was"}
    ]);
    let env = read(&v.to_string()).unwrap();
    assert_eq!(
        env.draft.entries["13.5"].acks[0].about,
        "6 tháng đầu năm 2024"
    );
    let acks = &env.draft.entries["15.4"].acks;
    assert_eq!(acks[0].about, "6 tháng đầu năm 2024|đạt");
    assert_eq!(
        acks[1].about, "",
        "only what meant 'missing in this report' is given its period"
    );
    // So acknowledged, 13.5 no longer keeps the report a draft in its own period…
    let s = score(&env.set, &env.draft);
    assert!(!s.findings.iter().any(|f| f.code == "13.5"));
    // …and comes back in the next one.
    let next = env.draft.next_period("next".into());
    let s = score(&env.set, &next);
    assert!(s.findings.iter().any(|f| f.code == "13.5"));
}
