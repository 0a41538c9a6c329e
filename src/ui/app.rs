//! The root component: holds the state, connects the hooks (autosave, browser events), and
//! lays out the header, banners, summary and the current screen.

use crate::core::edit::Edit;
use crate::core::sets;
use crate::ui::banners::banners;
use crate::ui::chrome::{self, Header, Page, Tone};
use crate::ui::components::assess::{assessment, AssessProps};
use crate::ui::components::drafts::{drafts, DraftOp, DraftsProps};
use crate::ui::components::narrative::{narrative, NarrativeProps};
use crate::ui::components::report_view::ReportView;
use crate::ui::components::setup::{setup, SetupProps};
use crate::ui::components::summary::Summary;
use crate::ui::hooks::{use_autosave, use_browser_events, use_save_tracker, SaveTracker};
use crate::ui::ops::{self, Dispatch};
use crate::ui::state::{Action, SaveStatus, State, Tab};
use crate::web::clock;
use yew::prelude::*;

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

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(sets::current()));
    let dispatch = state.dispatcher();
    let tracker = use_save_tracker(&state);
    use_browser_events(dispatch.clone(), tracker.clone());
    use_autosave(dispatch.clone(), state.revision, tracker.clone());

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
    let doc = state.doc.clone();
    // Should anything panic, the panic page offers this draft as it is in memory.
    crate::web::panic::remember(doc.as_ref().map(|d| (d.draft.0.clone(), d.set.0.clone())));
    html! {
        <>
            { app_header(&state, &dispatch) }
            { chrome::banners(banners(&state, &dispatch, &tracker)) }
            if let Some(doc) = &doc {
                if state.tab != Tab::Drafts {
                    <div class="no-print sticky-summary"><Summary set={doc.set.clone()} scores={doc.scores.clone()} on_jump={on_jump.clone()} /></div>
                }
            }
            <main id="main">{ screen(&state, &dispatch, &tracker, &on_edit) }</main>
            { chrome::footer(Some(chrome::version()), "Dữ liệu chỉ lưu trên máy này, không gửi đi đâu.") }
        </>
    }
}

/// The title, the network and save status, and the tabs.
fn app_header(state: &State, d: &Dispatch) -> Html {
    let (save_text, save_css) = save_label(&state.save, state.memory_only);
    let doc = state.doc.as_ref();
    let status = html! {
        <>
            <span class={classes!("net", if state.online { "online" } else { "offline" })} role="status">
                { if state.online { "● Đang có mạng" } else { "○ Không có mạng — vẫn làm việc bình thường" } }
            </span>
            { chrome::offline_ready(state.offline_ready) }
            if !save_text.is_empty() { <span class={classes!("save", save_css)} role="status" aria-live="polite" id="save-status">{ save_text }</span> }
        </>
    };
    let tabs = Tab::ALL
        .into_iter()
        .filter(|t| !t.needs_doc() || doc.is_some())
        .map(|t| {
            let d = d.clone();
            chrome::tab(
                t.label_vi(),
                state.tab == t,
                Callback::from(move |_| d.dispatch(Action::Tab(t))),
            )
        })
        .collect::<Html>();
    let title = doc.map(|d| match d.draft.name.trim().is_empty() {
        true => format!(
            "Xã {} — {}",
            d.draft.meta.commune,
            d.draft.meta.period_text()
        ),
        false => d.draft.name.clone(),
    });
    chrome::header(Header {
        page: Page::Editor,
        title: "Tự đánh giá xã nông thôn mới",
        subtitle: title,
        status: Some(status),
        tabs: Some(tabs),
    })
}

/// Every set offered as (index, "name (version)").
fn library_options(state: &State) -> Vec<(usize, AttrValue)> {
    state
        .choices()
        .iter()
        .enumerate()
        .map(|(i, c)| (i, AttrValue::from(c.label())))
        .collect()
}

/// The state as the screens' callbacks hold it: an `Rc`, cheap to clone into each.
type Handle = UseReducerHandle<State>;

/// The current screen.
fn screen(state: &Handle, d: &Dispatch, tracker: &SaveTracker, on_edit: &Callback<Edit>) -> Html {
    match (state.tab, state.doc.clone()) {
        (Tab::Setup, Some(doc)) => {
            let on_change_set = {
                let (d, st) = (d.clone(), state.clone());
                Callback::from(move |i: usize| change_set(&d, &st, i))
            };
            setup(&SetupProps {
                draft: doc.draft.clone(),
                set: doc.set.clone(),
                library: library_options(state),
                on_edit: on_edit.clone(),
                on_change_set,
                year_typed: state.year_typed.clone().map(AttrValue::from),
            })
        }
        (Tab::Assess, Some(doc)) => assessment(&AssessProps {
            set: doc.set.clone(),
            scores: doc.scores.clone(),
            draft: doc.draft.clone(),
            on_edit: on_edit.clone(),
        }),
        (Tab::Narrative, Some(doc)) => narrative(&NarrativeProps {
            draft: doc.draft.clone(),
            set: doc.set.clone(),
            scores: doc.scores.clone(),
            on_edit: on_edit.clone(),
        }),
        (Tab::Report, Some(doc)) => {
            let (d, doc2) = (d.clone(), doc.clone());
            let on_download = Callback::from(move |_| ops::download_report(&d, &doc2));
            html! { <ReportView {doc} {on_download} /> }
        }
        _ => drafts_screen(state, d, tracker),
    }
}

