//! The annex table: one row per criterion and per indicator, with the threshold, the commune's
//! figure and the status, all from the same `Scores` as the body.

use super::body::criterion_title;
use super::sentence::{figure_text, threshold_text};
use super::AnnexRow;
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, ReportMeta};
use crate::core::scoring::{CriterionStatus, Scores};
use crate::core::vn::clean_text;

pub(super) fn titles(draft: &Draft, period: &str, scores: &Scores) -> (String, String) {
    let commune = clean_text(draft.meta.commune.trim());
    (
        "PHỤ LỤC".into(),
        format!(
            "Kết quả tự đánh giá các tiêu chí xã nông thôn mới của xã {commune}, {period} ({})",
            scores.summary_vi()
        ),
    )
}

/// "(Kèm theo Báo cáo số 45/BC-UBND ngày 26 tháng 6 năm 2024 của Ủy ban nhân dân xã Liên
/// Sơn)": the number and date written as page 1 writes them, blank where not known yet.
pub(super) fn attached(m: &ReportMeta) -> String {
    let number = super::header::number(m);
    let date = super::header::date_text(m);
    format!(
        "(Kèm theo Báo cáo số {number} {date} của {})",
        super::header::issuer_in_sentence(m)
    )
}

/// One row per criterion, then one per indicator, the same for every criterion; a criterion
/// the set lists no indicators for is its own row, judged as a whole. The threshold column
/// never holds a status; the status column is the assessed view's words.
pub(super) fn rows(set: &CriteriaSet, scores: &Scores) -> Vec<AnnexRow> {
    let mut annex = Vec::new();
    for c in &set.criteria {
        let status = scores
            .criterion(c.number)
            .map(|s| s.status)
            .unwrap_or(CriterionStatus::Incomplete);
        annex.push(AnnexRow {
            is_criterion: true,
            code: c.number.to_string(),
            wording: criterion_title(c),
            threshold: String::new(),
            figure: if c.indicators.is_empty() {
                "Đánh giá chung cả tiêu chí".into()
            } else {
                String::new()
            },
            status: status.label_vi().to_string(),
        });
        for ind in &c.indicators {
            let Some(s) = scores.indicator(&ind.code) else {
                continue;
            };
            annex.push(AnnexRow {
                is_criterion: false,
                code: ind.code.clone(),
                wording: clean_text(&ind.wording),
                threshold: threshold_text(ind, s),
                figure: s
                    .figure
                    .as_ref()
                    .map(|f| figure_text(ind, f))
                    .unwrap_or_default(),
                status: s.status_text(),
            });
        }
    }
    annex
}
