//! A criterion's status (from its indicators, or judged as a whole where the set lists none)
//! and the findings about the report as a whole (its year, its threshold column).

use super::{
    indicator, CriterionScore, CriterionStatus, Ctx, Finding, FindingKind, Scores, Severity, Status,
};
use crate::core::criteria::{CriteriaSet, Criterion};
use crate::core::draft::{Draft, Judgement};

/// A criterion with indicators: met when every one is met (or not applicable).
pub(super) fn score_criterion(
    c: &Criterion,
    draft: &Draft,
    column: Option<&str>,
    scores: &mut Scores,
) -> CriterionScore {
    let mut met = 0;
    let mut any_unmet = false;
    for ind in &c.indicators {
        let mut ctx = Ctx {
            code: &ind.code,
            criterion: c.number,
            findings: &mut scores.findings,
        };
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
    CriterionScore {
        number: c.number,
        status,
        met,
        total,
        whole: false,
    }
}

/// A criterion the set lists no indicators for: the commune's judgement of the whole (the
/// draft's entry under the criterion's number), which needs its written reason before the
/// report can be final.
pub(super) fn score_whole(
    c: &Criterion,
    draft: &Draft,
    findings: &mut Vec<Finding>,
) -> CriterionScore {
    let mut ctx = Ctx {
        code: "",
        criterion: c.number,
        findings,
    };
    let entry = draft.entry(&c.number.to_string());
    let judgement = entry.map(|e| e.judgement).unwrap_or_default();
    let has_reason = entry.is_some_and(|e| !e.note.trim().is_empty());
    let status = match judgement {
        Judgement::Met => CriterionStatus::Met,
        Judgement::NotMet => CriterionStatus::NotMet,
        Judgement::None | Judgement::NotApplicable => {
            ctx.add(
                Severity::Warning,
                FindingKind::NotAssessed,
                "chưa đánh giá (bộ tiêu chí chưa có chỉ tiêu chi tiết: xã tự đánh giá chung cả tiêu chí).".into(),
            );
            return CriterionScore {
                number: c.number,
                status: CriterionStatus::Incomplete,
                met: 0,
                total: 0,
                whole: true,
            };
        }
    };
    if !has_reason {
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
