//! One indicator of the assessment: its wording, threshold and source, the inputs its kind
//! needs (with what was understood of each typed number), the judgement and the note.

use super::ack::ack_fields;
use super::badge::{badge, findings_inline, Look};
use super::field::{select_field, text_area, text_field, AreaProps, SelectProps, TextProps};
use crate::core::criteria::{CriteriaSet, Indicator, Kind};
use crate::core::draft::{Entry, Judgement, UserThreshold};
use crate::core::edit::Edit;
use crate::core::json::{key_of, of_key};
use crate::core::num::Dec;
use crate::core::report::model::{card_line, figure_text};
use crate::core::scoring::{Finding, IndicatorScore, Status, ThresholdView};
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct RowData {
    pub entry: Entry,
    pub score: Option<IndicatorScore>,
    pub findings: Vec<Finding>,
    pub user_threshold: Option<UserThreshold>,
    /// The previous period's entry and its period's name, for a draft carried forward.
    pub previous: Option<(Entry, String)>,
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub set: Shared<CriteriaSet>,
    pub ci: usize,
    pub ii: usize,
    pub data: RowData,
    pub on_edit: Callback<Edit>,
}

/// Inline message for a typed number: what was understood, or why it was not.
pub fn number_feedback(text: &str) -> (Option<AttrValue>, Option<AttrValue>) {
    if text.trim().is_empty() {
        return (None, None);
    }
    match Dec::parse_vn(text) {
        // Show the reading only where it is not obvious: separators or a unit were typed.
        Ok(_) if text.trim().chars().all(|c| c.is_ascii_digit()) => (None, None),
        // Written differently from any typing ("38 999", "38 phẩy 999"), so a misreading shows.
        Ok(v) => (Some(format!("Đã hiểu: {}", v.reading_vi()).into()), None),
        Err(e) => (None, Some(e.message_vi().into())),
    }
}

/// What every field of one row needs: the indicator, its code, the row's id prefix, and where
/// edits go.
struct Row<'a> {
    ind: &'a Indicator,
    code: &'a str,
    base: String,
    on_edit: &'a Callback<Edit>,
}

impl Row<'_> {
    /// A callback sending the typed text as the edit `f` of this indicator.
    fn edit(&self, f: fn(String, String) -> Edit) -> Callback<String> {
        let (on, code) = (self.on_edit.clone(), self.code.to_string());
        Callback::from(move |v: String| on.emit(f(code.clone(), v)))
    }

    fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.base)
    }
}

#[function_component]
pub fn IndicatorRow(p: &RowProps) -> Html {
    let ind: &Indicator = &p.set.criteria[p.ci].indicators[p.ii];
    let code = ind.code.as_str();
    let row = Row {
        ind,
        code,
        base: format!("i{}", code.replace('.', "-")),
        on_edit: &p.on_edit,
    };
    let e = &p.data.entry;
    let score = p.data.score.as_ref();
    let status = score.map(|s| s.status).unwrap_or(Status::NotAssessed);
    let on_judgement = {
        let (on, code) = (p.on_edit.clone(), code.to_string());
        Callback::from(move |v: String| {
            on.emit(Edit::Judgement(
                code.clone(),
                of_key(&v).unwrap_or_default(),
            ))
        })
    };
    html! {
        <article class={classes!("indicator", status.css())} id={crate::ui::anchors::indicator(code)} aria-labelledby={row.id("title")}>
            <header class="indicator-head">
                <h4 id={row.id("title")}><span class="code">{ code }</span>{ " " }{ ind.wording.clone() }</h4>
                { badge(status) }
            </header>
            if let Some(s) = score {
                <p class="truth" id={row.id("truth")}>{ card_line(ind, s) }</p>
            }
            { provenance(&row, e) }
            { threshold_info(ind, score) }
            { previous(&row, &p.data) }
            { figures(&row, e, score) }
            { user_threshold(&row, &p.data) }
            <div class="pair">
                { select_field(SelectProps { id: (row.id("judgement")).into(), label: (format!("Chỉ tiêu {code}: đánh giá")).into(), options: judgement_options(ind, e), value: key_of(&e.judgement).into(), on_change: on_judgement }) }
                if ind.kind.is_numeric() {
                    { text_field(TextProps { id: (row.id("year")).into(), label: (format!("Chỉ tiêu {code}: năm của số liệu")).into(), value: e.data_year.clone().into(), on_input: row.edit(Edit::DataYear), inputmode: Some("numeric".into()), class: classes!("narrow"), placeholder: Some("VD: 2024".into()), ..Default::default() }) }
                }
            </div>
            { text_area(AreaProps { id: (row.id("note")).into(), label: (format!("Chỉ tiêu {code}: nhận xét, căn cứ (đưa vào báo cáo)")).into(), value: e.note.clone().into(), on_input: row.edit(Edit::Note), rows: 2, ..Default::default() }) }
            { findings_inline(&p.data.findings) }
            { ack_fields(&format!("Chỉ tiêu {code}"), code, &row.base, &p.data.findings,
                score.map(|s| s.acknowledged.as_slice()).unwrap_or_default(), Some(e), &p.on_edit) }
        </article>
    }
}

