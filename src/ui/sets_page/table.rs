//! Authoring a set from the official document: a box that takes rows pasted from the
//! decision's table (Word, Excel, PDF), and the set's table as a CSV file out and in. Nothing
//! changes before the preview shows every row as understood; applying is one step the editor
//! can undo. Reading and applying are `core::set_table`; this view shows and dispatches.

use super::editor::{Editing, EditorAction};
use crate::core::criteria::CriteriaSet;
use crate::core::set_table::{self, Cell, Row, Table};
use crate::ui::components::field::input_value;
use crate::ui::state::Shared;
use crate::web::download;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub set: Shared<CriteriaSet>,
    pub dispatch: UseReducerDispatcher<Editing>,
    pub can_undo: bool,
}

/// What the last "apply" did: what changed, or why nothing did.
type Outcome = Option<Result<String, Vec<String>>>;

#[function_component]
pub fn TablePanel(p: &TableProps) -> Html {
    let text = use_state(String::new);
    let source = use_state(|| p.set.legal_basis.number.clone());
    let outcome = use_state(|| Outcome::None);
    let table = use_memo(((*text).clone(), p.set.clone()), |(t, s)| {
        set_table::parse(t, s)
    });
    let on_text = {
        let (text, outcome) = (text.clone(), outcome.clone());
        Callback::from(move |e: InputEvent| {
            text.set(input_value(&e));
            outcome.set(None);
        })
    };
    let on_source = {
        let source = source.clone();
        Callback::from(move |e: InputEvent| source.set(input_value(&e)))
    };
    let on_file = on_file(&text, &outcome);
    let export = export(&p.set, &outcome);
    let apply = {
        let (set, table, source, d) = (
            p.set.clone(),
            table.clone(),
            source.clone(),
            p.dispatch.clone(),
        );
        let (text, outcome) = (text.clone(), outcome.clone());
        Callback::from(move |_| match set_table::apply(&set, &table, &source) {
            Ok(next) => {
                outcome.set(Some(Ok(summary(&set, &table))));
                d.dispatch(EditorAction::Table(Rc::new(next)));
                text.set(String::new());
            }
            Err(errors) => outcome.set(Some(Err(errors))),
        })
    };
    let undo = {
        let (d, outcome) = (p.dispatch.clone(), outcome.clone());
        Callback::from(move |_| {
            d.dispatch(EditorAction::UndoTable);
            outcome.set(Some(Ok(
                "Đã hoàn tác: bộ tiêu chí trở lại như trước khi áp dụng bảng.".into(),
            )));
        })
    };
    html! {
        <fieldset class="table-author">
            <legend>{ "Bảng chỉ tiêu: dán từ văn bản, hoặc tệp CSV" }</legend>
            <p class="hint">{ format!("Mỗi dòng: mã chỉ tiêu, nội dung, {}, rồi nguồn (nếu có). Ô ngưỡng ghi như trong văn bản: “≥ 80%”, “≤ 26,7%”, “Đạt”, “39 triệu đồng/người/năm”; để trống hoặc “-” nếu không có. Chỉ tiêu có sẵn được cập nhật theo mã, chỉ tiêu mới được thêm.", columns_hint(&p.set)) }</p>
            <div class="field"><label for="s-paste">{ "Dán bảng chỉ tiêu" }</label>
                <textarea id="s-paste" rows="6" value={(*text).clone()} oninput={on_text} /></div>
            <div class="field"><label for="s-paste-source">{ "Nguồn ghi cho các dòng không có cột nguồn" }</label>
                <input id="s-paste-source" value={(*source).clone()} oninput={on_source} /></div>
            if !text.trim().is_empty() { { preview(&p.set, &table) } }
            { outcome_view(&outcome) }
            <div class="row-actions">
                if !text.trim().is_empty() {
                    <button type="button" class="primary" disabled={!table.ok()} onclick={apply}>{ "Áp dụng bảng" }</button>
                }
                if p.can_undo {
                    <button type="button" class="secondary" onclick={undo}>{ "Hoàn tác lần áp dụng bảng" }</button>
                }
                <button type="button" class="secondary" onclick={export}>{ "Xuất bảng chỉ tiêu (.csv)" }</button>
                <label for="s-csv" class="button secondary">{ "Nhập bảng từ tệp CSV" }</label>
                <input id="s-csv" type="file" accept=".csv,text/csv,.txt,text/plain" class="visually-hidden" onchange={on_file} />
            </div>
        </fieldset>
    }
}

/// A CSV file picked: its text goes into the box, to be previewed like a paste.
fn on_file(text: &UseStateHandle<String>, outcome: &UseStateHandle<Outcome>) -> Callback<Event> {
    let (text, outcome) = (text.clone(), outcome.clone());
    Callback::from(move |e: Event| {
        let (text, outcome) = (text.clone(), outcome.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match crate::web::files::read_picked(e, crate::core::store::MAX_IMPORT_BYTES).await {
                Ok((_, content)) => {
                    text.set(content);
                    outcome.set(None);
                }
                Err(msg) => outcome.set(Some(Err(vec![msg]))),
            }
        });
    })
}

/// The set's table as a CSV download.
fn export(set: &Shared<CriteriaSet>, outcome: &UseStateHandle<Outcome>) -> Callback<MouseEvent> {
    let (set, outcome) = (set.clone(), outcome.clone());
    Callback::from(move |_| {
        let name = format!(
            "bang-chi-tieu-{}-{}.csv",
            set.id,
            crate::core::vn::slug(&set.version)
        );
        let csv = set_table::to_csv(&set);
        if let Err(e) = download::bytes(&name, "text/csv;charset=utf-8", csv.as_bytes()) {
            outcome.set(Some(Err(vec![e])));
        }
    })
}

