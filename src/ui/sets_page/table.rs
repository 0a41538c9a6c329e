//! Authoring a set from the official document: rows pasted from the decision's table (Word,
//! Excel, a PDF viewer), a CSV file in any encoding Excel writes, or a table of the decision's
//! own .docx; the set's table as a CSV file out. The columns are guessed and can be changed;
//! the preview shows every row as it will be applied, with what applying would refuse on its
//! row; applying is one step the editor can undo. Reading and planning are `core::set_table`;
//! this view keeps what was given and talks up through callbacks.

use super::preview::{mapping, preview};
use super::word::{tables_list, WordFile};
use crate::core::criteria::CriteriaSet;
use crate::core::set_table::{self, docx, Column, Options, Plan, Table};
use crate::core::vn::slug;
use crate::ui::components::field::input_value;
use crate::ui::state::Shared;
use crate::web::download;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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

/// What the user gave: the text (pasted, or a CSV file's), a Word file and its table chosen,
/// the columns as changed, what each share counts, the default source, the confirmation.
#[derive(Clone, PartialEq, Default)]
pub struct Input {
    pub text: String,
    /// "Tệp “bang.csv” (Windows-1258 …)": where the text came from.
    pub file: Option<String>,
    pub word: Option<WordFile>,
    pub columns: Option<Vec<Column>>,
    pub units: Vec<(String, String)>,
    pub confirmed: bool,
    pub source: String,
}

impl Input {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.word.is_none()
    }
}

pub enum TableAction {
    Text(String),
    File(String, String),
    Word(WordFile),
    Choose(usize),
    /// The columns as the user set them.
    Columns(Vec<Column>),
    Unit(String, String),
    Confirm(bool),
    Source(String),
    /// Applied, or given up: back to an empty box.
    Clear,
    Outcome(Outcome),
}

/// What the last action did: what changed, or why nothing did.
pub type Outcome = Option<Result<String, Vec<String>>>;

#[derive(Clone, PartialEq)]
pub struct TableState {
    pub input: Input,
    pub outcome: Outcome,
}

impl Reducible for TableState {
    type Action = TableAction;

    fn reduce(self: Rc<Self>, action: TableAction) -> Rc<Self> {
        let mut s = (*self).clone();
        let fresh = |s: &mut TableState| {
            s.input.columns = None;
            s.input.confirmed = false;
            s.outcome = None;
        };
        match action {
            TableAction::Text(t) => {
                s.input.text = t;
                s.input.file = None;
                s.input.word = None;
                fresh(&mut s);
            }
            TableAction::File(note, t) => {
                s.input = Input {
                    text: t,
                    file: Some(note),
                    source: s.input.source,
                    ..Input::default()
                };
                fresh(&mut s);
            }
            TableAction::Word(w) => {
                s.input = Input {
                    word: Some(w),
                    source: s.input.source,
                    ..Input::default()
                };
                fresh(&mut s);
            }
            TableAction::Choose(k) => {
                if let Some(w) = &mut s.input.word {
                    w.chosen = Some(k);
                }
                fresh(&mut s);
            }
            TableAction::Columns(columns) => {
                s.input.columns = Some(columns);
                s.input.confirmed = false;
            }
            TableAction::Unit(code, unit) => {
                s.input.units.retain(|(c, _)| *c != code);
                s.input.units.push((code, unit));
            }
            TableAction::Confirm(yes) => s.input.confirmed = yes,
            TableAction::Source(v) => s.input.source = v,
            TableAction::Clear => {
                s.input = Input {
                    source: s.input.source,
                    ..Input::default()
                };
            }
            TableAction::Outcome(o) => s.outcome = o,
        }
        Rc::new(s)
    }
}

/// The read table and its plan, for what was given.
#[derive(PartialEq)]
pub struct Reading {
    pub table: Table,
    pub plan: Plan,
}

