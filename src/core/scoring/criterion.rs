//! A criterion's status (from its indicators, or judged as a whole where the set lists none)
//! and the findings about the report as a whole (its year, its threshold column).

use super::{
    indicator, CriterionScore, CriterionStatus, Ctx, Finding, FindingKind, Scores, Severity, Status,
};
use crate::core::criteria::{CriteriaSet, Criterion};
use crate::core::draft::{Draft, Judgement};

/// A criterion with indicators: met when every one is met (or not applicable). A criterion
/// met whose own note says it is not is a blocker, as for an indicator.
pub(super) fn score_criterion(
    c: &Criterion,
    draft: &Draft,
    column: Option<&str>,
    scores: &mut Scores,
) -> CriterionScore {
    let mut met = 0;
    let mut any_unmet = false;
    for ind in &c.indicators {
        let mut ctx = Ctx::new(
            &ind.code,
            c.number,
            &mut scores.findings,
            draft.entry(&ind.code),
        );
        let s = indicator::score_indicator(ind, draft, column, &mut ctx);
        met += usize::from(s.status.counts_as_met());
        any_unmet |= s.status == Status::NotMet;
        scores.indicators.push(s);
    }
    let total = c.indicators.len();
    let status = if met == total {
        CriterionStatus::Met
    } else if any_unmet {
        CriterionStatus::NotMet
    } else {
        CriterionStatus::Incomplete
    };
    let own = c.number.to_string();
    let mut ctx = Ctx::new("", c.number, &mut scores.findings, draft.entry(&own));
    if status == CriterionStatus::Met {
        let note = draft
            .criterion_notes
            .get(&c.number)
            .map(String::as_str)
            .unwrap_or("");
        if let Some(p) = indicator::negative_phrase(note) {
            ctx.blocker(
                FindingKind::CriterionNoteContradicts,
                note,
                format!("nội dung chung có cụm \"{p}\" nhưng tiêu chí được đánh giá đạt."),
            );
        }
    }
    CriterionScore {
        number: c.number,
        status,
        met,
        total,
        whole: false,
        acknowledged: ctx.acknowledged,
    }
}

/// A criterion the set lists no indicators for: the commune's judgement of the whole (the
/// draft's entry under the criterion's number), which needs its written reason before the
/// report can be final; not judged yet, it is a blocker.
pub(super) fn score_whole(
    c: &Criterion,
    draft: &Draft,
    findings: &mut Vec<Finding>,
) -> CriterionScore {
    let own = c.number.to_string();
    let entry = draft.entry(&own);
    let mut ctx = Ctx::new("", c.number, findings, entry);
    let judgement = entry.map(|e| e.judgement).unwrap_or_default();
    let has_reason = entry.is_some_and(|e| !e.note.trim().is_empty());
    let status = match judgement {
        Judgement::Met => CriterionStatus::Met,
        Judgement::NotMet => CriterionStatus::NotMet,
        Judgement::None | Judgement::NotApplicable => {
            ctx.blocker(
                FindingKind::NotAssessed,
                "",
                "chưa đánh giá (bộ tiêu chí chưa có chỉ tiêu chi tiết: xã tự đánh giá chung cả tiêu chí).".into(),
            );
            CriterionStatus::Incomplete
        }
    };
    if status != CriterionStatus::Incomplete && !has_reason {
        ctx.add(
            Severity::Error,
            FindingKind::MissingReason,
            "đánh giá chung cả tiêu chí cần ghi căn cứ, lý do (bộ tiêu chí chưa có chỉ tiêu chi tiết).".into(),
        );
    }
    CriterionScore {
        number: c.number,
        status,
        met: 0,
        total: 0,
        whole: true,
        acknowledged: ctx.acknowledged,
    }
}

/// Findings about the report as a whole: a year outside the set's period, a threshold
/// column the set does not have.
pub(super) fn report_findings(set: &CriteriaSet, draft: &Draft) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |kind, message: String| {
        out.push(Finding {
            severity: Severity::Error,
            kind,
            code: String::new(),
            criterion: 0,
            part: None,
            message,
            ack: None,
        })
    };
    let year = draft.meta.year;
    if !set.covers(year) {
        add(
            FindingKind::OutsidePeriod,
            format!(
                "Năm báo cáo {year} nằm ngoài giai đoạn {} - {} của bộ tiêu chí “{}”. Chọn bộ tiêu chí của giai đoạn có năm {year} (mục Thông tin), hoặc sửa năm báo cáo.",
                set.period.from, set.period.to, set.name
            ),
        );
    }
    let column = draft.meta.column.trim();
    if !column.is_empty() && set.column(column).is_none() {
        let label = match set.columns.label.trim() {
            "" => "Cột ngưỡng",
            l => l,
        };
        add(
            FindingKind::UnknownColumn,
            format!("{label} đã chọn (mã “{column}”) không có trong bộ tiêu chí đang dùng. Chọn lại ở mục Thông tin."),
        );
    }
    out
}
