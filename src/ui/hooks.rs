//! The editor's browser-facing behaviour as hooks: autosave after a pause in typing, the
//! flush when the page is hidden or left, the question before leaving unsaved work, and the
//! listeners for other tabs, the network and the service worker. Each hook only connects
//! browser events to what the `Editor` does.

use crate::core::persist;
use crate::ui::editor::Editor;
use crate::ui::state::ShellAction;
use crate::web::{storage, sw};
use gloo_events::EventListener;
use yew::prelude::*;

/// Autosave waits this long after the last keystroke.
const SAVE_DELAY_MS: u32 = 400;

/// Autosave, debounced: every edit restarts the timer; dropping the timer cancels it (a
/// replaced draft's pending edits are written before it is replaced: `Editor::may_leave`).
#[hook]
pub fn use_autosave(editor: &Editor) {
    let revision = editor.document().revision;
    let editor = editor.clone();
    use_effect_with(revision, move |_| {
        let timer = editor.document().pending().is_some().then(|| {
            gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                editor.flush();
            })
        });
        move || drop(timer)
    });
}

/// Once: register the service worker, ask for persistent storage, and listen to the page
/// being hidden or left, the network, and other tabs.
#[hook]
pub fn use_browser_events(editor: &Editor) {
    let editor = editor.clone();
    use_effect_with((), move |_| {
        let on_worker = editor.callback(|e, event| {
            e.shell_action(match event {
                sw::SwEvent::UpdateReady => ShellAction::UpdateReady,
                sw::SwEvent::OfflineReady => ShellAction::OfflineReady,
            })
        });
        sw::register("./sw.js", on_worker);
        if storage::available() {
            let on_answer = editor.callback(|e, p| e.shell_action(ShellAction::Persisted(p)));
            sw::request_persistence(on_answer);
        }
        editor.shell_action(ShellAction::Online(crate::web::dom::online()));
        let listeners = web_sys::window()
            .map(|w| listeners(&w, &editor))
            .unwrap_or_default();
        move || drop(listeners)
    });
}

fn listeners(window: &web_sys::Window, editor: &Editor) -> Vec<EventListener> {
    let mut out = Vec::new();
    let e = editor.clone();
    out.push(EventListener::new(window, "pagehide", move |_| {
        e.flush();
    }));
    // Closing or leaving the page with work that is not stored: the browser asks first.
    let e = editor.clone();
    out.push(EventListener::new_with_options(
        window,
        "beforeunload",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |event| {
            if !e.settle() {
                crate::web::dom::ask_before_unload(event);
            }
        },
    ));
    if let Some(document) = window.document() {
        let (e, doc) = (editor.clone(), document.clone());
        out.push(EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                    e.flush();
                }
            },
        ));
    }
    for (event, online) in [("online", true), ("offline", false)] {
        let e = editor.clone();
        out.push(EventListener::new(window, event, move |_| {
            e.shell_action(ShellAction::Online(online))
        }));
    }
    let e = editor.clone();
    out.extend(storage::on_change(move |c| on_storage(c, &e)));
    out
}

/// Another tab wrote or deleted something: sets refresh the library; drafts refresh the list,
/// and a change to the open draft is judged by `persist::elsewhere` against what this page
/// last read or wrote (which pauses saving, unless it is this page's own text). Nothing is
/// moved or written here.
fn on_storage(c: storage::Change, editor: &Editor) {
    let open = editor
        .document()
        .doc
        .as_ref()
        .map(|d| persist::draft_key(&d.draft.id));
    let key = match c.key {
        Some(key) if key.starts_with(crate::core::set_store::PREFIX) => {
            // A set saved, imported or deleted on the set page (or another tab).
            return editor.refresh_sets();
        }
        Some(key) => key,
        // Storage cleared elsewhere: the sets and the list again; the open draft is gone.
        None => {
            editor.refresh_sets();
            match open.clone() {
                Some(key) => key,
                None => return editor.refresh_drafts(),
            }
        }
    };
    if !key.starts_with(persist::DRAFT_PREFIX) && !key.starts_with(persist::ASIDE_PREFIX) {
        return;
    }
    if open.as_deref() == Some(key.as_str()) {
        editor.elsewhere(&key, c.new_value.as_deref());
    }
    editor.refresh_drafts();
}
