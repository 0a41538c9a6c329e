//! Stage 1 of scoring, reading the commune's figures: what was typed, parsed as Vietnamese
//! numbers, checked for what cannot be (negative, a part above its whole, a rate over 100 %, a
//! year after the report); and stage 3, comparing a figure with its threshold, exactly.

use super::findings::Problem;
use super::{AppliedThreshold, Figure, FindingKind};
use crate::core::criteria::{Direction, Indicator, Kind};
use crate::core::draft::{Entry, PeriodKind, ReportMeta};
use crate::core::num::{Dec, NumError};
use crate::core::vn::to_lower;
use std::cmp::Ordering;

/// What was read of an entry's figures, and what is wrong with them.
pub(super) type Reading = (Option<Figure>, Vec<Problem>);

fn parse_figure(text: &str, what: &str, out: &mut Vec<Problem>) -> Option<Dec> {
    match Dec::parse_vn(text) {
        Ok(v) => Some(v),
        Err(NumError::Empty) => None,
        Err(e) => {
            out.push(Problem::error(
                FindingKind::InvalidNumber,
                format!(
                    "{what} \"{}\" không hợp lệ. {}",
                    text.trim(),
                    e.message_vi()
                ),
            ));
            None
        }
    }
}

/// Whether a figure is negative; says so if it is.
fn negative(v: Dec, out: &mut Vec<Problem>) -> bool {
    if v.is_negative() {
        out.push(Problem::error(
            FindingKind::OutOfRange,
            "số liệu không thể âm.",
        ));
    }
    v.is_negative()
}

/// A percentage: from its two counts when either is typed, else as typed directly.
fn read_percent(
    e: &Entry,
    names: [&String; 2],
    unit: &str,
    out: &mut Vec<Problem>,
) -> Option<Figure> {
    let [numerator, denominator] = names;
    let part = parse_figure(&e.numerator, numerator, out);
    let whole = parse_figure(&e.denominator, denominator, out);
    let has_part = !e.numerator.trim().is_empty();
    let has_whole = !e.denominator.trim().is_empty();
    if has_part || has_whole {
        let (part, whole) = match (part, whole) {
            (Some(p), Some(w)) => (p, w),
            _ => {
                if has_part != has_whole {
                    let missing = if has_part { denominator } else { numerator };
                    out.push(Problem::warning(
                        FindingKind::MissingCount,
                        format!("thiếu {} để tính tỷ lệ.", to_lower(missing)),
                    ));
                }
                return None;
            }
        };
        if negative(part, out) || negative(whole, out) {
            return None;
        }
        if whole.is_zero() {
            out.push(Problem::error(
                FindingKind::OutOfRange,
                format!("{} bằng 0, không tính được tỷ lệ.", denominator),
            ));
            return None;
        }
        if part > whole {
            out.push(Problem::error(
                FindingKind::PartAboveWhole,
                format!(
                    "{} ({} {unit}) lớn hơn {} ({} {unit}).",
                    numerator,
                    part.fmt_vn_short(6),
                    to_lower(denominator),
                    whole.fmt_vn_short(6)
                ),
            ));
            return None;
        }
        let percent = Dec::percent_of(part, whole)?;
        return Some(Figure::Counts {
            part,
            whole,
            percent,
        });
    }
    let v = parse_figure(&e.value, "Tỷ lệ", out)?;
    if negative(v, out) {
        return None;
    }
    if v > Dec::HUNDRED {
        out.push(Problem::error(
            FindingKind::OutOfRange,
            format!("tỷ lệ {}% vượt quá 100%.", v.fmt_vn_short(2)),
        ));
        return None;
    }
    Some(Figure::Value(v))
}

/// Stage 1: reads the figures of an entry, with problems for what is unreadable or impossible,
/// and for the year the figures date from.
pub(super) fn read(ind: &Indicator, e: &Entry, meta: &ReportMeta) -> Reading {
    let mut out = Vec::new();
    data_year(ind, e, meta, &mut out);
    let figure = match &ind.kind {
        Kind::YesNo => None,
        Kind::Percent {
            numerator,
            denominator,
            unit,
        } => read_percent(e, [numerator, denominator], unit, &mut out),
        Kind::Amount { unit } | Kind::Count { unit } if e.value.contains('%') => {
            out.push(Problem::error(
                FindingKind::InvalidNumber,
                format!(
                    "số liệu \"{}\" có dấu %, nhưng chỉ tiêu tính bằng {unit}.",
                    e.value.trim()
                ),
            ));
            None
        }
        Kind::Amount { .. } => parse_figure(&e.value, "Số liệu", &mut out)
            .filter(|v| !negative(*v, &mut out))
            .map(Figure::Value),
        Kind::Count { .. } => read_count(e, &mut out),
    };
    (figure, out)
}

