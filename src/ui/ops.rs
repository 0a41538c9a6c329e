//! What the app does around the reducer: storage, files and downloads, each ending in an
//! `Action`. Every failure becomes a Vietnamese notice; none touches data already stored.

use crate::core::criteria::CriteriaSet;
use crate::core::edit::new_draft;
use crate::core::store::{self, DraftSummary, Envelope};
use crate::core::vn::slug;
use crate::ui::state::{Action, Doc, State, Tone};
use crate::web::{clock, download, storage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

pub type Dispatch = UseReducerDispatcher<State>;

pub const LAST_KEY: &str = "tieuchi.last";

fn notice(d: &Dispatch, tone: Tone, text: impl Into<String>) {
    d.dispatch(Action::Notice(tone, text.into()));
}

pub fn refresh_drafts(d: &Dispatch) {
    let (drafts, corrupt) = storage::load_drafts();
    d.dispatch(Action::Drafts(
        drafts.iter().map(DraftSummary::from).collect(),
        corrupt,
    ));
}

/// Start-up: probe storage, load drafts and sets, reopen the last draft.
pub fn startup(d: &Dispatch) {
    if !storage::available() {
        d.dispatch(Action::MemoryOnly);
        return;
    }
    // Sets first: what they set aside is then in the list the user is told about.
    let unusable = load_library(d);
    let (drafts, corrupt) = storage::load_drafts();
    if !corrupt.is_empty() {
        notice(d, Tone::Error, "Một số dữ liệu lưu trong trình duyệt bị hỏng; đã để riêng và có thể tải về ở mục Bản nháp.");
    } else if unusable > 0 {
        notice(d, Tone::Info, format!("{unusable} bộ tiêu chí tự tạo chưa dùng được (có lỗi hoặc không đọc được); xem và sửa ở trang “Bộ tiêu chí”."));
    }
    let last = storage::read_raw(LAST_KEY);
    let reopen = last.and_then(|id| drafts.iter().find(|e| e.draft.id == id).cloned());
    d.dispatch(Action::Drafts(
        drafts.iter().map(DraftSummary::from).collect(),
        corrupt,
    ));
    if let Some(env) = reopen {
        d.dispatch(Action::Open(env));
    }
}

/// Writes the open draft now. `written` remembers the text, so this tab can tell its own
/// writes from another tab's in `storage` events.
pub fn save_now(d: &Dispatch, doc: &Doc, revision: u64, written: &Rc<RefCell<Option<String>>>) {
    let env = doc.envelope(clock::now_iso());
    match storage::save_draft(&env) {
        Ok(text) => {
            *written.borrow_mut() = Some(text);
            let _ = storage::write_raw(LAST_KEY, &env.draft.id);
            d.dispatch(Action::Saved {
                revision,
                summary: DraftSummary::from(&env),
            });
        }
        Err(e) => d.dispatch(Action::SaveFailed(e.message_vi())),
    }
}

/// A stored draft, read as leniently as the list that offers it (`store::read_stored`): a draft
/// that is listed can always be opened, renamed, carried forward, deleted and exported.
fn load(id: &str) -> Option<Envelope> {
    storage::read_raw(&storage::draft_key(id)).and_then(|raw| store::read_stored(&raw).ok())
}

/// Stores a new or changed envelope and opens it.
fn store_and_open(d: &Dispatch, env: Envelope, memory_only: bool) {
    if !memory_only {
        if let Err(e) = storage::save_draft(&env) {
            notice(d, Tone::Error, e.message_vi());
            return;
        }
        let _ = storage::write_raw(LAST_KEY, &env.draft.id);
        refresh_drafts(d);
    }
    d.dispatch(Action::Open(env));
}

pub fn new_draft_from(d: &Dispatch, set: &CriteriaSet, memory_only: bool) {
    let draft = new_draft(clock::new_id(), set, clock::today());
    let env = Envelope::new(draft, set.clone(), clock::now_iso());
    store_and_open(d, env, memory_only);
    d.dispatch(Action::Tab(crate::ui::state::Tab::Setup));
}

pub fn open(d: &Dispatch, id: &str) {
    match load(id) {
        Some(env) => d.dispatch(Action::Open(env)),
        None => notice(
            d,
            Tone::Error,
            "Không mở được bản nháp (dữ liệu không còn hoặc bị hỏng).",
        ),
    }
}

pub fn rename(d: &Dispatch, id: &str, current: Option<&Doc>) {
    let old = current
        .filter(|doc| doc.draft.id == id)
        .map(|doc| doc.draft.name.clone())
        .or_else(|| load(id).map(|e| e.draft.name));
    let Some(old) = old else { return };
    let Some(name) = crate::web::dialog::prompt("Tên mới của bản nháp:", &old) else {
        return;
    };
    if current.is_some_and(|doc| doc.draft.id == id) {
        d.dispatch(Action::Edit(crate::core::edit::Edit::Meta(
            crate::core::edit::MetaField::Name,
            name,
        )));
        return;
    }
    if let Some(mut env) = load(id) {
        env.draft.name = name;
        let env = Envelope::new(env.draft, env.set, clock::now_iso());
        match storage::save_draft(&env) {
            Ok(_) => refresh_drafts(d),
            Err(e) => notice(d, Tone::Error, e.message_vi()),
        }
    }
}

pub fn next_period(d: &Dispatch, id: &str, memory_only: bool) {
    let Some(env) = load(id) else { return };
    let next = env.draft.next_period(clock::new_id());
    let period = next.meta.period_text();
    store_and_open(
        d,
        Envelope::new(next, env.set, clock::now_iso()),
        memory_only,
    );
    notice(d, Tone::Success, format!("Đã tạo bản nháp {period}, chép số liệu và nội dung từ kỳ trước. Hãy cập nhật số liệu mới."));
}

pub fn delete(d: &Dispatch, id: &str) {
    let Some(env) = load(id) else { return };
    storage::remove(&storage::draft_key(id));
    d.dispatch(Action::Deleted(env));
}

pub fn undo_delete(d: &Dispatch, env: &Envelope) {
    match storage::save_draft(env) {
        Ok(_) => {
            refresh_drafts(d);
            d.dispatch(Action::ForgetUndo);
        }
        Err(e) => notice(d, Tone::Error, e.message_vi()),
    }
}

fn export_name(env: &Envelope) -> String {
    format!(
        "ban-nhap-{}.json",
        slug(&format!("ntm {} {}", env.commune, env.period))
    )
}

pub fn export(d: &Dispatch, id: &str, current: Option<&Doc>) {
    let env = match current.filter(|doc| doc.draft.id == id) {
        Some(doc) => Some(doc.envelope(clock::now_iso())),
        None => load(id),
    };
    let Some(env) = env else {
        return notice(d, Tone::Error, "Không đọc được bản nháp để xuất.");
    };
    if let Err(e) = download::bytes(
        &export_name(&env),
        download::JSON_MIME,
        env.to_json_pretty().as_bytes(),
    ) {
        notice(d, Tone::Error, e);
    }
}

/// Imports a draft file. A bad file changes nothing; a draft that exists asks first.
pub fn import_draft(d: &Dispatch, event: Event, memory_only: bool) {
    let d = d.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = match crate::web::files::read_picked(event, store::MAX_IMPORT_BYTES).await {
            Ok((_, t)) => t,
            Err(msg) => return notice(&d, Tone::Error, msg),
        };
        match store::read_import(&text) {
            Err(e) => notice(
                &d,
                Tone::Error,
                format!("Không nhập được tệp. {}", e.message_vi()),
            ),
            Ok(env) => {
                if !memory_only && storage::read_raw(&storage::draft_key(&env.draft.id)).is_some() {
                    d.dispatch(Action::AskReplace(env));
                } else {
                    store_and_open(&d, env, memory_only);
                    notice(&d, Tone::Success, "Đã nhập bản nháp.");
                }
            }
        }
    });
}

