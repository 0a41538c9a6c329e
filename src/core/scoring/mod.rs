//! Scoring: from a criteria set and a draft to indicator and criterion statuses, the
//! "đạt X/N tiêu chí" summary (N is the set's number of criteria), and findings an inspector
//! would raise.
//!
//! Pure and deterministic: the same set and draft always give the same `Scores`. The types
//! and the walk over the set are here; `threshold` picks the threshold that applies, `figure`
//! reads what was typed, `indicator` decides one indicator's status, `narrative` checks the
//! report's own text.

mod criterion;
mod figure;
mod indicator;
mod narrative;
mod threshold;

pub use threshold::{effective_column, set_threshold};

use crate::core::criteria::{CriteriaSet, Direction};
use crate::core::draft::{Draft, Entry, NarrativePart};
use crate::core::num::Dec;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    /// No data and no judgement yet.
    NotAssessed,
    /// Nothing of the kind in the commune: counted as met.
    NotApplicable,
    /// Figures present but no threshold known: the user must enter one or judge by hand.
    MissingThreshold,
}

impl Status {
    pub fn counts_as_met(self) -> bool {
        matches!(self, Status::Met | Status::NotApplicable)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Met => "Đạt",
            Status::NotMet => "Chưa đạt",
            Status::NotAssessed => "Chưa đánh giá",
            Status::NotApplicable => "Không áp dụng (tính là đạt)",
            Status::MissingThreshold => "Thiếu ngưỡng",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CriterionStatus {
    Met,
    NotMet,
    /// No indicator fails, but some are not assessed or lack a threshold: not met yet.
    Incomplete,
}

impl CriterionStatus {
    pub fn label_vi(self) -> &'static str {
        match self {
            CriterionStatus::Met => "Đạt",
            CriterionStatus::NotMet => "Chưa đạt",
            CriterionStatus::Incomplete => "Chưa đánh giá đủ",
        }
    }
}

/// The threshold that applies to one indicator for this commune and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedThreshold {
    pub value: Dec,
    pub direction: Direction,
    pub source: String,
    /// Entered by the user because the set has none.
    pub from_user: bool,
}

impl AppliedThreshold {
    /// "≥ 95%", "≤ 26,7%", "≥ 39 triệu đồng/người/năm".
    pub fn text(&self, unit: &str) -> String {
        let sep = if unit == "%" || unit.is_empty() {
            ""
        } else {
            " "
        };
        format!(
            "{} {}{}{}",
            self.direction.symbol(),
            self.value.fmt_vn_short(6),
            sep,
            unit
        )
    }
}

/// What the commune's figures say, once read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    /// From two counts: part, whole, and the percentage at full precision.
    Counts { part: Dec, whole: Dec, percent: Dec },
    /// A percentage entered directly, or an amount, or a count.
    Value(Dec),
}

