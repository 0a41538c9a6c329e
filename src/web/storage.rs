//! Drafts and user criteria sets in localStorage, through gloo-storage, never panicking.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is blocked (private windows,
//! site data disabled), so every call here goes through `available()` first, which probes
//! with web-sys and a test write. When storage is unavailable the app works in memory and
//! says so.

use crate::core::criteria::CriteriaSet;
use crate::core::set_store::{self, StoredSet};
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
    by_saved_at(&mut drafts, |e| &e.saved_at, true);
    newer.extend(corrupt_entries());
    (drafts, newer)
}

/// Orders entries by the time they were saved (`newest` first, or oldest first). An insertion
/// sort: a browser holds a handful of drafts and sets, and the standard library's sort costs
/// about 10 KB of WASM (measured with twiggy; see BENCHMARKS.md).
fn by_saved_at<T>(items: &mut [T], saved_at: fn(&T) -> &str, newest: bool) {
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

pub fn corrupt_entries() -> Vec<Corrupt> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(CORRUPT_PREFIX))
        .filter_map(|key| {
            let raw = read_raw(&key)?;
            let reason = if key[CORRUPT_PREFIX.len()..].starts_with(SETS_ASIDE) {
                "Danh sách bộ tiêu chí tự tạo do phiên bản trước lưu không đọc được; được giữ nguyên để tải về.".to_string()
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

/// The user's own criteria sets (copies, imports, edits), each under its own key, read
/// leniently (`set_store::read`): an invalid set is listed with its problems; an entry that is
/// not readable (damaged, or written by a newer version) stays where it is and is listed with
/// its reason, to download or delete. Sets stored by an earlier version in one list are first
/// moved to their own keys.
pub fn load_sets() -> (Vec<StoredSet>, Vec<Corrupt>) {
    migrate_set_list();
    let mut sets = Vec::new();
    let mut unreadable = Vec::new();
    for key in keys()
        .into_iter()
        .filter(|k| k.starts_with(set_store::PREFIX))
    {
        let Some(raw) = read_raw(&key) else { continue };
        match set_store::read(&key, &raw) {
            Ok(s) => sets.push(s),
            Err(e) => unreadable.push(Corrupt {
                reason: e.message_vi(),
                size: raw.len(),
                key,
            }),
        }
    }
    // Oldest first: a set keeps its place in the list as others are added.
    by_saved_at(&mut sets, |s| &s.saved_at, false);
    (sets, unreadable)
}

/// The list of the first releases (`tieuchi.sets`), moved to one key per set. A set already
/// under its own key is not overwritten. The list is removed only when every set in it was
/// written; a list that cannot be read whole is kept aside first, never dropped.
fn migrate_set_list() {
    let Some(raw) = read_raw(SETS_KEY) else {
        return;
    };
    let Some(list) = set_store::read_legacy_list(&raw) else {
        if write_raw(&sets_aside_key(&raw), &raw).is_ok() {
            remove(SETS_KEY);
        }
        return;
    };
    let written = list.into_iter().all(|mut set| {
        set.upgrade();
        let key = set_store::key(&set);
        read_raw(&key).is_some() || write_raw(&key, &set_store::write(&set, "")).is_ok()
    });
    if written {
        remove(SETS_KEY);
    }
}

/// Writes one set under its key; returns the text written (to tell this page's writes from
/// another's) or why it failed, the stored copy untouched.
pub fn save_set(set: &CriteriaSet, saved_at: &str) -> Result<String, SaveError> {
    let text = set_store::write(set, saved_at);
    write_raw(&set_store::key(set), &text)?;
    Ok(text)
}
