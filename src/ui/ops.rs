//! The editor's effects: storage, files, downloads, the report worker, the shipped sets'
//! files. Each takes what it needs and returns what happened, a failure as a Vietnamese
//! message; what finishes later (a file read, a fetch, the worker) answers through a
//! callback. None touches data already stored unless asked to, and none knows the editor's
//! state: `ui::editor` turns what they return into actions.

use crate::core::criteria::CriteriaSet;
use crate::core::persist::{self, Elsewhere, Kept, Over, Refused};
use crate::core::sets::Listed;
use crate::core::store::{DraftSummary, Envelope};
use crate::core::vn::slug;
use crate::ui::chrome::Tone;
use crate::ui::state::{Base, Doc};
use crate::web::share::{share_or_download, Shared};
use crate::web::{clock, download, storage};
use yew::Callback;

/// The id of the draft last opened or saved, reopened at start-up.
const LAST_KEY: &str = "tieuchi.last";

/// Marks draft `id` as the one the editor opens at its next start-up. Where storage refuses,
/// the editor opens on its list instead.
pub fn remember_last(id: &str) {
    let _ = storage::write_raw(LAST_KEY, id);
}

/// The set last received from the province (`received::mark`), offered first for a new draft
/// also after a reload, while it is still that set (`received::marked`).
pub const RECEIVED_SET_KEY: &str = "tieuchi.bo-tinh-gui";

/// Remembers `set` as the one the province sent. Where storage refuses, the mark lives only
/// in the page, as the set itself then does.
pub fn remember_received(set: &CriteriaSet) {
    let _ = storage::write_raw(RECEIVED_SET_KEY, &crate::core::received::mark(set));
}

/// The stored drafts this build reads, and the entries kept without use.
pub fn drafts() -> (Vec<DraftSummary>, Vec<Kept>) {
    let (drafts, kept) = storage::load_drafts();
    (drafts.iter().map(DraftSummary::from).collect(), kept)
}

/// The user's own sets that can start a draft, and how many stored ones cannot (they are
/// listed, with why, on the set page).
pub fn user_sets() -> (Vec<CriteriaSet>, usize) {
    let (stored, unreadable) = storage::load_sets();
    let all = stored.len() + unreadable.len();
    let usable: Vec<CriteriaSet> = stored
        .into_iter()
        .filter(|s| s.usable())
        .map(|s| s.set)
        .collect();
    let unusable = all - usable.len();
    (usable, unusable)
}

/// What the editor finds in storage at start-up.
pub struct Found {
    pub drafts: Vec<DraftSummary>,
    pub kept: Vec<Kept>,
    pub sets: Vec<CriteriaSet>,
    /// What the user should know of what was found.
    pub notice: Option<(Tone, String)>,
    /// The draft last opened, with the text it was read from.
    pub last: Option<(Envelope, String)>,
    /// The set last received from the province (id, version), as remembered.
    pub received: Option<(String, String)>,
}

/// Start-up: loads sets and drafts (the one place where unreadable entries are set aside:
/// `persist::start_up`) and the draft last opened. `None`: storage is blocked.
pub fn start_up() -> Option<Found> {
    if !storage::available() {
        return None;
    }
    let found = storage::start_up();
    let (sets, unusable) = user_sets();
    let newer = found.kept.iter().filter(|k| k.newer).count();
    let notice = if found.set_aside > 0 {
        Some((Tone::Error, "Một số dữ liệu bản nháp lưu trong trình duyệt không đọc được; đã được để riêng, nguyên vẹn, và có thể tải về ở mục Bản nháp.".to_string()))
    } else if newer > 0 {
        Some((Tone::Info, format!("{newer} bản nháp do phiên bản mới hơn của ứng dụng tạo, được giữ nguyên: hãy tải lại trang để cập nhật ứng dụng rồi mở.")))
    } else if unusable > 0 {
        Some((Tone::Info, format!("{unusable} bộ tiêu chí tự tạo chưa dùng được (có lỗi, hoặc do phiên bản mới hơn lưu); xem ở trang “Bộ tiêu chí”.")))
    } else {
        None
    };
    let last = storage::read_raw(LAST_KEY)
        .filter(|id| found.drafts.iter().any(|e| e.draft.id == *id))
        .and_then(|id| load(&id));
    let received =
        storage::read_raw(RECEIVED_SET_KEY).and_then(|m| crate::core::received::marked(&m, &sets));
    Some(Found {
        drafts: found.drafts.iter().map(DraftSummary::from).collect(),
        kept: found.kept,
        sets,
        notice,
        last,
        received,
    })
}

/// Writes the open draft, only over the text it is based on: anything else stored there is
/// another page's, and the core's verdict comes back. Returns what is listed and the text
/// written (the draft's base from now on).
pub fn save(doc: &Doc, base: &Base) -> Result<(DraftSummary, String), Refused> {
    let env = doc.envelope(clock::now_iso());
    let text = storage::save_open(&env, Over::Base(base.text()))?;
    remember_last(&env.draft.id);
    Ok((DraftSummary::from(&env), text))
}

