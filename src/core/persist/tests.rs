use super::*;
use crate::core::edit::new_draft;
use crate::core::vn::Date;

fn env(id: &str, commune: &str) -> Envelope {
    let set = crate::core::sets::shipped().swap_remove(1);
    let mut d = new_draft(id.into(), &set, Date::new(2024, 6, 26));
    d.meta.commune = commune.into();
    Envelope::new(d, set, "2026-11-30T10:00:00.000Z".into())
}

/// As a build before writers were counted wrote it: no writer, no set name beside the draft.
fn older(e: &Envelope) -> String {
    let text = e
        .to_json()
        .replacen(&format!("\"writer\":{WRITER},"), "", 1);
    text.replacen(&format!("\"set_name\":\"{}\",", e.set_name), "", 1)
}

/// As the next build writes it: its writer, a field and an indicator kind this one does not know.
fn newer(e: &Envelope) -> String {
    e.to_json()
        .replacen(
            &format!("\"writer\":{WRITER},"),
            &format!("\"writer\":{},\"later\":{{\"x\":[1,2]}},", WRITER + 1),
            1,
        )
        .replacen("\"type\":\"yes_no\"", "\"type\":\"anh_chup\"", 1)
}

fn mem(entries: &[(&str, &str)]) -> Mem {
    Mem {
        map: entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        quota: None,
    }
}

#[test]
fn an_entry_is_readable_newer_or_damaged_with_its_true_reason() {
    let e = env("d1", "Liên Sơn");
    let key = draft_key("d1");
    assert_eq!(
        classify_draft(&key, &e.to_json()),
        Fate::Readable(e.clone())
    );
    // An older build's entry reads with the migrations, and is this build's in memory.
    assert_eq!(classify_draft(&key, &older(&e)), Fate::Readable(e.clone()));
    let Fate::Newer(label) = classify_draft(&key, &newer(&e)) else {
        panic!("newer")
    };
    assert_eq!(label.what, "Xã Liên Sơn — 6 tháng đầu năm 2024");
    assert_eq!(label.detail, e.set.name);
    assert_eq!(label.saved_at, "2026-11-30T10:00:00.000Z");
    let schema = e.to_json().replacen(
        &format!("\"schema\":{}", crate::core::store::SCHEMA),
        &format!("\"schema\":{}", crate::core::store::SCHEMA + 1),
        1,
    );
    assert_ne!(schema, e.to_json(), "the schema was raised");
    assert!(matches!(classify_draft(&key, &schema), Fate::Newer(_)));
    let text = e.to_json();
    let cases = [
        (
            &text[..text.floor_char_boundary(text.len() / 2)],
            "bị cắt cụt",
        ),
        ("[1,2]", "không phải bản nháp"),
        ("{\"app\":\"x\"}", "không phải bản nháp"),
        // A writer that is no number is damage, never "newer".
        (
            &text.replacen("\"writer\":1", "\"writer\":\"hai\"", 1),
            "không hợp lệ",
        ),
        (
            &text.replacen("\"writer\":1", "\"writer\":-2", 1),
            "không hợp lệ",
        ),
    ];
    for (t, why) in cases {
        match classify_draft(&key, t) {
            Fate::Damaged { reason, .. } => assert!(reason.contains(why), "{reason}"),
            other => panic!("{t:.40}: {other:?}"),
        }
    }
    // Readable, but under another draft's key.
    let Fate::Damaged { reason, label } = classify_draft(&draft_key("d2"), &text) else {
        panic!("misplaced")
    };
    assert!(reason.contains("lưu sai chỗ"), "{reason}");
    assert_eq!(label.what, "Xã Liên Sơn — 6 tháng đầu năm 2024");
}

#[test]
fn a_cut_entry_is_still_named_as_a_person_knows_it() {
    let text = env("d1", "Chi Lăng").to_json();
    let Fate::Damaged { label, .. } = classify_draft(&draft_key("d1"), &text[..400]) else {
        panic!("damaged")
    };
    assert_eq!(label.what, "Xã Chi Lăng — 6 tháng đầu năm 2024");
    assert!(!label.detail.is_empty(), "{label:?}");
}

