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
pub(super) fn rows(
    set: &CriteriaSet,
    scores: &Scores,
    providers: &[(u8, Vec<String>)],
) -> Vec<AnnexRow> {
    let mut annex = Vec::new();
    for c in &set.criteria {
        let who = providers
            .iter()
            .find(|(n, _)| *n == c.number)
            .map(|(_, who)| who.as_slice())
            .unwrap_or_default();
        let whole = match c.indicators.is_empty() {
            true => "Đánh giá chung cả tiêu chí",
            false => "",
        };
        let status = scores
            .criterion(c.number)
            .map(|s| s.status)
            .unwrap_or(CriterionStatus::Incomplete);
        annex.push(AnnexRow {
            is_criterion: true,
            code: c.number.to_string(),
            wording: criterion_title(c),
            threshold: String::new(),
            figure: with_providers(whole, who),
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

/// Who provided each criterion's figures, when the draft asks the annex to say so (an option,
/// off by default); empty otherwise.
pub(super) fn providers(set: &CriteriaSet, draft: &Draft) -> Vec<(u8, Vec<String>)> {
    match draft.meta.providers_annex {
        true => crate::core::team::providers(set, draft),
        false => Vec::new(),
    }
}

/// A criterion row's figure cell with its providers: "Số liệu do: Công chức Văn hóa - Xã hội;
/// người soạn báo cáo cung cấp", after what the cell says already.
fn with_providers(figure: &str, who: &[String]) -> String {
    if who.is_empty() {
        return figure.to_string();
    }
    let names: Vec<String> = who
        .iter()
        .map(|w| match w.as_str() {
            crate::core::edit::COMPILER => "người soạn báo cáo".to_string(),
            w => clean_text(w),
        })
        .collect();
    let line = format!("Số liệu do: {} cung cấp", names.join("; "));
    match figure.is_empty() {
        true => line,
        false => format!("{figure}. {line}"),
    }
}