/// A stored draft this build reads, with the text it was read from: a draft that is listed
/// can always be opened, renamed, carried forward, deleted and exported.
pub fn load(id: &str) -> Option<(Envelope, String)> {
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

/// Stores a draft about to be opened (over what `over` allows) and remembers it as the last
/// one; returns the text written.
pub fn store(env: &Envelope, over: Over) -> Result<String, String> {
    let text = storage::save_open(env, over).map_err(|r| refused_vi(&r))?;
    remember_last(&env.draft.id);
    Ok(text)
}

/// Renames a stored draft that is not open, over the text it was read from.
pub fn rename_stored(env: Envelope, text: &str, name: String) -> Result<(), String> {
    let mut draft = env.draft;
    draft.name = name;
    let env = Envelope::new(draft, env.set, clock::now_iso());
    storage::save_open(&env, Over::Base(Some(text)))
        .map(|_| ())
        .map_err(|r| refused_vi(&r))
}

/// Removes a stored draft; returns it, for its undo.
pub fn delete(id: &str) -> Option<Envelope> {
    let (env, _) = load(id)?;
    storage::remove(&storage::draft_key(id));
    Some(env)
}

/// Writes back a deleted draft, where nothing has been stored since.
pub fn restore(env: &Envelope) -> Result<(), String> {
    storage::save_open(env, Over::Base(None))
        .map(|_| ())
        .map_err(|r| refused_vi(&r))
}

/// The name of a draft's file: "ban-nhap-ntm-lien-son-6-thang-dau-nam-2024.json".
fn file_name(env: &Envelope) -> String {
    format!(
        "ban-nhap-{}.json",
        slug(&format!("ntm {} {}", env.commune, env.period))
    )
}

/// Downloads a draft as a file ("ban-nhap-ntm-lien-son-….json").
pub fn export(env: &Envelope) -> Result<(), String> {
    download::bytes(
        &file_name(env),
        download::JSON_MIME,
        env.to_json_pretty().as_bytes(),
    )
}

/// Hands a draft's file to the phone's share sheet (Zalo, e-mail…), or saves it where the
/// browser keeps downloads; `then` is told what became of it and the file's name.
pub fn share(env: &Envelope, then: Callback<(Result<Shared, String>, String)>) {
    let name = file_name(env);
    let bytes = env.to_json_pretty().into_bytes();
    let title = format!("Báo cáo NTM xã {} — {}", env.commune, env.period);
    wasm_bindgen_futures::spawn_local(async move {
        let done = share_or_download(&name, download::JSON_MIME, &bytes, &title).await;
        then.emit((done, name));
    });
}

/// The text of the file picked in `event` (at most `store::MAX_IMPORT_BYTES`), or why not:
/// the one file reader of the editor ("Mở tệp nhận được", a part file handed on).
pub fn read_text(event: web_sys::Event, then: Callback<Result<String, String>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let read =
            crate::web::files::read_picked(event, crate::core::store::MAX_IMPORT_BYTES).await;
        then.emit(read.map(|(_, text)| text))
    });
}

/// What is stored under a draft's id.
pub enum There {
    Nothing,
    /// A draft a newer version of the app made: never replaced from here.
    Newer,
    /// Anything else: a draft this build reads, or unreadable data.
    Taken,
}

pub fn there(id: &str) -> There {
    let key = storage::draft_key(id);
    match storage::read_raw(&key).map(|t| persist::classify_draft(&key, &t)) {
        None => There::Nothing,
        Some(persist::Fate::Newer(_)) => There::Newer,
        Some(_) => There::Taken,
    }
}

/// Downloads a stored entry kept without use, byte for byte.
pub fn download_kept(key: &str) -> Result<(), String> {
    download::stored_entry(key)
}

/// Removes a stored entry kept without use.
pub fn remove_kept(key: &str) {
    storage::remove(key);
}

/// Asks the report worker for the .docx of `doc` and hands it to the browser; `then` is told
/// what to say.
pub fn download_report(doc: &Doc, then: Callback<(Tone, String)>) {
    let envelope = doc.envelope(clock::now_iso()).to_json();
    let answer = Callback::from(move |a: crate::web::report_worker::Answer| {
        then.emit(match a {
            Ok(r) => match download::bytes(&r.file_name, download::DOCX_MIME, &r.bytes) {
                Ok(()) if !r.reasons.is_empty() => (
                    Tone::Info,
                    "Đã tải báo cáo, đánh dấu “DỰ THẢO” vì còn việc chưa xong (xem phần tóm tắt ở đầu trang).".to_string(),
                ),
                Ok(()) => (Tone::Success, format!("Đã tải {}.", r.file_name)),
                Err(e) => (Tone::Error, e),
            },
            Err(e) => (Tone::Error, e),
        })
    });
    crate::web::report_worker::request("docx", envelope, answer);
}

/// Reads a shipped set's file (the network the first time, the service worker's copy after
/// that).
pub fn fetch_set(listed: &'static Listed, then: Callback<Result<CriteriaSet, String>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let url = format!("criteria/{}.json", listed.id);
        let set = crate::web::fetch::text(&url).await.and_then(|text| {
            CriteriaSet::from_json(&text)
                .map_err(|e| e.first().map(|x| x.to_string()).unwrap_or_default())
        });
        then.emit(set.map_err(|why| format!("Chưa mở được “{}”: {why}. Lần đầu dùng bộ này cần có mạng; sau đó dùng được cả khi không có mạng.", listed.name)));
    });
}
