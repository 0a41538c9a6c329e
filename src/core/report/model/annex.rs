//! The annex table: one row per criterion and per indicator, with the threshold, the commune's
//! figure and the status, all from the same `Scores` as the body.

use super::body::{criterion_title, figure_text, threshold_text};
use super::AnnexRow;
use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
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

pub(super) fn rows(set: &CriteriaSet, scores: &Scores) -> Vec<AnnexRow> {
    let mut annex = Vec::new();
    for c in &set.criteria {
        let cs = scores.criterion(c.number);
        let status = cs.map(|s| s.status).unwrap_or(CriterionStatus::Incomplete);
        let whole = c.indicators.is_empty();
        annex.push(AnnexRow {
            is_criterion: true,
            code: c.number.to_string(),
            wording: criterion_title(c),
            threshold: "Đạt".into(),
            figure: if whole {
                "Xã tự đánh giá chung (bộ tiêu chí chưa có chỉ tiêu chi tiết)".into()
            } else {
                String::new()
            },
            status: status.label_vi().to_string(),
        });
        for ind in &c.indicators {
            if let Some(s) = scores.indicator(&ind.code) {
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
                    status: s.status.label_vi().to_string(),
                });
            }
        }
    }
    annex
}
