//! A criterion's status: from its indicators, or judged as a whole where the set lists none.

use super::findings::{settle, Finding, Problem};
use super::indicator::{score_indicator, Place};
use super::judge::negative_phrase;
use super::{CriterionScore, CriterionStatus, FindingKind, IndicatorScore, Status};
use crate::core::criteria::Criterion;
use crate::core::draft::Judgement;

/// A criterion with indicators: met when every one is met (or not applicable). A criterion
/// met whose own note says it is not is a blocker, as for an indicator.
pub(super) fn score_criterion(
    c: &Criterion,
    at: &Place,
    indicators: &mut Vec<IndicatorScore>,
    findings: &mut Vec<Finding>,
) -> CriterionScore {
    let mut met = 0;
    let mut any_unmet = false;
    for ind in &c.indicators {
        let s = score_indicator(ind, c.number, at, findings);
        met += usize::from(s.status.counts_as_met());
        any_unmet |= s.status == Status::NotMet;
        indicators.push(s);
    }
    let total = c.indicators.len();
    let status = if met == total {
        CriterionStatus::Met
    } else if any_unmet {
        CriterionStatus::NotMet
    } else {
        CriterionStatus::Incomplete
    };
    let mut problems = Vec::new();
    if status == CriterionStatus::Met {
        let note = at
            .draft
            .criterion_notes
            .get(&c.number)
            .map(String::as_str)
            .unwrap_or("");
        if let Some(p) = negative_phrase(note) {
            problems.push(Problem::blocker(
                FindingKind::CriterionNoteContradicts,
                note,
                format!("nội dung chung có cụm \"{p}\" nhưng tiêu chí được đánh giá đạt."),
            ));
        }
    }
    let own = c.number.to_string();
    let (found, acknowledged) = settle("", c.number, problems, at.draft.entry(&own));
    findings.extend(found);
    CriterionScore {
        number: c.number,
        status,
        met,
        total,
        whole: false,
        acknowledged,
    }
}

/// A criterion the set lists no indicators for: the commune's judgement of the whole (the
/// draft's entry under the criterion's number), which needs its written reason before the
/// report can be final; not judged yet, it is a blocker.
pub(super) fn score_whole(
    c: &Criterion,
    at: &Place,
    findings: &mut Vec<Finding>,
) -> CriterionScore {
    let own = c.number.to_string();
    let entry = at.draft.entry(&own);
    let judgement = entry.map(|e| e.judgement).unwrap_or_default();
    let has_reason = entry.is_some_and(|e| !e.note.trim().is_empty());
    let mut problems = Vec::new();
    let status = match judgement {
        Judgement::Met => CriterionStatus::Met,
        Judgement::NotMet => CriterionStatus::NotMet,
        Judgement::None | Judgement::NotApplicable => {
            problems.push(Problem::blocker(
                FindingKind::NotAssessed,
                at.period,
                "chưa đánh giá (bộ tiêu chí chưa có chỉ tiêu chi tiết: xã tự đánh giá chung cả tiêu chí).",
            ));
            CriterionStatus::Incomplete
        }
    };
    if status != CriterionStatus::Incomplete && !has_reason {
        problems.push(Problem::error(
            FindingKind::MissingReason,
            "đánh giá chung cả tiêu chí cần ghi căn cứ, lý do (bộ tiêu chí chưa có chỉ tiêu chi tiết).",
        ));
    }
    let (found, acknowledged) = settle("", c.number, problems, entry);
    findings.extend(found);
    CriterionScore {
        number: c.number,
        status,
        met: 0,
        total: 0,
        whole: true,
        acknowledged,
    }
}
