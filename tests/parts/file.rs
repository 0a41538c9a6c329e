//! The part file: what it carries, its round trip, and every strict refusal with its message.

use super::*;
use tieuchi::core::draft::Judgement;
use tieuchi::core::edit::Edit;
use tieuchi::core::store::read_import;
use tieuchi::core::team::{
    decode_part, is_part, mark_returned, read_part, read_part_stored, review, set_fingerprint,
    withdraw, PartError, PartState, KIND, WRITER,
};

#[test]
fn a_part_carries_what_its_holder_needs_and_the_draft_lists_it() {
    let s = set();
    let d = draft(&s);
    let (d, part) = hand(&d, &s, CULTURE, &["16", "9.2"], "p-vh");
    assert_eq!((part.app.as_str(), part.kind.as_str()), ("tieuchi", KIND));
    assert_eq!(part.writer, WRITER);
    assert_eq!(part.draft_id, "d-lien-son");
    assert_eq!(
        (part.meta.commune.as_str(), part.meta.province.as_str()),
        ("Liên Sơn", "Lạng Sơn")
    );
    assert_eq!(part.period, "6 tháng đầu năm 2024");
    assert_eq!(part.set, s, "the set, whole");
    assert_eq!(part.set_fingerprint, set_fingerprint(&s));
    assert_eq!(part.codes, ["9.2", "16"], "in the set's order");
    assert_eq!(part.due, Date::new(2024, 6, 15));
    assert_eq!(
        part.base["9.2"].numerator, "146",
        "today's figures are the starting point"
    );
    assert_eq!(part.base["16"].note, d.entries["16"].note);
    assert!(!part.base.contains_key("10"), "nothing outside the part");
    assert_eq!(part.entries, part.base);
    let listed = &d.parts[0];
    assert_eq!((listed.id.as_str(), listed.who.as_str()), ("p-vh", CULTURE));
    assert_eq!(
        (listed.state, listed.issued_at.as_str()),
        (PartState::Out, HANDED)
    );
    assert_eq!(listed.base, part.base);
    assert_eq!(listed.scope_vi(&s), "tiêu chí 16; chỉ tiêu 9.2");
}

#[test]
fn the_file_name_says_the_commune_the_person_and_the_criteria() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["16", "5", "17.8"], "p-vh");
    assert_eq!(
        part.file_name(),
        "phan-viec-lien-son-cong-chuc-van-hoa-xa-hoi-tc5-tc16-ct17.8.json"
    );
    assert_eq!(
        part.done_file_name(),
        "phan-viec-da-lam-lien-son-cong-chuc-van-hoa-xa-hoi-tc5-tc16-ct17.8.json"
    );
    let picks: Vec<String> = (1..=19).map(|n| n.to_string()).collect();
    let picks: Vec<&str> = picks.iter().map(String::as_str).collect();
    let (_, all) = hand(&draft(&s), &s, "Chủ tịch", &picks, "p-all");
    assert_eq!(
        all.file_name(),
        "phan-viec-lien-son-chu-tich-tc1-tc2-tc3-tc4-tc5-va-14-muc-khac.json"
    );
}

#[test]
fn a_part_file_round_trips_as_bytes_and_filled() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["16", "9.2"], "p-vh");
    let text = part.to_json_pretty();
    assert!(is_part(&text));
    assert_eq!(
        read_part(&decode_part(text.as_bytes()).unwrap()).unwrap(),
        part
    );
    assert_eq!(read_part(&part.to_json()).unwrap(), part);
    let filled = worked(&part, vec![Edit::Judgement("16".into(), Judgement::Met)]);
    let back = send(&filled);
    assert_eq!(back.entries, filled.entries);
    assert_eq!(back.saved_at, LATER);
    assert_eq!(read_part_stored(&back.to_json()).unwrap(), back);
}

fn refused(text: &str) -> PartError {
    read_part(text).expect_err("read")
}

#[test]
fn files_that_are_no_part_are_refused_with_what_they_are() {
    let s = set();
    let d = draft(&s);
    let env = tieuchi::core::store::Envelope::new(d, s.clone(), HANDED.into());
    let cases = [
        (refused(&env.to_json()), PartError::IsDraft, "tệp bản nháp"),
        (
            refused(&s.to_json()),
            PartError::IsCriteriaSet,
            "tệp bộ tiêu chí",
        ),
        (
            refused("Báo cáo"),
            PartError::NotJson,
            "không phải là tệp phần việc",
        ),
        (
            refused("{\"app\": \"tieuchi\", \"kind\""),
            PartError::Truncated,
            "cắt cụt",
        ),
        (
            refused("[1, 2]"),
            PartError::NotOurs,
            "không phải phần việc",
        ),
        (
            refused("{\"app\": \"other\"}"),
            PartError::NotOurs,
            "không phải phần việc",
        ),
        (
            decode_part(b"{\"a\": \"Li\xean S\xa1n\"}").unwrap_err(),
            PartError::Encoding,
            "UTF-8",
        ),
    ];
    for (got, want, words) in cases {
        assert_eq!(got, want);
        assert!(got.message_vi().contains(words), "{}", got.message_vi());
    }
    assert!(!is_part(&env.to_json()));
}

