//! The report tab: why it is still a draft, the download, and an on-screen preview rendered
//! from the same model as the .docx, which prints on A4.

use crate::core::report::model::{Block, Report, MOTTO, NATIONAL_NAME};
use crate::ui::state::Doc;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct ReportProps {
    pub doc: Doc,
    pub on_download: Callback<()>,
}

fn preview(r: &Report) -> Html {
    html! {
        <article class="paper" aria-label="Xem trước báo cáo">
            if r.is_draft() { <p class="draft-mark">{ "DỰ THẢO" }</p> }
            <div class="doc-header">
                <div>
                    if !r.header.upper.is_empty() { <p>{ r.header.upper.clone() }</p> }
                    <p class="b rule">{ for r.header.issuer.iter().enumerate().map(|(i, l)| html! { <>if i > 0 { <br /> }{ l.clone() }</> }) }</p>
                    <p>{ r.header.number.clone() }</p>
                </div>
                <div>
                    <p class="b small">{ NATIONAL_NAME }</p>
                    <p class="b rule">{ MOTTO }</p>
                    <p class="i">{ r.header.place_date.clone() }</p>
                </div>
            </div>
            <p class="c b title">{ r.title.clone() }</p>
            <p class="c b">{ r.subject.clone() }</p>
            { for r.recipient_lines().into_iter().enumerate().map(|(i, x)| html! { <p class={if i == 0 { "c" } else { "recipient" }}>{ x }</p> }) }
            { for r.answering.iter().map(|x| html! { <p class="body">{ x.clone() }</p> }) }
            <p class="body">{ r.intro.clone() }</p>
            { for r.body.iter().map(|b| match b {
                Block::Part(lines) => html! { <p class="c b part">{ for lines.iter().map(|l| html! { <>{ l.clone() }<br /></> }) }</p> },
                Block::Heading { level, text } => html! { <p class={classes!("h", format!("h{level}"))}>{ text.clone() }</p> },
                Block::CriterionHeading { text, status } => html! { <p class="h h3">{ format!("{text}: ") }<span>{ status.clone() }</span></p> },
                Block::Para(t) => html! { <p class="body">{ t.clone() }</p> },
            }) }
            <p class="body">{ r.closing.clone() }</p>
            <div class="doc-footer">
                <div class="copies">
                    <p class="bi">{ "Nơi nhận:" }</p>
                    { for r.copies_to.iter().map(|c| html! { <p>{ format!("- {c}") }</p> }) }
                </div>
                <div class="sign">
                    { for r.signature_title.iter().map(|t| html! { <p class="b">{ t.clone() }</p> }) }
                    <p class="b signatory">{ r.signatory.clone() }</p>
                </div>
            </div>
            <section class="annex">
                <p class="c b">{ r.annex_title.clone() }</p>
                <p class="c i">{ r.annex_attached.clone() }</p>
                <p class="c i">{ r.annex_subtitle.clone() }</p>
                <table>
                    <thead><tr><th scope="col">{ "Mã" }</th><th scope="col">{ "Tiêu chí, chỉ tiêu" }</th><th scope="col">{ "Chỉ tiêu (ngưỡng)" }</th><th scope="col">{ "Kết quả của xã" }</th><th scope="col">{ "Đánh giá" }</th></tr></thead>
                    <tbody>
                        { for r.annex.iter().map(|row| html! {
                            <tr class={row.is_criterion.then_some("crit-row")}>
                                <td>{ row.code.clone() }</td><td>{ row.wording.clone() }</td><td>{ row.threshold.clone() }</td><td>{ row.figure.clone() }</td><td>{ row.status.clone() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
        </article>
    }
}

/// A plain function, not a component: it holds no state, and the app redraws the report tab
/// only when something on it changes (each component costs its own copy of Yew's lifecycle
/// code in the WASM).
pub fn report_view(p: ReportProps) -> Html {
    let d = &p.doc;
    let report = crate::core::report::build(&d.set, &d.draft, &d.scores);
    let download = {
        let on = p.on_download.clone();
        Callback::from(move |_| on.emit(()))
    };
    let print = Callback::from(|_| crate::web::dom::print());
    html! {
        <section class="report" aria-labelledby="report-title">
            <div class="no-print">
                <h2 id="report-title">{ "Báo cáo" }</h2>
                <p>{ format!("Xã {} tự đánh giá {}.", d.draft.meta.commune, d.scores.summary_vi()) }</p>
                if report.is_draft() {
                    <div class="notice warning" role="status">
                        <p><strong>{ "Báo cáo sẽ được đánh dấu “DỰ THẢO” vì: " }</strong></p>
                        <ul>{ for report.draft_reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
                    </div>
                }
                <div class="row-actions">
                    <button type="button" class="primary" onclick={download}>{ "Tải báo cáo (.docx)" }</button>
                    <button type="button" class="secondary" onclick={print}>{ "In / Lưu PDF" }</button>
                </div>
                <p class="hint">{ format!("Tên tệp: {}", report.file_name) }</p>
            </div>
            { preview(&report) }
        </section>
    }
}
