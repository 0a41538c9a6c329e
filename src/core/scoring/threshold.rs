//! Which threshold applies to an indicator: the set's, for the commune's column and the report
//! year, or one the user entered (with its source) where the set has none.

use super::{AppliedThreshold, Ctx, FindingKind, Severity};
use crate::core::criteria::{CriteriaSet, Indicator, Kind, Threshold};
use crate::core::draft::Draft;
use crate::core::num::Dec;

/// The threshold column that applies to the draft's commune, if any: the column of the set's
/// rule when the commune falls under it, else the column the commune chose.
pub fn effective_column<'a>(set: &'a CriteriaSet, draft: &'a Draft) -> Option<&'a str> {
    if draft.meta.rule_column {
        if let Some(rule) = &set.column_rule {
            return Some(rule.column.as_str());
        }
    }
    let c = draft.meta.column.trim();
    (!c.is_empty()).then_some(c)
}

/// The set's threshold for an indicator, column and year: the most specific match wins
/// (column and year, then column, then general column and year, then general column). A year
/// with no figure of its own has no threshold: a figure is never carried over from another year.
pub fn set_threshold(ind: &Indicator, column: Option<&str>, year: u16) -> Option<AppliedThreshold> {
    let direction = ind.direction?;
    let rank = |t: &Threshold| -> Option<u8> {
        let column_rank = match (&t.column, column) {
            (Some(c), Some(want)) if c == want => 2,
            (None, _) => 0,
            _ => return None,
        };
        let year_rank = match t.year {
            Some(y) if y == year => 1,
            None => 0,
            Some(_) => return None,
        };
        Some(column_rank + year_rank)
    };
    ind.thresholds
        .iter()
        .filter_map(|t| rank(t).map(|r| (r, t)))
        .max_by_key(|(r, _)| *r)
        .map(|(_, t)| AppliedThreshold {
            value: t.value,
            direction,
            source: t.source.clone(),
            from_user: false,
        })
}

/// The threshold the user entered for an indicator the set has none for. An unreadable value
/// or a missing source is an error: a report never rests on a figure nobody can trace.
pub(super) fn user_threshold(
    ind: &Indicator,
    draft: &Draft,
    ctx: &mut Ctx,
) -> Option<AppliedThreshold> {
    let direction = ind.direction.filter(|_| ind.kind.is_numeric())?;
    let ut = draft.user_thresholds.get(&ind.code)?;
    if ut.value.trim().is_empty() {
        return None;
    }
    let in_range = |v: &Dec| {
        !v.is_negative() && (!matches!(ind.kind, Kind::Percent { .. }) || *v <= Dec::HUNDRED)
    };
    match Dec::parse_vn(&ut.value) {
        Ok(v) if in_range(&v) => {
            if ut.source.trim().is_empty() {
                ctx.add(
                    Severity::Error,
                    FindingKind::InvalidUserThreshold,
                    "ngưỡng tự nhập cần ghi rõ nguồn (văn bản quy định).".into(),
                );
            }
            Some(AppliedThreshold {
                value: v,
                direction,
                source: ut.source.trim().to_string(),
                from_user: true,
            })
        }
        _ => {
            ctx.add(
                Severity::Error,
                FindingKind::InvalidUserThreshold,
                format!("ngưỡng tự nhập \"{}\" không hợp lệ.", ut.value.trim()),
            );
            None
        }
    }
}
