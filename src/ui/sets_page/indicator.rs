//! One indicator of the set editor: wording, short name, direction, what a share counts, its
//! thresholds (column, year, value, source), what the decision leaves to the province and the
//! columns it does not apply to; and the form that adds an indicator. Edits go up as
//! `(field id, SetEdit)`: the field id is where a refusal is shown.
//!
//! The cards are plain functions rather than components (they hold no state); the form is a
//! component, for the fields it keeps until added.

use crate::core::criteria::{CriteriaSet, Direction, Indicator, Kind};
use crate::core::set_edit::{apply, NewKind, SetEdit};
use crate::ui::components::field::{change_value, input_value};
use crate::ui::shared::Shared;
use yew::prelude::*;

/// (field id, message) of fields whose typed value was refused; a handful at most.
pub type Refused = Vec<(String, String)>;

pub fn refused_for<'a>(refused: &'a Refused, id: &str) -> Option<&'a String> {
    refused.iter().find(|(f, _)| f == id).map(|(_, m)| m)
}

pub type OnEdit = Callback<(String, SetEdit)>;

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

fn column_name(set: &CriteriaSet, column: &Option<String>) -> String {
    match column {
        None => "Cột chung".into(),
        Some(id) => set
            .column(id)
            .map_or_else(|| id.clone(), |c| c.name.clone()),
    }
}

fn send(on: &OnEdit, id: String, edit: SetEdit) -> Callback<MouseEvent> {
    let on = on.clone();
    Callback::from(move |_| on.emit((id.clone(), edit.clone())))
}

/// One indicator's line; its fields only while it is open (`open`; `on_toggle` hears the user
/// open or close it), so a set of hundreds of indicators opens as hundreds of lines.
pub fn indicator_editor(
    ind: &Indicator,
    set: &CriteriaSet,
    refused: &Refused,
    on: &OnEdit,
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
    let on_text = |id: String, edit: fn(String, String) -> SetEdit| {
        let (on, code) = (on.clone(), code.clone());
        Callback::from(move |e: InputEvent| {
            on.emit((id.clone(), edit(code.clone(), input_value(&e))))
        })
    };
    let numeric = ind.kind.is_numeric();
    let summary = match (numeric, ind.thresholds.len(), ind.open_thresholds.len()) {
        (false, ..) => " · đạt / chưa đạt".to_string(),
        (true, n, 0) => format!(" · {n} ngưỡng"),
        (true, n, o) => format!(" · {n} ngưỡng, {o} để tỉnh quy định"),
    };
    let summary = html! {
        <summary><span class="code">{ code.clone() }</span>{ " " }{ ind.short.clone() }<small>{ summary }</small></summary>
    };
    if !open {
        return html! { <details class="set-indicator" key={code} {ontoggle}>{ summary }</details> };
    }
    html! {
        <details class="set-indicator" key={code.clone()} open=true {ontoggle}>
            { summary }
            <div class="field"><label for={format!("s-w-{code}")}>{ format!("Nội dung chỉ tiêu {code}") }</label>
                <textarea id={format!("s-w-{code}")} rows="2" value={ind.wording.clone()} oninput={on_text(format!("s-w-{code}"), SetEdit::Wording)} /></div>
            <div class="field"><label for={format!("s-s-{code}")}>{ format!("Tên ngắn chỉ tiêu {code}") }</label>
                <input id={format!("s-s-{code}")} value={ind.short.clone()} oninput={on_text(format!("s-s-{code}"), SetEdit::Short)} /></div>
            if numeric { { kind_fields(ind, refused, on) } }
            { left_open(ind, set, on) }
            if numeric {
                { for (0..ind.thresholds.len()).map(|k| threshold_row(ind, k, set, refused, on)) }
                <button type="button" class="secondary small" onclick={send(on, format!("s-add-{code}"), SetEdit::AddThreshold(code.clone()))}>{ format!("Thêm ngưỡng cho chỉ tiêu {code}") }</button>
            }
            <div class="row-actions"><button type="button" class="danger small" onclick={send(on, format!("s-del-{code}"), SetEdit::RemoveIndicator(code.clone()))}>{ format!("Xóa chỉ tiêu {code}") }</button></div>
        </details>
    }
}

