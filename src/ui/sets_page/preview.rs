//! What a given table will do, shown before anything changes: what each column was read as
//! (changeable), each indicator's row with its criterion, kind, unit and thresholds as read,
//! what applying would refuse on the row it concerns, the question of what a share counts,
//! and the changes to existing indicators that need a confirmation.

use super::table_state::{Input, Reading, TableAction};
use crate::core::criteria::{CriteriaSet, Indicator};
use crate::core::set_diff::{kind_text, thresholds_text};
use crate::core::set_table::{Column, Role, RowPlan, Table};
use crate::ui::components::field::{change_value, input_value};
use yew::prelude::*;

/// Where the preview's fields send what the user changes.
type Dispatch = Callback<TableAction>;

/// The columns as read, each with a choice of what it holds.
pub fn mapping(table: &Table, set: &CriteriaSet, d: &Dispatch) -> Html {
    if table.columns.is_empty() {
        return html! {};
    }
    let unknown = table.columns.iter().any(|c| c.role == Role::Unknown);
    let all = Role::choices(set);
    let choice = |i: usize, c: &Column| {
        let (d, columns, all) = (d.clone(), table.columns.clone(), all.clone());
        let onchange = Callback::from(move |e: Event| {
            let key = change_value(&e);
            let mut columns: Vec<Column> = columns.clone();
            if let Some(role) = all.iter().find(|r| r.key() == key) {
                columns[i].role = role.clone();
            }
            d.emit(TableAction::Columns(columns));
        });
        let id = format!("s-col-{}", i + 1);
        let header = match c.header.trim() {
            "" => String::new(),
            h => format!(" “{h}”"),
        };
        let mut roles = Role::choices(set);
        if c.role == Role::Unknown {
            roles.insert(0, Role::Unknown);
        }
        html! {
            <div class="field" key={id.clone()}><label for={id.clone()}>{ format!("Cột {}{header}", i + 1) }</label>
                <select id={id} {onchange}>
                    { for roles.iter().map(|r| html! { <option value={r.key()} selected={*r == c.role}>{ r.label_vi(set) }</option> }) }
                </select></div>
        }
    };
    html! {
        <details class="table-columns" open={unknown}>
            <summary>{ "Các cột của bảng (đã đoán theo dòng tiêu đề; có thể đổi)" }</summary>
            <div class="pair">{ for table.columns.iter().enumerate().map(|(i, c)| choice(i, c)) }</div>
        </details>
    }
}

/// Rows the preview draws: the first `PREVIEW_ROWS`, and after them up to as many of those that
/// need the user (a refusal, a unit to enter); enough to check how the table was read, few
/// enough that a long paste (up to `set_table::MAX_ROWS` rows of long text) is laid out at
/// once. Every row is still read, checked and counted (the caption says how many are not
/// drawn); applying applies them all.
const PREVIEW_ROWS: usize = 100;
/// Characters of a wording the preview shows.
const PREVIEW_CHARS: usize = 160;

