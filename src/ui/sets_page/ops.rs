//! What the set page does around its reducer: storage, files and downloads. Every write is of
//! one set under its own key; a write over a set another tab changed or deleted since it was
//! opened here happens only when the user says so (the rule drafts follow too).

use super::list::{SetOp, Src};
use super::review::{Affected, Review};
use super::{Editing, Page, PageAction};
use crate::core::criteria::CriteriaSet;
use crate::core::set_diff;
use crate::core::set_store::{self, StoredSet};
use crate::core::store::MAX_IMPORT_BYTES;
use crate::core::vn::slug;
use crate::ui::state::Tone;
use crate::web::{clock, dialog, download, storage};
use yew::prelude::*;

pub type Dispatch = UseReducerDispatcher<Page>;

fn notice(d: &Dispatch, tone: Tone, text: impl Into<String>) {
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
                let name = format!("bo-tieu-chi-{}-{}.json", s.id, slug(&s.version));
                let bytes = s.to_json();
                if let Err(e) = download::bytes(&name, download::JSON_MIME, bytes.as_bytes()) {
                    notice(d, Tone::Error, e);
                }
            }
        }
        SetOp::Edit(i) => d.dispatch(PageAction::Edit(page.user.get(i).map(|s| Editing {
            key: s.key.clone(),
            saved_at: s.saved_at.clone(),
        }))),
        SetOp::Cancel => d.dispatch(PageAction::Edit(None)),
        SetOp::Save(set) => {
            if let Some(editing) = &page.editing {
                save(d, editing, *set);
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
    match storage::save_set(&copy, &clock::now_iso()) {
        Ok(_) => {
            load(d);
            notice(
                d,
                Tone::Success,
                "Đã tạo bản sao. Bấm “Chỉnh sửa” để sửa ngưỡng theo văn bản của tỉnh.",
            );
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
            Err(_) => dialog::confirm("Bản đang lưu của bộ tiêu chí này không đọc được. Ghi đè bằng bản đang sửa ở đây?"),
        },
    }
}

fn save(d: &Dispatch, editing: &Editing, set: CriteriaSet) {
    if !may_overwrite(editing) {
        notice(
            d,
            Tone::Info,
            "Chưa lưu: bản ở thẻ khác được giữ. Bạn vẫn có thể sửa tiếp, hoặc Hủy để xem bản đó.",
        );
        return;
    }
    let key = set_store::key(&set);
    if key != editing.key && storage::read_raw(&key).is_some() {
        notice(
            d,
            Tone::Error,
            format!(
                "Đã có bộ tiêu chí mã “{}” phiên bản “{}”: hãy đổi số phiên bản.",
                set.id, set.version
            ),
        );
        return;
    }
    match storage::save_set(&set, &clock::now_iso()) {
        Ok(_) => {
            if key != editing.key {
                storage::remove(&editing.key);
            }
            d.dispatch(PageAction::Edit(None));
            load(d);
            notice(
                d,
                Tone::Success,
                "Đã lưu bộ tiêu chí. Bản nháp mới tạo từ bộ này sẽ dùng ngưỡng mới.",
            );
        }
        Err(e) => notice(d, Tone::Error, e.message_vi()),
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

/// Imports a set file, strictly: every problem is listed in Vietnamese and nothing is added.
pub fn import(d: &Dispatch, event: Event, page: &Page) {
    let d = d.clone();
    let library: Vec<CriteriaSet> = page
        .shipped
        .iter()
        .chain(page.user.iter().map(|s| &s.set))
        .cloned()
        .collect();
    let taken: Vec<(String, String)> = page
        .shipped
        .iter()
        .chain(page.user.iter().map(|s| &s.set))
        .map(|s| (s.id.clone(), s.version.clone()))
        .collect();
    wasm_bindgen_futures::spawn_local(async move {
        let text = match crate::web::files::read_picked(event, MAX_IMPORT_BYTES).await {
            Ok((_, t)) => t,
            Err(msg) => return notice(&d, Tone::Error, msg),
        };
        match CriteriaSet::from_json(&text) {
            Err(errors) => notice(
                &d,
                Tone::Error,
                crate::core::criteria::import_failure_vi(&errors),
            ),
            Ok(mut set) => {
                // Never over a set already here: the import becomes a version of its own.
                while taken
                    .iter()
                    .any(|(id, v)| *id == set.id && *v == set.version)
                {
                    set.version.push_str("-nhap");
                }
                match storage::save_set(&set, &clock::now_iso()) {
                    Ok(_) => {
                        load(&d);
                        notice(
                            &d,
                            Tone::Success,
                            format!("Đã nhập bộ tiêu chí “{}”.", set.name),
                        );
                        d.dispatch(PageAction::Review(review(set, &library)));
                    }
                    Err(e) => notice(&d, Tone::Error, e.message_vi()),
                }
            }
        }
    });
}

/// The review of a newly imported set: changes from the latest other version of it (in the
/// library, else the one a draft embeds), and every stored draft on another version.
fn review(set: CriteriaSet, library: &[CriteriaSet]) -> Option<Review> {
    let (drafts, _) = storage::load_drafts();
    let affected: Vec<&crate::core::store::Envelope> = drafts
        .iter()
        .filter(|e| e.set.id == set.id && e.set.version != set.version)
        .collect();
    let base = library
        .iter()
        .rev()
        .find(|s| s.id == set.id && s.version != set.version)
        .or_else(|| affected.first().map(|e| &e.set))?;
    let drafts = affected
        .iter()
        .map(|e| {
            let (before, after) = set_diff::results(&e.set, &set, &e.draft);
            Affected {
                id: e.draft.id.clone(),
                label: format!("Xã {} — {}", e.commune, e.period),
                version: e.set.version.clone(),
                before,
                after,
                moved: false,
            }
        })
        .collect();
    Some(Review {
        changes: set_diff::diff(base, &set),
        from_version: base.version.clone(),
        set: std::rc::Rc::new(set),
        drafts,
    })
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
