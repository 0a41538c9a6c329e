//! One section (a set's communes for one period) as a table: the key columns first (commune,
//! group, period, "đạt X/N", open problems, what was left unassessed, explained or overridden),
//! then a column per criterion (symbol and word, never colour alone); the commune column and
//! the header stay in view while the table scrolls; the number and share of communes meeting
//! each criterion below; sort and filters; the headline figures above; then the charts. The
//! first section is open; the others are folded under their heading.

use super::{charts, headline, Sort, View};
use crate::core::rollup::{Figures, Group, Headline, Rejected, Rollup, Row, Section};
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
pub fn shown<'a>(rows: &[&'a Row], v: &View) -> Vec<&'a Row> {
    let mut rows: Vec<&Row> = rows
        .iter()
        .copied()
        .filter(|r| r.met >= v.min_met)
        .filter(|r| v.not_met.is_none_or(|i| !r.meets(i)))
        .filter(|r| v.column.as_ref().is_none_or(|c| r.column == *c))
        .collect();
    match v.sort {
        Sort::Commune => {}
        Sort::MostMet => rows.sort_by_key(|r| std::cmp::Reverse(r.met)),
        Sort::FewestMet => rows.sort_by_key(|r| r.met),
        Sort::MostProblems => rows.sort_by_key(|r| std::cmp::Reverse(r.problems.len())),
    }
    rows
}

