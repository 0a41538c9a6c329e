//! What the app does around the reducer: storage, files and downloads, each ending in an
//! `Action`. Every failure becomes a Vietnamese notice; none touches data already stored.

use crate::core::criteria::CriteriaSet;
use crate::core::edit::new_draft;
use crate::core::persist::{self, Elsewhere, Over, Refused};
use crate::core::store::{self, DraftSummary, Envelope};
use crate::core::vn::slug;
use crate::ui::chrome::Tone;
use crate::ui::shared::Shared;
use crate::ui::state::{Action, Doc, State};
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
    let (drafts, kept) = storage::load_drafts();
    d.dispatch(Action::Drafts(
        drafts.iter().map(DraftSummary::from).collect(),
        kept,
    ));
}

/// Start-up: probe storage, load sets and drafts (the one place where unreadable entries are
/// set aside: `persist::start_up`), reopen the last draft.
pub fn startup(d: &Dispatch) {
    if !storage::available() {
        d.dispatch(Action::MemoryOnly);
        return;
    }
    let found = storage::start_up();
    let unusable = load_library(d);
    let newer = found.kept.iter().filter(|k| k.newer).count();
    if found.set_aside > 0 {
        notice(d, Tone::Error, "Một số dữ liệu bản nháp lưu trong trình duyệt không đọc được; đã được để riêng, nguyên vẹn, và có thể tải về ở mục Bản nháp.");
    } else if newer > 0 {
        notice(d, Tone::Info, format!("{newer} bản nháp do phiên bản mới hơn của ứng dụng tạo, được giữ nguyên: hãy tải lại trang để cập nhật ứng dụng rồi mở."));
    } else if unusable > 0 {
        notice(d, Tone::Info, format!("{unusable} bộ tiêu chí tự tạo chưa dùng được (có lỗi, hoặc do phiên bản mới hơn lưu); xem ở trang “Bộ tiêu chí”."));
    }
    d.dispatch(Action::Drafts(
        found.drafts.iter().map(DraftSummary::from).collect(),
        found.kept,
    ));
    if let Some(id) = storage::read_raw(LAST_KEY) {
        if found.drafts.iter().any(|e| e.draft.id == id) {
            open(d, &id);
        }
    }
}

/// Writes the open draft now, only over the text it is based on (`base`, which it then
/// becomes). Anything else stored there is another page's: saving pauses with the core's
/// verdict. Returns whether it was written.
pub fn save_now(
    d: &Dispatch,
    doc: &Doc,
    revision: u64,
    base: &RefCell<Option<Shared<String>>>,
) -> bool {
    let env = doc.envelope(clock::now_iso());
    let over = base.borrow().clone();
    match storage::save_open(&env, Over::Base(over.as_deref().map(|b| b.as_str()))) {
        Ok(text) => {
            *base.borrow_mut() = Some(Shared(Rc::new(text.clone())));
            let _ = storage::write_raw(LAST_KEY, &env.draft.id);
            d.dispatch(Action::Saved {
                revision,
                summary: DraftSummary::from(&env),
                text,
            });
            true
        }
        Err(Refused::Elsewhere(verdict)) => {
            d.dispatch(Action::Elsewhere(verdict));
            false
        }
        Err(Refused::Failed(e)) => {
            d.dispatch(Action::SaveFailed(e.message_vi()));
            false
        }
    }
}

/// A stored draft this build reads, with the text it was read from: a draft that is listed
/// can always be opened, renamed, carried forward, deleted and exported.
fn load(id: &str) -> Option<(Envelope, String)> {
    let key = storage::draft_key(id);
    let text = storage::read_raw(&key)?;
    match persist::classify_draft(&key, &text) {
        persist::Fate::Readable(env) => Some((env, text)),
        _ => None,
    }
}

