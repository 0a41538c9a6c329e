//! How a status and a finding look: a CSS class and a symbol, always shown with its words, so a status is
//! never told by colour alone. The words come from the core; the looks belong to the UI.

use crate::core::scoring::{CriterionStatus, Finding, Severity, Status};
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

/// Findings listed where they arise (under an indicator or a criterion), each with its weight
/// in words.
pub fn findings_inline(findings: &[Finding]) -> Html {
    if findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="findings-inline">
            { for findings.iter().map(|f| html! {
                <li class={if f.severity == Severity::Error { "error" } else { "warning" }}>
                    <strong>{ f.severity.label_vi() }{ ": " }</strong>{ f.message.clone() }
                </li>
            }) }
        </ul>
    }
}
