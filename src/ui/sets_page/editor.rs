//! The editor of one of the user's criteria sets: names, legal basis, period, each indicator's
//! wording and thresholds (column, year, value, source), adding and removing indicators.
//!
//! One state, one reducer: the working copy changes only through `core::set_edit::apply`; a
//! typed value that cannot be read is kept out of the set and its message shown by the field.

use super::table::TablePanel;
use crate::core::criteria::{CriteriaSet, Indicator};
use crate::core::set_edit::{apply, NewKind, SetEdit};
use crate::ui::components::field::{change_value, input_value};
use crate::ui::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// The working copy, the messages of fields whose typed value was refused (by field id), and
/// the set as it was before a table was applied (for its one undo).
#[derive(Clone)]
pub struct Editing {
    /// Shared with the views, which compare it by pointer; copied on write.
    pub set: Rc<CriteriaSet>,
    pub refused: Refused,
    pub before_table: Option<Rc<CriteriaSet>>,
}

/// (field id, message); a handful at most, so a list rather than a map.
type Refused = Vec<(String, String)>;

fn refused_for<'a>(refused: &'a Refused, id: &str) -> Option<&'a String> {
    refused.iter().find(|(f, _)| f == id).map(|(_, m)| m)
}

pub enum EditorAction {
    /// An edit, and the id of the field it came from (where a refusal is shown).
    Field(String, SetEdit),
    /// A pasted or imported table applied: the set it gave.
    Table(Rc<CriteriaSet>),
    /// Back to the set as it was before the table.
    UndoTable,
}

use EditorAction::Field as FieldEdit;