/// Scores the open draft with set `i` of the choices from now on, once the user confirms.
fn change_set(d: &Dispatch, state: &State, i: usize) {
    let Some(choice) = state.choices().get(i).copied() else {
        return;
    };
    let d2 = d.clone();
    ops::with_set(d, choice, move |set| confirm_change(&d2, set));
}

fn confirm_change(d: &Dispatch, set: crate::core::criteria::CriteriaSet) {
    let question = format!("Chấm điểm bản nháp này theo “{}”? Số liệu đã nhập được giữ theo mã chỉ tiêu; chỉ tiêu không có trong bộ mới sẽ không được tính.", set.name);
    if crate::web::dialog::confirm(&question) {
        let name = set.name.clone();
        d.dispatch(Action::ChangeSet(set));
        d.dispatch(Action::Notice(
            Tone::Success,
            format!("Bản nháp đã chuyển sang “{name}”."),
        ));
    }
}

/// The list of drafts. Whatever replaces the open draft (another one opened, a new one, the
/// next period, an import) first writes its pending edits, and asks when they cannot be
/// written (`SaveTracker::may_leave`).
fn drafts_screen(state: &Handle, d: &Dispatch, tracker: &SaveTracker) -> Html {
    let memory_only = state.memory_only;
    let on_new = {
        let (d, st, t) = (d.clone(), state.clone(), tracker.clone());
        Callback::from(move |i: usize| {
            if let Some(choice) = st.choices().get(i).copied() {
                if !t.may_leave(&d) {
                    return;
                }
                let d2 = d.clone();
                ops::with_set(&d, choice, move |set| {
                    ops::new_draft_from(&d2, &set, memory_only)
                });
            }
        })
    };
    let on_op = {
        let (d, st, t) = (d.clone(), state.clone(), tracker.clone());
        Callback::from(move |(op, id): (DraftOp, String)| match op {
            DraftOp::Open if t.may_leave(&d) => ops::open(&d, &id),
            DraftOp::NextPeriod if t.may_leave(&d) => ops::next_period(&d, &id, memory_only),
            DraftOp::Open | DraftOp::NextPeriod => {}
            DraftOp::Rename => ops::rename(&d, &id, st.doc.as_ref()),
            DraftOp::Delete => {
                // Deleting the open draft: its last edits are written first, so that "Hoàn
                // tác" brings back all of it.
                if st.doc.as_ref().is_some_and(|doc| doc.draft.id == id) {
                    t.flush(&d);
                }
                ops::delete(&d, &id)
            }
            DraftOp::Export => ops::export(&d, &id, st.doc.as_ref()),
        })
    };
    let on_import = {
        let (d, t) = (d.clone(), tracker.clone());
        Callback::from(move |e: Event| {
            if t.may_leave(&d) {
                ops::import_draft(&d, e, memory_only)
            } else {
                crate::web::dom::clear_file_input(&e);
            }
        })
    };
    let on_kept = {
        let d = d.clone();
        Callback::from(move |(dl, key): (bool, String)| ops::kept(&d, dl, &key))
    };
    // A new draft starts on the set whose period covers this year.
    let periods: Vec<(u16, u16)> = state.choices().iter().map(|c| c.period()).collect();
    let default_set = clock::today()
        .and_then(|t| crate::core::edit::period_for_year(&periods, t.year))
        .unwrap_or(0);
    let doc = state.doc.clone();
    html! {
        <>
            { drafts(DraftsProps {
                drafts: state.drafts.clone(),
                kept: state.kept.clone(),
                sets: library_options(state),
                default_set,
                current: doc.as_ref().map(|d| AttrValue::from(d.draft.id.clone())),
                on_new,
                on_op,
                on_import,
                on_kept,
                persisted: state.persisted,
                memory_only: state.memory_only,
            }) }
            if let Some(doc) = doc.filter(|_| memory_only) {
                <button type="button" class="primary" onclick={{ let d = d.clone(); Callback::from(move |_| ops::export(&d, &doc.draft.id, Some(&doc))) }}>{ "Xuất tệp bản nháp đang mở" }</button>
            }
        </>
    }
}
