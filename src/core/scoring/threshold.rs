//! Stage 2 of scoring: which threshold applies to an indicator, and where it came from. The set's,
//! for the commune's column and the report year; or, where the set leaves none, one the commune
//! entered with its source; or, while the commune has chosen no column of a set that answers by
//! column, every column's, so the commune sees them and is asked for its column.

use super::findings::Problem;
use super::{AppliedThreshold, ColumnThreshold, FindingKind, Provenance, ThresholdView};
use crate::core::criteria::{CriteriaSet, Indicator, Kind, Threshold};
use crate::core::draft::{Draft, UserThreshold};
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
fn set_threshold(
    set: &CriteriaSet,
    ind: &Indicator,
    column: Option<&str>,
    year: u16,
) -> Option<AppliedThreshold> {
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
            provenance: Provenance::Set {
                column: t
                    .column
                    .as_deref()
                    .map(|c| set.column(c).map_or(c, |col| col.name.as_str()).to_string()),
                source: t.source.clone(),
            },
        })
}

/// The decision's words for a threshold it leaves open, for a column or the general one.
fn open_note<'a>(ind: &'a Indicator, column: Option<&str>) -> Option<(&'a str, &'a str)> {
    let find = |want: Option<&str>| {
        ind.open_thresholds
            .iter()
            .find(|o| o.column.as_deref() == want)
    };
    column
        .and_then(|c| find(Some(c)))
        .or_else(|| find(None))
        .map(|o| (o.note.as_str(), o.source.as_str()))
}

/// Every column's threshold, for a commune that has chosen none.
fn by_column(set: &CriteriaSet, ind: &Indicator, year: u16) -> Vec<ColumnThreshold> {
    set.columns
        .items
        .iter()
        .map(|col| {
            let na = ind.not_applicable_in.contains(&col.id);
            let threshold = (!na)
                .then(|| set_threshold(set, ind, Some(&col.id), year))
                .flatten();
            let note = match (na, &threshold, open_note(ind, Some(&col.id))) {
                (true, ..) => "không áp dụng".to_string(),
                (false, None, Some((note, _))) => note.to_string(),
                _ => String::new(),
            };
            ColumnThreshold {
                column: col.name.clone(),
                threshold,
                note,
            }
        })
        .collect()
}

/// Stage 2: the threshold of an indicator for this commune (`column`, from
/// `effective_column`) and year, with its provenance, and the problems of a threshold the
/// commune typed.
pub(super) fn resolve(
    set: &CriteriaSet,
    ind: &Indicator,
    column: Option<&str>,
    year: u16,
    own: Option<&UserThreshold>,
) -> (ThresholdView, Vec<Problem>) {
    let mut problems = Vec::new();
    if let Some(c) = column.filter(|c| ind.not_applicable_in.iter().any(|n| n == c)) {
        let name = set.column(c).map_or(c, |col| col.name.as_str());
        return (
            ThresholdView::NotApplicable {
                column: name.to_string(),
            },
            problems,
        );
    }
    if let Some(t) = set_threshold(set, ind, column, year) {
        return (ThresholdView::Applies(t), problems);
    }
    if column.is_none() && !set.columns.items.is_empty() && ind.answers_by_column() {
        return (ThresholdView::ByColumn(by_column(set, ind, year)), problems);
    }
    if let Some(t) = commune_threshold(ind, own, &mut problems) {
        return (ThresholdView::Applies(t), problems);
    }
    let view = match open_note(ind, column) {
        Some((note, source)) => ThresholdView::Open {
            note: note.to_string(),
            source: source.to_string(),
        },
        None => ThresholdView::None,
    };
    (view, problems)
}

/// The threshold the commune entered for an indicator the set has none for. An unreadable value
/// or a missing source is an error: a report never rests on a figure nobody can trace.
fn commune_threshold(
    ind: &Indicator,
    own: Option<&UserThreshold>,
    problems: &mut Vec<Problem>,
) -> Option<AppliedThreshold> {
    let direction = ind.direction.filter(|_| ind.kind.is_numeric())?;
    let own = own?;
    if own.value.trim().is_empty() {
        return None;
    }
    let in_range = |v: &Dec| {
        !v.is_negative() && (!matches!(ind.kind, Kind::Percent { .. }) || *v <= Dec::HUNDRED)
    };
    match Dec::parse_vn(&own.value) {
        Ok(v) if in_range(&v) => {
            if own.source.trim().is_empty() {
                problems.push(Problem::error(
                    FindingKind::InvalidUserThreshold,
                    "ngưỡng tự nhập cần ghi rõ nguồn (văn bản quy định).",
                ));
            }
            Some(AppliedThreshold {
                value: v,
                direction,
                provenance: Provenance::Commune {
                    source: own.source.trim().to_string(),
                },
            })
        }
        _ => {
            problems.push(Problem::error(
                FindingKind::InvalidUserThreshold,
                format!("ngưỡng tự nhập \"{}\" không hợp lệ.", own.value.trim()),
            ));
            None
        }
    }
}
