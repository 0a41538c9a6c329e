//! What the set page does around its reducer: storage, files and downloads. Every write is of
//! one set under its own key; a write over a set another tab changed or deleted since it was
//! opened here happens only when the user says so (the rule drafts follow too).

use super::list::{SetOp, Src};
use super::page::{Editing, Page, PageAction};
use super::review::review;
use crate::core::criteria::CriteriaSet;
use crate::core::persist;
use crate::core::set_diff;
use crate::core::set_store::{self, StoredSet};
use crate::core::vn::slug;
use crate::ui::chrome::Tone;
use crate::ui::shared::Shared;
use crate::web::{clock, dialog, download, storage};
use std::rc::Rc;
use yew::prelude::*;

pub type Dispatch = UseReducerDispatcher<Page>;

pub fn notice(d: &Dispatch, tone: Tone, text: impl Into<String>) {
    d.dispatch(PageAction::Notice(tone, text.into()));
}

/// Reads every stored set again (at start, after each write here or in another tab).
pub fn load(d: &Dispatch) {
    if !storage::available() {
        d.dispatch(PageAction::MemoryOnly);
        return;
    }
    let (sets, unreadable) = storage::load_sets();
    d.dispatch(PageAction::Loaded(sets, unreadable));
}

/// Another tab or page wrote or removed a stored set (or cleared storage).
pub fn on_storage(d: &Dispatch, page: &Page, key: Option<String>) {
    let ours = key
        .as_deref()
        .is_none_or(|k| k.starts_with(set_store::PREFIX));
    if !ours {
        return;
    }
    if page.editing.as_ref().map(|e| &e.key) == key.as_ref() {
        notice(d, Tone::Info, "Bộ tiêu chí đang sửa vừa được thay đổi ở một thẻ (cửa sổ) khác. Khi lưu, bạn sẽ được hỏi có ghi đè hay không.");
    }
    load(d);
}

fn source(page: &Page, src: Src) -> Option<&CriteriaSet> {
    match src {
        Src::Shipped(i) => page.shipped.get(i),
        Src::Own(i) => page.user.get(i).map(|s| &s.set),
    }
}

pub fn set_op(d: &Dispatch, page: &Page, op: SetOp) {
    match op {
        SetOp::Copy(src) => {
            if let Some(set) = source(page, src) {
                copy(d, page, set);
            }
        }
        SetOp::Export(src) => {
            if let Some(s) = source(page, src) {
                let name = format!("bo-tieu-chi-{}-{}.json", slug(&s.name), slug(&s.version));
                let bytes = s.to_json();
                if let Err(e) = download::bytes(&name, download::JSON_MIME, bytes.as_bytes()) {
                    notice(d, Tone::Error, e);
                }
            }
        }
        SetOp::Edit(i) => d.dispatch(PageAction::Edit(page.user.get(i).map(|s| Editing {
            key: s.key.clone(),
            saved_at: s.saved_at.clone(),
            set: Shared(Rc::new(s.set.clone())),
            fresh: false,
        }))),
        SetOp::Cancel => d.dispatch(PageAction::Edit(None)),
        SetOp::Save(set) => {
            if let Some(editing) = &page.editing {
                save(d, page, editing, *set);
            }
        }
        SetOp::Delete(i) => {
            if let Some(s) = page.user.get(i) {
                delete(d, s);
            }
        }
        SetOp::Download(key) => {
            if let Err(e) = download::stored_entry(&key) {
                notice(d, Tone::Error, e);
            }
        }
        SetOp::Discard(key) => {
            if dialog::confirm("Bỏ hẳn dữ liệu này? Sau khi bỏ sẽ không khôi phục được. Nếu chưa chắc, hãy “Tải dữ liệu gốc” trước.") {
                storage::remove(&key);
                load(d);
            }
        }
    }
}

fn taken_ids(page: &Page) -> Vec<&str> {
    page.shipped
        .iter()
        .map(|s| s.id.as_str())
        .chain(page.user.iter().map(|s| s.set.id.as_str()))
        .collect()
}

fn copy(d: &Dispatch, page: &Page, src: &CriteriaSet) {
    let mut copy = src.clone();
    // The random end of a fresh id: two tabs copying at once do not pick the same id.
    let fresh = clock::new_id();
    let salt = &fresh[fresh.len().saturating_sub(6)..];
    copy.id = set_store::copy_id(&src.id, salt, &taken_ids(page));
    copy.version = "1".into();
    copy.name = format!("{} (bản sao)", src.name);
    let saved_at = clock::now_iso();
    match storage::save_set(&copy, &saved_at) {
        Ok(_) => {
            let key = set_store::key(&copy);
            load(d);
            notice(
                d,
                Tone::Success,
                "Đã tạo bản sao. Hãy đặt tên cho bản sao, rồi sửa chỉ tiêu và ngưỡng theo văn bản của tỉnh.",
            );
            d.dispatch(PageAction::Edit(Some(Editing {
                key,
                saved_at,
                set: Shared(Rc::new(copy)),
                fresh: true,
            })));
        }
        Err(e) => notice(d, Tone::Error, e.message_vi()),
    }
}