/// The part's JSON as changed by `f`.
fn tampered(part: &PartFile, f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&part.to_json()).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn a_newer_builds_part_is_refused_until_the_app_updates() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["16"], "p-vh");
    for text in [
        tampered(&part, |v| v["writer"] = (WRITER + 1).into()),
        tampered(&part, |v| v["schema"] = 2.into()),
        tampered(&part, |v| {
            v["kind"] = "phan-viec-2".into();
            v["writer"] = (WRITER + 1).into();
        }),
    ] {
        let e = refused(&text);
        assert_eq!(e, PartError::Newer);
        assert!(e.message_vi().contains("phiên bản ứng dụng mới hơn"));
    }
    for text in [
        tampered(&part, |v| v["writer"] = "1".into()),
        tampered(&part, |v| v["schema"] = 0.into()),
    ] {
        let e = refused(&text);
        assert!(matches!(e, PartError::Damaged(_)), "{e:?}");
        assert!(e.message_vi().starts_with("Tệp phần việc bị hỏng"));
    }
    let e = refused(&tampered(&part, |v| v["kind"] = "khac".into()));
    assert_eq!(
        e,
        PartError::NotOurs,
        "an unknown kind of this build's writer"
    );
}

#[test]
fn a_part_changed_outside_the_app_is_refused_in_the_words_of_what_changed() {
    let s = set();
    let d = draft(&s);
    let (d, part) = hand(&d, &s, CULTURE, &["16", "9.2"], "p-vh");
    let outside = tampered(&part, |v| {
        v["entries"]["10"] = serde_json::json!({"value": "99"})
    });
    let base = tampered(&part, |v| v["base"]["9.2"]["numerator"] = "150".into());
    let set_changed = tampered(&part, |v| v["set"]["criteria"][8]["name"] = "Khác".into());
    let unknown = tampered(&part, |v| v["codes"][0] = "99.9".into());
    let twice = tampered(&part, |v| v["codes"][0] = "16".into());
    let fewer = tampered(&part, |v| {
        v["codes"] = serde_json::json!(["16"]);
        for map in ["base", "entries"] {
            v[map].as_object_mut().unwrap().remove("9.2");
        }
    });
    let who = tampered(&part, |v| v["who"] = "Trưởng thôn".into());
    let due = tampered(&part, |v| v["due"]["day"] = 30.into());
    for (text, words) in [
        (
            outside,
            "có số liệu của chỉ tiêu “10” không thuộc phần việc",
        ),
        (
            set_changed,
            "bộ tiêu chí trong tệp khác với bộ tiêu chí đã giao",
        ),
        (unknown, "chỉ tiêu “99.9” không có trong bộ tiêu chí"),
        (twice, "chỉ tiêu “16” được ghi hai lần"),
        (base, "số liệu ban đầu khác với số liệu đã giao"),
        (fewer, "các chỉ tiêu của phần việc khác với khi giao"),
        (who, "người được giao, hạn hoặc ngày giao khác với khi giao"),
        (due, "người được giao, hạn hoặc ngày giao khác với khi giao"),
    ] {
        let e = read_part(&text)
            .and_then(|p| review(&d, &s, &p))
            .unwrap_err();
        assert_eq!(e, PartError::Tampered(words.into()), "{words}");
        assert!(e
            .message_vi()
            .starts_with("Tệp phần việc đã bị sửa ngoài ứng dụng"));
    }
}

