//! The always-visible summary: "đạt X/N tiêu chí" (N from the set), a progress bar, the unmet
//! criteria and the findings, each jumping to its place.

use crate::core::criteria::CriteriaSet;
use crate::core::scoring::{FindingKind, Scores};
use crate::ui::anchors;
use crate::ui::components::badge::weight;
use crate::ui::shared::Shared;
use yew::prelude::*;

/// The set-up field a finding about the report as a whole is resolved in.
fn report_anchor(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::UnknownColumn | FindingKind::NoColumnChosen => "m-column",
        FindingKind::MissingCommune => "m-commune",
        FindingKind::MissingIssuingBody => "m-issuing",
        FindingKind::MissingDate => "m-date",
        FindingKind::MissingSignatory => "m-sign-name",
        FindingKind::DateFarFromPeriod => "m-date",
        FindingKind::AddressedAndCopied => "m-copies",
        FindingKind::SetInvalid => "m-set",
        _ => "m-year",
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub set: Shared<CriteriaSet>,
    pub scores: Shared<Scores>,
    /// Called before jumping, so the app can switch to the assessment tab.
    pub on_jump: Callback<String>,
}

#[function_component]
pub fn Summary(p: &SummaryProps) -> Html {
    let s = &p.scores;
    let met = s.met_count();
    let total = s.total();
    let left = s.left();
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let unmet = s.unmet_numbers();
    // The list closes as it jumps: open, it would cover the field it jumps to.
    let jump = |anchor: String| {
        let (on, open) = (p.on_jump.clone(), open.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            open.set(false);
            on.emit(anchor.clone());
        })
    };
    html! {
        <section class="summary" aria-label="Tóm tắt kết quả">
            <div class="summary-main">
                <p class="score" id="summary-score" aria-live="polite"><strong>{ format!("Đạt {met}/{total} tiêu chí") }</strong></p>
                <progress max={total.to_string()} value={met.to_string()} aria-labelledby="summary-score"></progress>
                <button type="button" class={classes!("findings-toggle", (left.errors > 0).then_some("has-errors"))} onclick={toggle} aria-expanded={(*open).to_string()} aria-controls="findings-list">
                    { left.summary_vi() }
                </button>
            </div>
            if !unmet.is_empty() {
                <p class={classes!("unmet", (!*open).then_some("wide-only"))}>
                    <span>{ "Chưa đạt: " }</span>
                    { for unmet.iter().map(|&n| html! {
                        <a href={format!("#{}", anchors::criterion(n))} onclick={jump(anchors::criterion(n))}
                           title={p.set.criteria.iter().find(|c| c.number == n).map(|c| c.name.clone()).unwrap_or_default()}>{ format!("TC {n}") }</a>
                    }) }
                </p>
            }
            if *open {
                <ol id="findings-list" class="findings">
                    { for s.findings.iter().map(|f| {
                        // Findings about the report's text jump to the narrative field; about
                        // a whole criterion, to its card; about the report, to its set-up.
                        let anchor = match (f.part, f.code.is_empty(), f.criterion) {
                            (Some(part), _, _) => format!("n-{}", part.key()),
                            (None, false, _) => anchors::indicator(&f.code),
                            (None, true, 0) => report_anchor(f.kind).to_string(),
                            (None, true, n) => anchors::criterion(n),
                        };
                        html! {
                        <li class={weight(f)}>
                            <a href={format!("#{anchor}")} onclick={jump(anchor.clone())}>
                                <strong>{ f.label_vi() }{ ": " }</strong>{ f.message.clone() }
                            </a>
                        </li>
                    }}) }
                </ol>
            }
        </section>
    }
}