#[test]
fn another_pages_write_means_a_conflict_a_delete_a_newer_build_or_nothing() {
    let key = draft_key("d1");
    let mine = env("d1", "Liên Sơn").to_json();
    let theirs = env("d1", "Chi Lăng");
    let t = theirs.to_json();
    let n = newer(&theirs);
    assert_eq!(
        elsewhere(&key, Some(&mine), Some(&mine)),
        Elsewhere::Nothing
    );
    assert_eq!(elsewhere(&key, None, None), Elsewhere::Nothing);
    assert_eq!(elsewhere(&key, None, Some(&mine)), Elsewhere::Deleted);
    let conflict = Elsewhere::Conflict {
        env: Box::new(theirs.clone()),
        stored: t.clone(),
    };
    assert_eq!(elsewhere(&key, Some(&t), Some(&mine)), conflict);
    // Stored where this page expected nothing (it was deleted, then written back elsewhere).
    assert_eq!(elsewhere(&key, Some(&t), None), conflict);
    assert_eq!(elsewhere(&key, Some(&n), Some(&mine)), Elsewhere::Newer);
    // A newer entry is never written over, even were it taken for this page's own.
    assert_eq!(elsewhere(&key, Some(&n), Some(&n)), Elsewhere::Newer);
    assert_eq!(
        elsewhere(&key, Some("{\"app\":"), Some(&mine)),
        Elsewhere::Unreadable
    );
}

#[test]
fn a_save_goes_only_over_its_base_and_never_over_a_newer_build() {
    let e = env("d1", "Liên Sơn");
    let key = draft_key("d1");
    let mut kv = Mem::default();
    let first = save_draft(&mut kv, &e, Over::Base(None)).unwrap();
    assert_eq!(kv.get(&key).as_deref(), Some(first.as_str()));
    assert!(first.contains(&format!("\"writer\":{WRITER}")));
    // Over a base that is not what is stored: refused, nothing written.
    let other = env("d1", "Chi Lăng");
    let refused = save_draft(&mut kv, &other, Over::Base(None)).unwrap_err();
    assert!(matches!(
        refused,
        Refused::Elsewhere(Elsewhere::Conflict { .. })
    ));
    assert_eq!(kv.get(&key).as_deref(), Some(first.as_str()));
    let second = save_draft(&mut kv, &other, Over::Base(Some(&first))).unwrap();
    // A newer build's entry: refused over any base, and by a replacing import too.
    let n = newer(&other);
    kv.set(&key, &n).unwrap();
    for over in [
        Over::Base(Some(&second)),
        Over::Base(Some(&n)),
        Over::AnyButNewer,
    ] {
        assert_eq!(
            save_draft(&mut kv, &e, over),
            Err(Refused::Elsewhere(Elsewhere::Newer))
        );
        assert_eq!(kv.get(&key), Some(n.clone()));
    }
    // A full storage: refused, the stored copy untouched.
    kv.set(&key, &second).unwrap();
    kv.quota = Some(0);
    assert_eq!(
        save_draft(&mut kv, &e, Over::Base(Some(&second))),
        Err(Refused::Failed(SaveError::Quota))
    );
    assert_eq!(kv.get(&key), Some(second));
}

#[test]
fn a_set_is_never_saved_over_a_newer_builds_entry() {
    let set = crate::core::sets::shipped().swap_remove(0);
    let mut kv = Mem::default();
    let text = save_set(&mut kv, &set, "t").unwrap();
    assert!(text.contains("\"writer\":1") && text.contains(&format!("\"name\":\"{}\"", set.name)));
    let key = set_store::key(&set);
    let n = text.replacen("\"writer\":1", "\"writer\":2,\"later\":true", 1);
    kv.set(&key, &n).unwrap();
    assert_eq!(save_set(&mut kv, &set, "t2"), Err(SaveError::Newer));
    assert_eq!(kv.get(&key), Some(n));
}

