//! Stage 4 of scoring: the commune's judgement applied to what the figures say. Where they
//! agree, or the figures say nothing, the judgement is the status; where they differ, it is an
//! override, which needs a reason of its own, given for these figures and this threshold.

use super::findings::Problem;
use super::{Figure, FindingKind, Status, ThresholdView};
use crate::core::criteria::Indicator;
use crate::core::draft::{Entry, Judgement};
use crate::core::vn::fold;

/// Vietnamese phrases by which a note says a condition is not met.
const NEGATIVE_PHRASES: [&str; 8] = [
    "chưa đạt",
    "không đạt",
    "chưa đáp ứng",
    "không đáp ứng",
    "chưa đảm bảo",
    "không đảm bảo",
    "chưa được đầu tư",
    "chưa được công nhận",
];

/// The first phrase of `text` that says something is not met, compared without regard to
/// case or Unicode composition.
pub(super) fn negative_phrase(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        return None;
    }
    let folded = fold(text);
    NEGATIVE_PHRASES
        .iter()
        .copied()
        .find(|p| folded.contains(p))
}

/// What the judgement stage decided.
pub(super) struct Verdict {
    /// The status if every override stands (the commune's word where it judged).
    pub claimed: Status,
    /// `Some(figures_met)` when the judgement differs from the figures.
    pub against_figures: Option<bool>,
    pub problems: Vec<Problem>,
}

impl Verdict {
    /// The status while an override has no reason yet: the less favourable of the two.
    pub fn cautious(&self) -> Status {
        match self.against_figures {
            Some(_) => Status::NotMet,
            None => self.claimed,
        }
    }
}

/// The figures as typed, which an acknowledgement about the figures is given for.
pub(super) fn typed_figures(e: &Entry) -> String {
    format!(
        "{}|{}|{}",
        e.numerator.trim(),
        e.denominator.trim(),
        e.value.trim()
    )
}

/// What the inputs of the judgement stage are.
pub(super) struct Facts<'a> {
    pub ind: &'a Indicator,
    pub entry: &'a Entry,
    pub figure: Option<&'a Figure>,
    pub threshold: &'a ThresholdView,
    pub by_figures: Option<bool>,
    /// The threshold as printed ("≥ 85%"), for what an override is given for.
    pub threshold_text: String,
    /// The report's period ("6 tháng đầu năm 2024"): what an acknowledgement of something
    /// missing is given for, so it never carries over to another period.
    pub period: &'a str,
}

/// Stage 4: the status the commune's judgement gives, and its problems.
pub(super) fn judge(f: &Facts) -> Verdict {
    let mut v = Verdict {
        claimed: Status::NotAssessed,
        against_figures: None,
        problems: Vec::new(),
    };
    let e = f.entry;
    let has_reason = !e.note.trim().is_empty();
    v.claimed = match e.judgement {
        Judgement::NotApplicable => not_applicable(f.ind, has_reason, &mut v.problems),
        _ if matches!(f.threshold, ThresholdView::NotApplicable { .. }) => Status::NotApplicable,
        Judgement::None => by_figures_only(f, &mut v.problems),
        Judgement::Met | Judgement::NotMet => judged(f, &mut v),
    };
    if v.claimed == Status::Met && v.against_figures.is_none() {
        if let Some(p) = negative_phrase(&e.note) {
            v.problems.push(Problem::blocker(
                FindingKind::NoteContradictsStatus,
                e.note.as_str(),
                format!("nhận xét có cụm \"{p}\" nhưng chỉ tiêu được đánh giá đạt."),
            ));
        }
    }
    v
}

fn not_applicable(ind: &Indicator, has_reason: bool, problems: &mut Vec<Problem>) -> Status {
    if !ind.may_be_not_applicable {
        problems.push(Problem::error(
            FindingKind::NotApplicableNotAllowed,
            "bộ tiêu chí không cho phép đánh giá \"không áp dụng\" với chỉ tiêu này.",
        ));
        return Status::NotAssessed;
    }
    if !has_reason {
        problems.push(Problem::error(
            FindingKind::MissingReason,
            "đánh giá \"không áp dụng\" cần ghi lý do (ví dụ: trên địa bàn xã không có).",
        ));
    }
    Status::NotApplicable
}