impl Reducible for Editing {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            EditorAction::Field(field, edit) => {
                let result = apply(Rc::make_mut(&mut next.set), edit);
                next.refused.retain(|(f, _)| *f != field);
                if let Err(message) = result {
                    next.refused.push((field, message));
                }
            }
            EditorAction::Table(set) => {
                next.before_table = Some(std::mem::replace(&mut next.set, set));
            }
            EditorAction::UndoTable => {
                if let Some(before) = next.before_table.take() {
                    next.set = before;
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The set as stored when the editor opened; compared by pointer.
    pub set: Shared<CriteriaSet>,
    pub on_save: Callback<CriteriaSet>,
    pub on_cancel: Callback<()>,
}

#[function_component]
pub fn SetEditor(p: &EditorProps) -> Html {
    let state = use_reducer(|| Editing {
        set: p.set.0.clone(),
        refused: Vec::new(),
        before_table: None,
    });
    let errors = use_state(Vec::<String>::new);
    // The indicators whose editor is open: only those draw their fields, so opening the editor
    // of a large set draws one line per indicator (issue #30, BENCHMARKS.md).
    let opened = use_state(Vec::<String>::new);
    let on_toggle = {
        let opened = opened.clone();
        Callback::from(move |(code, open): (String, bool)| {
            let mut list = (*opened).clone();
            list.retain(|c| *c != code);
            if open {
                list.push(code);
            }
            opened.set(list);
        })
    };
    let set = &state.set;
    let dispatch = state.dispatcher();
    // A text field of the set as a whole, sending an edit on every keystroke.
    let field = |label: &'static str,
                 id: &'static str,
                 value: String,
                 edit: fn(String) -> SetEdit| {
        let d = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            d.dispatch(FieldEdit(id.into(), edit(input_value(&e))))
        });
        let refused = refused_for(&state.refused, id).cloned();
        html! {
            <div class="field"><label for={id}>{ label }</label><input {id} {value} {oninput} />
                if let Some(m) = refused { <p class="error" role="alert">{ format!("{label}: {m}") }</p> }</div>
        }
    };
    let save = {
        let (on, errors, set) = (p.on_save.clone(), errors.clone(), state.set.clone());
        Callback::from(move |_| {
            let errs = set.validate();
            if errs.is_empty() {
                errors.set(vec![]);
                on.emit((*set).clone());
            } else {
                errors.set(errs.iter().map(|e| e.to_string()).collect());
            }
        })
    };
    let cancel = {
        let on = p.on_cancel.clone();
        Callback::from(move |_| on.emit(()))
    };
    html! {
        <section class="sets" aria-labelledby="sets-title">
            <h2 id="sets-title">{ format!("Chỉnh sửa bộ tiêu chí: {}", set.name) }</h2>
            { field("Tên bộ tiêu chí", "s-name", set.name.clone(), SetEdit::Name) }
            <div class="pair">
                { field("Mã (chữ không dấu)", "s-id", set.id.clone(), SetEdit::Id) }
                { field("Phiên bản", "s-version", set.version.clone(), SetEdit::Version) }
            </div>
            <div class="pair">
                { field("Số văn bản căn cứ", "s-lb-number", set.legal_basis.number.clone(), SetEdit::LegalNumber) }
                { field("Ngày ban hành (năm-tháng-ngày)", "s-lb-date", set.legal_basis.date.clone(), SetEdit::LegalDate) }
                { field("Cơ quan ban hành", "s-lb-issuer", set.legal_basis.issuer.clone(), SetEdit::LegalIssuer) }
            </div>
            <div class="pair">
                { field("Giai đoạn từ năm", "s-from", set.period.from.to_string(), SetEdit::PeriodFrom) }
                { field("đến năm", "s-to", set.period.to.to_string(), SetEdit::PeriodTo) }
            </div>
            { field("Tên chương trình", "s-programme", set.programme.clone(), SetEdit::Programme) }
            <p class="hint">{ "Mở từng chỉ tiêu để sửa nội dung và ngưỡng. Mỗi ngưỡng ghi rõ nguồn; để trống cột là cột chung, để trống năm là áp dụng cả giai đoạn. Số nhập xong được kiểm tra khi rời ô." }</p>
            <div class="set-editor">
                { for set.indicators().map(|(_, ind)| indicator_editor(ind, set, &state.refused, &dispatch, opened.contains(&ind.code), &on_toggle)) }
            </div>
            <AddIndicator set={Shared(state.set.clone())} refused={refused_for(&state.refused, ADD_ID).cloned()} dispatch={dispatch.clone()} />
            <TablePanel set={Shared(state.set.clone())} dispatch={dispatch.clone()} can_undo={state.before_table.is_some()} />
            if !errors.is_empty() {
                <div class="notice error" role="alert"><p><strong>{ "Chưa lưu được, bộ tiêu chí có lỗi:" }</strong></p>
                    <ul>{ for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul></div>
            }
            <div class="row-actions">
                <button type="button" class="primary" onclick={save}>{ "Lưu bộ tiêu chí" }</button>
                <button type="button" class="secondary" onclick={cancel}>{ "Hủy" }</button>
            </div>
        </section>
    }
}

/// The threshold columns as (id, name), the general column first.
fn column_options(set: &CriteriaSet) -> Vec<(AttrValue, AttrValue)> {
    let mut out = vec![(AttrValue::from(""), AttrValue::from("Cột chung"))];
    out.extend(set.columns.items.iter().map(|c| {
        (
            AttrValue::from(c.id.clone()),
            AttrValue::from(c.name.clone()),
        )
    }));
    out
}

fn column_label(set: &CriteriaSet) -> AttrValue {
    match set.columns.label.trim() {
        "" => "cột".into(),
        l => crate::core::vn::to_lower(l).into(),
    }
}

type Dispatch = UseReducerDispatcher<Editing>;

// The indicator and threshold editors are plain functions rather than components: each
// component costs its own copy of Yew's lifecycle code in the WASM, and these hold no state.

fn indicator_editor(
    ind: &Indicator,
    set: &CriteriaSet,
    refused: &Refused,
    dispatch: &Dispatch,
    open: bool,
    on_toggle: &Callback<(String, bool)>,
) -> Html {
    let code = ind.code.clone();
    let ontoggle = {
        let (on, code) = (on_toggle.clone(), code.clone());
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|d| d.has_attribute("open"));
            on.emit((code.clone(), open))
        })
    };
    let summary = html! {
        <summary>
            <span class="code">{ code.clone() }</span>{ " " }{ ind.short.clone() }
            <small>{ if ind.kind.is_numeric() { format!(" · {} ngưỡng", ind.thresholds.len()) } else { " · đạt / chưa đạt".to_string() } }</small>
        </summary>
    };
    if !open {
        return html! { <details class="set-indicator" key={code} {ontoggle}>{ summary }</details> };
    }
    let send = |id: String, edit: SetEdit| {
        let d = dispatch.clone();
        move || d.dispatch(FieldEdit(id.clone(), edit.clone()))
    };
    let on_text = |id: String, edit: fn(String, String) -> SetEdit| {
        let (d, code) = (dispatch.clone(), code.clone());
        Callback::from(move |e: InputEvent| {
            d.dispatch(FieldEdit(id.clone(), edit(code.clone(), input_value(&e))))
        })
    };
    let remove = {
        let f = send(
            format!("s-del-{code}"),
            SetEdit::RemoveIndicator(code.clone()),
        );
        Callback::from(move |_| f())
    };
    let add_threshold = {
        let f = send(format!("s-add-{code}"), SetEdit::AddThreshold(code.clone()));
        Callback::from(move |_| f())
    };
    let numeric = ind.kind.is_numeric();
    html! {
        <details class="set-indicator" key={code.clone()} open=true {ontoggle}>
            { summary }
            <div class="field"><label for={format!("s-w-{code}")}>{ format!("Nội dung chỉ tiêu {code}") }</label>
                <textarea id={format!("s-w-{code}")} rows="2" value={ind.wording.clone()} oninput={on_text(format!("s-w-{code}"), SetEdit::Wording)} /></div>
            <div class="field"><label for={format!("s-s-{code}")}>{ format!("Tên ngắn chỉ tiêu {code}") }</label>
                <input id={format!("s-s-{code}")} value={ind.short.clone()} oninput={on_text(format!("s-s-{code}"), SetEdit::Short)} /></div>
            if numeric {
                { for (0..ind.thresholds.len()).map(|k| threshold_row(ind, k, set, refused, dispatch)) }
                <button type="button" class="secondary small" onclick={add_threshold}>{ format!("Thêm ngưỡng cho chỉ tiêu {code}") }</button>
            }
            <div class="row-actions"><button type="button" class="danger small" onclick={remove}>{ format!("Xóa chỉ tiêu {code}") }</button></div>
        </details>
    }
}

