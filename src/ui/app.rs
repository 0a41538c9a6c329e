//! The root component: holds the state, runs autosave and the browser listeners, and lays out
//! the screens.

use crate::core::edit::Edit;
use crate::core::sets;
use crate::ui::components::assess::Assessment;
use crate::ui::components::drafts::{DraftOp, Drafts};
use crate::ui::components::narrative::Narrative;
use crate::ui::components::report_view::ReportView;
use crate::ui::components::sets::{SetOp, Sets};
use crate::ui::components::setup::Setup;
use crate::ui::components::summary::Summary;
use crate::ui::ops;
use crate::ui::state::{Action, Doc, SaveStatus, State, Tab, Tone};
use crate::web::{clock, storage, sw};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Autosave waits this long after the last keystroke.
const SAVE_DELAY_MS: u32 = 400;

fn save_label(s: &SaveStatus, memory_only: bool) -> (String, &'static str) {
    if memory_only {
        return (
            "Không lưu được vào trình duyệt — hãy xuất tệp".into(),
            "error",
        );
    }
    match s {
        SaveStatus::Idle => (String::new(), ""),
        SaveStatus::Pending => ("Đang lưu…".into(), "pending"),
        SaveStatus::Saved(at) => (format!("Đã lưu lúc {}", clock::local_hhmm(at)), "ok"),
        SaveStatus::Failed(_) => ("Chưa lưu được — xem thông báo bên dưới".into(), "error"),
    }
}