fn read(input: &Input, set: &CriteriaSet) -> Option<Reading> {
    let grid = match &input.word {
        Some(w) => w.tables.get(w.chosen?)?.rows.clone(),
        None if input.text.trim().is_empty() => return None,
        None => match set_table::grid(&input.text) {
            Ok(g) => g,
            Err(_) => {
                let table = set_table::parse(&input.text, set);
                let plan = set_table::plan(set, &table, &Options::default());
                return Some(Reading { table, plan });
            }
        },
    };
    let table = set_table::read_grid(&grid, input.columns.as_deref(), set);
    let opts = Options {
        default_source: input.source.clone(),
        units: input.units.clone(),
        confirmed: input.confirmed,
    };
    let plan = set_table::plan(set, &table, &opts);
    Some(Reading { table, plan })
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
    let reading = use_memo((state.input.clone(), p.set.clone()), |(input, set)| {
        read(input, set)
    });
    {
        let (on, reading, confirmed) =
            (p.on_pending.clone(), reading.clone(), state.input.confirmed);
        use_effect_with((reading.clone(), confirmed), move |_| {
            on.emit(reading.as_ref().as_ref().map(|r| pending(r, confirmed)));
        });
    }
    let d = state.dispatcher();
    let on_text = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.dispatch(TableAction::Text(input_value(&e))))
    };
    let on_source = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.dispatch(TableAction::Source(input_value(&e))))
    };
    let apply = {
        let (reading, on, d) = (reading.clone(), p.on_apply.clone(), d.clone());
        let confirmed = state.input.confirmed;
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
    };
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
            <div class="field"><label for="s-paste">{ "Dán bảng chỉ tiêu" }</label>
                <textarea id="s-paste" rows="6" value={input.text.clone()} oninput={on_text} /></div>
            if let Some(note) = &input.file { <p class="hint" role="status">{ note.clone() }</p> }
            if let Some(w) = &input.word { { tables_list(w, &d) } }
            <div class="field"><label for="s-paste-source">{ "Nguồn ghi cho các dòng không có cột nguồn" }</label>
                <input id="s-paste-source" value={input.source.clone()} oninput={on_source} /></div>
            if let Some(r) = reading.as_ref() {
                { mapping(&r.table, &p.set, &d) }
                { preview(&p.set, r, input, &d) }
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
                <input id="s-csv" type="file" accept=".csv,text/csv,.txt,text/plain" class="visually-hidden" onchange={pick(&d, false)} />
                <label for="s-docx" class="button secondary">{ "Nhập bảng từ tệp Word (.docx)" }</label>
                <input id="s-docx" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" class="visually-hidden" onchange={pick(&d, true)} />
            </div>
        </fieldset>
    }
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

/// A file picked: a CSV (any of Excel's encodings, named) into the box, or a Word file's
/// tables to choose from.
fn pick(d: &UseReducerDispatcher<TableState>, word: bool) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = crate::web::files::list(input.files());
        // Let the same file be picked again later.
        input.set_value("");
        let d = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (read, refused) = crate::web::files::read_all(files, 20).await;
            if let Some(r) = refused.first() {
                let m = format!("Không đọc được tệp “{}”: {}", r.name, r.reason);
                return d.dispatch(TableAction::Outcome(Some(Err(vec![m]))));
            }
            let Some(file) = read.into_iter().next() else {
                return;
            };
            let action = if word {
                word_file(file)
            } else {
                csv_file(file)
            };
            match action {
                Ok(a) => d.dispatch(a),
                Err(m) => d.dispatch(TableAction::Outcome(Some(Err(vec![m])))),
            }
        });
    })
}

fn csv_file(file: crate::core::rollup::Input) -> Result<TableAction, String> {
    let (text, encoding) =
        set_table::decode::decode(&file.bytes).map_err(|e| format!("Tệp “{}”: {e}", file.name))?;
    let note = format!(
        "Đã đọc tệp “{}” (bảng mã {}). Kiểm tra bản xem trước bên dưới.",
        file.name,
        encoding.name_vi()
    );
    Ok(TableAction::File(note, text))
}

fn word_file(file: crate::core::rollup::Input) -> Result<TableAction, String> {
    let tables = docx::tables(&file.bytes).map_err(|e| format!("Tệp “{}”: {e}", file.name))?;
    if tables.is_empty() {
        return Err(format!("Tệp “{}” không có bảng nào.", file.name));
    }
    let chosen = (tables.len() == 1).then_some(0);
    Ok(TableAction::Word(WordFile {
        name: file.name,
        tables: Rc::new(tables),
        chosen,
    }))
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
