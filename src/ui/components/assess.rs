//! The assessment: criteria grouped as the set groups them (or in one list when it has no
//! groups), each a collapsible card with its status and one row per indicator. A criterion the
//! set lists no indicators for is judged as a whole, with its reason.

use super::ack::ack_fields;
use super::badge::{badge, findings_inline};
use super::field::{select_field, text_area, AreaProps, SelectProps};
use super::indicator::{IndicatorRow, RowData};
use crate::core::criteria::{CriteriaSet, Criterion};
use crate::core::draft::{Draft, Entry, Judgement};
use crate::core::edit::Edit;
use crate::core::json::{key_of, of_key};
use crate::core::scoring::{CriterionScore, CriterionStatus, Finding, Scores};
use crate::ui::anchors;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct AssessProps {
    pub set: Shared<CriteriaSet>,
    pub scores: Shared<Scores>,
    pub draft: Shared<Draft>,
    pub on_edit: Callback<Edit>,
}

/// The assessment screen: a card per criterion, in the set's groups.
pub fn assessment(p: &AssessProps) -> Html {
    let open_all = Callback::from(|_| crate::web::dom::set_all_open(true));
    let close_all = Callback::from(|_| crate::web::dom::set_all_open(false));
    // Each indicator's score and findings in one pass, by its place in the set (not a search
    // per row: issue #30); a criterion's first place.
    let placed = p.scores.by_indicator(&p.set);
    let first: Vec<usize> = (p.set.criteria.iter())
        .scan(0, |n, c| {
            Some(std::mem::replace(n, *n + c.indicators.len()))
        })
        .collect();
    let card = |ci: usize, c: &Criterion| {
        let views = placed.get(first[ci]..).unwrap_or_default();
        let rows: Vec<RowData> = c
            .indicators
            .iter()
            .zip(views)
            .map(|(i, view)| RowData {
                entry: p.draft.entry(&i.code).cloned().unwrap_or_default(),
                score: view.score.cloned(),
                findings: view.findings.iter().map(|f| (*f).clone()).collect(),
                user_threshold: p.draft.user_thresholds.get(&i.code).cloned(),
                previous: p.draft.previous.as_ref().and_then(|prev| {
                    prev.entries
                        .get(&i.code)
                        .map(|e| (e.clone(), prev.period.clone()))
                }),
            })
            .collect();
        // Findings about the criterion as a whole (judged whole, without a reason).
        let findings: Vec<Finding> = p
            .scores
            .findings
            .iter()
            .filter(|f| f.code.is_empty() && f.part.is_none() && f.criterion == c.number)
            .cloned()
            .collect();
        html! {
            <CriterionCard key={c.number} set={p.set.clone()} {ci}
                score={p.scores.criterion(c.number).cloned()}
                note={p.draft.criterion_notes.get(&c.number).cloned().unwrap_or_default()}
                whole={c.indicators.is_empty().then(|| p.draft.entry(&c.number.to_string()).cloned().unwrap_or_default())}
                own={p.draft.entry(&c.number.to_string()).cloned()}
                {rows} {findings} on_edit={p.on_edit.clone()} />
        }
    };
    let criteria = p.set.criteria.iter().enumerate();
    html! {
        <section class="assess" aria-labelledby="assess-title">
            <div class="section-head">
                <h2 id="assess-title">{ "Đánh giá các tiêu chí" }</h2>
                <div class="row-actions">
                    <button type="button" class="secondary" onclick={open_all}>{ "Mở tất cả" }</button>
                    <button type="button" class="secondary" onclick={close_all}>{ "Thu gọn" }</button>
                </div>
            </div>
            if p.set.groups.is_empty() {
                { for criteria.map(|(ci, c)| card(ci, c)) }
            } else {
                { for p.set.groups.iter().map(|g| html! {
                    <section class="group" key={g.id.clone()}>
                        <h3 class="group-title">{ format!("Nhóm {}. {}", g.id, g.name) }</h3>
                        { for criteria.clone().filter(|(_, c)| c.group == g.id).map(|(ci, c)| card(ci, c)) }
                    </section>
                }) }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub set: Shared<CriteriaSet>,
    pub ci: usize,
    pub score: Option<CriterionScore>,
    pub note: String,
    /// The entry judging the whole criterion, where the set lists no indicators.
    pub whole: Option<Entry>,
    /// The entry under the criterion's own number (its acknowledgements).
    pub own: Option<Entry>,
    pub rows: Vec<RowData>,
    pub findings: Vec<Finding>,
    pub on_edit: Callback<Edit>,
}

#[function_component]
pub fn CriterionCard(p: &CardProps) -> Html {
    let c = &p.set.criteria[p.ci];
    let n = c.number;
    let (status, counts) = match &p.score {
        Some(s) if s.whole => (s.status, "đánh giá chung".to_string()),
        Some(s) => (s.status, format!("{}/{} chỉ tiêu", s.met, s.total)),
        None => (CriterionStatus::Incomplete, String::new()),
    };
    let on_note = {
        let e = p.on_edit.clone();
        Callback::from(move |v: String| e.emit(Edit::CriterionNote(n, v)))
    };
    html! {
        <details class="criterion" id={anchors::criterion(n)}>
            <summary>
                <span class="crit-title">{ format!("Tiêu chí {n}. {}", c.name) }</span>
                { badge(status) }
                <span class="counts">{ counts }</span>
            </summary>
            <div class="criterion-body">
                if let Some(e) = &p.whole {
                    { whole_judgement(n, e, &p.on_edit) }
                }
                { for c.indicators.iter().enumerate().map(|(ii, _)| html! {
                    <IndicatorRow key={ii} set={p.set.clone()} ci={p.ci} {ii} data={p.rows[ii].clone()} on_edit={p.on_edit.clone()} />
                }) }
                // A criterion judged whole carries its reason in its entry; a general note is
                // still shown where one was written.
                if p.whole.is_none() || !p.note.is_empty() {
                    { text_area(AreaProps { id: (format!("crit-note-{n}")).into(), label: (format!("Tiêu chí {n}: nội dung chung đưa vào báo cáo (không bắt buộc)")).into(), value: p.note.clone().into(), on_input: on_note, rows: 2, ..Default::default() }) }
                }
                { findings_inline(&p.findings) }
                { ack_fields(&format!("Tiêu chí {n}"), &n.to_string(), &format!("crit-{n}"), &p.findings,
                    p.score.as_ref().map(|s| s.acknowledged.as_slice()).unwrap_or_default(), p.own.as_ref(), &p.on_edit) }
            </div>
        </details>
    }
}

/// The judgement of a criterion as a whole, said plainly to be that.
fn whole_judgement(n: u8, e: &Entry, on_edit: &Callback<Edit>) -> Html {
    let code = n.to_string();
    let on_change = {
        let (on, code) = (on_edit.clone(), code.clone());
        Callback::from(move |v: String| {
            on.emit(Edit::Judgement(
                code.clone(),
                of_key(&v).unwrap_or_default(),
            ))
        })
    };
    let on_reason = {
        let on = on_edit.clone();
        Callback::from(move |v: String| on.emit(Edit::Note(code.clone(), v)))
    };
    let options: Vec<(AttrValue, AttrValue)> = [
        (Judgement::None, "Chưa đánh giá"),
        (Judgement::Met, "Đạt"),
        (Judgement::NotMet, "Chưa đạt"),
    ]
    .into_iter()
    .map(|(j, label)| (key_of(&j).into(), label.into()))
    .collect();
    html! {
        <>
            <p class="hint">{ "Bộ tiêu chí đang dùng chưa có chỉ tiêu chi tiết cho tiêu chí này. Xã tự đánh giá chung cả tiêu chí và ghi căn cứ; báo cáo sẽ ghi rõ như vậy. Có thể nhập các chỉ tiêu vào bản sao bộ tiêu chí ở mục Bộ tiêu chí." }</p>
            { select_field(SelectProps { id: (format!("crit-judgement-{n}")).into(), label: (format!("Tiêu chí {n}: đánh giá chung")).into(), options, value: key_of(&e.judgement).into(), on_change }) }
            { text_area(AreaProps { id: (format!("crit-reason-{n}")).into(), label: (format!("Tiêu chí {n}: căn cứ, lý do của đánh giá (đưa vào báo cáo)")).into(), value: e.note.clone().into(), on_input: on_reason, rows: 3, ..Default::default() }) }
        </>
    }
}
