//! Authoring a set from the official document: rows pasted from the decision's table (Word,
//! Excel, a PDF viewer), a CSV file in any encoding Excel writes, or a table of the decision's
//! own .docx; the set's table as a CSV file out. The columns are guessed and can be changed;
//! the preview shows every row as it will be applied, with what applying would refuse on its
//! row; applying is one step the editor can undo. Reading and planning are `core::set_table`;
//! this view keeps what was given and talks up through callbacks.

use super::preview::{mapping, preview};
use super::table_state::{
    is_long, long_note_vi, use_reading, Input, Outcome, Reading, TableAction, TableState,
};
use super::word::{pick, tables_list};
use crate::core::criteria::CriteriaSet;
use crate::core::set_table::{self, Plan};
use crate::core::vn::slug;
use crate::ui::components::field::input_value;
use crate::ui::shared::Shared;
use crate::web::download;
use std::rc::Rc;
use yew::prelude::*;

/// A table given but not applied: the set applying it would give, or why it cannot yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub rows: usize,
    pub result: Result<Rc<CriteriaSet>, String>,
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub set: Shared<CriteriaSet>,
    pub can_undo: bool,
    /// The set with the table applied, and what changed.
    pub on_apply: Callback<(Rc<CriteriaSet>, String)>,
    pub on_undo: Callback<()>,
    /// What is given but not applied, whenever it changes.
    pub on_pending: Callback<Option<Pending>>,
}

/// Tells the editor what saving now would do with the table: nothing to apply, a table being
/// read, or the reading's plan.
#[hook]
fn use_report_pending(
    reading: &Rc<Option<Reading>>,
    confirmed: bool,
    busy: bool,
    on: &Callback<Option<Pending>>,
) {
    let (on, reading) = (on.clone(), reading.clone());
    use_effect_with((reading.clone(), confirmed, busy), move |_| {
        on.emit(match busy {
            true => Some(Pending {
                rows: 0,
                result: Err("bảng đang được đọc".into()),
            }),
            false => reading.as_ref().as_ref().map(|r| pending(r, confirmed)),
        });
    });
}

/// The paste box, and what it holds when a long table is held out of it (`Input::held`).
fn paste_box(input: &Input, send: &Callback<TableAction>) -> Html {
    let on_text = {
        let send = send.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_value(&e);
            // A paste or a drop; typing never empties the box under the user's hands.
            let pasted = e.input_type().starts_with("insertFrom");
            if pasted && is_long(&text) {
                // Out of the box before the browser lays it out (`is_long`).
                empty_box(&e);
            }
            send.emit(TableAction::Text(text, pasted))
        })
    };
    html! {
        <>
            <div class="field"><label for="s-paste">{ "Dán bảng chỉ tiêu" }</label>
                <textarea id="s-paste" rows="6" wrap="off" value={if input.held { String::new() } else { input.text.clone() }} oninput={on_text} /></div>
            if input.held { <p class="hint" role="status">{ long_note_vi(input) }</p> }
        </>
    }
}

/// Empties the paste box an input event came from (the text is kept in the panel's state).
fn empty_box(e: &InputEvent) {
    use wasm_bindgen::JsCast;
    if let Some(b) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        b.set_value("");
    }
}

#[function_component]
pub fn TablePanel(p: &TableProps) -> Html {
    let state = use_reducer(|| TableState {
        input: Input {
            source: p.set.legal_basis.number.clone(),
            ..Input::default()
        },
        outcome: None,
    });
    let (reading, busy) = use_reading(&state.input, &p.set);
    use_report_pending(
        &reading,
        state.input.confirmed,
        busy.is_some(),
        &p.on_pending,
    );
    let d = state.dispatcher();
    // What the parts below send up.
    let send = {
        let d = d.clone();
        Callback::from(move |a: TableAction| d.dispatch(a))
    };
    let on_source = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.dispatch(TableAction::Source(input_value(&e))))
    };
    let apply = apply(&reading, state.input.confirmed, &p.on_apply, &d);
    let undo = {
        let (on, d) = (p.on_undo.clone(), d.clone());
        Callback::from(move |_| {
            on.emit(());
            let done = "Đã hoàn tác: bộ tiêu chí trở lại như trước khi áp dụng bảng.";
            d.dispatch(TableAction::Outcome(Some(Ok(done.into()))));
        })
    };
    let input = &state.input;
    let ready = reading
        .as_ref()
        .as_ref()
        .is_some_and(|r| r.plan.ready(input.confirmed));
    html! {
        <fieldset class="table-author">
            <legend>{ "Bảng chỉ tiêu: dán từ văn bản, tệp CSV hoặc tệp Word của quyết định" }</legend>
            <p class="hint">{ format!("Dán cả bảng như trong văn bản (kể cả dòng tiêu đề): mã chỉ tiêu (hoặc TT), nội dung, {}, rồi nguồn nếu có. Ô ngưỡng ghi như văn bản: “≥ 80%”, “Tối thiểu 90%”, “Không quá 5%”, “Đạt”, “39 triệu đồng/người/năm”, “Theo quy định của UBND tỉnh”; “-” nếu không áp dụng cho nhóm đó; để trống nếu chưa có. Chỉ tiêu có sẵn được cập nhật theo mã, chỉ tiêu mới được thêm.", columns_hint(&p.set)) }</p>
            { paste_box(input, &send) }
            if let Some(note) = &input.file { <p class="hint" role="status">{ note.clone() }</p> }
            if let Some(w) = &input.word { { tables_list(w, &send) } }
            <div class="field"><label for="s-paste-source">{ "Nguồn ghi cho các dòng không có cột nguồn" }</label>
                <input id="s-paste-source" value={input.source.clone()} oninput={on_source} /></div>
            if let Some(busy) = busy {
                <p class="hint" role="status">{ busy.text_vi() }</p>
            }
            if let Some(r) = reading.as_ref() {
                { mapping(&r.table, &p.set, &send) }
                { preview(&p.set, r, input, &send) }
            }
            { outcome_view(&state.outcome) }
            <div class="row-actions">
                if !input.is_empty() {
                    <button type="button" class="primary" disabled={!ready} onclick={apply}>{ "Áp dụng bảng" }</button>
                }
                if p.can_undo {
                    <button type="button" class="secondary" onclick={undo}>{ "Hoàn tác lần áp dụng bảng" }</button>
                }
                <button type="button" class="secondary" onclick={export(&p.set, &d)}>{ "Xuất bảng chỉ tiêu (.csv)" }</button>
                <label for="s-csv" class="button secondary">{ "Nhập bảng từ tệp CSV" }</label>
                <input id="s-csv" type="file" accept=".csv,text/csv,.txt,text/plain" class="visually-hidden" onchange={pick(&send, false)} />
                <label for="s-docx" class="button secondary">{ "Nhập bảng từ tệp Word (.docx)" }</label>
                <input id="s-docx" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" class="visually-hidden" onchange={pick(&send, true)} />
            </div>
        </fieldset>
    }
}