impl Figure {
    /// The value compared with the threshold.
    pub fn value(&self) -> Dec {
        match self {
            Figure::Counts { percent, .. } => *percent,
            Figure::Value(v) => *v,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorScore {
    pub code: String,
    pub criterion: u8,
    pub status: Status,
    pub figure: Option<Figure>,
    pub threshold: Option<AppliedThreshold>,
    /// What the figures alone say, where they can say anything.
    pub by_figures: Option<bool>,
    /// The status is the commune's judgement against what the figures say.
    pub overrides_figures: bool,
    /// Findings the user acknowledged, with their reasons: printed in the report.
    pub acknowledged: Vec<Acknowledged>,
}

/// A finding the user acknowledged: it no longer keeps the report a draft, and the report
/// prints its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledged {
    pub kind: FindingKind,
    /// The text the acknowledgement is about (a note, a year, a figure as typed).
    pub about: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionScore {
    pub number: u8,
    pub status: CriterionStatus,
    /// Indicators met (or not applicable) of `total`; both 0 for a criterion judged whole.
    pub met: usize,
    pub total: usize,
    /// The set lists no indicators: the commune judged the criterion as a whole.
    pub whole: bool,
    /// Findings about the criterion itself the user acknowledged.
    pub acknowledged: Vec<Acknowledged>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed before the report is final: the document stays "DỰ THẢO".
    Error,
    /// To check; the report can still be final.
    Warning,
}

impl Severity {
    pub fn label_vi(self) -> &'static str {
        match self {
            Severity::Error => "Lỗi",
            Severity::Warning => "Cần xem lại",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    NotAssessed,
    MissingThreshold,
    InvalidNumber,
    MissingCount,
    PartAboveWhole,
    OutOfRange,
    Contradiction,
    ContradictionWithoutReason,
    NoteContradictsStatus,
    MissingReason,
    JudgedWithoutFigures,
    NotApplicableNotAllowed,
    StaleData,
    InvalidDataYear,
    InvalidUserThreshold,
    /// The narrative quotes a count of criteria ("11/11 tiêu chí") that is not the score.
    CountMismatch,
    /// The report's year is outside the period of its criteria set.
    OutsidePeriod,
    /// The commune's threshold column is not one of the set's (after changing sets).
    UnknownColumn,
    /// A figure judged "đạt" where the set has no threshold to judge it by.
    MetWithoutThreshold,
    /// A criterion judged "đạt" whose own note says it is not.
    CriterionNoteContradicts,
}

impl FindingKind {
    /// The findings a user may acknowledge with a reason instead of resolving.
    pub const ACKNOWLEDGEABLE: [FindingKind; 7] = [
        FindingKind::NotAssessed,
        FindingKind::MissingThreshold,
        FindingKind::StaleData,
        FindingKind::NoteContradictsStatus,
        FindingKind::JudgedWithoutFigures,
        FindingKind::MetWithoutThreshold,
        FindingKind::CriterionNoteContradicts,
    ];

    /// The key an acknowledgement records (`draft::Ack::kind`).
    pub fn key(self) -> &'static str {
        match self {
            FindingKind::NotAssessed => "not_assessed",
            FindingKind::MissingThreshold => "missing_threshold",
            FindingKind::StaleData => "stale_data",
            FindingKind::NoteContradictsStatus => "note_contradicts",
            FindingKind::JudgedWithoutFigures => "judged_without_figures",
            FindingKind::MetWithoutThreshold => "met_without_threshold",
            FindingKind::CriterionNoteContradicts => "criterion_note_contradicts",
            _ => "",
        }
    }

    /// What an acknowledgement of this finding says in the report and beside its field.
    pub fn ack_label_vi(self) -> &'static str {
        match self {
            FindingKind::NotAssessed => "Chưa đánh giá",
            FindingKind::MissingThreshold => "Có số liệu nhưng chưa có ngưỡng",
            FindingKind::StaleData => "Số liệu cũ hơn kỳ báo cáo",
            FindingKind::NoteContradictsStatus | FindingKind::CriterionNoteContradicts => {
                "Giữ đánh giá đạt dù nhận xét nêu điểm chưa đạt"
            }
            FindingKind::JudgedWithoutFigures => "Đánh giá đạt khi chưa có số liệu",
            FindingKind::MetWithoutThreshold => "Đánh giá đạt khi bộ tiêu chí chưa có ngưỡng",
            _ => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
    /// The indicator it concerns; empty for a finding about the report's text.
    pub code: String,
    pub criterion: u8,
    /// The narrative part it concerns, for findings about the report's text.
    pub part: Option<NarrativePart>,
    pub message: String,
    /// For a finding the user may acknowledge instead of resolving: the text it is about.
    pub ack: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Scores {
    pub indicators: Vec<IndicatorScore>,
    pub criteria: Vec<CriterionScore>,
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

    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// Where findings about one indicator (or one criterion, with an empty code) go.
pub(crate) struct Ctx<'a> {
    code: &'a str,
    criterion: u8,
    findings: &'a mut Vec<Finding>,
    /// The entry whose acknowledgements apply (the indicator's, or the criterion's own).
    entry: Option<&'a Entry>,
    acknowledged: Vec<Acknowledged>,
}

impl<'a> Ctx<'a> {
    fn new(
        code: &'a str,
        criterion: u8,
        findings: &'a mut Vec<Finding>,
        entry: Option<&'a Entry>,
    ) -> Self {
        Ctx {
            code,
            criterion,
            findings,
            entry,
            acknowledged: Vec::new(),
        }
    }

    fn add(&mut self, severity: Severity, kind: FindingKind, message: String) {
        self.push(severity, kind, message, None);
    }

    /// Something that keeps the report a draft until it is resolved, or acknowledged with a
    /// reason for exactly this text (`about`): then it is recorded for the report instead.
    fn blocker(&mut self, kind: FindingKind, about: &str, message: String) {
        let ack = self.entry.and_then(|e| {
            e.acks
                .iter()
                .find(|a| a.kind == kind.key() && a.about == about && !a.reason.trim().is_empty())
        });
        match ack {
            Some(a) => self.acknowledged.push(Acknowledged {
                kind,
                about: a.about.clone(),
                reason: a.reason.trim().to_string(),
            }),
            None => {
                let message = format!(
                    "{message} Sửa, hoặc ghi lý do để xác nhận (lý do được in vào báo cáo)."
                );
                self.push(Severity::Error, kind, message, Some(about.to_string()))
            }
        }
    }

    fn push(
        &mut self,
        severity: Severity,
        kind: FindingKind,
        message: String,
        ack: Option<String>,
    ) {
        let message = if self.code.is_empty() {
            format!("Tiêu chí {}: {message}", self.criterion)
        } else {
            format!("Chỉ tiêu {}: {message}", self.code)
        };
        self.findings.push(Finding {
            severity,
            kind,
            code: self.code.to_string(),
            criterion: self.criterion,
            part: None,
            message,
            ack,
        });
    }
}

/// Scores a whole draft against a set.
pub fn score(set: &CriteriaSet, draft: &Draft) -> Scores {
    let column = effective_column(set, draft);
    let mut scores = Scores::default();
    scores
        .findings
        .extend(criterion::report_findings(set, draft));
    for c in &set.criteria {
        let score = if c.indicators.is_empty() {
            criterion::score_whole(c, draft, &mut scores.findings)
        } else {
            criterion::score_criterion(c, draft, column, &mut scores)
        };
        scores.criteria.push(score);
    }
    let text_findings = narrative::narrative_findings(draft, &scores);
    scores.findings.extend(text_findings);
    scores
}
