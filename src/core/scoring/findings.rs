//! Findings: what an inspector would raise. Each stage of scoring returns its problems; the last
//! stage (`settle`) turns them into findings, recording instead those the user acknowledged
//! with a reason for exactly the text they are about.

use super::Acknowledged;
use crate::core::draft::{Entry, NarrativePart};

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
    /// The commune's judgement differs from what the figures say: it stands only with a reason
    /// of its own, given for these figures and this threshold.
    Override,
    NoteContradictsStatus,
    MissingReason,
    JudgedWithoutFigures,
    NotApplicableNotAllowed,
    StaleData,
    InvalidDataYear,
    InvalidUserThreshold,
    /// An entry kept as the previous period gave it, not entered anew.
    CarriedOver,
    /// The narrative quotes a count of criteria ("11/11 tiêu chí") that is not the score.
    CountMismatch,
    /// The report's year is outside the period of its criteria set.
    OutsidePeriod,
    /// The commune's threshold column is not one of the set's (after changing sets).
    UnknownColumn,
    /// The set gives thresholds per column and the commune has chosen none.
    NoColumnChosen,
    /// A figure judged "đạt" where the set has no threshold to judge it by.
    MetWithoutThreshold,
    /// A criterion judged "đạt" whose own note says it is not.
    CriterionNoteContradicts,
    /// The draft's criteria set fails validation.
    SetInvalid,
    /// The commune's name, needed by the header and the title, is missing.
    MissingCommune,
    /// A board issues the report but its name is missing.
    MissingIssuingBody,
    /// The document's date is missing.
    MissingDate,
    /// Who signs is missing.
    MissingSignatory,
    /// The document is dated long after the period it reports on.
    DateFarFromPeriod,
    /// The same office is both addressed ("Kính gửi") and copied ("Nơi nhận").
    AddressedAndCopied,
}

impl FindingKind {
    /// The findings a user may acknowledge with a reason instead of resolving.
    pub const ACKNOWLEDGEABLE: [FindingKind; 9] = [
        FindingKind::NotAssessed,
        FindingKind::MissingThreshold,
        FindingKind::Override,
        FindingKind::StaleData,
        FindingKind::CarriedOver,
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
            FindingKind::Override => "override",
            FindingKind::StaleData => "stale_data",
            FindingKind::CarriedOver => "carried_over",
            FindingKind::NoteContradictsStatus => "note_contradicts",
            FindingKind::JudgedWithoutFigures => "judged_without_figures",
            FindingKind::MetWithoutThreshold => "met_without_threshold",
            FindingKind::CriterionNoteContradicts => "criterion_note_contradicts",
            _ => "",
        }
    }

    /// What an acknowledgement of this finding says beside its field.
    pub fn ack_label_vi(self) -> &'static str {
        match self {
            FindingKind::NotAssessed => "Chưa đánh giá",
            FindingKind::MissingThreshold => "Có số liệu nhưng chưa có ngưỡng",
            FindingKind::Override => "Đánh giá khác kết quả theo số liệu",
            FindingKind::StaleData => "Số liệu cũ hơn kỳ báo cáo",
            FindingKind::CarriedOver => "Giữ nguyên như kỳ trước",
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
    /// The indicator it concerns; empty for a finding about a criterion or the report.
    pub code: String,
    /// The criterion it concerns; 0 for a finding about the report.
    pub criterion: u8,
    /// The narrative part it concerns, for findings about the report's text.
    pub part: Option<NarrativePart>,
    pub message: String,
    /// For a finding the user may acknowledge instead of resolving: the text it is about.
    pub ack: Option<String>,
}

/// A problem a stage found, before acknowledgements are applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Problem {
    pub severity: Severity,
    pub kind: FindingKind,
    pub message: String,
    /// `Some`: a blocker the user may acknowledge with a reason for exactly this text.
    pub about: Option<String>,
}

impl Problem {
    pub fn error(kind: FindingKind, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            kind,
            message: message.into(),
            about: None,
        }
    }

    pub fn warning(kind: FindingKind, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            kind,
            message: message.into(),
            about: None,
        }
    }

    /// Keeps the report a draft until resolved, or acknowledged with a reason for `about`.
    pub fn blocker(
        kind: FindingKind,
        about: impl Into<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            severity: Severity::Error,
            kind,
            message: message.into(),
            about: Some(about.into()),
        }
    }
}

/// The last stage: problems of one indicator (`code`) or one criterion (empty code) become
/// findings, except blockers acknowledged in `entry` with a reason for exactly their text,
/// which are returned as acknowledgements for the report to print.
pub(super) fn settle(
    code: &str,
    criterion: u8,
    problems: Vec<Problem>,
    entry: Option<&Entry>,
) -> (Vec<Finding>, Vec<Acknowledged>) {
    let mut findings = Vec::new();
    let mut acknowledged = Vec::new();
    for p in problems {
        let ack = p.about.as_deref().and_then(|about| {
            entry?
                .acks
                .iter()
                .find(|a| a.kind == p.kind.key() && a.about == about && !a.reason.trim().is_empty())
        });
        if let Some(a) = ack {
            acknowledged.push(Acknowledged {
                kind: p.kind,
                about: a.about.clone(),
                reason: a.reason.trim().to_string(),
            });
            continue;
        }
        let place = if code.is_empty() {
            format!("Tiêu chí {criterion}")
        } else {
            format!("Chỉ tiêu {code}")
        };
        let message = match p.about {
            Some(_) => format!(
                "{place}: {} Sửa, hoặc ghi lý do (lý do được in vào báo cáo).",
                p.message
            ),
            None => format!("{place}: {}", p.message),
        };
        findings.push(Finding {
            severity: p.severity,
            kind: p.kind,
            code: code.to_string(),
            criterion,
            part: None,
            message,
            ack: p.about,
        });
    }
    (findings, acknowledged)
}