/// Who last entered the indicator's entry and when (#28): "người soạn" for the draft's
/// compiler, a team member's name for a part merged.
fn provenance(row: &Row, e: &Entry) -> Html {
    if e.by.trim().is_empty() {
        return Html::default();
    }
    let when = match e.at.trim() {
        "" => String::new(),
        at => format!(", lúc {}", crate::web::clock::local_datetime(at)),
    };
    html! { <p class="who hint" id={row.id("who")}>{ format!("Nhập bởi: {}{when}", e.by) }</p> }
}

fn judgement_options(ind: &Indicator, e: &Entry) -> Vec<(AttrValue, AttrValue)> {
    let labels: [(Judgement, &str); 3] = if ind.kind.is_numeric() {
        [
            (Judgement::None, "Theo số liệu"),
            (Judgement::Met, "Tự đánh giá: Đạt"),
            (Judgement::NotMet, "Tự đánh giá: Chưa đạt"),
        ]
    } else {
        [
            (Judgement::None, "Chưa đánh giá"),
            (Judgement::Met, "Đạt"),
            (Judgement::NotMet, "Chưa đạt"),
        ]
    };
    let mut options: Vec<(AttrValue, AttrValue)> = labels
        .into_iter()
        .map(|(j, label)| (key_of(&j).into(), label.into()))
        .collect();
    if ind.may_be_not_applicable || e.judgement == Judgement::NotApplicable {
        options.push((
            key_of(&Judgement::NotApplicable).into(),
            "Không có trên địa bàn (không áp dụng)".into(),
        ));
    }
    options
}

/// Where the threshold came from and how to assess, on request: the one line above says what
/// it is.
fn threshold_info(ind: &Indicator, score: Option<&IndicatorScore>) -> Html {
    let source = match score.map(|s| &s.threshold) {
        Some(ThresholdView::Applies(t)) => t.provenance_vi(),
        Some(ThresholdView::Open { source, .. }) if !source.trim().is_empty() => {
            format!("theo {}; xã nhập ngưỡng theo văn bản của tỉnh, kèm số văn bản", source.trim())
        }
        Some(ThresholdView::Open { .. } | ThresholdView::None) if ind.kind.is_numeric() => {
            "bộ tiêu chí chưa có ngưỡng: xã nhập ngưỡng theo văn bản của tỉnh (kèm số văn bản), hoặc tự đánh giá".into()
        }
        Some(ThresholdView::ByColumn(_)) => {
            "ngưỡng khác nhau theo nhóm: chọn nhóm của xã ở mục Thông tin".into()
        }
        _ => String::new(),
    };
    if source.is_empty() && ind.guidance.is_empty() {
        return html! {};
    }
    html! {
        <details class="guidance">
            <summary>{ "Nguồn của ngưỡng và hướng dẫn" }</summary>
            if !source.is_empty() { <p class="threshold">{ format!("Ngưỡng {source}.") }</p> }
            if !ind.guidance.is_empty() { <p>{ ind.guidance.clone() }</p> }
        </details>
    }
}

/// The previous period's figures beside the new input, never counted as this period's, with a
/// way to keep them as they were (which the report then asks a reason for).
fn previous(row: &Row, data: &RowData) -> Html {
    let Some((e, period)) = &data.previous else {
        return html! {};
    };
    if !data.entry.kept_from.is_empty() {
        return html! {};
    }
    let value = match (
        &row.ind.kind,
        e.numerator.trim(),
        e.denominator.trim(),
        e.value.trim(),
    ) {
        (Kind::Percent { unit, .. }, n, d, _) if !n.is_empty() || !d.is_empty() => {
            format!("{n}/{d} {unit}")
        }
        (_, _, _, "") => String::new(),
        (Kind::Percent { .. }, _, _, v) => format!("{v}%"),
        (k, _, _, v) => format!("{v} {}", k.unit()),
    };
    let judged = match e.judgement {
        Judgement::Met => "đánh giá đạt",
        Judgement::NotMet => "đánh giá chưa đạt",
        Judgement::NotApplicable => "không áp dụng",
        Judgement::None => "theo số liệu",
    };
    let text = if value.is_empty() {
        format!("Kỳ trước ({period}): {judged}.")
    } else {
        format!("Kỳ trước ({period}): {}, {judged}.", value.trim_end())
    };
    let keep = {
        let (on, code) = (row.on_edit.clone(), row.code.to_string());
        Callback::from(move |_| on.emit(Edit::KeepPrevious(code.clone())))
    };
    html! {
        <p class="previous">
            { text }{ " " }
            <button type="button" class="secondary small" onclick={keep}>{ format!("Giữ như kỳ trước (chỉ tiêu {})", row.code) }</button>
        </p>
    }
}

