//! Scoring: from a criteria set and a draft to the assessed view (`Scores`) every output
//! renders from: each indicator's figure, threshold with its provenance, result by the figures,
//! the commune's judgement and any override; each criterion's status; "đạt X/N tiêu chí" (N is
//! the set's number of criteria); and the one list of findings, whose errors keep the report
//! "DỰ THẢO".
//!
//! Pure and deterministic: the same set and draft always give the same `Scores`. One indicator
//! goes through a pipeline of pure stages, each in its own file (see `indicator`): `figure`
//! reads what was typed, `threshold` resolves the threshold, `figure::meets` compares, `judge`
//! applies the judgement, `findings` settles what was acknowledged. `criterion` makes a
//! criterion's status, `report_level` the findings about the report as a whole, `narrative` checks
//! the report's own text. `view` holds the types and the words they print.

mod criterion;
mod figure;
mod findings;
mod indicator;
mod judge;
mod left;
mod narrative;
mod report_level;
mod threshold;
mod view;

pub use figure::meets;
pub use findings::{Finding, FindingKind, Severity};
pub use left::Left;
pub use threshold::effective_column;
pub use view::{
    Acknowledged, AppliedThreshold, ColumnThreshold, CriterionScore, CriterionStatus, Figure,
    IndicatorScore, Override, Provenance, Status, ThresholdView,
};

use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;

/// The assessed view of one draft.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Scores {
    /// In the set's order.
    pub indicators: Vec<IndicatorScore>,
    pub criteria: Vec<CriterionScore>,
    /// About the report first, then each criterion's indicators and itself, then the text.
    pub findings: Vec<Finding>,
}

impl Scores {
    pub fn met_count(&self) -> usize {
        self.criteria
            .iter()
            .filter(|c| c.status == CriterionStatus::Met)
            .count()
    }

    pub fn total(&self) -> usize {
        self.criteria.len()
    }

    /// "đạt X/N tiêu chí", N the number of criteria of the set
    pub fn summary_vi(&self) -> String {
        format!("đạt {}/{} tiêu chí", self.met_count(), self.total())
    }

    pub fn met_numbers(&self) -> Vec<u8> {
        self.criteria
            .iter()
            .filter(|c| c.status == CriterionStatus::Met)
            .map(|c| c.number)
            .collect()
    }

    pub fn unmet_numbers(&self) -> Vec<u8> {
        self.criteria
            .iter()
            .filter(|c| c.status != CriterionStatus::Met)
            .map(|c| c.number)
            .collect()
    }

    pub fn indicator(&self, code: &str) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|s| s.code == code)
    }

    pub fn criterion(&self, number: u8) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.number == number)
    }

    /// Each of the set's indicators, in `set.indicators()` order, with its score and its
    /// findings: what a screen draws row by row, found in one pass over each list instead of
    /// a search per row (issue #30). Scoring writes scores and findings in the set's order,
    /// an indicator's findings together, so each is found where the pass is; one elsewhere
    /// (scores filtered, as a part's are) is found by a search. A set giving one code twice
    /// gets its scores in turn.
    pub fn by_indicator<'a>(&'a self, set: &CriteriaSet) -> Vec<IndicatorView<'a>> {
        let codes: Vec<&str> = set.indicators().map(|(_, i)| i.code.as_str()).collect();
        let mut out: Vec<IndicatorView> = codes.iter().map(|_| IndicatorView::default()).collect();
        let mut next = 0;
        for s in &self.indicators {
            if let Some(k) = place(&codes, &s.code, next) {
                out[k].score.get_or_insert(s);
                next = k + 1;
            }
        }
        let mut at = 0;
        for f in self.findings.iter().filter(|f| !f.code.is_empty()) {
            if let Some(k) = place(&codes, &f.code, at) {
                out[k].findings.push(f);
                at = k;
            }
        }
        out
    }

    pub fn errors(&self) -> usize {
        self.blocking().count()
    }

    /// What keeps the report "DỰ THẢO": every error-level finding, in order. The report, the
    /// editor and the roll-up all list exactly these.
    pub fn blocking(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// Whether the report can be final.
    pub fn is_final(&self) -> bool {
        self.blocking().next().is_none()
    }
}

/// An indicator's score and findings, as `Scores::by_indicator` gives them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorView<'a> {
    pub score: Option<&'a IndicatorScore>,
    pub findings: Vec<&'a Finding>,
}

/// The place of `code` among `codes`: at `from` or the first after it (both lists in the set's
/// order: where the pass is, or a few places on), else the first anywhere.
fn place(codes: &[&str], code: &str, from: usize) -> Option<usize> {
    let ahead = codes.get(from..).unwrap_or_default();
    match ahead.iter().position(|c| *c == code) {
        Some(k) => Some(from + k),
        None => codes.iter().position(|c| *c == code),
    }
}

/// Scores a whole draft against a set.
pub fn score(set: &CriteriaSet, draft: &Draft) -> Scores {
    let period = draft.meta.period_text();
    let at = indicator::Place {
        set,
        column: effective_column(set, draft),
        draft,
        period: &period,
    };
    let mut scores = Scores {
        findings: report_level::report_findings(set, draft),
        ..Scores::default()
    };
    for c in &set.criteria {
        let score = if c.indicators.is_empty() {
            criterion::score_whole(c, &at, &mut scores.findings)
        } else {
            criterion::score_criterion(c, &at, &mut scores.indicators, &mut scores.findings)
        };
        scores.criteria.push(score);
    }
    let text_findings = narrative::narrative_findings(draft, &scores);
    scores.findings.extend(text_findings);
    scores
}