#[test]
fn a_set_saved_as_a_new_version_leaves_a_newer_builds_entry_where_it_was() {
    let mut set = crate::core::sets::shipped().swap_remove(0);
    let mut kv = Mem::default();
    let text = save_set(&mut kv, &set, "t").unwrap();
    let old_key = set_store::key(&set);
    // Edited into a new version: the entry it came from goes.
    set.version = format!("{}-2", set.version);
    save_set_from(&mut kv, &set, "t2", &old_key).unwrap();
    assert!(kv.get(&old_key).is_none() && kv.get(&set_store::key(&set)).is_some());
    // Meanwhile a newer build stored the entry it came from: it stays.
    let n = text.replacen("\"writer\":1", "\"writer\":2", 1);
    kv.set(&old_key, &n).unwrap();
    set.version = format!("{}-3", set.version);
    save_set_from(&mut kv, &set, "t3", &old_key).unwrap();
    assert_eq!(kv.get(&old_key), Some(n));
    // Saved in place over a newer build's entry: refused, in words about the set.
    let mut same = set.clone();
    let key = set_store::key(&same);
    let newer = kv
        .get(&key)
        .unwrap()
        .replacen("\"writer\":1", "\"writer\":2", 1);
    kv.set(&key, &newer).unwrap();
    same.name.push('!');
    let e = save_set_from(&mut kv, &same, "t4", &key).unwrap_err();
    assert!(set_save_failure_vi(&e).starts_with("Bộ tiêu chí này vừa được phiên bản mới hơn"));
    assert_eq!(kv.get(&key), Some(newer));
}

#[test]
fn setting_aside_is_by_content_idempotent_and_never_overwrites() {
    let bad = "{\"app\":\"tieuchi\",\"schema\":2,\"commune\":\"Liên Sơn\",\"draft\":{";
    let key = aside_key(AsideKind::Draft, bad, 0);
    assert!(
        key.starts_with("tieuchi.corrupt.ban-nhap-") && key.ends_with(&format!("-{}", bad.len()))
    );
    // The same bytes from two places: one copy.
    let mut kv = mem(&[("tieuchi.draft.a", bad), ("tieuchi.draft.b", bad)]);
    assert!(set_aside(&mut kv, "tieuchi.draft.a", bad, AsideKind::Draft));
    assert!(set_aside(&mut kv, "tieuchi.draft.b", bad, AsideKind::Draft));
    assert_eq!(kv.map, mem(&[(&key, bad)]).map);
    // A place taken by other bytes is passed over, not overwritten.
    let mut kv = mem(&[(&key, "other bytes"), ("tieuchi.draft.a", bad)]);
    assert!(set_aside(&mut kv, "tieuchi.draft.a", bad, AsideKind::Draft));
    assert_eq!(kv.get(&key).as_deref(), Some("other bytes"));
    assert_eq!(kv.get(&format!("{key}.1")).as_deref(), Some(bad));
    // No room: the entry stays where it is.
    let mut kv = mem(&[("tieuchi.draft.a", bad)]);
    kv.quota = Some(0);
    assert!(!set_aside(
        &mut kv,
        "tieuchi.draft.a",
        bad,
        AsideKind::Draft
    ));
    assert_eq!(kv.get("tieuchi.draft.a").as_deref(), Some(bad));
}

#[test]
fn listing_moves_nothing() {
    let e = env("d1", "Liên Sơn");
    let kv = mem(&[
        ("tieuchi.draft.d1", &e.to_json()),
        ("tieuchi.draft.d2", &newer(&env("d2", "Chi Lăng"))),
        (
            "tieuchi.draft.d3",
            "{\"app\":\"tieuchi\",\"commune\":\"Bắc Sơn\"",
        ),
        ("tieuchi.set.x@1", "{\"app\":\"tieuchi\",\"kind\":\"bo-"),
        ("tieuchi.sets", "[{\"format\": 2,"),
    ]);
    let before = kv.clone();
    let (drafts, kept) = list_drafts(&kv);
    assert_eq!(drafts, vec![e]);
    assert_eq!(kept.len(), 2);
    assert!(kept[0].newer && kept[0].key == "tieuchi.draft.d2");
    assert_eq!(kept[0].label.what, "Xã Chi Lăng — 6 tháng đầu năm 2024");
    assert!(!kept[0].reason.contains("hỏng") && !kept[0].reason.contains("không hợp lệ"));
    assert!(!kept[1].newer && kept[1].reason.contains("bị cắt cụt"));
    assert_eq!(kept[1].label.what, "Xã Bắc Sơn");
    let (sets, unused) = list_sets(&kv);
    assert!(sets.is_empty() && unused.len() == 1);
    assert_eq!(kv, before);
}

