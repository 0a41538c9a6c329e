//! The service worker: registration, "ready for offline use", and update notices.
//!
//! The worker itself (`sw.js`) is generated at build time by `scripts/post_build.py` with the
//! exact hashed files of the build. A new version waits until the user chooses to reload.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwEvent {
    /// The app is cached and opens without network.
    OfflineReady,
    /// A new version is installed and waits for the user.
    UpdateReady,
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let w = web_sys::window()?;
    // Absent on http:// other than localhost, and in some embedded browsers.
    let has = js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false);
    has.then(|| w.navigator().service_worker())
}

/// Follows a worker being installed: if a page is already controlled by an older worker when
/// it is installed, it is an update; otherwise it is the first install. Listeners are added,
/// not set, so that several parts of a page can follow the same worker.
fn watch(worker: ServiceWorker, notify: yew::Callback<SwEvent>) {
    let w2 = worker.clone();
    gloo_events::EventListener::new(&worker, "statechange", move |_| {
        let controlled = container().and_then(|c| c.controller()).is_some();
        match w2.state() {
            ServiceWorkerState::Installed if controlled => notify.emit(SwEvent::UpdateReady),
            ServiceWorkerState::Activated => notify.emit(SwEvent::OfflineReady),
            _ => {}
        }
    })
    .forget();
}

/// Follows the registration: a version waiting now, and every version found later.
fn follow(reg: &ServiceWorkerRegistration, notify: &yew::Callback<SwEvent>) {
    if let Some(w) = reg.installing() {
        watch(w, notify.clone());
    }
    let (reg2, n2) = (reg.clone(), notify.clone());
    gloo_events::EventListener::new(reg, "updatefound", move |_| {
        if let Some(w) = reg2.installing() {
            watch(w, n2.clone());
        }
    })
    .forget();
}

/// Registers the site's worker (`script`: its URL from this page, "./sw.js" at the site's
/// root, "../sw.js" from a sub-page) and reports what happens. Does nothing where service
/// workers are not available; the app works online regardless.
pub fn register(script: &'static str, notify: yew::Callback<SwEvent>) {
    let Some(c) = container() else { return };
    let had_controller = c.controller().is_some();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(c.register(script)).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if had_controller {
            notify.emit(SwEvent::OfflineReady);
        }
        if reg.waiting().is_some() && had_controller {
            notify.emit(SwEvent::UpdateReady);
        }
        follow(&reg, &notify);
        // Look for a new version now and then while the app stays open, and whenever the
        // user comes back to it.
        let reg3 = reg.clone();
        gloo_timers::callback::Interval::new(30 * 60 * 1000, move || {
            let _ = reg3.update();
        })
        .forget();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let d2 = document.clone();
            gloo_events::EventListener::new(&document, "visibilitychange", move |_| {
                if d2.visibility_state() == web_sys::VisibilityState::Visible {
                    let _ = reg.update();
                }
            })
            .forget();
        }
    });
}

/// Tells `notify` when a new version is ready (installed and waiting for the user), now or
/// later, on a page whose worker is registered elsewhere (`register`).
pub fn on_update(notify: yew::Callback<()>) {
    let Some(c) = container() else { return };
    let Ok(ready) = c.ready() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(ready).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = c.controller().is_some();
        if reg.waiting().is_some() && controlled {
            notify.emit(());
        }
        let updates = yew::Callback::from(move |e| {
            if e == SwEvent::UpdateReady {
                notify.emit(())
            }
        });
        follow(&reg, &updates);
    });
}

/// Asks the waiting worker to take over, then reloads once it has. Called only when the user
/// chose to reload, after the draft has been saved.
pub fn apply_update() {
    let Some(c) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    c.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(c.get_registration()).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        match reg.waiting() {
            Some(w) => {
                let _ = w.post_message(&"skip-waiting".into());
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    });
}

/// Asks the browser to keep our storage (`navigator.storage.persist()`); reports the answer.
pub fn request_persistence(done: yew::Callback<Option<bool>>) {
    let Some(w) = web_sys::window() else {
        return done.emit(None);
    };
    let nav = w.navigator();
    if !js_sys::Reflect::has(&nav, &"storage".into()).unwrap_or(false) {
        return done.emit(None);
    }
    let Ok(p) = nav.storage().persist() else {
        return done.emit(None);
    };
    wasm_bindgen_futures::spawn_local(async move {
        let granted = JsFuture::from(p).await.ok().and_then(|v| v.as_bool());
        done.emit(granted);
    });
}