fn controls(i: usize, g: &Group, h: &Headline, v: &View, on: &Callback<View>) -> Html {
    let n = g.set.criteria.len();
    let change = |f: fn(&mut View, String)| {
        let (on, v) = (on.clone(), v.clone());
        Callback::from(move |e: Event| {
            let mut next = v.clone();
            f(&mut next, change_value(&e));
            on.emit(next);
        })
    };
    let id = |s: &str| format!("s{i}-{s}");
    html! {
        <div class="pair no-print">
            <div class="field"><label for={id("sort")}>{ "Sắp xếp" }</label>
                <select id={id("sort")} onchange={change(|v, s| v.sort = match s.as_str() { "most" => Sort::MostMet, "fewest" => Sort::FewestMet, "problems" => Sort::MostProblems, _ => Sort::Commune })}>
                    <option value="commune" selected={v.sort == Sort::Commune}>{ "Theo tên xã" }</option>
                    <option value="most" selected={v.sort == Sort::MostMet}>{ "Đạt nhiều tiêu chí trước" }</option>
                    <option value="fewest" selected={v.sort == Sort::FewestMet}>{ "Đạt ít tiêu chí trước" }</option>
                    <option value="problems" selected={v.sort == Sort::MostProblems}>{ "Nhiều vấn đề còn mở trước" }</option>
                </select></div>
            if let Some(label) = g.column_label() {
                <div class="field"><label for={id("group")}>{ label }</label>
                    <select id={id("group")} onchange={change(|v, s| v.column = s.strip_prefix('=').map(String::from))}>
                        <option value="" selected={v.column.is_none()}>{ "Tất cả" }</option>
                        { for h.by_column.iter().map(|b| html! {
                            <option value={format!("={}", b.column)} selected={v.column.as_ref() == Some(&b.column)}>{ b.name.clone() }</option>
                        }) }
                    </select></div>
            }
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

fn count_cell(n: usize) -> Html {
    html! { <td class="num">{ if n == 0 { "—".to_string() } else { n.to_string() } }</td> }
}

/// One commune's row; its province is said only where the section's rows differ in it.
fn row(r: &Row, g: &Group, keys: Option<&[String]>, province: bool) -> Html {
    let n = g.set.criteria.len();
    let unlisted = keys.is_some_and(|k| !r.key.is_empty() && !k.contains(&r.key));
    html! {
        <tr>
            <th scope="row">{ r.name() }
                if province { <small>{ format!(" ({})", r.province) }</small> }
                if unlisted { <small class="flag">{ " ⚠ không có trong danh sách" }</small> }</th>
            if g.column_label().is_some() { <td>{ if r.column.is_empty() { "—".to_string() } else { r.column.clone() } }</td> }
            <td>{ r.period.clone() }</td>
            <td class="met-count">{ format!("đạt {}/{n}", r.met) }</td>
            <td class="problems">
                if r.problems.is_empty() { { "—" } } else {
                    <details><summary>{ format!("{} vấn đề", r.problems.len()) }</summary>
                        <ul>{ for r.problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul></details>
                }
                if !r.replaces.is_empty() {
                    <p class="hint">{ format!("Tệp {} thay cho: {}", r.file, r.replaces.join("; ")) }</p>
                }
            </td>
            { count_cell(r.unassessed) }{ count_cell(r.acknowledged) }{ count_cell(r.overrides) }
            { for r.criteria.iter().map(|s| status_cell(*s)) }
        </tr>
    }
}

fn table(
    i: usize,
    g: &Group,
    all: &[&Row],
    rows: &[&Row],
    v: &View,
    keys: Option<&[String]>,
) -> Html {
    let keyed = if g.column_label().is_some() { 8 } else { 7 };
    let f = Figures::of(g.set.criteria.len(), all);
    let province = all.iter().any(|r| r.province != all[0].province);
    html! {
        <div class="scroll rollup-scroll" tabindex="0" role="region" aria-labelledby={format!("s{i}-caption")}>
            <table class="rollup-table">
                <caption id={format!("s{i}-caption")}>{ format!("Kết quả từng xã: {} trong {} dòng", rows.len(), all.len()) }</caption>
                <thead><tr>
                    <th scope="col">{ "Xã" }</th>
                    if let Some(label) = g.column_label() { <th scope="col">{ label }</th> }
                    <th scope="col">{ "Kỳ báo cáo" }</th><th scope="col">{ "Kết quả" }</th><th scope="col">{ "Vấn đề còn mở" }</th>
                    <th scope="col" title="Chỉ tiêu chưa đánh giá">{ "Chưa đánh giá" }</th>
                    <th scope="col" title="Phát hiện xã đã xác nhận kèm lý do">{ "Đã giải trình" }</th>
                    <th scope="col" title="Chỉ tiêu xã đánh giá khác kết quả theo số liệu">{ "Khác số liệu" }</th>
                    { for g.set.criteria.iter().map(|c| html! { <th scope="col" class="criterion" title={c.name.clone()}>{ format!("TC {}", c.number) }</th> }) }
                </tr></thead>
                <tbody>{ for rows.iter().take(v.limit).map(|r| row(r, g, keys, province)) }</tbody>
                <tfoot><tr>
                    <th scope="row" colspan={keyed.to_string()}>{ "Số xã đạt (tỷ lệ)" }</th>
                    { for f.per_criterion.iter().map(|t| html! { <td>{ format!("{t}/{} ({})", f.communes, f.share_vi(*t)) }</td> }) }
                </tr></tfoot>
            </table>
        </div>
    }
}

/// One section: its heading, headline figures, controls, table and charts; folded unless first.
pub fn section(
    i: usize,
    r: &Rollup,
    s: &Section,
    v: &View,
    keys: Option<&[String]>,
    on: Callback<View>,
) -> Html {
    let Some(g) = r.groups.get(s.group) else {
        return html! {};
    };
    let all = s.rows(g);
    let rows = shown(&all, v);
    let h = Headline::of(g, &all);
    let title = format!("{} — {} — {} xã", g.label(), s.period, all.len());
    let more = (rows.len() > v.limit).then(|| {
        let (on, next) = (on.clone(), v.clone());
        let click = Callback::from(move |_| on.emit(View { limit: next.limit + super::PAGE, ..next.clone() }));
        html! { <button type="button" class="secondary no-print" onclick={click}>{ format!("Hiện thêm (đang hiện {} trong {} dòng)", v.limit, rows.len()) }</button> }
    });
    let body = html! {
        <>
            { headline::view(i, g, &h) }
            { controls(i, g, &h, v, &on) }
            { table(i, g, &all, &rows, v, keys) }
            { more.unwrap_or_default() }
            { charts::histogram(i, g, &all) }
            { charts::shares(i, g, &h.all) }
            { charts::trend(i, g, v, &on) }
        </>
    };
    if i == 0 {
        html! {
            <section class="rollup-group" aria-labelledby={format!("s{i}-title")}>
                <h2 id={format!("s{i}-title")}>{ title }</h2>
                { body }
            </section>
        }
    } else {
        html! {
            <details class="rollup-group other">
                <summary><h2 id={format!("s{i}-title")}>{ format!("Kỳ hoặc bộ tiêu chí khác: {title}") }</h2></summary>
                { body }
            </details>
        }
    }
}