#[test]
fn the_roll_up_names_the_stored_drafts_it_could_not_add() {
    let kv = mem(&[
        ("tieuchi.draft.d1", &env("d1", "Liên Sơn").to_json()),
        ("tieuchi.draft.d2", &newer(&env("d2", "Chi Lăng"))),
        (
            "tieuchi.draft.d3",
            "{\"app\":\"tieuchi\",\"commune\":\"Bắc Sơn\"",
        ),
    ]);
    let (drafts, kept) = list_drafts(&kv);
    let note = super::added_from_storage_vi(drafts.len(), &kept);
    assert!(note.starts_with("Đã thêm 1 bản nháp"), "{note}");
    assert!(
        note.contains("Chưa thêm được 1 bản nháp do phiên bản mới hơn"),
        "{note}"
    );
    assert!(
        note.contains("Xã Chi Lăng — 6 tháng đầu năm 2024"),
        "{note}"
    );
    assert!(
        note.contains("1 mục lưu trong trình duyệt không đọc được"),
        "{note}"
    );
    assert!(!note.contains("hỏng"), "{note}");
    let alone = super::added_from_storage_vi(2, &[]);
    assert_eq!(alone, "Đã thêm 2 bản nháp lưu trong trình duyệt này.");
}

#[test]
fn start_up_sets_aside_the_damaged_keeps_the_newer_and_puts_back_what_it_reads() {
    let good = env("d1", "Liên Sơn").to_json();
    let n = newer(&env("d2", "Chi Lăng"));
    let cut = &good[..good.len() - 10];
    let readable_aside = env("d4", "Vân Nham").to_json();
    let mut kv = mem(&[
        ("tieuchi.draft.d1", &good),
        ("tieuchi.draft.d2", &n),
        ("tieuchi.draft.d3", cut),
        // Set aside by an earlier build: a newer draft, and one this build reads.
        ("tieuchi.corrupt.d5", &newer(&env("d5", "Hữu Lũng"))),
        ("tieuchi.corrupt.d4", &readable_aside),
        ("tieuchi.sets", "[{\"format\": 2,"),
    ]);
    let s = start_up(&mut kv);
    assert_eq!(s.set_aside, 1);
    assert_eq!(kv.get("tieuchi.draft.d1"), Some(good.clone()));
    assert_eq!(kv.get("tieuchi.draft.d2"), Some(n));
    assert_eq!(kv.get("tieuchi.draft.d3"), None);
    assert_eq!(
        kv.get(&aside_key(AsideKind::Draft, cut, 0)).as_deref(),
        Some(cut)
    );
    assert_eq!(kv.get("tieuchi.draft.d4"), Some(readable_aside));
    assert!(kv.get("tieuchi.corrupt.d4").is_none());
    assert!(kv.get("tieuchi.draft.d5").is_some() && kv.get("tieuchi.corrupt.d5").is_none());
    assert_eq!(kv.get("tieuchi.sets"), None);
    assert!(kv
        .get(&aside_key(AsideKind::SetList, "[{\"format\": 2,", 0))
        .is_some());
    let ids: Vec<&str> = s.drafts.iter().map(|e| e.draft.id.as_str()).collect();
    assert_eq!(ids, ["d1", "d4"]);
    assert_eq!(s.kept.iter().filter(|k| k.newer).count(), 2);
    let damaged: Vec<&Kept> = s.kept.iter().filter(|k| !k.newer).collect();
    assert_eq!(damaged.len(), 2);
    assert!(damaged
        .iter()
        .any(|k| k.label.what == "Xã Liên Sơn — 6 tháng đầu năm 2024"));
    // A second start changes nothing.
    let again = kv.clone();
    assert_eq!(start_up(&mut kv).set_aside, 0);
    assert_eq!(kv, again);
}

#[test]
fn the_first_releases_list_of_sets_moves_to_one_key_per_set() {
    let old = include_str!("../../../tests/fixtures/set-format-1.json");
    let mut kv = mem(&[("tieuchi.sets", &format!("[{old}]"))]);
    start_up(&mut kv);
    assert_eq!(kv.get("tieuchi.sets"), None);
    let (sets, unused) = list_sets(&kv);
    assert!(unused.is_empty());
    assert_eq!(sets.len(), 1);
    assert!(sets[0].usable(), "{:?}", sets[0].problems);
}

#[test]
fn a_download_of_a_newer_entry_is_named_as_such() {
    let n = newer(&env("d2", "Chi Lăng"));
    assert_eq!(
        download_name("tieuchi.draft.d2", &n),
        "ban-nhap-phien-ban-moi-xa-chi-lang-6-thang-dau-nam-2024.json"
    );
    assert_eq!(
        download_name("tieuchi.draft.d3", "{"),
        "du-lieu-hong-tieuchi-draft-d3.json"
    );
}