/// "Phiên bản 0.1.0", with the build label when the build sets `TIEUCHI_BUILD` (a date or a
/// commit), so an official can say which version they run.
fn version_text() -> String {
    match option_env!("TIEUCHI_BUILD") {
        Some(build) if !build.is_empty() => {
            format!("Phiên bản {} ({build})", env!("CARGO_PKG_VERSION"))
        }
        _ => format!("Phiên bản {}", env!("CARGO_PKG_VERSION")),
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(sets::shipped()));
    let dispatch = state.dispatcher();
    // The JSON this tab last wrote, to tell its own writes from another tab's.
    let written = use_mut_ref(|| None::<String>);
    // The open draft while it has unsaved changes, for the flush on page hide.
    let dirty: Rc<RefCell<Option<(Doc, u64)>>> = use_mut_ref(|| None);
    let current_id = use_mut_ref(|| None::<String>);
    *current_id.borrow_mut() = state.doc.as_ref().map(|d| d.draft.id.clone());
    let blocked = state.memory_only || state.conflict.is_some();
    *dirty.borrow_mut() = match (&state.doc, state.unsaved() && !blocked) {
        (Some(doc), true) => Some((doc.clone(), state.revision)),
        _ => None,
    };

    // Start-up and browser listeners, once.
    {
        let d = dispatch.clone();
        let (written, dirty, current_id) = (written.clone(), dirty.clone(), current_id.clone());
        use_effect_with((), move |_| {
            ops::startup(&d);
            sw::register({
                let d = d.clone();
                Callback::from(move |e| {
                    d.dispatch(match e {
                        sw::SwEvent::UpdateReady => Action::UpdateReady,
                        sw::SwEvent::OfflineReady => Action::OfflineReady,
                    })
                })
            });
            if storage::available() {
                let d2 = d.clone();
                sw::request_persistence(Callback::from(move |p| d2.dispatch(Action::Persisted(p))));
            }
            d.dispatch(Action::Online(crate::web::dom::online()));
            let mut listeners = Vec::new();
            if let Some(window) = web_sys::window() {
                let flush = {
                    let (d, dirty, written) = (d.clone(), dirty.clone(), written.clone());
                    move || {
                        let pending = dirty.borrow_mut().take();
                        if let Some((doc, rev)) = pending {
                            ops::save_now(&d, &doc, rev, &written);
                        }
                    }
                };
                let f1 = flush.clone();
                listeners.push(EventListener::new(&window, "pagehide", move |_| f1()));
                if let Some(document) = window.document() {
                    let f2 = flush.clone();
                    let doc2 = document.clone();
                    listeners.push(EventListener::new(
                        &document,
                        "visibilitychange",
                        move |_| {
                            if doc2.visibility_state() == web_sys::VisibilityState::Hidden {
                                f2()
                            }
                        },
                    ));
                }
                let d3 = d.clone();
                listeners.push(EventListener::new(&window, "online", move |_| {
                    d3.dispatch(Action::Online(true))
                }));
                let d4 = d.clone();
                listeners.push(EventListener::new(&window, "offline", move |_| {
                    d4.dispatch(Action::Online(false))
                }));
                let d5 = d.clone();
                listeners.push(EventListener::new(&window, "storage", move |e| {
                    use wasm_bindgen::JsCast;
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    let Some(key) = e.key() else { return };
                    if !key.starts_with(storage::DRAFT_PREFIX) {
                        return;
                    }
                    let mine = current_id
                        .borrow()
                        .as_ref()
                        .map(|id| storage::draft_key(id))
                        == Some(key.clone());
                    let new_value = e.new_value();
                    if mine && new_value.is_some() && new_value != *written.borrow() {
                        if let Some(Ok(env)) = new_value.map(|v| crate::core::store::read(&v)) {
                            d5.dispatch(Action::Conflict(env));
                        }
                    }
                    ops::refresh_drafts(&d5);
                }));
            }
            move || drop(listeners)
        });
    }

    // Autosave, debounced: every edit restarts the timer; dropping the timer cancels it.
    {
        let d = dispatch.clone();
        let (written, dirty) = (written.clone(), dirty.clone());
        use_effect_with(state.revision, move |_| {
            let has_changes = dirty.borrow().is_some();
            let timer = has_changes.then(|| {
                gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                    let pending = dirty.borrow_mut().take();
                    if let Some((doc, rev)) = pending {
                        ops::save_now(&d, &doc, rev, &written);
                    }
                })
            });
            move || drop(timer)
        });
    }

    let on_edit = {
        let d = dispatch.clone();
        use_callback((), move |e: Edit, _| d.dispatch(Action::Edit(e)))
    };
    let on_jump = {
        let d = dispatch.clone();
        use_callback((), move |anchor: String, _| {
            // Narrative fields are "n-…", set-up fields "m-…"; criteria and indicators live on
            // the assessment.
            d.dispatch(Action::Tab(if anchor.starts_with("n-") {
                Tab::Narrative
            } else if anchor.starts_with("m-") {
                Tab::Setup
            } else {
                Tab::Assess
            }));
            gloo_timers::callback::Timeout::new(0, move || crate::web::dom::jump_to(&anchor))
                .forget();
        })
    };
    let tab_click = |t: Tab| {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Tab(t)))
    };

    let (save_text, save_css) = save_label(&state.save, state.memory_only);
    let doc = state.doc.clone();

    let banners = html! {
        <>
            if state.memory_only {
                <div class="notice error" role="alert">{ "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu). Ứng dụng vẫn dùng được, nhưng dữ liệu chỉ nằm trong trang này: hãy “Xuất tệp” trước khi đóng." }</div>
            }
            if let Some(env) = state.conflict.clone() {
                <div class="notice error" role="alert">
                    <p>{ format!("Bản nháp này vừa được sửa ở một thẻ (cửa sổ) khác lúc {}. Tự động lưu đang tạm dừng để không ghi đè.", clock::local_hhmm(&env.saved_at)) }</p>
                    <div class="row-actions">
                        <button type="button" class="primary" onclick={{ let d = dispatch.clone(); let env = env.clone(); Callback::from(move |_| d.dispatch(Action::Open((*env).clone()))) }}>{ "Dùng bản ở thẻ kia" }</button>
                        <button type="button" class="secondary" onclick={{ let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::KeepMine)) }}>{ "Giữ bản ở thẻ này" }</button>
                    </div>
                </div>
            }
            if let (SaveStatus::Failed(msg), Some(doc)) = (&state.save, doc.clone()) {
                <div class="notice error" role="alert">
                    <span>{ format!("Chưa lưu được: {msg}") }</span>
                    <button type="button" class="primary" onclick={{ let d = dispatch.clone(); Callback::from(move |_| ops::export(&d, &doc.draft.id, Some(&doc))) }}>{ "Xuất tệp bản nháp" }</button>
                </div>
            }
            if state.update_ready {
                <div class="notice info" role="status">
                    <span>{ "Đã có phiên bản mới — tải lại để dùng. Dữ liệu đang nhập được lưu trước khi tải lại." }</span>
                    <button type="button" class="primary" onclick={{
                        let (d, dirty, written) = (dispatch.clone(), dirty.clone(), written.clone());
                        Callback::from(move |_| {
                            let pending = dirty.borrow_mut().take();
                            if let Some((doc, rev)) = pending { ops::save_now(&d, &doc, rev, &written); }
                            sw::apply_update();
                        })
                    }}>{ "Tải lại" }</button>
                </div>
            }
            if let Some(n) = state.notice.clone() {
                <div class={classes!("notice", match n.tone { Tone::Info => "info", Tone::Success => "success", Tone::Error => "error" })}
                    role={if n.tone == Tone::Error { "alert" } else { "status" }}>
                    <span>{ n.text.clone() }</span>
                    <button type="button" class="secondary small" aria-label="Đóng thông báo" onclick={{ let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::ClearNotice)) }}>{ "Đóng" }</button>
                </div>
            }
            if let Some(env) = state.undo.clone() {
                <div class="notice info" role="status">
                    <span>{ format!("Đã xóa bản nháp xã {} — {}.", env.commune, env.period) }</span>
                    <button type="button" class="primary small" onclick={{ let d = dispatch.clone(); let env = env.clone(); Callback::from(move |_| ops::undo_delete(&d, &env)) }}>{ "Hoàn tác" }</button>
                    <button type="button" class="secondary small" onclick={{ let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::ForgetUndo)) }}>{ "Đóng" }</button>
                </div>
            }
            if let Some(env) = state.replace.clone() {
                <div class="notice info" role="alert">
                    <p>{ format!("Bản nháp xã {} — {} đã có trên máy này. Thay bằng bản trong tệp, hay giữ cả hai?", env.commune, env.period) }</p>
                    <div class="row-actions">
                        <button type="button" class="primary" onclick={{ let d = dispatch.clone(); let env = env.clone(); let m = state.memory_only; Callback::from(move |_| ops::resolve_import(&d, &env, true, m)) }}>{ "Thay bản trên máy" }</button>
                        <button type="button" class="secondary" onclick={{ let d = dispatch.clone(); let env = env.clone(); let m = state.memory_only; Callback::from(move |_| ops::resolve_import(&d, &env, false, m)) }}>{ "Giữ cả hai" }</button>
                        <button type="button" class="secondary" onclick={{ let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::ForgetReplace)) }}>{ "Hủy" }</button>
                    </div>
                </div>
            }
        </>
    };

    let content = match (state.tab, doc.clone()) {
        (Tab::Setup, Some(doc)) => {
            let library: Vec<(usize, AttrValue)> = state
                .library()
                .iter()
                .enumerate()
                .map(|(i, s)| (i, AttrValue::from(format!("{} ({})", s.name, s.version))))
                .collect();
            let on_change_set = {
                let (d, st) = (dispatch.clone(), state.clone());
                Callback::from(move |i: usize| {
                    let Some(set) = st.library().get(i).map(|s| (*s).clone()) else {
                        return;
                    };
                    let question = format!("Chấm điểm bản nháp này theo “{}”? Số liệu đã nhập được giữ theo mã chỉ tiêu; chỉ tiêu không có trong bộ mới sẽ không được tính.", set.name);
                    let confirmed = web_sys::window()
                        .and_then(|w| w.confirm_with_message(&question).ok())
                        .unwrap_or(false);
                    if confirmed {
                        let name = set.name.clone();
                        d.dispatch(Action::ChangeSet(set));
                        d.dispatch(Action::Notice(
                            Tone::Success,
                            format!("Bản nháp đã chuyển sang “{name}”."),
                        ));
                    }
                })
            };
            html! { <Setup draft={doc.draft.clone()} set={doc.set.clone()} {library} on_edit={on_edit.clone()} {on_change_set} /> }
        }
        (Tab::Assess, Some(doc)) => {
            html! { <Assessment set={doc.set.clone()} scores={doc.scores.clone()} draft={doc.draft.clone()} on_edit={on_edit.clone()} /> }
        }
        (Tab::Narrative, Some(doc)) => {
            html! { <Narrative draft={doc.draft.clone()} set={doc.set.clone()} scores={doc.scores.clone()} on_edit={on_edit.clone()} /> }
        }
        (Tab::Report, Some(doc)) => {
            let d = dispatch.clone();
            let doc2 = doc.clone();
            html! { <ReportView doc={doc} on_download={Callback::from(move |_| ops::download_report(&d, &doc2))} /> }
        }
        (Tab::Sets, _) => {
            let (d, st) = (dispatch.clone(), state.clone());
            let on_op = Callback::from(move |op: SetOp| ops::set_op(&d, &st, op));
            let (d, st) = (dispatch.clone(), state.clone());
            let on_import = Callback::from(move |e: Event| ops::import_set(&d, e, &st));
            html! { <Sets shipped={state.shipped.clone()} user={state.user_sets.clone()} {on_op} {on_import} /> }
        }
        _ => {
            let sets: Vec<(usize, AttrValue)> = state
                .library()
                .iter()
                .enumerate()
                .map(|(i, s)| (i, AttrValue::from(format!("{} ({})", s.name, s.version))))
                .collect();
            let memory_only = state.memory_only;
            let on_new = {
                let (d, st) = (dispatch.clone(), state.clone());
                Callback::from(move |i: usize| {
                    if let Some(set) = st.library().get(i) {
                        ops::new_draft_from(&d, set, memory_only);
                    }
                })
            };
            let on_op = {
                let (d, st) = (dispatch.clone(), state.clone());
                Callback::from(move |(op, id): (DraftOp, String)| match op {
                    DraftOp::Open => ops::open(&d, &id),
                    DraftOp::Rename => ops::rename(&d, &id, st.doc.as_ref()),
                    DraftOp::NextPeriod => ops::next_period(&d, &id, memory_only),
                    DraftOp::Delete => ops::delete(&d, &id),
                    DraftOp::Export => ops::export(&d, &id, st.doc.as_ref()),
                })
            };
            let on_import = {
                let d = dispatch.clone();
                Callback::from(move |e: Event| ops::import_draft(&d, e, memory_only))
            };
            let on_corrupt = {
                let d = dispatch.clone();
                Callback::from(move |(dl, key): (bool, String)| ops::corrupt(&d, dl, &key))
            };
            // A new draft starts on the set whose period covers this year.
            let default_set = clock::today()
                .and_then(|t| crate::core::edit::set_for_year(&state.library(), t.year))
                .unwrap_or(0);
            html! {
                <>
                    <Drafts drafts={state.drafts.clone()} corrupt={state.corrupt.clone()} {sets} {default_set}
                        current={doc.as_ref().map(|d| AttrValue::from(d.draft.id.clone()))}
                        {on_new} {on_op} {on_import} {on_corrupt} persisted={state.persisted} memory_only={state.memory_only} />
                    if let Some(doc) = doc.clone().filter(|_| state.memory_only) {
                        <button type="button" class="primary" onclick={{ let d = dispatch.clone(); Callback::from(move |_| ops::export(&d, &doc.draft.id, Some(&doc))) }}>{ "Xuất tệp bản nháp đang mở" }</button>
                    }
                </>
            }
        }
    };

    html! {
        <>
            <header class="app-header no-print">
                <div class="brand">
                    <h1>{ "Tự đánh giá xã nông thôn mới" }</h1>
                    if let Some(doc) = &doc {
                        <p class="doc-title">{ if doc.draft.name.trim().is_empty() { format!("Xã {} — {}", doc.draft.meta.commune, doc.draft.meta.period_text()) } else { doc.draft.name.clone() } }</p>
                    }
                </div>
                <div class="status-line">
                    <span class={classes!("net", if state.online { "online" } else { "offline" })} role="status">
                        { if state.online { "● Đang có mạng" } else { "○ Không có mạng — vẫn làm việc bình thường" } }
                    </span>
                    if state.offline_ready { <span class="ready" role="status">{ "✓ Sẵn sàng dùng khi không có mạng" }</span> }
                    if !save_text.is_empty() { <span class={classes!("save", save_css)} role="status" aria-live="polite" id="save-status">{ save_text }</span> }
                </div>
                <nav aria-label="Các mục" class="tabs">
                    { for Tab::ALL.iter().filter(|t| !t.needs_doc() || doc.is_some()).map(|&t| html! {
                        <button type="button" class={classes!("tab", (state.tab == t).then_some("active"))} aria-current={(state.tab == t).then_some("page")} onclick={tab_click(t)}>{ t.label_vi() }</button>
                    }) }
                </nav>
            </header>
            <div class="banners no-print">{ banners }</div>
            if let Some(doc) = &doc {
                if state.tab != Tab::Drafts && state.tab != Tab::Sets {
                    <div class="no-print sticky-summary"><Summary set={doc.set.clone()} scores={doc.scores.clone()} on_jump={on_jump.clone()} /></div>
                }
            }
            <main id="main">{ content }</main>
            <footer class="app-footer no-print">
                <span id="app-version">{ version_text() }</span>
                { " · Dữ liệu chỉ lưu trên máy này, không gửi đi đâu." }
            </footer>
        </>
    }
}