/// One threshold: its column, year, value (read when leaving the field) and source.
fn threshold_row(
    ind: &Indicator,
    k: usize,
    set: &CriteriaSet,
    refused: &Refused,
    dispatch: &Dispatch,
) -> Html {
    let Some(t) = ind.thresholds.get(k) else {
        return html! {};
    };
    let code = ind.code.clone();
    let n = k + 1;
    let label = format!("Chỉ tiêu {code}, ngưỡng {n}");
    let id = |part: &str| format!("s-t-{code}-{n}-{part}");
    let on_change = |part: &str, edit: fn(String, usize, String) -> SetEdit| {
        let (d, code, fid) = (dispatch.clone(), code.clone(), id(part));
        Callback::from(move |e: Event| {
            d.dispatch(FieldEdit(
                fid.clone(),
                edit(code.clone(), k, change_value(&e)),
            ))
        })
    };
    let on_source = {
        let (d, code, fid) = (dispatch.clone(), code.clone(), id("s"));
        Callback::from(move |e: InputEvent| {
            d.dispatch(FieldEdit(
                fid.clone(),
                SetEdit::ThresholdSource(code.clone(), k, input_value(&e)),
            ))
        })
    };
    let drop = {
        let (d, code, fid) = (dispatch.clone(), code.clone(), id("del"));
        Callback::from(move |_| {
            d.dispatch(FieldEdit(
                fid.clone(),
                SetEdit::RemoveThreshold(code.clone(), k),
            ))
        })
    };
    let column = t.column.clone().unwrap_or_default();
    let refused: Vec<String> = ["y", "v"]
        .iter()
        .filter_map(|part| refused_for(refused, &id(part)))
        .map(|m| format!("{label}: {m}"))
        .collect();
    html! {
        <fieldset class="threshold-row">
            <legend>{ label.clone() }</legend>
            <div class="pair">
                <div class="field"><label for={id("r")}>{ format!("{label}: {}", column_label(set)) }</label>
                    <select id={id("r")} onchange={on_change("r", SetEdit::ThresholdColumn)}>
                        { for column_options(set).into_iter().map(|(cid, name)| html! { <option value={cid.clone()} selected={*cid == column}>{ name.clone() }</option> }) }
                    </select></div>
                <div class="field narrow"><label for={id("y")}>{ format!("{label}: năm (trống: cả giai đoạn)") }</label>
                    <input id={id("y")} inputmode="numeric" value={t.year.map(|y| y.to_string()).unwrap_or_default()} onchange={on_change("y", SetEdit::ThresholdYear)} /></div>
                <div class="field narrow"><label for={id("v")}>{ format!("{label}: giá trị ({} {})", ind.direction.map(|d| d.symbol()).unwrap_or(""), ind.kind.unit()) }</label>
                    <input id={id("v")} inputmode="decimal" value={t.value.fmt_vn_short(6)} onchange={on_change("v", SetEdit::ThresholdValue)} aria-describedby={id("v-read")} />
                    <small class="hint" id={id("v-read")}>{ format!("Đã hiểu: {}", t.value.reading_vi()) }</small></div>
                <div class="field"><label for={id("s")}>{ format!("{label}: nguồn") }</label>
                    <input id={id("s")} value={t.source.clone()} oninput={on_source} /></div>
            </div>
            { for refused.into_iter().map(|m| html! { <p class="error" role="alert">{ m }</p> }) }
            <button type="button" class="danger small" onclick={drop}>{ format!("Xóa ngưỡng {n} của chỉ tiêu {code}") }</button>
        </fieldset>
    }
}

