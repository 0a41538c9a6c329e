//! The annex table: one row per criterion and per indicator, with the threshold, the commune's
//! figure and the status, all from the same `Scores` as the body.

use super::body::{criterion_title, figure_text, threshold_text};
use super::AnnexRow;
use crate::core::criteria::{CriteriaSet, Indicator};
use crate::core::draft::{Draft, ReportMeta};
use crate::core::scoring::{CriterionStatus, IndicatorScore, Scores};
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

/// "(Kèm theo Báo cáo số 45/BC-UBND ngày 26/6/2024 của Ủy ban nhân dân xã Liên Sơn)", with
/// "…" where the number or date is not known yet.
pub(super) fn attached(m: &ReportMeta) -> String {
    let number = match clean_text(m.doc_number.trim()) {
        n if n.is_empty() => format!("…/{}", m.issuer.symbol()),
        n => n,
    };
    let date = m
        .date
        .map(|d| format!("{}/{}/{}", d.day, d.month, d.year))
        .unwrap_or_else(|| "…".into());
    format!(
        "(Kèm theo Báo cáo số {number} ngày {date} của {})",
        super::header::issuer_in_sentence(m)
    )
}

/// One row per criterion and one per indicator; a criterion with a single indicator is one
/// row (its code is the criterion's number), and one the set lists no indicators for says it
/// was judged as a whole.
pub(super) fn rows(set: &CriteriaSet, scores: &Scores) -> Vec<AnnexRow> {
    let mut annex = Vec::new();
    for c in &set.criteria {
        let status = scores
            .criterion(c.number)
            .map(|s| s.status)
            .unwrap_or(CriterionStatus::Incomplete);
        let indicator_row = |ind: &Indicator, s: &IndicatorScore| AnnexRow {
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
        };
        match c.indicators.as_slice() {
            [] => annex.push(AnnexRow {
                is_criterion: true,
                code: c.number.to_string(),
                wording: criterion_title(c),
                threshold: "Đạt".into(),
                figure: "Xã tự đánh giá chung (bộ tiêu chí chưa có chỉ tiêu chi tiết)".into(),
                status: status.label_vi().to_string(),
            }),
            [only] => {
                if let Some(s) = scores.indicator(&only.code) {
                    annex.push(AnnexRow {
                        is_criterion: true,
                        wording: format!("{}: {}", criterion_title(c), clean_text(&only.wording)),
                        status: status.label_vi().to_string(),
                        ..indicator_row(only, s)
                    });
                }
            }
            many => {
                annex.push(AnnexRow {
                    is_criterion: true,
                    code: c.number.to_string(),
                    wording: criterion_title(c),
                    threshold: "Đạt".into(),
                    figure: String::new(),
                    status: status.label_vi().to_string(),
                });
                annex.extend(
                    many.iter()
                        .filter_map(|i| scores.indicator(&i.code).map(|s| indicator_row(i, s))),
                );
            }
        }
    }
    annex
}