fn columns_hint(set: &CriteriaSet) -> String {
    match set.columns.items.len() {
        0 => "một ô ngưỡng".to_string(),
        _ => format!(
            "mỗi cột ngưỡng một ô ({})",
            set.columns
                .items
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// "Đã áp dụng 47 dòng: 47 chỉ tiêu mới, 0 chỉ tiêu cập nhật."
fn summary(set: &CriteriaSet, table: &Table) -> String {
    let mut codes: Vec<&str> = table.rows.iter().map(|r| r.code.as_str()).collect();
    codes.dedup();
    let new = codes
        .iter()
        .filter(|c| !set.indicators().any(|(_, i)| i.code == **c))
        .count();
    format!(
        "Đã áp dụng {} dòng: {new} chỉ tiêu mới, {} chỉ tiêu cập nhật. Bấm “Lưu bộ tiêu chí” để lưu.",
        table.rows.len(),
        codes.len() - new
    )
}

/// A cell as understood, numbers written as read ("39 000", "26 phẩy 7"), so a misreading
/// shows.
fn cell_text(cell: Option<&Cell>) -> String {
    match cell {
        None => "—".into(),
        Some(Cell::Met) => "Đạt".into(),
        Some(Cell::Number {
            direction,
            value,
            unit,
        }) => format!(
            "{}{} {unit}",
            direction
                .map(|d| format!("{} ", d.symbol()))
                .unwrap_or_default(),
            value.reading_vi()
        )
        .trim_end()
        .to_string(),
    }
}

/// Rows the preview draws: enough to check how the table was read, few enough that a long
/// paste (up to `set_table::MAX_ROWS` rows of long text) is laid out at once. Every row is
/// still read, checked and counted; applying applies them all.
const PREVIEW_ROWS: usize = 100;
/// Characters of a wording the preview shows.
const PREVIEW_CHARS: usize = 160;

/// "Xem trước: 999 dòng đọc được (hiện 100 dòng đầu)".
fn caption(rows: usize) -> String {
    if rows > PREVIEW_ROWS {
        format!("Xem trước: {rows} dòng đọc được (hiện {PREVIEW_ROWS} dòng đầu)")
    } else {
        format!("Xem trước: {rows} dòng đọc được")
    }
}

/// A wording cut to `PREVIEW_CHARS` characters, with "…" where it was cut.
fn clipped(text: &str) -> String {
    match text.char_indices().nth(PREVIEW_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn preview(set: &CriteriaSet, table: &Table) -> Html {
    let mut columns: Vec<(Option<String>, String)> = vec![(None, "Chung".into())];
    columns.extend(
        set.columns
            .items
            .iter()
            .map(|c| (Some(c.id.clone()), c.name.clone())),
    );
    // The general column is shown only when a row uses it (or the set has no columns).
    let general = set.columns.items.is_empty()
        || table
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|(c, _)| c.is_none()));
    let columns: Vec<_> = columns
        .into_iter()
        .filter(|(c, _)| c.is_some() || general)
        .collect();
    let row = |r: &Row| {
        html! {
            <tr key={r.line}>
                <td>{ r.line }</td><td>{ r.code.clone() }</td><td>{ clipped(&r.wording) }</td>
                { for columns.iter().map(|(c, _)| html! { <td>{ cell_text(r.cells.iter().find(|(x, _)| x == c).map(|(_, v)| v)) }</td> }) }
                <td>{ r.source.clone() }</td><td>{ r.year.map(|y| y.to_string()).unwrap_or_default() }</td>
            </tr>
        }
    };
    html! {
        <div class="table-preview">
            if !table.errors.is_empty() {
                <div class="notice error" role="alert">
                    <p><strong>{ format!("{} dòng chưa đọc được; chưa áp dụng gì:", table.errors.len()) }</strong></p>
                    <ul>{ for table.errors.iter().take(50).map(|e| html! { <li>{ e.message.clone() }</li> }) }</ul>
                </div>
            }
            if !table.skipped.is_empty() {
                <p class="hint">{ format!("Bỏ qua {} dòng: {}.", table.skipped.len(), table.skipped.iter().take(5).map(|(l, why)| format!("dòng {l} ({why})")).collect::<Vec<_>>().join(", ")) }</p>
            }
            if !table.rows.is_empty() {
                <div class="scroll"><table>
                    <caption>{ caption(table.rows.len()) }</caption>
                    <thead><tr><th scope="col">{ "Dòng" }</th><th scope="col">{ "Mã" }</th><th scope="col">{ "Nội dung" }</th>
                        { for columns.iter().map(|(_, name)| html! { <th scope="col">{ name.clone() }</th> }) }
                        <th scope="col">{ "Nguồn" }</th><th scope="col">{ "Năm" }</th></tr></thead>
                    <tbody>{ for table.rows.iter().take(PREVIEW_ROWS).map(row) }</tbody>
                </table></div>
            }
        </div>
    }
}

fn outcome_view(outcome: &Outcome) -> Html {
    match outcome {
        None => html! {},
        Some(Ok(text)) => html! { <p class="notice success" role="status">{ text.clone() }</p> },
        Some(Err(errors)) => html! {
            <div class="notice error" role="alert">
                <p><strong>{ "Chưa áp dụng được, bộ tiêu chí sẽ có lỗi:" }</strong></p>
                <ul>{ for errors.iter().take(20).map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
            </div>
        },
    }
}
