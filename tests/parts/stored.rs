//! A part in work stored on the official's device: its own kind of entry (`core::persist`),
//! never written over a newer build's, listed with what it is, never taken for a draft.

use super::*;
use tieuchi::core::edit::Edit;
use tieuchi::core::persist::{
    classify_part, download_name, list_drafts, list_parts, part_key, save_part, Fate, Kv, Mem,
    SaveError, PART_PREFIX,
};

fn received() -> PartFile {
    let s = set();
    let d = draft(&s);
    let (_, part) = hand(&d, &s, CULTURE, &["16", "9.2"], "p-vh");
    send(&part)
}

#[test]
fn a_part_in_work_is_saved_under_its_key_and_read_back_whole() {
    let mut part = received();
    let mut kv = Mem::default();
    let stamp = part.stamp(LATER);
    assert!(part.edit(Edit::Numerator("9.2".into(), "150".into()), &stamp));
    let text = save_part(&mut kv, &part).unwrap();
    let key = part_key(&part);
    assert_eq!(key, "tieuchi.part.d-lien-son.p-vh");
    assert!(key.starts_with(PART_PREFIX));
    assert_eq!(kv.get(&key).as_deref(), Some(text.as_str()));
    assert_eq!(classify_part(&key, &text), Fate::Readable(part.clone()));
    let (parts, kept) = list_parts(&kv);
    assert_eq!(parts, [part]);
    assert!(kept.is_empty());
    // Never mistaken for a draft: the drafts' list neither shows nor keeps it.
    assert_eq!(list_drafts(&kv), (Vec::new(), Vec::new()));
}

#[test]
fn a_newer_builds_part_is_kept_in_place_and_never_written_over() {
    let part = received();
    let key = part_key(&part);
    let mut v: serde_json::Value = serde_json::from_str(&part.to_json()).unwrap();
    v["writer"] = serde_json::json!(999);
    v["someday"] = serde_json::json!("a field this build does not know");
    let newer = v.to_string();
    let mut kv = Mem::default();
    kv.set(&key, &newer).unwrap();
    assert!(matches!(classify_part(&key, &newer), Fate::Newer(_)));
    assert_eq!(save_part(&mut kv, &part), Err(SaveError::Newer));
    assert_eq!(kv.get(&key).as_deref(), Some(newer.as_str()), "untouched");
    let (parts, kept) = list_parts(&kv);
    assert!(parts.is_empty());
    assert!(kept[0].newer);
    assert!(
        kept[0].reason.contains("phiên bản mới hơn"),
        "{}",
        kept[0].reason
    );
    assert!(kept[0].label.what.contains("Liên Sơn"));
    assert_eq!(
        download_name(&key, &newer),
        "phan-viec-phien-ban-moi-phan-viec-xa-lien-son.json",
        "named as a newer version's part, never as damaged"
    );
}

#[test]
fn a_damaged_or_misplaced_part_is_named_with_its_true_reason() {
    let part = received();
    let key = part_key(&part);
    let text = part.to_json();
    let cut = &text[..text.len() / 2];
    let mut kv = Mem::default();
    kv.set(&key, cut).unwrap();
    kv.set("tieuchi.part.d-other.p-x", &text).unwrap();
    let (parts, kept) = list_parts(&kv);
    assert!(parts.is_empty());
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|k| !k.newer));
    assert!(kept.iter().any(|k| k.reason.contains("lưu sai chỗ")));
    assert!(kept.iter().any(|k| k.reason.contains("bị hỏng")));
    // A damaged entry is written over by a save of the part itself (it is this build's).
    assert_eq!(
        download_name(&key, cut),
        "du-lieu-hong-tieuchi-part-d-lien-son-p-vh.json"
    );
    assert!(save_part(&mut kv, &part).is_ok());
}