/// Why a draft was not stored, in words for the user.
fn refused_vi(r: &Refused) -> String {
    match r {
        Refused::Failed(e) => e.message_vi(),
        Refused::Elsewhere(Elsewhere::Newer) => "Đã có bản nháp cùng mã do phiên bản mới hơn của ứng dụng tạo; bản đó được giữ nguyên. Hãy tải lại trang để cập nhật ứng dụng.".into(),
        Refused::Elsewhere(_) => "Bản nháp này vừa được thay đổi ở một thẻ (cửa sổ) khác; chưa ghi gì. Hãy xem lại danh sách bản nháp.".into(),
    }
}

/// Stores a new or changed envelope (over what `over` allows) and opens it.
fn store_and_open(d: &Dispatch, env: Envelope, memory_only: bool, over: Over) -> bool {
    if memory_only {
        d.dispatch(Action::Open(env, None));
        return true;
    }
    match storage::save_open(&env, over) {
        Ok(text) => {
            let _ = storage::write_raw(LAST_KEY, &env.draft.id);
            refresh_drafts(d);
            d.dispatch(Action::Open(env, Some(text)));
            true
        }
        Err(r) => {
            notice(d, Tone::Error, refused_vi(&r));
            false
        }
    }
}

pub fn new_draft_from(d: &Dispatch, set: &CriteriaSet, memory_only: bool) {
    let draft = new_draft(clock::new_id(), set, clock::today());
    let env = Envelope::new(draft, set.clone(), clock::now_iso());
    if store_and_open(d, env, memory_only, Over::Base(None)) {
        d.dispatch(Action::Tab(crate::ui::state::Tab::Setup));
    }
}

pub fn open(d: &Dispatch, id: &str) {
    match load(id) {
        Some((env, text)) => d.dispatch(Action::Open(env, Some(text))),
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
        .or_else(|| load(id).map(|(e, _)| e.draft.name));
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
    if let Some((mut env, text)) = load(id) {
        env.draft.name = name;
        let env = Envelope::new(env.draft, env.set, clock::now_iso());
        match storage::save_open(&env, Over::Base(Some(&text))) {
            Ok(_) => refresh_drafts(d),
            Err(r) => notice(d, Tone::Error, refused_vi(&r)),
        }
    }
}

pub fn next_period(d: &Dispatch, id: &str, memory_only: bool) {
    let Some((env, _)) = load(id) else { return };
    let next = env.draft.next_period(clock::new_id());
    let period = next.meta.period_text();
    let next = Envelope::new(next, env.set, clock::now_iso());
    if store_and_open(d, next, memory_only, Over::Base(None)) {
        notice(d, Tone::Success, format!("Đã tạo bản nháp {period}, chép số liệu và nội dung từ kỳ trước. Hãy cập nhật số liệu mới."));
    }
}

pub fn delete(d: &Dispatch, id: &str) {
    let Some((env, _)) = load(id) else { return };
    storage::remove(&storage::draft_key(id));
    d.dispatch(Action::Deleted(env));
}

pub fn undo_delete(d: &Dispatch, env: &Envelope) {
    match storage::save_open(env, Over::Base(None)) {
        Ok(_) => {
            refresh_drafts(d);
            d.dispatch(Action::ForgetUndo);
        }
        Err(r) => notice(d, Tone::Error, refused_vi(&r)),
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
        None => load(id).map(|(env, _)| env),
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
                let key = storage::draft_key(&env.draft.id);
                let there = (!memory_only).then(|| storage::read_raw(&key)).flatten();
                match there.map(|t| persist::classify_draft(&key, &t)) {
                    // A newer version's draft of that id stays as it is: the file is kept beside it.
                    Some(persist::Fate::Newer(_)) => resolve_import(&d, &env, false, memory_only),
                    Some(_) => d.dispatch(Action::AskReplace(env)),
                    None => {
                        if store_and_open(&d, env, memory_only, Over::Base(None)) {
                            notice(&d, Tone::Success, "Đã nhập bản nháp.");
                        }
                    }
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
    let over = if replace {
        Over::AnyButNewer
    } else {
        Over::Base(None)
    };
    if store_and_open(d, env, memory_only, over) {
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
}

/// A stored entry kept without use (a newer version's, or unreadable): downloaded as it is,
/// or dropped when the user confirms.
pub fn kept(d: &Dispatch, download_it: bool, key: &str) {
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
