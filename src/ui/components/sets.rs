//! Criteria sets: see the shipped and own sets, copy one to edit (names, thresholds with their
//! source, indicators), create a set for another province or period, export and import files.

use super::field::{change_value, input_value};
use crate::core::criteria::{CriteriaSet, Direction, Indicator, Kind, Threshold};
use crate::core::num::Dec;
use crate::ui::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// A change to one indicator of the set being edited, given the typed text.
type IndicatorEdit = Rc<dyn Fn(&mut Indicator, String)>;

/// The message for a threshold value that did not parse, if any.
fn value_error_for(errors: &UseStateHandle<Vec<String>>, label: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.starts_with(label) && e[label.len()..].starts_with(':'))
        .cloned()
}

#[derive(Clone, PartialEq, Debug)]
pub enum SetOp {
    /// Copy library set `i` into the user's sets.
    Copy(usize),
    Export(usize),
    /// Replace user set `i` (index among user sets) with an edited version.
    Save(usize, Box<CriteriaSet>),
    Delete(usize),
}

#[derive(Properties, PartialEq)]
pub struct SetsProps {
    pub shipped: Shared<Vec<CriteriaSet>>,
    pub user: Shared<Vec<CriteriaSet>>,
    pub on_op: Callback<SetOp>,
    pub on_import: Callback<Event>,
}