/// "Áp dụng bảng": the plan taken, or its refusals shown.
fn apply(
    reading: &Rc<Option<Reading>>,
    confirmed: bool,
    on: &Callback<(Rc<CriteriaSet>, String)>,
    d: &UseReducerDispatcher<TableState>,
) -> Callback<MouseEvent> {
    let (reading, on, d) = (reading.clone(), on.clone(), d.clone());
    Callback::from(move |_| {
        let Some(r) = reading.as_ref() else { return };
        match (&r.plan.result, r.plan.ready(confirmed)) {
            (Some(next), true) => {
                on.emit((Rc::new(next.clone()), summary(&r.plan)));
                d.dispatch(TableAction::Clear);
                d.dispatch(TableAction::Outcome(Some(Ok(summary(&r.plan)))));
            }
            _ => d.dispatch(TableAction::Outcome(Some(Err(r.plan.messages())))),
        }
    })
}

/// What the editor is told of a given table: applying it now would give this set, or why not.
fn pending(r: &Reading, confirmed: bool) -> Pending {
    let result = match (&r.plan.result, r.plan.ready(confirmed)) {
        (Some(next), true) => Ok(Rc::new(next.clone())),
        (Some(_), false) => Err(format!(
            "cần xác nhận {} thay đổi ở chỉ tiêu đã có",
            r.plan.to_confirm()
        )),
        (None, _) => {
            let n = r.plan.messages().len();
            Err(format!(
                "{n} lỗi: {}",
                r.plan.messages().first().cloned().unwrap_or_default()
            ))
        }
    };
    Pending {
        rows: r.table.rows.len(),
        result,
    }
}

/// The set's table as a CSV download, named after the set.
fn export(set: &Shared<CriteriaSet>, d: &UseReducerDispatcher<TableState>) -> Callback<MouseEvent> {
    let (set, d) = (set.clone(), d.clone());
    Callback::from(move |_| {
        let name = format!(
            "bang-chi-tieu-{}-{}.csv",
            slug(&set.name),
            slug(&set.version)
        );
        let csv = set_table::to_csv(&set);
        if let Err(e) = download::bytes(&name, "text/csv;charset=utf-8", csv.as_bytes()) {
            d.dispatch(TableAction::Outcome(Some(Err(vec![e]))));
        }
    })
}

fn columns_hint(set: &CriteriaSet) -> String {
    match set.columns.items.len() {
        0 => "một ô ngưỡng".to_string(),
        _ => {
            let names: Vec<&str> = set.columns.items.iter().map(|c| c.name.as_str()).collect();
            format!("mỗi cột ngưỡng một ô ({})", names.join(", "))
        }
    }
}

/// "Đã áp dụng 47 dòng: 47 chỉ tiêu mới (7 để tỉnh quy định ngưỡng), 0 chỉ tiêu cập nhật."
pub fn summary(plan: &Plan) -> String {
    let new = plan.rows.iter().filter(|r| r.new).count();
    let open = plan.rows.iter().filter(|r| r.open > 0).count();
    let open = match open {
        0 => String::new(),
        n => format!(" ({n} chỉ tiêu có ngưỡng để tỉnh quy định)"),
    };
    format!(
        "Đã áp dụng {} dòng: {new} chỉ tiêu mới, {} chỉ tiêu cập nhật{open}. Bấm “Lưu bộ tiêu chí” để lưu.",
        plan.rows.len(),
        plan.rows.len() - new
    )
}

fn outcome_view(outcome: &Outcome) -> Html {
    match outcome {
        None => html! {},
        Some(Ok(text)) => html! { <p class="notice success" role="status">{ text.clone() }</p> },
        Some(Err(errors)) => html! {
            <div class="notice error" role="alert">
                <p><strong>{ "Chưa áp dụng được:" }</strong></p>
                <ul>{ for errors.iter().take(20).map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
            </div>
        },
    }
}
