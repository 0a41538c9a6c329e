//! Drafts and user criteria sets in localStorage, through gloo-storage, never panicking.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is blocked (private windows,
//! site data disabled), so every call here goes through `available()` first, which probes
//! with web-sys and a test write. When storage is unavailable the app works in memory and
//! says so.

use crate::core::criteria::CriteriaSet;
use crate::core::store::{self, Envelope, ReadError};
use gloo_storage::{LocalStorage, Storage};

pub const DRAFT_PREFIX: &str = "tieuchi.draft.";
pub const CORRUPT_PREFIX: &str = "tieuchi.corrupt.";
pub const SETS_KEY: &str = "tieuchi.sets";
const PROBE_KEY: &str = "tieuchi.probe";

/// Why a write failed, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Quota,
    Unavailable,
    Other(String),
}

impl SaveError {
    pub fn message_vi(&self) -> String {
        match self {
            SaveError::Quota => "Bộ nhớ trình duyệt đã đầy. Bản đã lưu trước đó vẫn còn nguyên; hãy xuất tệp để sao lưu, rồi xóa bớt bản nháp cũ.".into(),
            SaveError::Unavailable => "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu trang web). Dữ liệu chỉ nằm trong trang này; hãy xuất tệp để không mất.".into(),
            SaveError::Other(e) => format!("Không lưu được ({e}). Bản đã lưu trước đó vẫn còn nguyên; hãy xuất tệp để sao lưu."),
        }
    }
}

fn web_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    static AVAILABLE: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Whether localStorage can be used here: probed once with a test write. A storage that is
/// merely full counts as available (its data can be read, and writes report the quota).
pub fn available() -> bool {
    AVAILABLE.with(|cell| {
        if let Some(known) = cell.get() {
            return known;
        }
        let ok = web_storage().is_some_and(|s| match s.set_item(PROBE_KEY, "1") {
            Ok(()) => s.remove_item(PROBE_KEY).is_ok(),
            Err(e) => classify(e) == SaveError::Quota,
        });
        cell.set(Some(ok));
        ok
    })
}

fn classify(e: wasm_bindgen::JsValue) -> SaveError {
    match gloo_utils::errors::JsError::try_from(e) {
        Ok(js)
            if js.name == "QuotaExceededError"
                || js.message.to_ascii_lowercase().contains("quota") =>
        {
            SaveError::Quota
        }
        Ok(js) => SaveError::Other(format!("{}: {}", js.name, js.message)),
        Err(other) => SaveError::Other(other.to_string()),
    }
}

/// Writes a raw string; on failure the previous value under `key` is untouched (setItem is
/// all-or-nothing).
pub fn write_raw(key: &str, value: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    // `set` of a &str JSON-encodes it; write the text as it is through the raw Storage.
    LocalStorage::raw().set_item(key, value).map_err(classify)
}

pub fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

pub fn remove(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

pub fn save_draft(env: &Envelope) -> Result<String, SaveError> {
    let text = env.to_json();
    write_raw(&draft_key(&env.draft.id), &text)?;
    Ok(text)
}

pub use crate::core::store::Corrupt;

fn keys() -> Vec<String> {
    if !available() {
        return vec![];
    }
    let s = LocalStorage::raw();
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// Every readable draft, newest first, and the entries that are not readable. Stored drafts
/// are read leniently (`store::read_stored`). A draft made by a newer version of the app
/// (another tab, after an update) is left exactly where it is and listed, so that version
/// keeps it. Any other unreadable entry is moved aside (under `tieuchi.corrupt.*`) so it
/// never blocks the app again, kept byte for byte so the user can download it.
pub fn load_drafts() -> (Vec<Envelope>, Vec<Corrupt>) {
    let mut drafts = Vec::new();
    let mut newer = Vec::new();
    for key in keys().into_iter().filter(|k| k.starts_with(DRAFT_PREFIX)) {
        let Some(raw) = read_raw(&key) else { continue };
        match store::read_stored(&raw) {
            Ok(env) if draft_key(&env.draft.id) == key => drafts.push(env),
            Err(e @ ReadError::Newer(_)) => newer.push(Corrupt {
                reason: format!(
                    "Bản nháp do phiên bản mới hơn của ứng dụng tạo, được giữ nguyên. {}",
                    e.message_vi()
                ),
                size: raw.len(),
                key,
            }),
            Ok(_) | Err(_) => {
                let aside = format!("{CORRUPT_PREFIX}{}", &key[DRAFT_PREFIX.len()..]);
                if write_raw(&aside, &raw).is_ok() {
                    remove(&key);
                }
            }
        }
    }
    newest_first(&mut drafts);
    newer.extend(corrupt_entries());
    (drafts, newer)
}

/// Orders drafts by the time they were saved, newest first. An insertion sort: a browser holds
/// a handful of drafts, and the standard library's sort costs about 10 KB of WASM (measured
/// with twiggy; see BENCHMARKS.md).
fn newest_first(drafts: &mut [Envelope]) {
    for i in 1..drafts.len() {
        let mut j = i;
        while j > 0 && drafts[j - 1].saved_at < drafts[j].saved_at {
            drafts.swap(j - 1, j);
            j -= 1;
        }
    }
}

pub fn corrupt_entries() -> Vec<Corrupt> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(CORRUPT_PREFIX))
        .filter_map(|key| {
            let raw = read_raw(&key)?;
            let reason = if key[CORRUPT_PREFIX.len()..].starts_with(SETS_ASIDE) {
                "Danh sách bộ tiêu chí tự tạo có bộ không đọc được; các bộ còn đọc được vẫn dùng bình thường. Tải về để giữ lại.".to_string()
            } else {
                match store::read(&raw) {
                    Err(e) => e.message_vi(),
                    Ok(_) => ReadError::Damaged("mã bản nháp không khớp".into()).message_vi(),
                }
            };
            Some(Corrupt {
                key,
                reason,
                size: raw.len(),
            })
        })
        .collect()
}

/// Where a stored list of sets that could not be read whole is kept: named by its content, so
/// loading it again does not make another copy.
fn sets_aside_key(raw: &str) -> String {
    format!(
        "{CORRUPT_PREFIX}{SETS_ASIDE}{:08x}",
        crc32fast::hash(raw.as_bytes())
    )
}

const SETS_ASIDE: &str = "bo-tieu-chi-";

/// The user's own criteria sets (copies, imports). A set that cannot be read or fails
/// validation is left out, and the stored list as it was is first kept aside (offered for
/// download with the other set-aside data), so the next save cannot make the loss permanent.
pub fn load_sets() -> Vec<CriteriaSet> {
    let Some(raw) = read_raw(SETS_KEY) else {
        return vec![];
    };
    let Ok(sets) = serde_json::from_str::<Vec<CriteriaSet>>(&raw) else {
        let _ = write_raw(&sets_aside_key(&raw), &raw);
        return vec![];
    };
    let stored = sets.len();
    // Sets stored by an earlier version are format 1: bring them up before validating, or
    // every one of them would be dropped.
    let valid: Vec<CriteriaSet> = sets
        .into_iter()
        .map(|mut s| {
            s.upgrade();
            s
        })
        .filter(|s| s.validate().is_empty())
        .collect();
    if valid.len() < stored {
        let _ = write_raw(&sets_aside_key(&raw), &raw);
    }
    valid
}

pub fn save_sets(sets: &[CriteriaSet]) -> Result<(), SaveError> {
    let text = serde_json::to_string(sets).map_err(|e| SaveError::Other(e.to_string()))?;
    write_raw(SETS_KEY, &text)
}
