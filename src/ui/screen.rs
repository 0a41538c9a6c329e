//! The editor's current screen, fed from the state, each event a callback to the `Editor`. A
//! new screen is a component in `components/`, a `Tab`, and an arm here.

use crate::core::edit::{period_for_year, Edit};
use crate::ui::components::assess::{assessment, AssessProps};
use crate::ui::components::drafts::{drafts, DraftsProps};
use crate::ui::components::narrative::{narrative, NarrativeProps};
use crate::ui::components::report_view::ReportView;
use crate::ui::components::setup::{setup, SetupProps};
use crate::ui::editor::Editor;
use crate::ui::parts::{in_work, parts, PartsProps};
use crate::ui::state::{Library, Tab};
use crate::web::clock;
use yew::prelude::*;

/// The screen of `tab` (the list of drafts when no draft is open).
pub fn screen(editor: &Editor, tab: Tab, on_edit: &Callback<Edit>) -> Html {
    let document = editor.document();
    let Some(doc) = document.doc.clone() else {
        return drafts_screen(editor);
    };
    match tab {
        Tab::Drafts => drafts_screen(editor),
        Tab::Setup => html! {
            <>
                { setup(&SetupProps {
                    draft: doc.draft.clone(),
                    set: doc.set.clone(),
                    library: library_options(&editor.library()),
                    on_edit: on_edit.clone(),
                    on_change_set: editor.callback(Editor::change_set),
                    year_typed: document.year_typed.clone().map(AttrValue::from),
                }) }
                { parts(&PartsProps {
                    draft: doc.draft,
                    set: doc.set,
                    on_hand_out: editor.callback(|e, _| e.hand_out()),
                    on_edit: on_edit.clone(),
                }) }
            </>
        },
        Tab::Assess => assessment(&AssessProps {
            set: doc.set,
            scores: doc.scores,
            draft: doc.draft,
            on_edit: on_edit.clone(),
        }),
        Tab::Narrative => narrative(&NarrativeProps {
            draft: doc.draft,
            set: doc.set,
            scores: doc.scores,
            on_edit: on_edit.clone(),
        }),
        Tab::Report => {
            let on_download = editor.callback(|e, ()| e.download_report());
            let id = doc.draft.id.clone();
            let on_send = editor.callback(move |e, ()| e.send(&id));
            html! { <ReportView {doc} {on_download} {on_send} /> }
        }
    }
}

/// Every set offered as (index, "name (version)").
fn library_options(library: &Library) -> Vec<(usize, AttrValue)> {
    library
        .choices()
        .iter()
        .enumerate()
        .map(|(i, c)| (i, AttrValue::from(c.label_counted())))
        .collect()
}

/// The sets offered for a new draft, with their number of indicators, the default first.
fn new_draft_options(library: &Library, first: usize) -> Vec<(usize, AttrValue)> {
    let choices = library.choices();
    let mut all: Vec<(usize, AttrValue)> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| (i, AttrValue::from(c.label_counted())))
        .collect();
    if first < all.len() {
        let chosen = all.remove(first);
        all.insert(0, chosen);
    }
    all
}

/// The list of drafts. Whatever replaces the open draft (another one opened, a new one, the
/// next period, an import) first writes its pending edits, and asks when they cannot be
/// written (`Editor::may_leave`).
fn drafts_screen(editor: &Editor) -> Html {
    let (library, document, shell) = (editor.library(), editor.document(), editor.shell());
    // A new draft starts on the set whose period covers this year.
    let periods: Vec<(u16, u16)> = library.choices().iter().map(|c| c.period()).collect();
    // A new draft starts on the set the province sent, else on the set whose period covers
    // this year.
    let received = library.received_choice();
    let default_set = received
        .or_else(|| clock::today().and_then(|t| period_for_year(&periods, t.year)))
        .unwrap_or(0);
    let choices = library.choices();
    let received =
        received.and_then(|i| Some((i, AttrValue::from(choices.get(i)?.label_counted()))));
    let current = document.doc.as_ref().map(|d| d.draft.id.clone());
    html! {
        <>
            { drafts(DraftsProps {
                drafts: library.drafts.clone(),
                kept: library.kept.clone(),
                sets: new_draft_options(&library, default_set),
                default_set,
                received,
                current: current.clone().map(AttrValue::from),
                on_new: editor.callback(Editor::new_draft),
                on_op: editor.callback(|e, (op, id): (_, String)| e.draft_op(op, &id)),
                on_import: editor.callback(Editor::open_received),
                on_kept: editor.callback(|e, (download, key): (bool, String)| e.kept(download, &key)),
                persisted: shell.persisted,
                memory_only: shell.memory_only,
            }) }
            if shell.memory_only && current.is_some() {
                <button type="button" class="primary" onclick={editor.callback(|e, _| e.export_open())}>{ "Xuất tệp bản nháp đang mở" }</button>
            }
            { in_work(editor) }
        </>
    }
}
