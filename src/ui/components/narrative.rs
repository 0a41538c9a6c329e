//! The narrative parts of the report, with suggestions derived from the scores.

use super::field::{text_area, AreaProps};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, NarrativePart};
use crate::core::edit::Edit;
use crate::core::report::model::suggestion;
use crate::core::scoring::Scores;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct NarrativeProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    pub scores: Shared<Scores>,
    pub on_edit: Callback<Edit>,
}

/// The narrative screen: one field per part, with what the figures suggest for it.
pub fn narrative(p: &NarrativeProps) -> Html {
    html! {
        <section class="narrative" aria-labelledby="narrative-title">
            <h2 id="narrative-title">{ "Nội dung báo cáo" }</h2>
            <p class="hint">{ "Mỗi đoạn một dòng. Phần gợi ý được tạo từ kết quả đánh giá; bấm “Dùng gợi ý” để chèn rồi sửa lại cho phù hợp." }</p>
            { for NarrativePart::ALL.iter().map(|&part| {
                let on = p.on_edit.clone();
                let on_input = Callback::from(move |v: String| on.emit(Edit::Narrative(part, v)));
                let hint = suggestion(part, &p.set, &p.draft, &p.scores);
                let warnings: Vec<String> = p.scores.findings.iter().filter(|f| f.part == Some(part)).map(|f| f.message.clone()).collect();
                let accept = {
                    let on = p.on_edit.clone();
                    Callback::from(move |_| on.emit(Edit::AcceptSuggestion(part)))
                };
                html! {
                    <div class="narrative-part" key={part.key()}>
                        { text_area(AreaProps { id: (format!("n-{}", part.key())).into(), label: part.title_vi().into(), value: (p.draft.narrative.get(part).to_string()).into(), on_input, rows: 4, ..Default::default() }) }
                        if !warnings.is_empty() {
                            <ul class="findings-inline">{ for warnings.into_iter().map(|w| html! { <li class="warning"><strong>{ "Cần xem lại: " }</strong>{ w }</li> }) }</ul>
                        }
                        if let Some(h) = hint {
                            <div class="suggestion">
                                <p><strong>{ "Gợi ý: " }</strong>{ h }</p>
                                <button type="button" class="secondary" onclick={accept}>{ format!("Dùng gợi ý cho “{}”", part.title_vi()) }</button>
                            </div>
                        }
                    </div>
                }
            }) }
        </section>
    }
}
