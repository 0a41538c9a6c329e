//! One indicator's status: from its figures and threshold, or the commune's judgement, with a
//! finding for everything an inspector would question.

use super::figure::{implausible, meets, read_figure};
use super::threshold::{set_threshold, user_threshold};
use super::{Ctx, Figure, FindingKind, IndicatorScore, Severity, Status};
use crate::core::criteria::Indicator;
use crate::core::draft::{Draft, Entry, Judgement};
use crate::core::vn::{fold, to_lower};

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

/// The figures as typed, which an acknowledgement of a figure's finding is about.
fn typed_figures(e: &Entry) -> String {
    format!(
        "{}|{}|{}",
        e.numerator.trim(),
        e.denominator.trim(),
        e.value.trim()
    )
}

pub(super) fn score_indicator(
    ind: &Indicator,
    draft: &Draft,
    column: Option<&str>,
    ctx: &mut Ctx,
) -> IndicatorScore {
    let blank = Entry::default();
    let e = draft.entry(&ind.code).unwrap_or(&blank);
    let year = draft.meta.year;
    let threshold = set_threshold(ind, column, year).or_else(|| user_threshold(ind, draft, ctx));
    check_data_year(e, year, ctx);
    let mut figure = read_figure(ind, e, ctx);
    if let (Some(f), Some(t)) = (&figure, &threshold) {
        if implausible(ind, f, t, ctx) {
            figure = None;
        }
    }
    let by_figures = match (&figure, &threshold) {
        (Some(f), Some(t)) => Some(meets(f, t)),
        _ => None,
    };
    let has_reason = !e.note.trim().is_empty();
    let (status, overrides_figures) = match e.judgement {
        Judgement::NotApplicable => (not_applicable(ind, has_reason, ctx), false),
        Judgement::None => (by_figures_only(e, figure.as_ref(), by_figures, ctx), false),
        Judgement::Met | Judgement::NotMet => {
            judged(ind, e, figure.as_ref(), by_figures, has_reason, ctx)
        }
    };
    if status == Status::Met && !overrides_figures {
        if let Some(p) = negative_phrase(&e.note) {
            ctx.blocker(
                FindingKind::NoteContradictsStatus,
                &e.note,
                format!("nhận xét có cụm \"{p}\" nhưng chỉ tiêu được đánh giá đạt."),
            );
        }
    }
    IndicatorScore {
        code: ind.code.clone(),
        criterion: ctx.criterion,
        status,
        figure,
        threshold,
        by_figures,
        overrides_figures,
        acknowledged: std::mem::take(&mut ctx.acknowledged),
    }
}

/// A figure older than the report is stale; one from after it, or unreadable, is an error.
fn check_data_year(e: &Entry, year: u16, ctx: &mut Ctx) {
    let typed = e.data_year.trim();
    if typed.is_empty() {
        return;
    }
    match typed.parse::<u16>() {
        Ok(y) if y < year => ctx.blocker(
            FindingKind::StaleData,
            typed,
            format!("số liệu từ năm {y}, cũ hơn kỳ báo cáo ({year}). Cần cập nhật số liệu mới."),
        ),
        Ok(y) if y > year => ctx.add(
            Severity::Error,
            FindingKind::InvalidDataYear,
            format!("năm số liệu {y} sau năm báo cáo {year}."),
        ),
        Ok(_) => {}
        Err(_) => ctx.add(
            Severity::Error,
            FindingKind::InvalidDataYear,
            format!("năm số liệu \"{typed}\" không hợp lệ."),
        ),
    }
}

fn not_applicable(ind: &Indicator, has_reason: bool, ctx: &mut Ctx) -> Status {
    if !ind.may_be_not_applicable {
        ctx.add(
            Severity::Error,
            FindingKind::NotApplicableNotAllowed,
            "bộ tiêu chí không cho phép đánh giá \"không áp dụng\" với chỉ tiêu này.".into(),
        );
        return Status::NotAssessed;
    }
    if !has_reason {
        ctx.add(
            Severity::Error,
            FindingKind::MissingReason,
            "đánh giá \"không áp dụng\" cần ghi lý do (ví dụ: trên địa bàn xã không có).".into(),
        );
    }
    Status::NotApplicable
}