/// A wording cut to `PREVIEW_CHARS` characters, with "…" where it was cut.
fn clipped(text: &str) -> String {
    match text.char_indices().nth(PREVIEW_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// "Xem trước: 999 dòng đọc được (hiện 100 dòng đầu và 2 dòng cần xem)": rows read, and
/// of the `planned` rows, those `drawn`; rows that need the user and are not drawn, `hidden`.
fn caption(read: usize, drawn: usize, planned: usize, hidden: usize) -> String {
    let head = format!("Xem trước: {read} dòng đọc được");
    let more = drawn.saturating_sub(PREVIEW_ROWS);
    let rest = match hidden {
        0 => String::new(),
        n => format!("; {n} dòng khác cũng cần sửa: sửa trong bảng rồi dán lại"),
    };
    match more {
        _ if drawn >= planned => head,
        0 => format!("{head} (hiện {drawn} dòng đầu{rest})"),
        more => format!("{head} (hiện {PREVIEW_ROWS} dòng đầu và {more} dòng cần xem{rest})"),
    }
}

/// The preview: refusals of the table, the rows as they will be, the changes to confirm.
pub fn preview(set: &CriteriaSet, r: &Reading, input: &Input, d: &Dispatch) -> Html {
    let (table, plan) = (&r.table, &r.plan);
    let after = plan.result.as_ref();
    let row = |rp: &RowPlan| {
        let ind = after.and_then(|s| s.indicator(&rp.code)).map(|(_, i)| i);
        row_view(set, after.unwrap_or(set), rp, ind, input, d)
    };
    let open = plan.rows.iter().filter(|r| r.open > 0).count();
    let needs_user = |r: &RowPlan| {
        r.problem.is_some() || r.needs_unit || input.units.iter().any(|(c, _)| *c == r.code)
    };
    let (first, rest) = plan.rows.split_at(plan.rows.len().min(PREVIEW_ROWS));
    let waiting: Vec<&RowPlan> = rest.iter().filter(|r| needs_user(r)).collect();
    let hidden = waiting.len().saturating_sub(PREVIEW_ROWS);
    let shown: Vec<&RowPlan> = first
        .iter()
        .chain(waiting.into_iter().take(PREVIEW_ROWS))
        .collect();
    html! {
        <div class="table-preview">
            if !plan.errors.is_empty() {
                <div class="notice error" role="alert">
                    <p><strong>{ format!("{} dòng chưa đọc được; chưa áp dụng gì:", table.errors.len().max(plan.errors.len())) }</strong></p>
                    <ul>{ for plan.errors.iter().take(50).map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
                </div>
            }
            if !table.skipped.is_empty() {
                <p class="hint">{ format!("Bỏ qua {} dòng: {}.", table.skipped.len(), table.skipped.iter().take(6).map(|(l, why)| format!("dòng {l} ({why})")).collect::<Vec<_>>().join(", ")) }</p>
            }
            if !plan.rows.is_empty() {
                <div class="scroll"><table>
                    <caption>{ caption(table.rows.len(), shown.len(), plan.rows.len(), hidden) }
                        if open > 0 { { format!(" — {open} chỉ tiêu có ngưỡng để tỉnh quy định") } }</caption>
                    <thead><tr><th scope="col">{ "Dòng" }</th><th scope="col">{ "Mã" }</th><th scope="col">{ "Tiêu chí" }</th>
                        <th scope="col">{ "Nội dung" }</th><th scope="col">{ "Loại, đơn vị" }</th><th scope="col">{ "Ngưỡng (như đã hiểu)" }</th>
                        <th scope="col">{ "Ghi chú" }</th></tr></thead>
                    <tbody>{ for shown.into_iter().map(row) }</tbody>
                </table></div>
            }
            { changes(plan, input, d) }
        </div>
    }
}

fn row_view(
    set: &CriteriaSet,
    after: &CriteriaSet,
    rp: &RowPlan,
    ind: Option<&Indicator>,
    input: &Input,
    d: &Dispatch,
) -> Html {
    let criterion = set
        .criteria
        .iter()
        .find(|c| c.number == rp.criterion)
        .map(|c| format!("{}. {}", c.number, c.name))
        .unwrap_or_default();
    let direction = rp
        .direction
        .map(|d| format!(" {}", d.symbol()))
        .unwrap_or_default();
    let thresholds = ind.map(|i| thresholds_read(after, i)).unwrap_or_default();
    let unit_id = format!("s-unit-{}", rp.code);
    let on_unit = {
        let (d, code) = (d.clone(), rp.code.clone());
        Callback::from(move |e: InputEvent| {
            d.emit(TableAction::Unit(code.clone(), input_value(&e)))
        })
    };
    let typed = input
        .units
        .iter()
        .find(|(c, _)| *c == rp.code)
        .map(|(_, u)| u.clone())
        .unwrap_or_default();
    html! {
        <tr key={rp.code.clone()} class={classes!(rp.problem.is_some().then_some("refused"))}>
            <td>{ rp.line }</td><td>{ rp.code.clone() }{ if rp.new { " (mới)" } else { "" } }</td><td>{ criterion }</td>
            <td>{ ind.map(|i| clipped(&i.wording)).unwrap_or_default() }</td>
            <td>{ format!("{}{direction}", kind_text(&rp.kind)) }</td>
            <td>{ thresholds }</td>
            <td>
                { for rp.notes.iter().map(|n| html! { <p>{ n.clone() }</p> }) }
                if rp.needs_unit || !typed.is_empty() {
                    <div class="field"><label for={unit_id.clone()}>{ format!("Đơn vị đếm của chỉ tiêu {} (hộ, người, km…)", rp.code) }</label>
                        <input id={unit_id} value={typed} oninput={on_unit} /></div>
                }
                if let Some(p) = &rp.problem { <p class="error">{ format!("Chưa áp dụng được: {p}") }</p> }
            </td>
        </tr>
    }
}

/// An indicator's thresholds, numbers written as read ("39 000", "26 phẩy 7") so a misreading
/// shows.
fn thresholds_read(set: &CriteriaSet, i: &Indicator) -> String {
    let mut read = i.clone();
    let unit = i.kind.unit().to_string();
    let sign = i
        .direction
        .map(|d| format!("{} ", d.symbol()))
        .unwrap_or_default();
    let parts: Vec<String> = read
        .thresholds
        .drain(..)
        .map(|t| {
            let column = t
                .column
                .as_ref()
                .and_then(|c| set.column(c))
                .map(|c| format!("{}: ", c.name))
                .unwrap_or_default();
            let year = t.year.map(|y| format!(" (năm {y})")).unwrap_or_default();
            format!("{column}{sign}{} {unit}{year}", t.value.reading_vi())
                .trim_end()
                .to_string()
        })
        .collect();
    let rest = thresholds_text(set, &read);
    match (parts.is_empty(), rest.as_str()) {
        (true, _) => rest,
        (false, "chưa có" | "đạt/không đạt") => parts.join("; "),
        (false, _) => format!("{}; {rest}", parts.join("; ")),
    }
}

/// The changes to existing indicators: listed; those of kind, unit, direction or applicability,
/// and thresholds lost, need the box ticked before applying.
fn changes(plan: &crate::core::set_table::Plan, input: &Input, d: &Dispatch) -> Html {
    if plan.changes.is_empty() {
        return html! {};
    }
    let confirm = plan.to_confirm();
    let onchange = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
                .is_some_and(|i| i.checked());
            d.emit(TableAction::Confirm(checked));
        })
    };
    html! {
        <div class={classes!("notice", if confirm > 0 { "error" } else { "info" })}>
            <p><strong>{ format!("Thay đổi với {} chỉ tiêu đã có:", plan.rows.iter().filter(|r| !r.new).count()) }</strong></p>
            <ul class="changes">{ for plan.changes.iter().map(|c| html! {
                <li class={classes!(c.confirm.then_some("confirm"))}>{ c.text.clone() }{ if c.confirm { " (cần xác nhận)" } else { "" } }</li>
            }) }</ul>
            if confirm > 0 {
                <div class="field checkbox"><input id="s-confirm" type="checkbox" checked={input.confirmed} {onchange} />
                    <label for="s-confirm">{ format!("Tôi đã xem và đồng ý {confirm} thay đổi cần xác nhận ở trên") }</label></div>
            }
        </div>
    }
}