/// Answers the "replace or keep both" question of an import.
pub fn resolve_import(d: &Dispatch, env: &Envelope, replace: bool, memory_only: bool) {
    let mut env = env.clone();
    if !replace {
        env.draft.id = clock::new_id();
        env.draft.name = format!(
            "{} (bản nhập)",
            if env.draft.name.is_empty() {
                env.commune.clone()
            } else {
                env.draft.name.clone()
            }
        );
    }
    d.dispatch(Action::ForgetReplace);
    store_and_open(d, env, memory_only);
    notice(
        d,
        Tone::Success,
        if replace {
            "Đã thay bản nháp bằng bản nhập."
        } else {
            "Đã giữ cả hai bản nháp."
        },
    );
}

pub fn corrupt(d: &Dispatch, download_it: bool, key: &str) {
    if download_it {
        if let Err(e) = download::stored_entry(key) {
            notice(d, Tone::Error, e);
        }
    } else if crate::web::dialog::confirm("Bỏ hẳn dữ liệu này? Sau khi bỏ sẽ không khôi phục được. Nếu chưa chắc, hãy “Tải dữ liệu gốc” trước.") {
        storage::remove(key);
        refresh_drafts(d);
    }
}

/// Asks the report worker for the .docx and hands it to the browser.
pub fn download_report(d: &Dispatch, doc: &Doc) {
    let d = d.clone();
    let envelope = doc.envelope(clock::now_iso()).to_json();
    let answer = Callback::from(move |a: crate::web::report_worker::Answer| match a {
        Ok(r) => match download::bytes(&r.file_name, download::DOCX_MIME, &r.bytes) {
            Ok(()) if !r.reasons.is_empty() => notice(
                &d,
                Tone::Info,
                "Đã tải báo cáo, đánh dấu “DỰ THẢO” vì còn lỗi cần sửa.",
            ),
            Ok(()) => notice(&d, Tone::Success, format!("Đã tải {}.", r.file_name)),
            Err(e) => notice(&d, Tone::Error, e),
        },
        Err(e) => notice(&d, Tone::Error, e),
    });
    crate::web::report_worker::request("docx", envelope, answer);
}

