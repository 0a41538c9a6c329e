//! localStorage, through gloo-storage, never panicking: get, set, keys, remove, and other
//! pages' changes (the `storage` event). What an entry is, whether a write may go ahead and
//! what is set aside are decided by `core::persist`; the few functions at the end only run its
//! decisions over this storage, for the three pages.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is blocked (private windows,
//! site data disabled), so every call here goes through `available()` first, which probes
//! with web-sys and a test write. When storage is unavailable the app works in memory and
//! says so.

use crate::core::criteria::CriteriaSet;
use crate::core::persist::{self, Kept, Kv, Over, Refused};
use crate::core::set_store::StoredSet;
use crate::core::store::Envelope;
use gloo_storage::{LocalStorage, Storage};

pub use crate::core::persist::{draft_key, SaveError, DRAFT_PREFIX, SETS_LIST_KEY as SETS_KEY};

const PROBE_KEY: &str = "tieuchi.probe";

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

pub fn keys() -> Vec<String> {
    if !available() {
        return vec![];
    }
    let s = LocalStorage::raw();
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// A change another page made: the key (`None` when storage was cleared) and its new text.
pub struct Change {
    pub key: Option<String>,
    pub new_value: Option<String>,
}

/// Listens to other pages' changes (a tab never hears its own); dropping the listener stops.
pub fn on_change(f: impl Fn(Change) + 'static) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(
        &window,
        "storage",
        move |e| {
            use wasm_bindgen::JsCast;
            if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                f(Change {
                    key: e.key(),
                    new_value: e.new_value(),
                })
            }
        },
    ))
}

/// localStorage as `core::persist` sees it.
pub struct Local;

impl Kv for Local {
    fn get(&self, key: &str) -> Option<String> {
        read_raw(key)
    }
    fn keys(&self) -> Vec<String> {
        keys()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        write_raw(key, value)
    }
    fn remove(&mut self, key: &str) {
        remove(key)
    }
}

// ---- `core::persist` over this storage ------------------------------------------------------

/// Every readable draft and what is kept without use: lists, moves nothing (`persist::list_drafts`).
pub fn load_drafts() -> (Vec<Envelope>, Vec<Kept>) {
    persist::list_drafts(&Local)
}

/// The editor's start-up: the one place where entries move (`persist::start_up`).
pub fn start_up() -> persist::StartUp {
    persist::start_up(&mut Local)
}

/// The user's sets and what is kept without use: lists, moves nothing (`persist::list_sets`).
pub fn load_sets() -> (Vec<StoredSet>, Vec<Kept>) {
    persist::list_sets(&Local)
}

/// Writes one set under its key, never over a newer build's entry; returns the text written
/// (to tell this page's writes from another's) or why it failed, the stored copy untouched.
pub fn save_set(set: &CriteriaSet, saved_at: &str) -> Result<String, SaveError> {
    persist::save_set(&mut Local, set, saved_at)
}

/// Saves a set edited from the entry under `from`, removing that entry when the set's key
/// changed (`persist::save_set_from`: never a newer build's).
pub fn save_set_from(set: &CriteriaSet, saved_at: &str, from: &str) -> Result<String, SaveError> {
    persist::save_set_from(&mut Local, set, saved_at, from)
}

/// Writes a draft over whatever is stored under its id but a newer build's entry (what the
/// user chose to replace); the open draft's saves go through `save_open`.
pub fn save_draft(env: &Envelope) -> Result<String, SaveError> {
    persist::save_draft(&mut Local, env, Over::AnyButNewer).map_err(|e| match e {
        Refused::Failed(e) => e,
        Refused::Elsewhere(_) => SaveError::Newer,
    })
}

/// Writes a draft only over `over` (see `persist::save_draft`).
pub fn save_open(env: &Envelope, over: Over) -> Result<String, Refused> {
    persist::save_draft(&mut Local, env, over)
}
