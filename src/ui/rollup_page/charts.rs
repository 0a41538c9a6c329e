//! Charts drawn as SVG by this code (bars need no chart library), each with the same figures
//! as a table for screen readers and for anyone who prefers numbers; they print.

use super::View;
use crate::core::rollup::{tenths, Figures, Group, Row};
use crate::ui::components::field::change_value;
use yew::prelude::*;

/// A figure: the SVG, labelled by its caption, and the table of its figures in a <details>.
fn figure(
    id: String,
    caption: String,
    svg: Html,
    head: [&str; 2],
    rows: Vec<(String, String)>,
) -> Html {
    html! {
        <figure class="chart" aria-labelledby={id.clone()}>
            <figcaption id={id.clone()}>{ caption.clone() }</figcaption>
            { svg }
            <details class="chart-table">
                <summary>{ format!("Bảng số liệu: {caption}") }</summary>
                <table>
                    <thead><tr><th scope="col">{ head[0] }</th><th scope="col">{ head[1] }</th></tr></thead>
                    <tbody>{ for rows.into_iter().map(|(a, b)| html! { <tr><th scope="row">{ a }</th><td>{ b }</td></tr> }) }</tbody>
                </table>
            </details>
        </figure>
    }
}

/// Vertical bars: one per label, heights relative to `max`, the value above each bar.
fn bars(labels: &[String], values: &[usize], max: usize, caption_id: &str) -> Html {
    let n = values.len().max(1) as f64;
    let (w, h, base) = (320.0, 160.0, 130.0);
    let step = (w - 20.0) / n;
    let max = max.max(1) as f64;
    html! {
        <svg viewBox={format!("0 0 {} {}", tenths(w), tenths(h))} role="img" aria-labelledby={caption_id.to_string()} class="bars">
            <line x1="10" y1={tenths(base)} x2={tenths(w - 10.0)} y2={tenths(base)} class="axis" />
            { for values.iter().zip(labels).enumerate().map(|(k, (v, label))| {
                let bh = (*v as f64 / max) * (base - 20.0);
                let x = 10.0 + k as f64 * step;
                html! {
                    <g>
                        <rect x={tenths(x + step * 0.15)} y={tenths(base - bh)} width={tenths(step * 0.7)} height={tenths(bh)} />
                        <text x={tenths(x + step / 2.0)} y={tenths(base - bh - 3.0)} text-anchor="middle" class="value">{ v }</text>
                        <text x={tenths(x + step / 2.0)} y={tenths(base + 14.0)} text-anchor="middle" class="label">{ label.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// Communes by number of criteria met.
pub fn histogram(i: usize, g: &Group, rows: &[&Row]) -> Html {
    let h = crate::core::rollup::histogram(g.set.criteria.len(), rows);
    let labels: Vec<String> = (0..h.len()).map(|k| k.to_string()).collect();
    let max = h.iter().copied().max().unwrap_or(0);
    let id = format!("s{i}-hist");
    let rows = labels
        .iter()
        .zip(&h)
        .map(|(l, v)| (format!("Đạt {l} tiêu chí"), format!("{v} xã")))
        .collect();
    let svg = bars(&labels, &h, max, &id);
    figure(
        id,
        "Số xã theo số tiêu chí đạt".into(),
        svg,
        ["Số tiêu chí đạt", "Số xã"],
        rows,
    )
}

/// The share of communes meeting each criterion, in % (bars in whole percent, rounded down;
/// the table of figures to two decimals).
pub fn shares(i: usize, g: &Group, f: &Figures) -> Html {
    let pct: Vec<usize> = f
        .per_criterion
        .iter()
        .map(|t| t * 100 / f.communes.max(1))
        .collect();
    let labels: Vec<String> = g
        .set
        .criteria
        .iter()
        .map(|c| c.number.to_string())
        .collect();
    let id = format!("s{i}-share");
    let rows = g
        .set
        .criteria
        .iter()
        .zip(&f.per_criterion)
        .map(|(c, t)| {
            (
                format!("Tiêu chí {}. {}", c.number, c.name),
                format!("{t}/{} xã ({})", f.communes, f.share_vi(*t)),
            )
        })
        .collect();
    let svg = bars(&labels, &pct, 100, &id);
    figure(
        id,
        "Tỷ lệ xã đạt từng tiêu chí (%)".into(),
        svg,
        ["Tiêu chí", "Số xã đạt"],
        rows,
    )
}

/// One commune across periods: criteria met, and those gained or lost since the period before;
/// nothing when the set's files are of one period.
pub fn trend(i: usize, g: &Group, v: &View, on: &Callback<View>) -> Html {
    // (key, province) of each commune with a name, and its name as shown.
    let mut communes: Vec<(String, String)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for r in g.rows.iter().filter(|r| !r.key.is_empty()) {
        let key = (r.key.clone(), r.province.clone());
        if !communes.contains(&key) {
            communes.push(key);
            names.push(format!("{} ({})", r.commune, r.province));
        }
    }
    if g.rows.iter().all(|r| r.period == g.rows[0].period) {
        // One period only: no trend to draw.
        return html! {};
    }
    let chosen = v.commune.clone().or_else(|| communes.first().cloned());
    let on_pick = {
        let (on, v, communes) = (on.clone(), v.clone(), communes.clone());
        Callback::from(move |e: Event| {
            let k: usize = change_value(&e).parse().unwrap_or(0);
            on.emit(View {
                commune: communes.get(k).cloned(),
                ..v.clone()
            });
        })
    };
    let Some((key, province)) = chosen else {
        return html! {};
    };
    let trend = g.trend(&key, &province);
    let commune = trend
        .first()
        .map(|(r, ..)| r.commune.clone())
        .unwrap_or_default();
    let labels: Vec<String> = trend.iter().map(|(r, ..)| r.period.clone()).collect();
    let values: Vec<usize> = trend.iter().map(|(r, ..)| r.met).collect();
    let id = format!("s{i}-trend");
    let rows = trend
        .iter()
        .map(|(r, gained, lost)| {
            let list = |v: &Vec<u8>| {
                v.iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut text = format!("đạt {}/{}", r.met, g.set.criteria.len());
            if !gained.is_empty() {
                text.push_str(&format!("; thêm tiêu chí {}", list(gained)));
            }
            if !lost.is_empty() {
                text.push_str(&format!("; mất tiêu chí {}", list(lost)));
            }
            (r.period.clone(), text)
        })
        .collect();
    let svg = bars(&labels, &values, g.set.criteria.len(), &id);
    html! {
        <div class="trend">
            <div class="field no-print"><label for={format!("s{i}-commune")}>{ "Xem diễn biến của xã" }</label>
                <select id={format!("s{i}-commune")} onchange={on_pick}>
                    { for communes.iter().zip(&names).enumerate().map(|(k, ((c, p), name))| html! {
                        <option value={k.to_string()} selected={*c == key && *p == province}>{ name.clone() }</option>
                    }) }
                </select></div>
            { figure(id, format!("Số tiêu chí đạt của xã {commune} qua các kỳ"), svg, ["Kỳ báo cáo", "Kết quả"], rows) }
        </div>
    }
}
