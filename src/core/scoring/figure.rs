//! Reading the commune's figures: what was typed, parsed as Vietnamese numbers, checked for
//! what cannot be (negative, a part above its whole, a rate over 100 %), and compared exactly.

use super::{AppliedThreshold, Ctx, Figure, FindingKind, Severity};
use crate::core::criteria::{Direction, Indicator, Kind};
use crate::core::draft::Entry;
use crate::core::num::{Dec, NumError};
use crate::core::vn::to_lower;
use std::cmp::Ordering;

fn parse_figure(text: &str, what: &str, ctx: &mut Ctx) -> Option<Dec> {
    match Dec::parse_vn(text) {
        Ok(v) => Some(v),
        Err(NumError::Empty) => None,
        Err(e) => {
            ctx.add(
                Severity::Error,
                FindingKind::InvalidNumber,
                format!(
                    "{what} \"{}\" không hợp lệ. {}",
                    text.trim(),
                    e.message_vi()
                ),
            );
            None
        }
    }
}

/// Whether a figure is negative; says so if it is.
fn negative(v: Dec, ctx: &mut Ctx) -> bool {
    if v.is_negative() {
        ctx.add(
            Severity::Error,
            FindingKind::OutOfRange,
            "số liệu không thể âm.".into(),
        );
    }
    v.is_negative()
}

/// A percentage: from its two counts when either is typed, else as typed directly.
fn read_percent(e: &Entry, names: [&String; 2], unit: &str, ctx: &mut Ctx) -> Option<Figure> {
    let [numerator, denominator] = names;
    let part = parse_figure(&e.numerator, numerator, ctx);
    let whole = parse_figure(&e.denominator, denominator, ctx);
    let has_part = !e.numerator.trim().is_empty();
    let has_whole = !e.denominator.trim().is_empty();
    if has_part || has_whole {
        let (part, whole) = match (part, whole) {
            (Some(p), Some(w)) => (p, w),
            _ => {
                if has_part != has_whole {
                    let missing = if has_part { denominator } else { numerator };
                    ctx.add(
                        Severity::Warning,
                        FindingKind::MissingCount,
                        format!("thiếu {} để tính tỷ lệ.", to_lower(missing)),
                    );
                }
                return None;
            }
        };
        if negative(part, ctx) || negative(whole, ctx) {
            return None;
        }
        if whole.is_zero() {
            ctx.add(
                Severity::Error,
                FindingKind::OutOfRange,
                format!("{} bằng 0, không tính được tỷ lệ.", denominator),
            );
            return None;
        }
        if part > whole {
            ctx.add(
                Severity::Error,
                FindingKind::PartAboveWhole,
                format!(
                    "{} ({} {unit}) lớn hơn {} ({} {unit}).",
                    numerator,
                    part.fmt_vn_short(6),
                    to_lower(denominator),
                    whole.fmt_vn_short(6)
                ),
            );
            return None;
        }
        let percent = Dec::percent_of(part, whole)?;
        return Some(Figure::Counts {
            part,
            whole,
            percent,
        });
    }
    let v = parse_figure(&e.value, "Tỷ lệ", ctx)?;
    if negative(v, ctx) {
        return None;
    }
    if v > Dec::HUNDRED {
        ctx.add(
            Severity::Error,
            FindingKind::OutOfRange,
            format!("tỷ lệ {}% vượt quá 100%.", v.fmt_vn_short(2)),
        );
        return None;
    }
    Some(Figure::Value(v))
}

/// Reads the figures of an entry, with findings for what is unreadable or impossible.
pub(super) fn read_figure(ind: &Indicator, e: &Entry, ctx: &mut Ctx) -> Option<Figure> {
    match &ind.kind {
        Kind::YesNo => None,
        Kind::Percent {
            numerator,
            denominator,
            unit,
        } => read_percent(e, [numerator, denominator], unit, ctx),
        Kind::Amount { unit } | Kind::Count { unit } if e.value.contains('%') => {
            ctx.add(
                Severity::Error,
                FindingKind::InvalidNumber,
                format!(
                    "số liệu \"{}\" có dấu %, nhưng chỉ tiêu tính bằng {unit}.",
                    e.value.trim()
                ),
            );
            None
        }
        Kind::Amount { .. } => {
            let v = parse_figure(&e.value, "Số liệu", ctx)?;
            (!negative(v, ctx)).then_some(Figure::Value(v))
        }
        Kind::Count { .. } => {
            let v = parse_figure(&e.value, "Số lượng", ctx)?;
            if negative(v, ctx) {
                return None;
            }
            if v.trunc(0) != v {
                ctx.add(
                    Severity::Error,
                    FindingKind::OutOfRange,
                    "số lượng phải là số nguyên.".into(),
                );
                return None;
            }
            Some(Figure::Value(v))
        }
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
    ctx: &mut Ctx,
) -> bool {
    let (Kind::Amount { unit }, Figure::Value(v)) = (&ind.kind, fig) else {
        return false;
    };
    let limit = t.value.raw() * i128::from(IMPLAUSIBLE_TIMES);
    if t.value.is_zero() || v.raw() <= limit {
        return false;
    }
    ctx.add(
        Severity::Error,
        FindingKind::OutOfRange,
        format!(
            "số liệu đã hiểu là {} {unit}, gấp hơn {IMPLAUSIBLE_TIMES} lần ngưỡng ({}): kiểm tra dấu chấm, dấu phẩy (dấu phẩy là dấu thập phân).",
            v.reading_vi(),
            t.value.fmt_vn_short(6)
        ),
    );
    true
}

pub(super) fn meets(fig: &Figure, t: &AppliedThreshold) -> bool {
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