#[function_component]
pub fn Sets(p: &SetsProps) -> Html {
    let editing = use_state(|| None::<(usize, CriteriaSet)>);
    let errors = use_state(Vec::<String>::new);
    let value_errors = use_state(Vec::<String>::new);
    let shipped_n = p.shipped.len();
    let all: Vec<(usize, &CriteriaSet, bool)> = p
        .shipped
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s, false))
        .chain(
            p.user
                .iter()
                .enumerate()
                .map(|(i, s)| (shipped_n + i, s, true)),
        )
        .collect();

    if let Some((ui, set)) = (*editing).clone() {
        let save = {
            let on = p.on_op.clone();
            let editing = editing.clone();
            let errors = errors.clone();
            let set = set.clone();
            Callback::from(move |_| {
                let errs = set.validate();
                if errs.is_empty() {
                    on.emit(SetOp::Save(ui, Box::new(set.clone())));
                    editing.set(None);
                    errors.set(vec![]);
                } else {
                    errors.set(errs.iter().map(|e| e.to_string()).collect());
                }
            })
        };
        let cancel = {
            let editing = editing.clone();
            let errors = errors.clone();
            Callback::from(move |_| {
                editing.set(None);
                errors.set(vec![]);
            })
        };
        let field = |label: &'static str,
                     id: &'static str,
                     value: String,
                     apply: fn(&mut CriteriaSet, String)| {
            let editing = editing.clone();
            let set = set.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let mut s = set.clone();
                apply(&mut s, input_value(&e));
                editing.set(Some((ui, s)));
            });
            html! { <div class="field"><label for={id}>{ label }</label><input id={id} value={value} {oninput} /></div> }
        };
        return html! {
            <section class="sets" aria-labelledby="sets-title">
                <h2 id="sets-title">{ format!("Chỉnh sửa bộ tiêu chí: {}", set.name) }</h2>
                { field("Tên bộ tiêu chí", "s-name", set.name.clone(), |s, v| s.name = v) }
                <div class="pair">
                    { field("Mã (chữ không dấu)", "s-id", set.id.clone(), |s, v| s.id = v) }
                    { field("Phiên bản", "s-version", set.version.clone(), |s, v| s.version = v) }
                </div>
                <div class="pair">
                    { field("Số văn bản căn cứ", "s-lb-number", set.legal_basis.number.clone(), |s, v| s.legal_basis.number = v) }
                    { field("Ngày ban hành (năm-tháng-ngày)", "s-lb-date", set.legal_basis.date.clone(), |s, v| s.legal_basis.date = v) }
                    { field("Cơ quan ban hành", "s-lb-issuer", set.legal_basis.issuer.clone(), |s, v| s.legal_basis.issuer = v) }
                </div>
                <div class="pair">
                    { field("Giai đoạn từ năm", "s-from", set.period.from.to_string(), |s, v| if let Ok(y) = v.trim().parse() { s.period.from = y }) }
                    { field("đến năm", "s-to", set.period.to.to_string(), |s, v| if let Ok(y) = v.trim().parse() { s.period.to = y }) }
                </div>
                <p class="hint">{ "Mở từng chỉ tiêu để sửa nội dung và ngưỡng. Mỗi ngưỡng ghi rõ nguồn; để trống cột là cột chung, để trống năm là áp dụng cả giai đoạn. Số nhập xong được kiểm tra khi rời ô." }</p>
                <div class="set-editor">
                { for set.criteria.iter().enumerate().flat_map(|(ci, c)| c.indicators.iter().enumerate().map(move |(ii, ind)| (ci, ii, ind))).map(|(ci, ii, ind)| {
                    let code = ind.code.clone();
                    // Applies a change to this indicator of the working copy.
                    let change = |f: IndicatorEdit| {
                        let editing = editing.clone();
                        let set = set.clone();
                        Callback::from(move |v: String| {
                            let mut s = set.clone();
                            f(&mut s.criteria[ci].indicators[ii], v);
                            editing.set(Some((ui, s)));
                        })
                    };
                    let on_text = |f: fn(&mut Indicator, String)| {
                        let cb = change(Rc::new(f));
                        Callback::from(move |e: InputEvent| cb.emit(input_value(&e)))
                    };
                    let remove = {
                        let editing = editing.clone();
                        let set = set.clone();
                        Callback::from(move |_| {
                            let mut s = set.clone();
                            s.criteria[ci].indicators.remove(ii);
                            editing.set(Some((ui, s)));
                        })
                    };
                    let add_threshold = {
                        let cb = change(Rc::new(|ind: &mut Indicator, _| {
                            ind.thresholds.push(Threshold { column: None, year: None, value: Dec::ZERO, source: String::new() })
                        }));
                        Callback::from(move |_| cb.emit(String::new()))
                    };
                    let numeric = ind.kind.is_numeric();
                    let mut columns: Vec<(String, String)> = vec![(String::new(), "Cột chung".to_string())];
                    columns.extend(set.columns.items.iter().map(|c| (c.id.clone(), c.name.clone())));
                    let column_label = if set.columns.label.is_empty() { "cột".to_string() } else { crate::core::vn::to_lower(&set.columns.label) };
                    html! {
                        <details class="set-indicator" key={code.clone()}>
                            <summary>
                                <span class="code">{ code.clone() }</span>{ " " }{ ind.short.clone() }
                                <small>{ if numeric { format!(" · {} ngưỡng", ind.thresholds.len()) } else { " · đạt / chưa đạt".to_string() } }</small>
                            </summary>
                            <div class="field"><label for={format!("s-w-{code}")}>{ format!("Nội dung chỉ tiêu {code}") }</label>
                                <textarea id={format!("s-w-{code}")} rows="2" value={ind.wording.clone()} oninput={on_text(|i, v| i.wording = v)} /></div>
                            <div class="field"><label for={format!("s-s-{code}")}>{ format!("Tên ngắn chỉ tiêu {code}") }</label>
                                <input id={format!("s-s-{code}")} value={ind.short.clone()} oninput={on_text(|i, v| i.short = v)} /></div>
                            if numeric {
                                { for ind.thresholds.iter().enumerate().map(|(k, t)| {
                                    let n = k + 1;
                                    let label = format!("Chỉ tiêu {code}, ngưỡng {n}");
                                    let set_column = change(Rc::new(move |i: &mut Indicator, v: String| i.thresholds[k].column = (!v.is_empty()).then_some(v)));
                                    let set_year = change(Rc::new(move |i: &mut Indicator, v: String| i.thresholds[k].year = v.trim().parse().ok()));
                                    let set_source = change(Rc::new(move |i: &mut Indicator, v: String| i.thresholds[k].source = v));
                                    let value_error = value_error_for(&value_errors, &label);
                                    let set_value = {
                                        let cb = change(Rc::new(move |i: &mut Indicator, v: String| {
                                            if let Ok(d) = Dec::parse_vn(&v) { i.thresholds[k].value = d; }
                                        }));
                                        let errors = value_errors.clone();
                                        let label = label.clone();
                                        Callback::from(move |e: Event| {
                                            let v = change_value(&e);
                                            let mut list: Vec<String> = errors.iter().filter(|x| !x.starts_with(&label)).cloned().collect();
                                            if let Err(err) = Dec::parse_vn(&v) { list.push(format!("{label}: {}", err.message_vi())); }
                                            errors.set(list);
                                            cb.emit(v);
                                        })
                                    };
                                    let drop = change(Rc::new(move |i: &mut Indicator, _| { i.thresholds.remove(k); }));
                                    let column = t.column.clone().unwrap_or_default();
                                    html! {
                                        <fieldset class="threshold-row">
                                            <legend>{ label.clone() }</legend>
                                            <div class="pair">
                                                <div class="field"><label for={format!("s-t-{code}-{n}-r")}>{ format!("{label}: {column_label}") }</label>
                                                    <select id={format!("s-t-{code}-{n}-r")} onchange={Callback::from(move |e: Event| set_column.emit(change_value(&e)))}>
                                                        { for columns.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == column}>{ name.clone() }</option> }) }
                                                    </select></div>
                                                <div class="field narrow"><label for={format!("s-t-{code}-{n}-y")}>{ format!("{label}: năm (trống: cả giai đoạn)") }</label>
                                                    <input id={format!("s-t-{code}-{n}-y")} inputmode="numeric" value={t.year.map(|y| y.to_string()).unwrap_or_default()} onchange={Callback::from(move |e: Event| set_year.emit(change_value(&e)))} /></div>
                                                <div class="field narrow"><label for={format!("s-t-{code}-{n}-v")}>{ format!("{label}: giá trị ({} {})", ind.direction.map(|d| d.symbol()).unwrap_or(""), ind.kind.unit()) }</label>
                                                    <input id={format!("s-t-{code}-{n}-v")} inputmode="decimal" value={t.value.fmt_vn_short(6)} onchange={set_value} /></div>
                                                <div class="field"><label for={format!("s-t-{code}-{n}-s")}>{ format!("{label}: nguồn") }</label>
                                                    <input id={format!("s-t-{code}-{n}-s")} value={t.source.clone()} oninput={Callback::from(move |e: InputEvent| set_source.emit(input_value(&e)))} /></div>
                                            </div>
                                            if let Some(err) = value_error { <p class="error" role="alert">{ err }</p> }
                                            <button type="button" class="danger small" onclick={Callback::from(move |_| drop.emit(String::new()))}>{ format!("Xóa ngưỡng {n} của chỉ tiêu {code}") }</button>
                                        </fieldset>
                                    }
                                }) }
                                <button type="button" class="secondary small" onclick={add_threshold}>{ format!("Thêm ngưỡng cho chỉ tiêu {code}") }</button>
                            }
                            <div class="row-actions"><button type="button" class="danger small" onclick={remove}>{ format!("Xóa chỉ tiêu {code}") }</button></div>
                        </details>
                    }
                }) }
                </div>
                <AddIndicator set={set.clone()} on_add={{
                    let editing = editing.clone();
                    Callback::from(move |s: CriteriaSet| editing.set(Some((ui, s))))
                }} />
                if !errors.is_empty() {
                    <div class="notice error" role="alert"><p><strong>{ "Chưa lưu được, bộ tiêu chí có lỗi:" }</strong></p>
                        <ul>{ for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul></div>
                }
                <div class="row-actions">
                    <button type="button" class="primary" onclick={save}>{ "Lưu bộ tiêu chí" }</button>
                    <button type="button" class="secondary" onclick={cancel}>{ "Hủy" }</button>
                </div>
            </section>
        };
    }

    html! {
        <section class="sets" aria-labelledby="sets-title">
            <h2 id="sets-title">{ "Bộ tiêu chí" }</h2>
            <p class="hint">{ "Bộ tiêu chí có sẵn không sửa trực tiếp được: tạo bản sao rồi chỉnh ngưỡng theo văn bản của tỉnh. Bản nháp luôn giữ bộ tiêu chí đã dùng khi tạo, nên kết quả không đổi khi bộ tiêu chí được cập nhật." }</p>
            <ul class="set-list">
                { for all.iter().map(|(i, s, own)| {
                    let i = *i;
                    let copy = { let on = p.on_op.clone(); Callback::from(move |_| on.emit(SetOp::Copy(i))) };
                    let export = { let on = p.on_op.clone(); Callback::from(move |_| on.emit(SetOp::Export(i))) };
                    let edit = { let editing = editing.clone(); let s = (*s).clone(); Callback::from(move |_| editing.set(Some((i - shipped_n, s.clone())))) };
                    let delete = { let on = p.on_op.clone(); Callback::from(move |_| on.emit(SetOp::Delete(i - shipped_n))) };
                    let unknown = s.indicators().filter(|(_, ind)| ind.kind.is_numeric() && ind.thresholds.is_empty()).count();
                    html! {
                        <li key={format!("{}@{}", s.id, s.version)}>
                            <strong>{ s.name.clone() }</strong>
                            <small>{ format!("{} · phiên bản {} · {} {} · {} tiêu chí, {} chỉ tiêu ({} chỉ tiêu chưa có ngưỡng)",
                                if *own { "Bộ tự tạo" } else { "Có sẵn" }, s.version, s.legal_basis.number, s.legal_basis.issuer,
                                s.criteria.len(), s.indicators().count(), unknown) }</small>
                            <div class="row-actions">
                                <button type="button" class="secondary" onclick={copy}>{ "Tạo bản sao" }</button>
                                <button type="button" class="secondary" onclick={export}>{ "Xuất tệp" }</button>
                                if *own {
                                    <button type="button" class="primary" onclick={edit}>{ "Chỉnh sửa" }</button>
                                    <button type="button" class="danger" onclick={delete}>{ "Xóa" }</button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <div class="import">
                <label for="import-set" class="button secondary">{ "Nhập tệp bộ tiêu chí (.json)" }</label>
                <input id="import-set" type="file" accept=".json,application/json" class="visually-hidden" onchange={p.on_import.clone()} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AddProps {
    set: CriteriaSet,
    on_add: Callback<CriteriaSet>,
}

/// A small form to add an indicator to a criterion.
#[function_component]
fn AddIndicator(p: &AddProps) -> Html {
    let criterion = use_state(|| p.set.criteria.first().map(|c| c.number).unwrap_or(1));
    let code = use_state(String::new);
    let wording = use_state(String::new);
    let kind = use_state(|| "yes_no".to_string());
    let error = use_state(|| None::<String>);
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
        let (set, on) = (p.set.clone(), p.on_add.clone());
        let (criterion, code, wording, kind, error) = (
            criterion.clone(),
            code.clone(),
            wording.clone(),
            kind.clone(),
            error.clone(),
        );
        Callback::from(move |_| {
            let mut s = set.clone();
            let Some(c) = s.criteria.iter_mut().find(|c| c.number == *criterion) else {
                return;
            };
            let k = match kind.as_str() {
                "percent" => Kind::Percent {
                    numerator: "Số đạt yêu cầu".into(),
                    denominator: "Tổng số".into(),
                    unit: "đơn vị".into(),
                },
                "amount" => Kind::Amount {
                    unit: "đơn vị".into(),
                },
                "count" => Kind::Count {
                    unit: "đơn vị".into(),
                },
                _ => Kind::YesNo,
            };
            let direction = k.is_numeric().then_some(Direction::AtLeast);
            let w = wording.trim().to_string();
            c.indicators.push(Indicator {
                code: code.trim().to_string(),
                short: w.chars().take(60).collect(),
                wording: w,
                kind: k,
                direction,
                thresholds: vec![],
                may_be_not_applicable: false,
                guidance: String::new(),
            });
            match s
                .validate()
                .into_iter()
                .find(|e| e.place.contains(&format!("chỉ tiêu {}", code.trim())))
            {
                Some(e) => error.set(Some(e.to_string())),
                None => {
                    error.set(None);
                    code.set(String::new());
                    wording.set(String::new());
                    on.emit(s);
                }
            }
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
            if let Some(e) = &*error { <p class="error" role="alert">{ e.clone() }</p> }
            <button type="button" class="secondary" onclick={add}>{ "Thêm chỉ tiêu" }</button>
        </fieldset>
    }
}