/// The user's own sets that can start a draft, into the library; returns how many stored
/// ones cannot (they are listed, with why, on the set page).
pub fn load_library(d: &Dispatch) -> usize {
    let (stored, unreadable) = storage::load_sets();
    let all = stored.len() + unreadable.len();
    let usable: Vec<CriteriaSet> = stored
        .into_iter()
        .filter(|s| s.usable())
        .map(|s| s.set)
        .collect();
    let unusable = all - usable.len();
    d.dispatch(Action::Library(usable));
    unusable
}

/// Runs `then` with the chosen set: at once if it is read, else once its file is read (the
/// network the first time, the service worker's copy after that).
pub fn with_set(
    d: &Dispatch,
    choice: crate::ui::state::Choice,
    then: impl FnOnce(CriteriaSet) + 'static,
) {
    let listed = match choice {
        crate::ui::state::Choice::Read(set) => return then(set.clone()),
        crate::ui::state::Choice::Listed(l) => l,
    };
    let d = d.clone();
    notice(&d, Tone::Info, format!("Đang mở “{}”…", listed.name));
    wasm_bindgen_futures::spawn_local(async move {
        let url = format!("criteria/{}.json", listed.id);
        let set = crate::web::fetch::text(&url).await.and_then(|text| {
            CriteriaSet::from_json(&text)
                .map_err(|e| e.first().map(|x| x.to_string()).unwrap_or_default())
        });
        match set {
            Ok(set) => {
                d.dispatch(Action::ClearNotice);
                d.dispatch(Action::Shipped(set.clone()));
                then(set);
            }
            Err(why) => notice(&d, Tone::Error, format!("Chưa mở được “{}”: {why}. Lần đầu dùng bộ này cần có mạng; sau đó dùng được cả khi không có mạng.", listed.name)),
        }
    });
}