fn read_count(e: &Entry, out: &mut Vec<Problem>) -> Option<Figure> {
    let v = parse_figure(&e.value, "Số lượng", out)?;
    if negative(v, out) {
        return None;
    }
    if v.trunc(0) != v {
        out.push(Problem::error(
            FindingKind::OutOfRange,
            "số lượng phải là số nguyên.",
        ));
        return None;
    }
    Some(Figure::Value(v))
}

/// Whether an indicator is measured once a year (its thresholds are set by year, or its unit
/// is per year, like income): in a mid-year report, last year's figure is the latest there is.
fn yearly(ind: &Indicator) -> bool {
    ind.thresholds.iter().any(|t| t.year.is_some()) || ind.kind.unit().ends_with("/năm")
}

/// A figure older than the report is stale (except last year's figure of a yearly indicator in
/// a mid-year report, which is the latest there is); one from after it, or unreadable, is an
/// error.
fn data_year(ind: &Indicator, e: &Entry, meta: &ReportMeta, out: &mut Vec<Problem>) {
    let typed = e.data_year.trim();
    if typed.is_empty() {
        return;
    }
    let year = meta.year;
    match typed.parse::<u16>() {
        Ok(y)
            if year.checked_sub(1) == Some(y)
                && meta.period == PeriodKind::FirstHalf
                && yearly(ind) => {}
        Ok(y) if y < year => out.push(Problem::blocker(
            FindingKind::StaleData,
            typed,
            format!("số liệu từ năm {y}, cũ hơn kỳ báo cáo ({year}). Cần cập nhật số liệu mới."),
        )),
        Ok(y) if y > year => out.push(Problem::error(
            FindingKind::InvalidDataYear,
            format!("năm số liệu {y} sau năm báo cáo {year}."),
        )),
        Ok(_) => {}
        Err(_) => out.push(Problem::error(
            FindingKind::InvalidDataYear,
            format!("năm số liệu \"{typed}\" không hợp lệ."),
        )),
    }
}

/// An amount more than this many times its threshold is taken for a misreading ("38.999"
/// read as 38 999 where 38,999 was meant), not scored.
const IMPLAUSIBLE_TIMES: i64 = 100;

/// Whether an amount is beyond belief for its threshold; says so if it is.
pub(super) fn implausible(
    ind: &Indicator,
    fig: &Figure,
    t: &AppliedThreshold,
    out: &mut Vec<Problem>,
) -> bool {
    let (Kind::Amount { unit }, Figure::Value(v)) = (&ind.kind, fig) else {
        return false;
    };
    let limit = t.value.raw() * i128::from(IMPLAUSIBLE_TIMES);
    if t.value.is_zero() || v.raw() <= limit {
        return false;
    }
    out.push(Problem::error(
        FindingKind::OutOfRange,
        format!(
            "số liệu đã hiểu là {} {unit}, gấp hơn {IMPLAUSIBLE_TIMES} lần ngưỡng ({}): kiểm tra dấu chấm, dấu phẩy (dấu phẩy là dấu thập phân).",
            v.reading_vi(),
            t.value.fmt_vn_short(6)
        ),
    ));
    true
}

/// Stage 3: whether a figure meets its threshold, compared exactly (a share from counts by
/// cross-multiplication, never a rounded percentage).
pub fn meets(fig: &Figure, t: &AppliedThreshold) -> bool {
    let ord = match fig {
        Figure::Counts { part, whole, .. } => Dec::cmp_percent(*part, *whole, t.value),
        Figure::Value(v) => Some(v.cmp(&t.value)),
    };
    match (ord, t.direction) {
        (Some(o), Direction::AtLeast) => o != Ordering::Less,
        (Some(o), Direction::AtMost) => o != Ordering::Greater,
        (None, _) => false,
    }
}
