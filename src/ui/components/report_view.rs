//! The report tab: why it is still a draft, the download, and an on-screen preview (which
//! prints on A4). The report itself is made by the report worker (`src/worker.rs`) from the
//! same model as the .docx; this tab asks for it when it opens and when the draft changes.

use crate::ui::state::Doc;
use crate::web::report_worker::{self, Answer};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub doc: Doc,
    pub on_download: Callback<()>,
    /// "Gửi cho tỉnh": the draft's file to the phone's share sheet.
    pub on_send: Callback<()>,
}

#[function_component]
pub fn ReportView(p: &ReportProps) -> Html {
    // The answer for the draft as it is now (by pointer); `None` while the worker works.
    let answer = use_state(|| None::<Answer>);
    {
        let answer = answer.clone();
        use_effect_with(p.doc.clone(), move |doc| {
            answer.set(None);
            let envelope = doc.envelope(String::new()).to_json();
            report_worker::request(
                "preview",
                envelope,
                Callback::from(move |a| answer.set(Some(a))),
            );
        });
    }
    let d = &p.doc;
    let download = {
        let on = p.on_download.clone();
        Callback::from(move |_| on.emit(()))
    };
    let send = {
        let on = p.on_send.clone();
        Callback::from(move |_| on.emit(()))
    };
    let print = Callback::from(|_| crate::web::dom::print());
    html! {
        <section class="report" aria-labelledby="report-title">
            <div class="no-print">
                <h2 id="report-title">{ "Báo cáo" }</h2>
                <p>{ format!("Xã {} tự đánh giá {}.", d.draft.meta.commune, d.scores.summary_vi()) }</p>
                if let Some(Ok(r)) = &*answer {
                    if !r.reasons.is_empty() {
                        <div class="notice warning" role="status">
                            <p><strong>{ "Báo cáo sẽ được đánh dấu “DỰ THẢO” vì: " }</strong></p>
                            <ul>{ for r.reasons.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
                        </div>
                    }
                }
                <div class="row-actions">
                    <button type="button" class="primary" onclick={download}>{ "Tải báo cáo (.docx)" }</button>
                    <button type="button" class="secondary" onclick={print}>{ "In / Lưu PDF" }</button>
                </div>
                <div class="send">
                    <button type="button" class="primary" onclick={send}>{ "Gửi cho tỉnh" }</button>
                    <p class="hint">{ "Gửi tệp bản nháp qua Zalo hoặc thư điện tử để tỉnh tổng hợp; tỉnh mở tệp bằng ứng dụng này." }</p>
                </div>
                if let Some(Ok(r)) = &*answer { <p class="hint">{ format!("Tên tệp: {}", r.file_name) }</p> }
            </div>
            { match &*answer {
                None => html! { <p class="hint" role="status">{ "Đang dựng bản xem trước…" }</p> },
                Some(Err(e)) => html! { <p class="notice error" role="alert">{ e.clone() }</p> },
                // Written and escaped by core::report::html; the page runs no inline script.
                Some(Ok(r)) => Html::from_html_unchecked(AttrValue::from(r.html.clone())),
            } }
        </section>
    }
}