#[test]
fn a_part_of_another_commune_draft_or_set_is_refused_and_the_draft_is_untouched() {
    let s = set();
    let d = draft(&s);
    let (d, part) = hand(&d, &s, CULTURE, &["16"], "p-vh");
    let part = send(&worked(
        &part,
        vec![Edit::Judgement("16".into(), Judgement::Met)],
    ));
    let before = d.clone();

    let mut other = d.clone();
    other.id = "d-khac".into();
    other.meta.commune = "Hữu Lũng".into();
    let e = review(&other, &s, &part).unwrap_err();
    assert_eq!(e.message_vi(), "Phần việc này của xã Liên Sơn, tỉnh Lạng Sơn, không phải của xã Hữu Lũng, tỉnh Lạng Sơn (bản nháp đang mở).");

    let mut next_period = d.clone();
    next_period.id = "d-lien-son-2".into();
    let e = review(&next_period, &s, &part).unwrap_err();
    assert_eq!(
        e,
        PartError::OtherDraft {
            part: "6 tháng đầu năm 2024".into()
        }
    );
    assert!(e
        .message_vi()
        .contains("bản nháp khác của xã (6 tháng đầu năm 2024)"));

    let mut newer = s.clone();
    newer.version = "2025.1".into();
    let e = review(&d, &newer, &part).unwrap_err();
    assert!(matches!(e, PartError::OtherSet { .. }));
    assert!(
        e.message_vi()
            .contains("(phiên bản 2024.1), nay bản nháp dùng"),
        "{}",
        e.message_vi()
    );

    let mut changed = s.clone();
    changed.criteria[15].name.push_str(" (sửa)");
    let e = review(&d, &changed, &part).unwrap_err();
    assert_eq!(e, PartError::SetChanged);
    assert!(e.message_vi().contains("đã được sửa"));

    let e = review(&withdraw(&d, "p-vh"), &s, &part).unwrap_err();
    assert_eq!(e, PartError::NotHandedOut);
    assert!(e.message_vi().contains("mở phần việc thành bản nháp riêng"));
    assert_eq!(
        mark_returned(&withdraw(&d, "p-vh"), &s, &part),
        Err(PartError::NotHandedOut)
    );
    assert_eq!(d, before, "nothing of a refused part is applied");
}

#[test]
fn a_part_whose_draft_is_not_here_opens_as_a_draft_of_its_own() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["16", "9.2"], "p-vh");
    let part = send(&worked(&part, vec![Edit::Value("9.2".into(), "80".into())]));
    let env = part.to_envelope("d-moi".into(), MERGED.into());
    let read = read_import(&env.to_json_pretty()).unwrap();
    assert_eq!(read.draft.id, "d-moi");
    assert_eq!(
        read.draft.name,
        format!("Phần việc của {CULTURE} (6 tháng đầu năm 2024)")
    );
    assert_eq!(read.draft.entries, part.entries);
    assert_eq!(read.draft.meta, part.meta);
    assert_eq!(read.set, s);
    assert!(read.draft.parts.is_empty());
}

#[test]
fn the_draft_lists_a_part_come_back_as_returned_until_it_is_merged() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["16"], "p-vh");
    let part = send(&worked(
        &part,
        vec![Edit::Judgement("16".into(), Judgement::Met)],
    ));
    let d = mark_returned(&d, &s, &part).unwrap();
    assert_eq!(
        (d.parts[0].state, d.parts[0].returned_at.as_str()),
        (PartState::Returned, LATER)
    );
    assert_eq!(d.parts[0].state.label_vi(), "Đã nhận lại, chưa gộp");
    assert!(d.parts[0].overdue(Date::new(2024, 6, 16).unwrap()));
    let merged = review(&d, &s, &part).unwrap().apply(&d, MERGED).unwrap();
    assert_eq!(merged.parts[0].state, PartState::Merged);
    assert!(!merged.parts[0].overdue(Date::new(2024, 6, 16).unwrap()));
    assert_eq!(
        mark_returned(&merged, &s, &part).unwrap(),
        merged,
        "nothing new: still merged"
    );
}

#[test]
fn the_drafts_list_of_parts_is_stored_with_it_and_absent_when_empty() {
    use tieuchi::core::store::{read_stored, Envelope};
    let s = set();
    let d = draft(&s);
    let plain = Envelope::new(d.clone(), s.clone(), HANDED.into()).to_json();
    assert!(
        !plain.contains("\"parts\""),
        "a draft without parts is written as before"
    );
    let (d, a) = hand(&d, &s, CULTURE, &["16"], "p-vh");
    let (d, _) = hand(&d, &s, LAND, &["1"], "p-dc");
    let a = send(&worked(
        &a,
        vec![Edit::Judgement("16".into(), Judgement::Met)],
    ));
    let d = review(&d, &s, &a).unwrap().apply(&d, MERGED).unwrap();
    let stored = Envelope::new(d.clone(), s.clone(), MERGED.into()).to_json();
    let back = read_stored(&stored).unwrap().draft;
    assert_eq!(back, d);
    let states: Vec<PartState> = back.parts.iter().map(|p| p.state).collect();
    assert_eq!(states, [PartState::Merged, PartState::Out]);
    let odd = stored.replacen("\"state\":\"out\"", "\"state\":\"lost\"", 1);
    let e = read_stored(&odd).unwrap_err();
    assert!(
        e.message_vi()
            .contains("giá trị không có trong định dạng: “lost”"),
        "{}",
        e.message_vi()
    );
}
