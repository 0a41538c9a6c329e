//! Listing what is stored (every page, reading only) and the editor's start-up, the one place
//! where entries move: the first releases' list of sets to one key per set, unreadable drafts
//! set aside, and drafts an earlier build set aside that this build reads put back.

use super::{
    classify_draft, classify_set, damage_vi, draft_key, save_set, set_aside, AsideKind, Fate, Head,
    Kept, Kv, Label, ASIDE_DRAFT, ASIDE_PREFIX, ASIDE_SETS, DRAFT_PREFIX, SETS_LIST_KEY, WRITER,
};
use crate::core::set_store::{self, StoredSet};
use crate::core::store::{self, Envelope};

fn kept(key: String, text: &str, label: Label, reason: String, newer: bool) -> Kept {
    Kept {
        key,
        label,
        reason,
        size: text.len(),
        newer,
    }
}

const NEWER_DRAFT: &str = "Do phiên bản mới hơn của ứng dụng tạo; được giữ nguyên. Hãy tải lại trang để cập nhật ứng dụng rồi mở bản nháp này.";

fn damaged_draft(why: &str) -> String {
    format!("Dữ liệu bản nháp bị hỏng ({why}); được giữ nguyên từng byte để tải về.")
}

/// An entry set aside, named: what it was, and why it is aside.
fn aside_entry(key: String, text: &str) -> Kept {
    let head = Head::read(text);
    if key[ASIDE_PREFIX.len()..].starts_with(ASIDE_SETS) {
        let label = Label {
            what: "Danh sách bộ tiêu chí tự tạo (do phiên bản đầu tiên của ứng dụng lưu)".into(),
            ..Label::default()
        };
        let reason = "Không đọc được trọn vẹn; được giữ nguyên từng byte để tải về.".into();
        return kept(key, text, label, reason, false);
    }
    let label = Label::draft(&head);
    if head.newer_than(WRITER, store::SCHEMA) {
        return kept(key, text, label, NEWER_DRAFT.into(), true);
    }
    let reason = match store::read_stored(text) {
        // Readable, but its own key holds another draft: it cannot go back.
        Ok(env) => format!(
            "Đã có một bản nháp khác cùng mã “{}”; bản này được để riêng, nguyên vẹn, để tải về.",
            env.draft.id
        ),
        Err(store::ReadError::Newer) => {
            return kept(key, text, label, NEWER_DRAFT.into(), true);
        }
        Err(e) => damaged_draft(&damage_vi(&e)),
    };
    kept(key, text, label, reason, false)
}

/// Every stored draft this build reads, newest first, and every entry it keeps without using
/// (newer ones first): drafts made by a newer version, unreadable ones where they are, and
/// what is set aside. Reads only: the set page, the roll-up and other tabs' changes use this.
pub fn list_drafts(kv: &impl Kv) -> (Vec<Envelope>, Vec<Kept>) {
    let mut drafts = Vec::new();
    let (mut newer, mut other) = (Vec::new(), Vec::new());
    for key in kv.keys() {
        let Some(text) = kv.get(&key) else { continue };
        if key.starts_with(DRAFT_PREFIX) {
            match classify_draft(&key, &text) {
                Fate::Readable(env) => drafts.push(env),
                Fate::Newer(label) => newer.push(kept(key, &text, label, NEWER_DRAFT.into(), true)),
                Fate::Damaged { reason, label } => {
                    other.push(kept(key, &text, label, damaged_draft(&reason), false))
                }
            }
        } else if key.starts_with(ASIDE_PREFIX) {
            let k = aside_entry(key, &text);
            if k.newer {
                newer.push(k)
            } else {
                other.push(k)
            }
        }
    }
    by_saved_at(&mut drafts, |e| &e.saved_at, true);
    newer.append(&mut other);
    (drafts, newer)
}

/// What the roll-up says after adding the drafts stored in this browser: how many, and each
/// stored draft it could not add, by what a person knows it by and why (a newer version's,
/// to be added after reloading; or unreadable, to be seen on the editor's first screen).
pub fn added_from_storage_vi(added: usize, kept: &[Kept]) -> String {
    let mut note = format!("Đã thêm {added} bản nháp lưu trong trình duyệt này.");
    let newer: Vec<&str> = (kept.iter().filter(|k| k.newer))
        .map(|k| k.label.what.as_str())
        .collect();
    if !newer.is_empty() {
        note.push_str(&format!(
            " Chưa thêm được {} bản nháp do phiên bản mới hơn của ứng dụng lưu ({}): hãy tải lại trang để cập nhật ứng dụng rồi thêm lại.",
            newer.len(),
            newer.join("; ")
        ));
    }
    let other = kept.iter().filter(|k| !k.newer).count();
    if other > 0 {
        note.push_str(&format!(
            " {other} mục lưu trong trình duyệt không đọc được, nên không được thêm; xem ở màn hình đầu của trang soạn báo cáo."
        ));
    }
    note
}