/// A numeric indicator's direction, and what a share counts.
fn kind_fields(ind: &Indicator, refused: &Refused, on: &OnEdit) -> Html {
    let code = ind.code.clone();
    let id = format!("s-dir-{code}");
    let on_dir = {
        let (on, code, id) = (on.clone(), code.clone(), id.clone());
        Callback::from(move |e: Event| {
            on.emit((
                id.clone(),
                SetEdit::Direction(code.clone(), change_value(&e)),
            ))
        })
    };
    let counted = match &ind.kind {
        Kind::Percent { unit, .. } => Some(unit.clone()),
        _ => None,
    };
    let unit_id = format!("s-u-{code}");
    let on_unit = {
        let (on, code, unit_id) = (on.clone(), code.clone(), unit_id.clone());
        Callback::from(move |e: InputEvent| {
            on.emit((
                unit_id.clone(),
                SetEdit::CountedUnit(code.clone(), input_value(&e)),
            ))
        })
    };
    let at_most = ind.direction == Some(Direction::AtMost);
    html! {
        <div class="pair">
            <div class="field narrow"><label for={id.clone()}>{ format!("Chỉ tiêu {code}: chiều so sánh") }</label>
                <select id={id.clone()} onchange={on_dir}>
                    <option value="at_least" selected={!at_most}>{ "≥ (từ … trở lên)" }</option>
                    <option value="at_most" selected={at_most}>{ "≤ (không quá …)" }</option>
                </select>
                if let Some(m) = refused_for(refused, &id) { <p class="error" role="alert">{ m.clone() }</p> }</div>
            if let Some(unit) = counted {
                <div class="field narrow"><label for={unit_id.clone()}>{ format!("Chỉ tiêu {code}: đơn vị đếm (hộ, người, km…)") }</label>
                    <input id={unit_id} value={unit} oninput={on_unit} /></div>
            }
        </div>
    }
}

/// What the decision leaves to the province, with its words, and the columns the indicator
/// does not apply to; each can be removed (a threshold entered for a column replaces its
/// words).
fn left_open(ind: &Indicator, set: &CriteriaSet, on: &OnEdit) -> Html {
    let code = ind.code.clone();
    let open = ind.open_thresholds.iter().enumerate().map(|(k, o)| {
        let column = column_name(set, &o.column);
        let remove = send(on, format!("s-open-{code}-{k}"), SetEdit::RemoveOpenThreshold(code.clone(), k));
        html! {
            <li key={format!("o{k}")}>{ format!("{column}: chưa có ngưỡng — “{}”", o.note) }{ " " }
                <button type="button" class="secondary small" onclick={remove}>{ format!("Bỏ ghi chú để ngỏ của chỉ tiêu {code}, {column}") }</button></li>
        }
    });
    let na = ind.not_applicable_in.iter().map(|c| {
        let column = column_name(set, &Some(c.clone()));
        let remove = send(on, format!("s-na-{code}-{c}"), SetEdit::RemoveNotApplicable(code.clone(), c.clone()));
        html! {
            <li key={format!("n{c}")}>{ format!("{column}: không áp dụng") }{ " " }
                <button type="button" class="secondary small" onclick={remove}>{ format!("Áp dụng chỉ tiêu {code} cho {column}") }</button></li>
        }
    });
    if ind.open_thresholds.is_empty() && ind.not_applicable_in.is_empty() {
        return html! {};
    }
    html! {
        <div class="left-open">
            <p class="hint">{ "Văn bản để ngỏ hoặc không áp dụng (nhập ngưỡng theo văn bản của tỉnh bằng “Thêm ngưỡng”, chọn đúng cột):" }</p>
            <ul>{ for open }{ for na }</ul>
        </div>
    }
}

/// One threshold: its column, year, value (read when leaving the field) and source.
fn threshold_row(
    ind: &Indicator,
    k: usize,
    set: &CriteriaSet,
    refused: &Refused,
    on: &OnEdit,
) -> Html {
    let Some(t) = ind.thresholds.get(k) else {
        return html! {};
    };
    let code = ind.code.clone();
    let n = k + 1;
    let label = format!("Chỉ tiêu {code}, ngưỡng {n}");
    let id = |part: &str| format!("s-t-{code}-{n}-{part}");
    let on_change = |part: &str, edit: fn(String, usize, String) -> SetEdit| {
        let (on, code, fid) = (on.clone(), code.clone(), id(part));
        Callback::from(move |e: Event| {
            on.emit((fid.clone(), edit(code.clone(), k, change_value(&e))))
        })
    };
    let on_source = {
        let (on, code, fid) = (on.clone(), code.clone(), id("s"));
        Callback::from(move |e: InputEvent| {
            on.emit((
                fid.clone(),
                SetEdit::ThresholdSource(code.clone(), k, input_value(&e)),
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
            <button type="button" class="danger small" onclick={send(on, id("del"), SetEdit::RemoveThreshold(code.clone(), k))}>{ format!("Xóa ngưỡng {n} của chỉ tiêu {code}") }</button>
        </fieldset>
    }
}

/// The field id under which a refused addition is shown.
pub const ADD_ID: &str = "add-indicator";

#[derive(Properties, PartialEq)]
pub struct AddProps {
    pub set: Shared<CriteriaSet>,
    pub refused: Option<String>,
    pub on_edit: OnEdit,
}

/// A small form to add an indicator to a criterion; the core refuses what would break the set.
#[function_component]
pub fn AddIndicator(p: &AddProps) -> Html {
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
        let (on, set) = (p.on_edit.clone(), p.set.clone());
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
            on.emit((ADD_ID.into(), edit));
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
