//! The app's browser-facing behaviour as hooks: autosave after a pause in typing, the flush
//! when the page is hidden or left, the question before leaving unsaved work, and the
//! listeners for other tabs, the network and the service worker. Each hook only connects
//! browser events to `ops` and the reducer.

use crate::core::persist::{self, Elsewhere};
use crate::ui::ops::{self, Dispatch};
use crate::ui::shared::Shared;
use crate::ui::state::{Action, Doc, State};
use crate::web::{storage, sw};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Autosave waits this long after the last keystroke.
const SAVE_DELAY_MS: u32 = 400;

/// What the saving code shares between renders and listeners: the open draft while it has
/// unsaved changes that may be written, the stored text it is based on (what this tab last
/// read or wrote: a save goes only over it, and another tab's write is told from its own by
/// it), and whether leaving now would lose work.
#[derive(Clone, PartialEq)]
pub struct SaveTracker {
    dirty: Rc<RefCell<Option<(Doc, u64)>>>,
    base: Rc<RefCell<Option<Shared<String>>>>,
    current_id: Rc<RefCell<Option<String>>>,
    at_risk: Rc<RefCell<bool>>,
}

impl SaveTracker {
    /// Writes the pending changes now, if any. False when they could not be written (a full
    /// storage, another tab's change found just before writing).
    pub fn flush(&self, d: &Dispatch) -> bool {
        let pending = self.dirty.borrow_mut().take();
        match pending {
            Some((doc, rev)) => {
                let written = ops::save_now(d, &doc, rev, &self.base);
                // The latest revision is stored (a later keystroke renders and says otherwise).
                if written {
                    *self.at_risk.borrow_mut() = false;
                }
                written
            }
            None => true,
        }
    }

    fn has_changes(&self) -> bool {
        self.dirty.borrow().is_some()
    }

    /// Writes what is pending; true when nothing would be lost by leaving the open draft now
    /// (no unsaved edit, and storage holds it).
    pub fn settle(&self, d: &Dispatch) -> bool {
        if !*self.at_risk.borrow() {
            return true;
        }
        // Unsaved edits that may be written: write them. Paused, failing or memory-only
        // saving has nothing pending here, and stays at risk.
        self.has_changes() && self.flush(d)
    }

    /// Before the open draft is replaced (Open, a new draft, the next period, an import):
    /// what is pending is written first; if that cannot be done, the user decides.
    pub fn may_leave(&self, d: &Dispatch) -> bool {
        self.settle(d) || crate::web::dialog::confirm("Bản nháp đang mở còn thay đổi chưa lưu được vào trình duyệt (bộ nhớ đầy, lưu đang tạm dừng vì thẻ khác, hoặc trình duyệt chặn lưu). Tiếp tục thì các thay đổi đó sẽ mất. Bấm “Hủy” để ở lại và “Xuất tệp” trước.\n\nVẫn tiếp tục?")
    }
}

/// The tracker, brought up to date with this render's state: a draft with unsaved changes is
/// pending unless saving is paused (storage blocked, or another tab's change).
#[hook]
pub fn use_save_tracker(state: &State) -> SaveTracker {
    let dirty = use_mut_ref(|| None);
    let base = use_mut_ref(|| None);
    let current_id = use_mut_ref(|| None);
    let at_risk = use_mut_ref(|| false);
    *current_id.borrow_mut() = state.doc.as_ref().map(|d| d.draft.id.clone());
    *base.borrow_mut() = state.base.clone();
    let paused = state.memory_only || state.paused.is_some();
    *dirty.borrow_mut() = match (&state.doc, state.unsaved() && !paused) {
        (Some(doc), true) => Some((doc.clone(), state.revision)),
        _ => None,
    };
    *at_risk.borrow_mut() = state.at_risk();
    SaveTracker {
        dirty,
        base,
        current_id,
        at_risk,
    }
}

/// Autosave, debounced: every edit restarts the timer; dropping the timer cancels it (a
/// replaced draft's pending edits are written before it is replaced: `may_leave`).
#[hook]
pub fn use_autosave(d: Dispatch, revision: u64, tracker: SaveTracker) {
    use_effect_with(revision, move |_| {
        let timer = tracker.has_changes().then(|| {
            gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                tracker.flush(&d);
            })
        });
        move || drop(timer)
    });
}

/// Start-up, once: load what is stored, register the service worker, ask for persistent
/// storage, and listen to the page being hidden or left, the network, and other tabs.
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
        t1.flush(&d1);
    }));
    // Closing or leaving the page with work that is not stored: the browser asks first.
    let (d1, t1) = (d.clone(), tracker.clone());
    out.push(EventListener::new_with_options(
        window,
        "beforeunload",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |e| {
            if !t1.settle(&d1) {
                crate::web::dom::ask_before_unload(e);
            }
        },
    ));
    if let Some(document) = window.document() {
        let (d1, t1, doc) = (d.clone(), tracker.clone(), document.clone());
        out.push(EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                    t1.flush(&d1);
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
    out.extend(storage::on_change(move |c| on_storage(c, &d1, &t1)));
    out
}

/// Another tab wrote or deleted something: sets refresh the library; drafts refresh the list,
/// and a change to the open draft is judged by `persist::elsewhere` against what this tab
/// last read or wrote (which pauses saving, unless it is this tab's own text). Nothing is
/// moved or written here.
fn on_storage(c: storage::Change, d: &Dispatch, tracker: &SaveTracker) {
    let open = tracker
        .current_id
        .borrow()
        .as_deref()
        .map(persist::draft_key);
    let key = match c.key {
        Some(key) if key.starts_with(crate::core::set_store::PREFIX) => {
            // A set saved, imported or deleted on the set page (or another tab).
            ops::load_library(d);
            return;
        }
        Some(key) => key,
        // Storage cleared elsewhere: the sets and the list again; the open draft is gone.
        None => {
            ops::load_library(d);
            match open.clone() {
                Some(key) => key,
                None => return ops::refresh_drafts(d),
            }
        }
    };
    if !key.starts_with(persist::DRAFT_PREFIX) && !key.starts_with(persist::ASIDE_PREFIX) {
        return;
    }
    if open.as_deref() == Some(key.as_str()) {
        let base = tracker.base.borrow().clone();
        let verdict = persist::elsewhere(
            &key,
            c.new_value.as_deref(),
            base.as_deref().map(|b| b.as_str()),
        );
        if verdict != Elsewhere::Nothing {
            d.dispatch(Action::Elsewhere(verdict));
        }
    }
    ops::refresh_drafts(d);
}
