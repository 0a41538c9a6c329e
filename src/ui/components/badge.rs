//! How a status and a finding look: a CSS class and a symbol, always shown with its words, so a status is
//! never told by colour alone. The words come from the core; the looks belong to the UI.

use crate::core::scoring::{CriterionStatus, Finding, FindingKind, Severity, Status};
use yew::prelude::*;

pub trait Look: Copy {
    fn css(self) -> &'static str;
    fn symbol(self) -> &'static str;
    fn label(self) -> &'static str;
}

impl Look for Status {
    fn css(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "unmet",
            Status::NotAssessed => "pending",
            Status::NotApplicable => "na",
            Status::MissingThreshold => "nothreshold",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✓",
            Status::NotMet => "✗",
            Status::NotApplicable => "○",
            Status::NotAssessed => "…",
            Status::MissingThreshold => "?",
        }
    }

    fn label(self) -> &'static str {
        self.label_vi()
    }
}

impl Look for CriterionStatus {
    fn css(self) -> &'static str {
        match self {
            CriterionStatus::Met => "met",
            CriterionStatus::NotMet => "unmet",
            CriterionStatus::Incomplete => "pending",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            CriterionStatus::Met => "✓",
            CriterionStatus::NotMet => "✗",
            CriterionStatus::Incomplete => "…",
        }
    }

    fn label(self) -> &'static str {
        self.label_vi()
    }
}

/// A status badge: symbol and words.
pub fn badge(status: impl Look) -> Html {
    html! {
        <span class={classes!("badge", status.css())}><span aria-hidden="true">{ status.symbol() }</span>{ " " }{ status.label() }</span>
    }
}

/// A finding's class: a real error, something still to give, or something to check.
pub fn weight(f: &Finding) -> &'static str {
    match f.severity {
        Severity::Warning => "warning",
        Severity::Error if f.is_error() => "error",
        Severity::Error => "todo",
    }
}

/// Findings listed where they arise (under an indicator or a criterion), each with its weight
/// in words. "Not entered yet" is left to the card's badge and its line of truth: an empty
/// card has nothing wrong with it.
pub fn findings_inline(findings: &[Finding]) -> Html {
    let shown: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.kind != FindingKind::NotAssessed)
        .collect();
    if shown.is_empty() {
        return html! {};
    }
    html! {
        <ul class="findings-inline">
            { for shown.into_iter().map(|f| html! {
                <li class={weight(f)}>
                    <strong>{ f.label_vi() }{ ": " }</strong>{ f.message.clone() }
                </li>
            }) }
        </ul>
    }
}
