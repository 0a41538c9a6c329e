//! One indicator of the assessment: its wording, threshold and source, the inputs its kind
//! needs (with what was understood of each typed number), the judgement and the note.

use super::assess::indicator_anchor;
use super::badge::{badge, Look};
use super::field::{SelectField, TextArea, TextField};
use crate::core::criteria::{CriteriaSet, Indicator, Kind};
use crate::core::draft::{Entry, Judgement, UserThreshold};
use crate::core::edit::Edit;
use crate::core::num::Dec;
use crate::core::report::model::figure_text;
use crate::core::scoring::{Finding, IndicatorScore, Severity, Status};
use crate::ui::state::Shared;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct RowData {
    pub entry: Entry,
    pub score: Option<IndicatorScore>,
    pub findings: Vec<Finding>,
    pub user_threshold: Option<UserThreshold>,
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub set: Shared<CriteriaSet>,
    pub ci: usize,
    pub ii: usize,
    pub data: RowData,
    pub on_edit: Callback<Edit>,
}

pub fn judgement_key(j: Judgement) -> &'static str {
    match j {
        Judgement::None => "none",
        Judgement::Met => "met",
        Judgement::NotMet => "not_met",
        Judgement::NotApplicable => "na",
    }
}

pub fn judgement_of(v: &str) -> Judgement {
    match v {
        "met" => Judgement::Met,
        "not_met" => Judgement::NotMet,
        "na" => Judgement::NotApplicable,
        _ => Judgement::None,
    }
}

/// Inline message for a typed number: what was understood, or why it was not.
fn number_feedback(text: &str) -> (Option<AttrValue>, Option<AttrValue>) {
    if text.trim().is_empty() {
        return (None, None);
    }
    match Dec::parse_vn(text) {
        // Show the reading only where it is not obvious: separators or a unit were typed.
        Ok(_) if text.trim().chars().all(|c| c.is_ascii_digit()) => (None, None),
        Ok(v) => (Some(format!("Đã hiểu: {}", v.fmt_vn_short(6)).into()), None),
        Err(e) => (None, Some(e.message_vi().into())),
    }
}