/// No judgement: the figures decide, where a threshold lets them.
fn by_figures_only(f: &Facts, problems: &mut Vec<Problem>) -> Status {
    match (f.figure, f.by_figures, f.threshold) {
        (_, Some(true), _) => Status::Met,
        (_, Some(false), _) => Status::NotMet,
        // The column is not chosen yet: the report-level finding asks for it.
        (_, None, ThresholdView::ByColumn(_)) => Status::NotAssessed,
        (Some(_), None, _) => {
            let hint = match f.threshold {
                ThresholdView::Open { note, .. } => format!(" Bộ tiêu chí ghi: “{}”.", note.trim()),
                _ => String::new(),
            };
            problems.push(Problem::blocker(
                FindingKind::MissingThreshold,
                typed_figures(f.entry),
                format!("đã có số liệu nhưng chưa có ngưỡng để so sánh.{hint} Nhập ngưỡng theo văn bản của tỉnh (kèm nguồn), hoặc tự đánh giá đạt/chưa đạt."),
            ));
            Status::MissingThreshold
        }
        (None, _, _) => {
            problems.push(Problem::blocker(
                FindingKind::NotAssessed,
                f.period,
                "chưa đánh giá.",
            ));
            Status::NotAssessed
        }
    }
}

/// The commune judged the indicator: with the figures, or against them (an override), or
/// where the figures say nothing.
fn judged(f: &Facts, v: &mut Verdict) -> Status {
    let met = f.entry.judgement == Judgement::Met;
    let status = if met { Status::Met } else { Status::NotMet };
    match f.by_figures {
        Some(computed) if computed != met => {
            v.against_figures = Some(computed);
            let (said, judged) = if computed {
                ("đạt", "chưa đạt")
            } else {
                ("chưa đạt", "đạt")
            };
            v.problems.push(Problem::blocker(
                FindingKind::Override,
                format!(
                    "{}|{}|{}",
                    typed_figures(f.entry),
                    f.threshold_text,
                    judged
                ),
                format!("theo số liệu {said} ({}), nhưng xã đánh giá {judged}. Ghi lý do của đánh giá này (báo cáo in cả kết quả theo số liệu và lý do), hoặc sửa đánh giá.", f.threshold_text),
            ));
        }
        Some(_) => {}
        None => judged_without_comparison(f, met, &mut v.problems),
    }
    status
}

/// A judgement the figures cannot confirm: no figures for a numeric indicator, or no threshold.
fn judged_without_comparison(f: &Facts, met: bool, problems: &mut Vec<Problem>) {
    let numeric = f.ind.kind.is_numeric();
    let has_reason = !f.entry.note.trim().is_empty();
    if matches!(f.threshold, ThresholdView::ByColumn(_)) && f.figure.is_some() {
        // The column is not chosen yet: the report-level finding asks for it.
        return;
    }
    if numeric && f.figure.is_none() && met {
        problems.push(Problem::blocker(
            FindingKind::JudgedWithoutFigures,
            format!("{}|đạt", f.period),
            "chỉ tiêu định lượng được đánh giá đạt nhưng chưa có số liệu.",
        ));
    } else if numeric && f.figure.is_none() {
        problems.push(Problem::warning(
            FindingKind::JudgedWithoutFigures,
            "chỉ tiêu định lượng được đánh giá nhưng chưa có số liệu.",
        ));
    } else if numeric && met {
        problems.push(Problem::blocker(
            FindingKind::MetWithoutThreshold,
            typed_figures(f.entry),
            "số liệu được đánh giá đạt nhưng chưa có ngưỡng để so sánh: nhập ngưỡng theo văn bản của tỉnh (kèm nguồn).",
        ));
    } else if !numeric && !has_reason {
        problems.push(Problem::warning(
            FindingKind::MissingReason,
            "chưa ghi nhận xét, căn cứ cho đánh giá.",
        ));
    }
}