/// Every stored set this build reads (oldest first: a set keeps its place as others are
/// added), and every set entry it keeps without using, in place. Reads only.
pub fn list_sets(kv: &impl Kv) -> (Vec<StoredSet>, Vec<Kept>) {
    let mut sets = Vec::new();
    let mut unused = Vec::new();
    for key in kv.keys() {
        if !key.starts_with(set_store::PREFIX) {
            continue;
        }
        let Some(text) = kv.get(&key) else { continue };
        match classify_set(&key, &text) {
            Fate::Readable(s) => sets.push(s),
            Fate::Newer(label) => {
                let reason = format!("{} ({}) do phiên bản mới hơn của ứng dụng lưu, được giữ nguyên; hãy tải lại trang để cập nhật ứng dụng.", label.what, label.detail);
                unused.push(kept(key, &text, label, reason, true));
            }
            Fate::Damaged { reason, label } => {
                let reason = format!(
                    "{} ({}) lưu trong trình duyệt bị hỏng ({reason}); được giữ nguyên để tải về.",
                    label.what, label.detail
                );
                unused.push(kept(key, &text, label, reason, false));
            }
        }
    }
    by_saved_at(&mut sets, |s| &s.saved_at, false);
    (sets, unused)
}

/// What the editor's start-up found.
#[derive(Clone, Debug, PartialEq)]
pub struct StartUp {
    pub drafts: Vec<Envelope>,
    pub kept: Vec<Kept>,
    /// How many unreadable entries were set aside now.
    pub set_aside: usize,
}

/// The editor's start-up: the first releases' list of sets moved to one key per set,
/// unreadable draft entries set aside (content-addressed, idempotent), drafts set aside that
/// this build reads (an earlier build's mistake) or that a newer build wrote (under an earlier
/// build's name, `tieuchi.corrupt.<id>`) put back where they belong when that place is free;
/// then the list.
pub fn start_up(kv: &mut impl Kv) -> StartUp {
    migrate_set_list(kv);
    let mut count = 0;
    for key in kv.keys() {
        if !key.starts_with(DRAFT_PREFIX) {
            continue;
        }
        let Some(text) = kv.get(&key) else { continue };
        if matches!(classify_draft(&key, &text), Fate::Damaged { .. })
            && set_aside(kv, &key, &text, AsideKind::Draft)
        {
            count += 1;
        }
    }
    put_back(kv);
    let (drafts, kept) = list_drafts(kv);
    StartUp {
        drafts,
        kept,
        set_aside: count,
    }
}

/// Drafts set aside that belong under a draft key, moved there when it is free.
fn put_back(kv: &mut impl Kv) {
    for key in kv.keys() {
        let Some(name) = key.strip_prefix(ASIDE_PREFIX) else {
            continue;
        };
        if name.starts_with(ASIDE_SETS) {
            continue;
        }
        let Some(text) = kv.get(&key) else { continue };
        // An earlier build named what it set aside by the draft's id.
        let legacy = !name.starts_with(ASIDE_DRAFT) && store::valid_id(name);
        let target = if Head::read(&text).newer_than(WRITER, store::SCHEMA) {
            legacy.then(|| draft_key(name))
        } else {
            store::read_stored(&text)
                .ok()
                .map(|env| draft_key(&env.draft.id))
        };
        let Some(target) = target else { continue };
        if kv.get(&target).is_none() && kv.set(&target, &text).is_ok() {
            kv.remove(&key);
        }
    }
}

/// The list of the first releases (`tieuchi.sets`), moved to one key per set. A set already
/// under its own key is not overwritten. The list is removed only when every set in it was
/// written; a list that cannot be read whole is set aside first, never dropped.
fn migrate_set_list(kv: &mut impl Kv) {
    let Some(text) = kv.get(SETS_LIST_KEY) else {
        return;
    };
    let Some(list) = set_store::read_legacy_list(&text) else {
        set_aside(kv, SETS_LIST_KEY, &text, AsideKind::SetList);
        return;
    };
    let written = list.into_iter().all(|mut set| {
        set.upgrade();
        kv.get(&set_store::key(&set)).is_some() || save_set(kv, &set, "").is_ok()
    });
    if written {
        kv.remove(SETS_LIST_KEY);
    }
}

/// The file name a stored entry is downloaded under, as it is: a newer version's draft or
/// set is named as such, never as damaged.
pub fn download_name(key: &str, text: &str) -> String {
    use crate::core::vn::slug;
    if key.starts_with(super::PART_PREFIX) {
        return match super::classify_part(key, text) {
            Fate::Newer(l) => format!("phan-viec-phien-ban-moi-{}.json", slug(&l.what)),
            _ => format!("du-lieu-hong-{}.json", slug(key)),
        };
    }
    let (newer, label) = if key.starts_with(set_store::PREFIX) {
        match classify_set(key, text) {
            Fate::Newer(l) => (true, l),
            _ => (false, Label::default()),
        }
    } else {
        let head = Head::read(text);
        (head.newer_than(WRITER, store::SCHEMA), Label::draft(&head))
    };
    match (newer, key.starts_with(set_store::PREFIX)) {
        (true, true) => format!(
            "bo-tieu-chi-phien-ban-moi-{}.json",
            slug(&format!("{} {}", label.what, label.detail))
        ),
        (true, false) => format!("ban-nhap-phien-ban-moi-{}.json", slug(&label.what)),
        (false, _) => format!("du-lieu-hong-{}.json", slug(key)),
    }
}

/// Orders entries by the time they were saved (`newest` first, or oldest first). An insertion
/// sort: a browser holds a handful of drafts and sets, and the standard library's sort costs
/// about 10 KB of WASM (measured with twiggy; see BENCHMARKS.md).
pub(super) fn by_saved_at<T>(items: &mut [T], saved_at: fn(&T) -> &str, newest: bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 {
            let (before, here) = (saved_at(&items[j - 1]), saved_at(&items[j]));
            let out_of_order = if newest { before < here } else { before > here };
            if !out_of_order {
                break;
            }
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