/// Whether the stored copy may be replaced by the one edited here: yes if it is as it was
/// when the editor opened; otherwise the user decides.
fn may_overwrite(editing: &Editing) -> bool {
    match storage::read_raw(&editing.key) {
        None => dialog::confirm("Bộ tiêu chí này vừa bị xóa ở một thẻ (cửa sổ) khác. Lưu lại bản đang sửa ở đây?"),
        Some(raw) => match set_store::read(&editing.key, &raw) {
            Ok(now) if now.saved_at == editing.saved_at => true,
            Ok(now) => dialog::confirm(&format!(
                "Bộ tiêu chí này vừa được lưu ở một thẻ (cửa sổ) khác lúc {}. Ghi đè bằng bản đang sửa ở đây?",
                clock::local_hhmm(&now.saved_at)
            )),
            // A newer version's entry is never written over, nor called unreadable: saving
            // says so (`persist::set_save_failure_vi`), or leaves it in place under a new
            // version.
            Err(set_store::StoredError::Newer) => true,
            Err(_) => dialog::confirm("Bản đang lưu của bộ tiêu chí này không đọc được. Ghi đè bằng bản đang sửa ở đây?"),
        },
    }
}

/// Saves the set edited. A shipped set's id and version are never taken. Versions are
/// explicit: a change to indicators or thresholds of a version that stored drafts use is saved
/// as a new version, and those drafts are listed with what they would become.
fn save(d: &Dispatch, page: &Page, editing: &Editing, mut set: CriteriaSet) {
    if page
        .shipped
        .iter()
        .any(|s| s.id == set.id && s.version == set.version)
    {
        let m = format!("Mã “{}” phiên bản “{}” là của bộ tiêu chí có sẵn: hãy đổi mã hoặc phiên bản (mục “Nâng cao”).", set.id, set.version);
        return notice(d, Tone::Error, m);
    }
    if !may_overwrite(editing) {
        notice(
            d,
            Tone::Info,
            "Chưa lưu: bản ở thẻ khác được giữ. Bạn vẫn có thể sửa tiếp, hoặc Hủy để xem bản đó.",
        );
        return;
    }
    let before = &editing.set;
    let changed = !set_diff::diff(before, &set).is_empty();
    let (drafts, _) = storage::load_drafts();
    let on_this = |e: &&crate::core::store::Envelope| {
        e.set.id == before.id && e.set.version == before.version
    };
    let bumped = changed
        && set.id == before.id
        && set.version == before.version
        && drafts.iter().any(|e| on_this(&e));
    if bumped {
        let taken: Vec<&str> = page
            .user
            .iter()
            .filter(|s| s.set.id == set.id)
            .map(|s| s.set.version.as_str())
            .collect();
        set.version = set_diff::next_version(&before.version, &taken);
    }
    let key = set_store::key(&set);
    if key != editing.key && storage::read_raw(&key).is_some() {
        let m = format!(
            "Đã có bộ tiêu chí mã “{}” phiên bản “{}”: hãy đổi số phiên bản (mục “Nâng cao”).",
            set.id, set.version
        );
        return notice(d, Tone::Error, m);
    }
    // A version that drafts use stays listed beside the new one; a key changed by the user
    // (the id or version under "Nâng cao") moves the set.
    let from = if bumped {
        key.as_str()
    } else {
        editing.key.as_str()
    };
    match storage::save_set_from(&set, &clock::now_iso(), from) {
        Ok(_) => {
            d.dispatch(PageAction::Edit(None));
            load(d);
            let mut m = format!(
                "Đã lưu bộ tiêu chí “{}”: {} chỉ tiêu.",
                set.name,
                set.indicators().count()
            );
            if bumped {
                m.push_str(&format!(" Vì có bản nháp đang dùng phiên bản {}, thay đổi được lưu thành phiên bản {}; các bản nháp đó giữ phiên bản cũ cho đến khi chuyển.", before.version, set.version));
            }
            notice(d, Tone::Success, m);
            let review = review(set, Some(before), &drafts).filter(|r| !r.drafts.is_empty());
            if changed && review.is_some() {
                d.dispatch(PageAction::Review(review));
            }
        }
        Err(e) => notice(d, Tone::Error, persist::set_save_failure_vi(&e)),
    }
}

fn delete(d: &Dispatch, s: &StoredSet) {
    let q = format!("Xóa bộ tiêu chí “{}”? Các bản nháp đã tạo từ bộ này không bị ảnh hưởng (mỗi bản nháp giữ bản sao bộ tiêu chí của nó).", s.set.name);
    if dialog::confirm(&q) {
        storage::remove(&s.key);
        load(d);
        notice(
            d,
            Tone::Success,
            format!("Đã xóa bộ tiêu chí “{}”.", s.set.name),
        );
    }
}

/// Moves a stored draft to the reviewed version of its set (figures kept by code).
pub fn move_draft(d: &Dispatch, id: &str, set: &CriteriaSet) {
    let stored = storage::read_raw(&storage::draft_key(id))
        .and_then(|raw| crate::core::store::read_stored(&raw).ok());
    let Some(env) = stored else {
        return notice(
            d,
            Tone::Error,
            "Không đọc được bản nháp để chuyển (có thể vừa bị xóa ở thẻ khác).",
        );
    };
    let moved = crate::core::store::Envelope::new(
        set_diff::moved(&env.draft, set),
        set.clone(),
        clock::now_iso(),
    );
    match storage::save_draft(&moved) {
        Ok(_) => {
            d.dispatch(PageAction::Moved(id.to_string()));
            notice(
                d,
                Tone::Success,
                format!(
                    "Bản nháp xã {} đã chuyển sang phiên bản {}.",
                    env.commune, set.version
                ),
            );
        }
        Err(e) => notice(d, Tone::Error, e.message_vi()),
    }
}
