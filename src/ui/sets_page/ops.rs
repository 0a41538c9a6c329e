//! What the set page does around its reducer: storage, files and downloads. Every write is of
//! one set under its own key; a write over a set another tab changed or deleted since it was
//! opened here happens only when the user says so (the rule drafts follow too).

use super::list::{SetOp, Src};
use super::review::{Affected, Review};
use super::{Editing, Page, PageAction};
use crate::core::criteria::CriteriaSet;
use crate::core::set_diff;
use crate::core::set_store::{self, StoredSet};
use crate::core::vn::slug;
use crate::ui::state::{Shared, Tone};
use crate::web::{clock, dialog, download, storage};
use std::rc::Rc;
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
    match storage::save_set(&set, &clock::now_iso()) {
        Ok(_) => {
            if key != editing.key {
                storage::remove(&editing.key);
            }
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
/// A file that is not a set file is named for what it is; a set already here, identical, is
/// said so and not added again; a set whose id and version are taken by another becomes a
/// version of its own ("-nhap", "-nhap-2").
pub fn import(d: &Dispatch, event: Event, page: &Page) {
    let d = d.clone();
    let library: Vec<CriteriaSet> = page
        .shipped
        .iter()
        .chain(page.user.iter().map(|s| &s.set))
        .cloned()
        .collect();
    let Some(input) = event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
    else {
        return;
    };
    let files = crate::web::files::list(input.files());
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let (read, refused) = crate::web::files::read_all(files, 20).await;
        if let Some(r) = refused.first() {
            return notice(
                &d,
                Tone::Error,
                format!("Không đọc được tệp “{}”: {}", r.name, r.reason),
            );
        }
        let Some(file) = read.into_iter().next() else {
            return;
        };
        let set = match set_file(&file.name, &file.bytes) {
            Ok(set) => set,
            Err(m) => return notice(&d, Tone::Error, m),
        };
        if let Some(same) = library.iter().find(|s| set_diff::same_content(s, &set)) {
            let m = format!(
                "Bộ tiêu chí “{}” (phiên bản {}) đã có ở đây, giống hệt tệp này: không nhập thêm.",
                same.name, same.version
            );
            return notice(&d, Tone::Info, m);
        }
        let set = versioned(set, &library);
        match storage::save_set(&set, &clock::now_iso()) {
            Ok(_) => {
                load(&d);
                notice(
                    &d,
                    Tone::Success,
                    format!(
                        "Đã nhập bộ tiêu chí “{}” (phiên bản {}).",
                        set.name, set.version
                    ),
                );
                let (drafts, _) = storage::load_drafts();
                let base = library
                    .iter()
                    .rev()
                    .find(|s| s.id == set.id && s.version != set.version);
                d.dispatch(PageAction::Review(review(set.clone(), base, &drafts)));
            }
            Err(e) => notice(&d, Tone::Error, e.message_vi()),
        }
    });
}

/// A picked file read as a set file, or why it is not one (a CSV table, a Word file…).
fn set_file(name: &str, bytes: &[u8]) -> Result<CriteriaSet, String> {
    use crate::core::set_table::decode;
    if let Some(what) = decode::not_text(bytes) {
        return Err(format!(
            "Tệp “{name}” không phải tệp bộ tiêu chí (.json). {what}"
        ));
    }
    let text = decode::decode(bytes)
        .map(|(t, _)| t)
        .map_err(|e| format!("Tệp “{name}”: {e}"))?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let table = body
        .lines()
        .take(3)
        .any(|l| l.contains(';') || l.contains('\t'))
        || crate::core::vn::to_lower(body).starts_with("mã chỉ tiêu");
    if !body.starts_with('{') && table {
        return Err(format!("Tệp “{name}” là bảng chỉ tiêu (CSV), không phải tệp bộ tiêu chí (.json): hãy mở một bộ tự tạo (“Chỉnh sửa”), rồi dùng “Nhập bảng từ tệp CSV”."));
    }
    CriteriaSet::from_json(&text).map_err(|errors| {
        let list: Vec<String> = errors.iter().take(5).map(|e| e.to_string()).collect();
        let more = match errors.len() {
            n if n > 5 => format!(" (và {} lỗi khác)", n - 5),
            _ => String::new(),
        };
        format!("Tệp bộ tiêu chí không hợp lệ: {}{more}.", list.join("; "))
    })
}

/// Never over a set already here: a set whose id and version are taken becomes a version of
/// its own.
fn versioned(mut set: CriteriaSet, library: &[CriteriaSet]) -> CriteriaSet {
    let taken: Vec<&str> = library
        .iter()
        .filter(|s| s.id == set.id)
        .map(|s| s.version.as_str())
        .collect();
    if taken.contains(&set.version.as_str()) {
        let imported = format!("{}-nhap", set.version);
        set.version = match taken.contains(&imported.as_str()) {
            true => set_diff::next_version(&imported, &taken),
            false => imported,
        };
    }
    set
}

/// The review of a new version: changes from `base` (else from the set a draft embeds), and
/// every stored draft on another version.
fn review(
    set: CriteriaSet,
    base: Option<&CriteriaSet>,
    drafts: &[crate::core::store::Envelope],
) -> Option<Review> {
    let affected: Vec<&crate::core::store::Envelope> = drafts
        .iter()
        .filter(|e| e.set.id == set.id && e.set.version != set.version)
        .collect();
    let base = base.or_else(|| affected.first().map(|e| &e.set))?;
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
        set: Rc::new(set),
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