#[function_component]
pub fn IndicatorRow(p: &RowProps) -> Html {
    let ind: &Indicator = &p.set.criteria[p.ci].indicators[p.ii];
    let code = ind.code.clone();
    let e = &p.data.entry;
    let base = format!("i{}", code.replace('.', "-"));
    let cb = |f: fn(String, String) -> Edit| {
        let on = p.on_edit.clone();
        let code = code.clone();
        Callback::from(move |v: String| on.emit(f(code.clone(), v)))
    };
    let status = p
        .data
        .score
        .as_ref()
        .map(|s| s.status)
        .unwrap_or(Status::NotAssessed);

    let mut options: Vec<(AttrValue, AttrValue)> = if ind.kind.is_numeric() {
        vec![
            ("none".into(), "Theo số liệu".into()),
            ("met".into(), "Tự đánh giá: Đạt".into()),
            ("not_met".into(), "Tự đánh giá: Chưa đạt".into()),
        ]
    } else {
        vec![
            ("none".into(), "Chưa đánh giá".into()),
            ("met".into(), "Đạt".into()),
            ("not_met".into(), "Chưa đạt".into()),
        ]
    };
    if ind.may_be_not_applicable || e.judgement == Judgement::NotApplicable {
        options.push(("na".into(), "Không có trên địa bàn (không áp dụng)".into()));
    }
    let on_judgement = {
        let on = p.on_edit.clone();
        let code = code.clone();
        Callback::from(move |v: String| on.emit(Edit::Judgement(code.clone(), judgement_of(&v))))
    };

    let threshold_info = match p.data.score.as_ref().and_then(|s| s.threshold.clone()) {
        Some(t) => {
            html! { <p class="threshold">{ format!("Ngưỡng: {} — nguồn: {}", t.text(ind.kind.unit()), if t.source.is_empty() { "chưa ghi" } else { &t.source }) }</p> }
        }
        None if ind.kind.is_numeric() => {
            html! { <p class="threshold missing">{ "Bộ tiêu chí chưa có ngưỡng cho chỉ tiêu này. Nhập ngưỡng theo văn bản của tỉnh (kèm nguồn), hoặc tự đánh giá." }</p> }
        }
        None => {
            html! { <p class="threshold">{ "Chỉ tiêu đánh giá đạt / chưa đạt theo nhận định của xã, có ghi căn cứ." }</p> }
        }
    };

    let figures = match &ind.kind {
        Kind::YesNo => html! {},
        Kind::Percent {
            numerator,
            denominator,
            unit,
        } => {
            let (nh, ne) = number_feedback(&e.numerator);
            let (dh, de) = number_feedback(&e.denominator);
            let (vh, ve) = number_feedback(&e.value);
            let computed = p
                .data
                .score
                .as_ref()
                .and_then(|s| s.figure.as_ref())
                .map(|f| figure_text(ind, f));
            html! {
                <div class="figures">
                    <div class="pair">
                        <TextField id={format!("{base}-num")} label={format!("Chỉ tiêu {code}: {numerator} ({unit})")} value={e.numerator.clone()}
                            on_input={cb(Edit::Numerator)} inputmode="decimal" hint={nh} error={ne} />
                        <TextField id={format!("{base}-den")} label={format!("Chỉ tiêu {code}: {denominator} ({unit})")} value={e.denominator.clone()}
                            on_input={cb(Edit::Denominator)} inputmode="decimal" hint={dh} error={de} />
                    </div>
                    <TextField id={format!("{base}-val")} label={format!("Chỉ tiêu {code}: hoặc tỷ lệ (%) nếu không có số đếm")} value={e.value.clone()}
                        on_input={cb(Edit::Value)} inputmode="decimal" hint={vh} error={ve} class="narrow" />
                    <p class="computed" aria-live="polite">{ computed.map(|c| format!("Kết quả: {c}")).unwrap_or_default() }</p>
                </div>
            }
        }
        Kind::Amount { unit } | Kind::Count { unit } => {
            let (vh, ve) = number_feedback(&e.value);
            html! {
                <div class="figures">
                    <TextField id={format!("{base}-val")} label={format!("Chỉ tiêu {code}: {} ({unit})", ind.short)} value={e.value.clone()}
                        on_input={cb(Edit::Value)} inputmode="decimal" hint={vh} error={ve} class="narrow" />
                </div>
            }
        }
    };

    let user_threshold = if ind.kind.is_numeric()
        && p.data
            .score
            .as_ref()
            .is_some_and(|s| s.threshold.as_ref().is_none_or(|t| t.from_user))
    {
        let ut = p.data.user_threshold.clone().unwrap_or_default();
        let direction = ind.direction.map(|d| d.symbol()).unwrap_or("");
        html! {
            <div class="pair user-threshold">
                <TextField id={format!("{base}-thr")} label={format!("Chỉ tiêu {code}: ngưỡng tự nhập ({direction} {})", ind.kind.unit())} value={ut.value.clone()}
                    on_input={cb(Edit::ThresholdValue)} inputmode="decimal" />
                <TextField id={format!("{base}-thr-src")} label={format!("Chỉ tiêu {code}: nguồn của ngưỡng (số văn bản)")} value={ut.source.clone()}
                    on_input={cb(Edit::ThresholdSource)} placeholder="VD: QĐ 1494/QĐ-UBND" />
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <article class={classes!("indicator", status.css())} id={indicator_anchor(&code)} aria-labelledby={format!("{base}-title")}>
            <header class="indicator-head">
                <h4 id={format!("{base}-title")}><span class="code">{ code.clone() }</span>{ " " }{ ind.wording.clone() }</h4>
                { badge(status) }
            </header>
            <details class="guidance">
                <summary>{ "Ngưỡng, nguồn và hướng dẫn" }</summary>
                { threshold_info }
                if !ind.guidance.is_empty() { <p>{ ind.guidance.clone() }</p> }
            </details>
            { figures }
            { user_threshold }
            <div class="pair">
                <SelectField id={format!("{base}-judgement")} label={format!("Chỉ tiêu {code}: đánh giá")} options={options}
                    value={judgement_key(e.judgement)} on_change={on_judgement} />
                if ind.kind.is_numeric() {
                    <TextField id={format!("{base}-year")} label={format!("Chỉ tiêu {code}: năm của số liệu")} value={e.data_year.clone()}
                        on_input={cb(Edit::DataYear)} inputmode="numeric" class="narrow" placeholder="VD: 2024" />
                }
            </div>
            <TextArea id={format!("{base}-note")} label={format!("Chỉ tiêu {code}: nhận xét, căn cứ (đưa vào báo cáo)")} value={e.note.clone()}
                on_input={cb(Edit::Note)} rows={2} />
            if !p.data.findings.is_empty() {
                <ul class="findings-inline">
                    { for p.data.findings.iter().map(|f| html! {
                        <li class={if f.severity == Severity::Error { "error" } else { "warning" }}>
                            <strong>{ f.severity.label_vi() }{ ": " }</strong>{ f.message.clone() }
                        </li>
                    }) }
                </ul>
            }
        </article>
    }
}
