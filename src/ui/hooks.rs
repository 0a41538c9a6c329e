//! The app's browser-facing behaviour as hooks: autosave after a pause in typing, the flush
//! when the page is hidden, and the listeners for other tabs, the network and the service
//! worker. Each hook only connects browser events to `ops` and the reducer.

use crate::ui::ops::{self, Dispatch};
use crate::ui::state::{Action, Doc, State};
use crate::web::{storage, sw};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Autosave waits this long after the last keystroke.
const SAVE_DELAY_MS: u32 = 400;

/// What the saving code shares between renders and listeners: the open draft while it has
/// unsaved changes, and the JSON this tab last wrote (to tell its own writes from another
/// tab's in `storage` events).
#[derive(Clone, PartialEq)]
pub struct SaveTracker {
    dirty: Rc<RefCell<Option<(Doc, u64)>>>,
    written: Rc<RefCell<Option<String>>>,
    current_id: Rc<RefCell<Option<String>>>,
}

impl SaveTracker {
    /// Writes the pending changes now, if any.
    pub fn flush(&self, d: &Dispatch) {
        let pending = self.dirty.borrow_mut().take();
        if let Some((doc, rev)) = pending {
            ops::save_now(d, &doc, rev, &self.written);
        }
    }

    fn has_changes(&self) -> bool {
        self.dirty.borrow().is_some()
    }
}

/// The tracker, brought up to date with this render's state: a draft with unsaved changes is
/// pending unless saving is paused (storage blocked, or a conflict with another tab).
#[hook]
pub fn use_save_tracker(state: &State) -> SaveTracker {
    let dirty = use_mut_ref(|| None);
    let written = use_mut_ref(|| None);
    let current_id = use_mut_ref(|| None);
    *current_id.borrow_mut() = state.doc.as_ref().map(|d| d.draft.id.clone());
    let paused = state.memory_only
        || state.conflict.is_some()
        || state.deleted_elsewhere
        || state.newer_elsewhere;
    *dirty.borrow_mut() = match (&state.doc, state.unsaved() && !paused) {
        (Some(doc), true) => Some((doc.clone(), state.revision)),
        _ => None,
    };
    SaveTracker {
        dirty,
        written,
        current_id,
    }
}

/// Autosave, debounced: every edit restarts the timer; dropping the timer cancels it.
#[hook]
pub fn use_autosave(d: Dispatch, revision: u64, tracker: SaveTracker) {
    use_effect_with(revision, move |_| {
        let timer = tracker
            .has_changes()
            .then(|| gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || tracker.flush(&d)));
        move || drop(timer)
    });
}

/// Start-up, once: load what is stored, register the service worker, ask for persistent
/// storage, and listen to the page being hidden, the network, and other tabs.
#[hook]
pub fn use_browser_events(d: Dispatch, tracker: SaveTracker) {
    use_effect_with((), move |_| {
        ops::startup(&d);
        let d2 = d.clone();
        sw::register(
            "./sw.js",
            Callback::from(move |e| {
                d2.dispatch(match e {
                    sw::SwEvent::UpdateReady => Action::UpdateReady,
                    sw::SwEvent::OfflineReady => Action::OfflineReady,
                })
            }),
        );
        if storage::available() {
            let d2 = d.clone();
            sw::request_persistence(Callback::from(move |p| d2.dispatch(Action::Persisted(p))));
        }
        d.dispatch(Action::Online(crate::web::dom::online()));
        let listeners = web_sys::window()
            .map(|w| listeners(&w, &d, &tracker))
            .unwrap_or_default();
        move || drop(listeners)
    });
}

fn listeners(window: &web_sys::Window, d: &Dispatch, tracker: &SaveTracker) -> Vec<EventListener> {
    let mut out = Vec::new();
    let (d1, t1) = (d.clone(), tracker.clone());
    out.push(EventListener::new(window, "pagehide", move |_| {
        t1.flush(&d1)
    }));
    if let Some(document) = window.document() {
        let (d1, t1, doc) = (d.clone(), tracker.clone(), document.clone());
        out.push(EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                    t1.flush(&d1)
                }
            },
        ));
    }
    for (event, online) in [("online", true), ("offline", false)] {
        let d1 = d.clone();
        out.push(EventListener::new(window, event, move |_| {
            d1.dispatch(Action::Online(online))
        }));
    }
    let (d1, t1) = (d.clone(), tracker.clone());
    out.push(EventListener::new(window, "storage", move |e| {
        use wasm_bindgen::JsCast;
        if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
            on_storage(e, &d1, &t1);
        }
    }));
    out
}

/// Another tab wrote or deleted a draft: refresh the list; when it is the open one (and not
/// this tab's own write), pause autosave and ask which version to keep, or whether to keep a
/// draft deleted there.
fn on_storage(e: &web_sys::StorageEvent, d: &Dispatch, tracker: &SaveTracker) {
    let Some(key) = e.key() else { return };
    if key.starts_with(crate::core::set_store::PREFIX) {
        // A set saved, imported or deleted on the set page (or another tab).
        ops::load_library(d);
        return;
    }
    if !key.starts_with(storage::DRAFT_PREFIX) {
        return;
    }
    let open_key = tracker
        .current_id
        .borrow()
        .as_ref()
        .map(|id| storage::draft_key(id));
    let new_value = e.new_value();
    let open = open_key == Some(key);
    if open && new_value.is_none() {
        // Deleted there: a keystroke here must not bring it back unasked.
        d.dispatch(Action::DeletedElsewhere);
    } else if open && new_value != *tracker.written.borrow() {
        match new_value.map(|v| crate::core::store::read_stored(&v)) {
            Some(Ok(env)) => d.dispatch(Action::Conflict(env)),
            // Written by a newer version: this one must not write over it.
            Some(Err(crate::core::store::ReadError::Newer(_))) => {
                d.dispatch(Action::NewerElsewhere)
            }
            _ => {}
        }
    }
    ops::refresh_drafts(d);
}
