//! The headline figures of a section, above its table: communes meeting every criterion, the
//! average criteria met per commune, by group; and the share meeting each criterion, by group.

use crate::core::rollup::{Group, Headline};
use yew::prelude::*;

pub fn view(i: usize, g: &Group, h: &Headline) -> Html {
    let n = g.set.criteria.len();
    let label = g.column_label().unwrap_or("Nhóm xã");
    let mut columns: Vec<(&str, &crate::core::rollup::Figures)> = vec![("Toàn bộ", &h.all)];
    columns.extend(h.by_column.iter().map(|b| (b.name.as_str(), &b.figures)));
    html! {
        <div class="headline" id={format!("s{i}-headline")}>
            <p class="headline-main">{ format!("Toàn bộ: {}.", h.all.sentence_vi()) }</p>
            if !h.by_column.is_empty() {
                <table class="headline-table">
                    <caption>{ format!("Theo {}", crate::core::vn::to_lower(label)) }</caption>
                    <thead><tr>
                        <th scope="col">{ label }</th><th scope="col">{ "Số xã" }</th>
                        <th scope="col">{ format!("Đạt đủ {n}/{n} tiêu chí") }</th><th scope="col">{ "Bình quân tiêu chí/xã" }</th>
                    </tr></thead>
                    <tbody>{ for columns.iter().map(|(name, f)| html! {
                        <tr>
                            <th scope="row">{ *name }</th><td>{ f.communes }</td>
                            <td>{ format!("{} ({})", f.all_met, f.share_vi(f.all_met)) }</td><td>{ f.average_vi() }</td>
                        </tr>
                    }) }</tbody>
                </table>
            }
            <details class="shares">
                <summary>{ if h.by_column.is_empty() { "Tỷ lệ xã đạt từng tiêu chí".to_string() } else { format!("Tỷ lệ xã đạt từng tiêu chí, theo {}", crate::core::vn::to_lower(label)) } }</summary>
                <div class="scroll"><table class="headline-table">
                    <thead><tr>
                        <th scope="col">{ "Tiêu chí" }</th>
                        { for columns.iter().map(|(name, _)| html! { <th scope="col">{ *name }</th> }) }
                    </tr></thead>
                    <tbody>{ for g.set.criteria.iter().enumerate().map(|(k, c)| html! {
                        <tr>
                            <th scope="row">{ format!("{}. {}", c.number, c.name) }</th>
                            { for columns.iter().map(|(_, f)| {
                                let met = f.per_criterion.get(k).copied().unwrap_or(0);
                                html! { <td>{ format!("{met}/{} ({})", f.communes, f.share_vi(met)) }</td> }
                            }) }
                        </tr>
                    }) }</tbody>
                </table></div>
            </details>
        </div>
    }
}