/// The field id under which a refused addition is shown.
const ADD_ID: &str = "add-indicator";

#[derive(Properties, PartialEq)]
struct AddProps {
    set: Shared<CriteriaSet>,
    refused: Option<String>,
    dispatch: Dispatch,
}

/// A small form to add an indicator to a criterion; the core refuses what would break the set.
#[function_component]
fn AddIndicator(p: &AddProps) -> Html {
    let criterion = use_state(|| p.set.criteria.first().map(|c| c.number).unwrap_or(1));
    let code = use_state(String::new);
    let wording = use_state(String::new);
    let kind = use_state(|| "yes_no".to_string());
    let text = |h: &UseStateHandle<String>| {
        let h = h.clone();
        Callback::from(move |e: InputEvent| h.set(input_value(&e)))
    };
    let on_crit = {
        let c = criterion.clone();
        Callback::from(move |e: Event| c.set(change_value(&e).parse().unwrap_or(1)))
    };
    let on_kind = {
        let k = kind.clone();
        Callback::from(move |e: Event| k.set(change_value(&e)))
    };
    let add = {
        let (d, set) = (p.dispatch.clone(), p.set.clone());
        let (criterion, code, wording, kind) = (
            criterion.clone(),
            code.clone(),
            wording.clone(),
            kind.clone(),
        );
        Callback::from(move |_| {
            let kind = match kind.as_str() {
                "percent" => NewKind::Percent,
                "amount" => NewKind::Amount,
                "count" => NewKind::Count,
                _ => NewKind::YesNo,
            };
            let edit = SetEdit::AddIndicator {
                criterion: *criterion,
                code: (*code).clone(),
                wording: (*wording).clone(),
                kind,
            };
            // The form empties itself only for an addition the core accepts.
            if apply(&mut (*set).clone(), edit.clone()).is_ok() {
                code.set(String::new());
                wording.set(String::new());
            }
            d.dispatch(FieldEdit(ADD_ID.into(), edit));
        })
    };
    html! {
        <fieldset class="add-indicator">
            <legend>{ "Thêm chỉ tiêu" }</legend>
            <div class="pair">
                <div class="field"><label for="add-crit">{ "Thuộc tiêu chí" }</label>
                    <select id="add-crit" onchange={on_crit}>{ for p.set.criteria.iter().map(|c| html! { <option value={c.number.to_string()} selected={c.number == *criterion}>{ format!("{}. {}", c.number, c.name) }</option> }) }</select></div>
                <div class="field"><label for="add-code">{ "Mã chỉ tiêu (VD: 17.13)" }</label><input id="add-code" value={(*code).clone()} oninput={text(&code)} /></div>
                <div class="field"><label for="add-kind">{ "Loại" }</label>
                    <select id="add-kind" onchange={on_kind}>
                        <option value="yes_no" selected={*kind == "yes_no"}>{ "Đạt / chưa đạt" }</option>
                        <option value="percent" selected={*kind == "percent"}>{ "Tỷ lệ từ hai số đếm (≥)" }</option>
                        <option value="amount" selected={*kind == "amount"}>{ "Giá trị (≥)" }</option>
                        <option value="count" selected={*kind == "count"}>{ "Số lượng (≥)" }</option>
                    </select></div>
            </div>
            <div class="field"><label for="add-wording">{ "Nội dung chỉ tiêu" }</label><input id="add-wording" value={(*wording).clone()} oninput={text(&wording)} /></div>
            if let Some(e) = &p.refused { <p class="error" role="alert">{ e.clone() }</p> }
            <button type="button" class="secondary" onclick={add}>{ "Thêm chỉ tiêu" }</button>
        </fieldset>
    }
}