/// No judgement: the figures decide, where a threshold lets them.
fn by_figures_only(
    e: &Entry,
    figure: Option<&Figure>,
    by_figures: Option<bool>,
    ctx: &mut Ctx,
) -> Status {
    match (figure, by_figures) {
        (_, Some(true)) => Status::Met,
        (_, Some(false)) => Status::NotMet,
        (Some(_), None) => {
            ctx.blocker(
                FindingKind::MissingThreshold,
                &typed_figures(e),
                "đã có số liệu nhưng bộ tiêu chí chưa có ngưỡng: nhập ngưỡng theo văn bản của tỉnh, hoặc tự đánh giá đạt/chưa đạt.".into(),
            );
            Status::MissingThreshold
        }
        (None, _) => {
            ctx.blocker(FindingKind::NotAssessed, "", "chưa đánh giá.".into());
            Status::NotAssessed
        }
    }
}

/// The commune judged the indicator. Against the figures, the judgement stands only with a
/// written reason (and is flagged for review); without one, the figures decide. Returns the
/// status and whether it overrides the figures.
fn judged(
    ind: &Indicator,
    e: &Entry,
    figure: Option<&Figure>,
    by_figures: Option<bool>,
    has_reason: bool,
    ctx: &mut Ctx,
) -> (Status, bool) {
    let met = e.judgement == Judgement::Met;
    let judged_status = if met { Status::Met } else { Status::NotMet };
    let judged_word = to_lower(judged_status.label_vi());
    match by_figures {
        Some(computed) if computed != met => {
            let said = if computed { "đạt" } else { "chưa đạt" };
            if has_reason {
                ctx.add(
                    Severity::Warning,
                    FindingKind::Contradiction,
                    format!("đánh giá \"{judged_word}\" khác với kết quả theo số liệu (\"{said}\"); đã ghi lý do, cần được cấp trên xem xét."),
                );
                (judged_status, true)
            } else {
                ctx.add(
                    Severity::Error,
                    FindingKind::ContradictionWithoutReason,
                    format!("đánh giá \"{judged_word}\" mâu thuẫn với số liệu (theo số liệu: {said}). Ghi lý do hoặc sửa đánh giá; tạm tính theo số liệu."),
                );
                let by_numbers = if computed {
                    Status::Met
                } else {
                    Status::NotMet
                };
                (by_numbers, false)
            }
        }
        Some(_) => (judged_status, false),
        None => {
            if ind.kind.is_numeric() && figure.is_none() && met {
                ctx.blocker(
                    FindingKind::JudgedWithoutFigures,
                    "",
                    "chỉ tiêu định lượng được đánh giá đạt nhưng chưa có số liệu.".into(),
                );
            } else if ind.kind.is_numeric() && figure.is_none() {
                ctx.add(
                    Severity::Warning,
                    FindingKind::JudgedWithoutFigures,
                    "chỉ tiêu định lượng được đánh giá nhưng chưa có số liệu.".into(),
                );
            } else if ind.kind.is_numeric() && met {
                ctx.blocker(
                    FindingKind::MetWithoutThreshold,
                    &typed_figures(e),
                    "số liệu được đánh giá đạt nhưng bộ tiêu chí chưa có ngưỡng để so sánh: nhập ngưỡng theo văn bản của tỉnh (kèm nguồn).".into(),
                );
            } else if !ind.kind.is_numeric() && !has_reason {
                ctx.add(
                    Severity::Warning,
                    FindingKind::MissingReason,
                    "chưa ghi nhận xét, căn cứ cho đánh giá.".into(),
                );
            }
            (judged_status, false)
        }
    }
}
