//! One set's communes as a table: a row per commune and period, a column per criterion
//! (symbol and word, never colour alone), "đạt X/N", open problems; totals per criterion;
//! sort and filter; then the charts.

use super::{charts, Sort, View};
use crate::core::rollup::{Group, Rejected, Row};
use crate::core::scoring::CriterionStatus;
use crate::ui::components::field::change_value;
use yew::prelude::*;

pub fn rejected(list: &[Rejected]) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <details class="rejected notice error" open=true>
            <summary>{ format!("{} tệp bị bỏ qua", list.len()) }</summary>
            <ul>{ for list.iter().map(|r| html! { <li><strong>{ r.name.clone() }</strong>{ ": " }{ r.reason.clone() }</li> }) }</ul>
        </details>
    }
}

fn status_cell(s: CriterionStatus) -> Html {
    let (symbol, class) = match s {
        CriterionStatus::Met => ("✓", "met"),
        CriterionStatus::NotMet => ("✗", "not-met"),
        CriterionStatus::Incomplete => ("…", "incomplete"),
    };
    html! { <td class={classes!("status", class)}>{ format!("{symbol} {}", s.label_vi()) }</td> }
}

/// The rows shown, in the order asked.
pub fn shown<'a>(g: &'a Group, v: &View) -> Vec<&'a Row> {
    let mut rows: Vec<&Row> = g
        .rows
        .iter()
        .filter(|r| r.met >= v.min_met)
        .filter(|r| {
            v.not_met
                .is_none_or(|i| r.criteria.get(i) != Some(&CriterionStatus::Met))
        })
        .collect();
    match v.sort {
        Sort::Commune => {}
        Sort::MostMet => rows.sort_by_key(|r| std::cmp::Reverse(r.met)),
        Sort::FewestMet => rows.sort_by_key(|r| r.met),
        Sort::MostProblems => rows.sort_by_key(|r| std::cmp::Reverse(r.problems.len())),
    }
    rows
}

fn controls(i: usize, g: &Group, v: &View, on: &Callback<View>) -> Html {
    let n = g.set.criteria.len();
    let change = |f: fn(&mut View, String)| {
        let (on, v) = (on.clone(), v.clone());
        Callback::from(move |e: Event| {
            let mut next = v.clone();
            f(&mut next, change_value(&e));
            on.emit(next);
        })
    };
    let id = |s: &str| format!("g{i}-{s}");
    html! {
        <div class="pair no-print">
            <div class="field"><label for={id("sort")}>{ "Sắp xếp" }</label>
                <select id={id("sort")} onchange={change(|v, s| v.sort = match s.as_str() { "most" => Sort::MostMet, "fewest" => Sort::FewestMet, "problems" => Sort::MostProblems, _ => Sort::Commune })}>
                    <option value="commune" selected={v.sort == Sort::Commune}>{ "Theo tên xã" }</option>
                    <option value="most" selected={v.sort == Sort::MostMet}>{ "Đạt nhiều tiêu chí trước" }</option>
                    <option value="fewest" selected={v.sort == Sort::FewestMet}>{ "Đạt ít tiêu chí trước" }</option>
                    <option value="problems" selected={v.sort == Sort::MostProblems}>{ "Nhiều vấn đề còn mở trước" }</option>
                </select></div>
            <div class="field"><label for={id("notmet")}>{ "Chỉ các xã chưa đạt tiêu chí" }</label>
                <select id={id("notmet")} onchange={change(|v, s| v.not_met = s.parse().ok())}>
                    <option value="" selected={v.not_met.is_none()}>{ "Tất cả các xã" }</option>
                    { for g.set.criteria.iter().enumerate().map(|(k, c)| html! {
                        <option value={k.to_string()} selected={v.not_met == Some(k)}>{ format!("Chưa đạt tiêu chí {}. {}", c.number, c.name) }</option>
                    }) }
                </select></div>
            <div class="field narrow"><label for={id("min")}>{ "Đạt ít nhất (tiêu chí)" }</label>
                <select id={id("min")} onchange={change(|v, s| v.min_met = s.parse().unwrap_or(0))}>
                    { for (0..=n).map(|k| html! { <option value={k.to_string()} selected={v.min_met == k}>{ k }</option> }) }
                </select></div>
        </div>
    }
}

fn row(r: &Row, n: usize) -> Html {
    html! {
        <tr>
            <th scope="row">{ r.commune.clone() }<small>{ format!(" ({})", r.province) }</small></th>
            <td>{ r.period.clone() }</td>
            { for r.criteria.iter().map(|s| status_cell(*s)) }
            <td class="met-count">{ format!("đạt {}/{n}", r.met) }</td>
            <td>
                if r.problems.is_empty() { { "—" } } else {
                    <details><summary>{ format!("{} vấn đề", r.problems.len()) }</summary>
                        <ul>{ for r.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul></details>
                }
                if !r.replaces.is_empty() {
                    <p class="hint">{ format!("Tệp {} thay cho: {}", r.file, r.replaces.join("; ")) }</p>
                }
            </td>
        </tr>
    }
}

pub fn group(i: usize, g: &Group, v: &View, on: Callback<View>) -> Html {
    let n = g.set.criteria.len();
    let rows = shown(g, v);
    let totals = g.totals();
    html! {
        <section class="rollup-group" aria-labelledby={format!("g{i}-title")}>
            <h2 id={format!("g{i}-title")}>{ format!("{} (phiên bản {}) — {} xã – kỳ", g.set.name, g.set.version, g.rows.len()) }</h2>
            { controls(i, g, v, &on) }
            <div class="scroll"><table class="rollup-table">
                <caption>{ format!("Kết quả từng xã: {} trong {} dòng", rows.len(), g.rows.len()) }</caption>
                <thead><tr>
                    <th scope="col">{ "Xã" }</th><th scope="col">{ "Kỳ báo cáo" }</th>
                    { for g.set.criteria.iter().map(|c| html! { <th scope="col" title={c.name.clone()}>{ format!("TC {}", c.number) }</th> }) }
                    <th scope="col">{ "Số tiêu chí đạt" }</th><th scope="col">{ "Vấn đề còn mở" }</th>
                </tr></thead>
                <tbody>{ for rows.iter().take(v.limit).map(|r| row(r, n)) }</tbody>
                <tfoot><tr>
                    <th scope="row" colspan="2">{ "Số xã đạt" }</th>
                    { for totals.iter().map(|t| html! { <td>{ format!("{t}/{}", g.rows.len()) }</td> }) }
                    <td colspan="2"></td>
                </tr></tfoot>
            </table></div>
            if rows.len() > v.limit {
                <button type="button" class="secondary no-print" onclick={{
                    let (on, v) = (on.clone(), v.clone());
                    Callback::from(move |_| on.emit(View { limit: v.limit + super::PAGE, ..v.clone() }))
                }}>{ format!("Hiện thêm (đang hiện {} trong {} dòng)", v.limit, rows.len()) }</button>
            }
            { charts::histogram(i, g) }
            { charts::shares(i, g, &totals) }
            { charts::trend(i, g, v, &on) }
        </section>
    }
}