/// The inputs of the indicator's kind, each with what was understood of the typed number.
fn figures(row: &Row, e: &Entry, score: Option<&IndicatorScore>) -> Html {
    let code = row.code;
    match &row.ind.kind {
        Kind::YesNo => html! {},
        Kind::Percent { .. } => {
            let (numerator, denominator) = row.ind.count_labels().unwrap_or_default();
            let (nh, ne) = number_feedback(&e.numerator);
            let (dh, de) = number_feedback(&e.denominator);
            let (vh, ve) = number_feedback(&e.value);
            let computed = score
                .and_then(|s| s.figure.as_ref())
                .map(|f| format!("Kết quả: {}", figure_text(row.ind, f)));
            html! {
                <div class="figures">
                    <div class="pair">
                        { text_field(TextProps { id: (row.id("num")).into(), label: (format!("Chỉ tiêu {code}: {numerator}")).into(), value: e.numerator.clone().into(), on_input: row.edit(Edit::Numerator), inputmode: Some("decimal".into()), hint: nh, error: ne, ..Default::default() }) }
                        { text_field(TextProps { id: (row.id("den")).into(), label: (format!("Chỉ tiêu {code}: {denominator}")).into(), value: e.denominator.clone().into(), on_input: row.edit(Edit::Denominator), inputmode: Some("decimal".into()), hint: dh, error: de, ..Default::default() }) }
                    </div>
                    { text_field(TextProps { id: (row.id("val")).into(), label: (format!("Chỉ tiêu {code}: hoặc tỷ lệ (%) nếu không có số đếm")).into(), value: e.value.clone().into(), on_input: row.edit(Edit::Value), inputmode: Some("decimal".into()), hint: vh, error: ve, class: classes!("narrow"), ..Default::default() }) }
                    <p class="computed" aria-live="polite">{ computed.unwrap_or_default() }</p>
                </div>
            }
        }
        Kind::Amount { unit } | Kind::Count { unit } => {
            let (vh, ve) = number_feedback(&e.value);
            html! {
                <div class="figures">
                    { text_field(TextProps { id: (row.id("val")).into(), label: (if unit.trim().is_empty() || unit.trim() == "đơn vị" { format!("Chỉ tiêu {code}: {}", row.ind.short) } else { format!("Chỉ tiêu {code}: {} ({unit})", row.ind.short) }).into(), value: e.value.clone().into(), on_input: row.edit(Edit::Value), inputmode: Some("decimal".into()), hint: vh, error: ve, class: classes!("narrow"), ..Default::default() }) }
                </div>
            }
        }
    }
}

/// The user's own threshold, with its source, only where the set has none to give.
fn user_threshold(row: &Row, data: &RowData) -> Html {
    let ind = row.ind;
    let own_applies = data
        .score
        .as_ref()
        .is_some_and(|s| s.threshold.commune_may_enter());
    if !ind.kind.is_numeric() || !own_applies {
        return html! {};
    }
    let ut = data.user_threshold.clone().unwrap_or_default();
    let direction = ind.direction.map(|d| d.symbol()).unwrap_or("");
    let code = row.code;
    let (hint, error) = number_feedback(&ut.value);
    html! {
        <div class="pair user-threshold">
            { text_field(TextProps { id: (row.id("thr")).into(), label: (format!("Chỉ tiêu {code}: ngưỡng tự nhập ({direction} {})", ind.kind.unit())).into(), value: ut.value.clone().into(), on_input: row.edit(Edit::ThresholdValue), inputmode: Some("decimal".into()), hint, error, ..Default::default() }) }
            { text_field(TextProps { id: (row.id("thr-src")).into(), label: (format!("Chỉ tiêu {code}: nguồn của ngưỡng (số văn bản)")).into(), value: ut.source.clone().into(), on_input: row.edit(Edit::ThresholdSource), placeholder: Some("VD: QĐ 1494/QĐ-UBND".into()), ..Default::default() }) }
        </div>
    }
}
