//! Editing a criteria set: every change the set editor can make, as data (`SetEdit`), and the
//! pure function that applies it. Indicators are addressed by code and thresholds by their
//! position under it, so a stale address changes nothing instead of panicking.

use crate::core::criteria::{CriteriaSet, Direction, Indicator, Kind, Threshold};
use crate::core::num::Dec;

/// The kind of a new indicator, as the editor offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewKind {
    YesNo,
    Percent,
    Amount,
    Count,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SetEdit {
    Name(String),
    Id(String),
    Version(String),
    Programme(String),
    LegalNumber(String),
    LegalDate(String),
    LegalIssuer(String),
    /// A year as typed; an unreadable one is refused.
    PeriodFrom(String),
    PeriodTo(String),
    Wording(String, String),
    Short(String, String),
    AddThreshold(String),
    /// Indicator code and the threshold's position under it.
    RemoveThreshold(String, usize),
    /// Column id; empty for the general column.
    ThresholdColumn(String, usize, String),
    /// A year as typed; empty for the whole period.
    ThresholdYear(String, usize, String),
    /// A value as typed (Vietnamese number).
    ThresholdValue(String, usize, String),
    ThresholdSource(String, usize, String),
    /// "at_least", "at_most"; refused for a judged indicator.
    Direction(String, String),
    /// What a share counts ("hộ", "người", "km").
    CountedUnit(String, String),
    /// Indicator code and the position of a threshold the decision left open: removed.
    RemoveOpenThreshold(String, usize),
    /// Indicator code and a column id: the indicator applies there again.
    RemoveNotApplicable(String, String),
    RemoveIndicator(String),
    AddIndicator {
        criterion: u8,
        code: String,
        wording: String,
        kind: NewKind,
    },
}

/// Applies one edit. `Err` carries a Vietnamese message for a typed value that could not be
/// read; the set is then left as it was, so what the user sees is never a silent guess.
pub fn apply(set: &mut CriteriaSet, edit: SetEdit) -> Result<(), String> {
    match edit {
        SetEdit::Name(v) => set.name = v,
        SetEdit::Id(v) => set.id = v,
        SetEdit::Version(v) => set.version = v,
        SetEdit::Programme(v) => set.programme = v,
        SetEdit::LegalNumber(v) => set.legal_basis.number = v,
        SetEdit::LegalDate(v) => set.legal_basis.date = v,
        SetEdit::LegalIssuer(v) => set.legal_basis.issuer = v,
        SetEdit::PeriodFrom(v) => set.period.from = year(&v)?,
        SetEdit::PeriodTo(v) => set.period.to = year(&v)?,
        SetEdit::Wording(code, v) => with_indicator(set, &code, |i| i.wording = v),
        SetEdit::Short(code, v) => with_indicator(set, &code, |i| i.short = v),
        SetEdit::AddThreshold(code) => with_indicator(set, &code, |i| {
            i.thresholds.push(Threshold {
                column: None,
                year: None,
                value: Dec::ZERO,
                source: String::new(),
            })
        }),
        SetEdit::RemoveThreshold(code, k) => with_indicator(set, &code, |i| {
            if k < i.thresholds.len() {
                i.thresholds.remove(k);
            }
        }),
        SetEdit::ThresholdColumn(code, k, v) => with_indicator(set, &code, |i| {
            let column = (!v.is_empty()).then_some(v);
            if let Some(t) = i.thresholds.get_mut(k) {
                // The province's figure fills what the decision left open for that column.
                i.open_thresholds.retain(|o| o.column != column);
                t.column = column;
            }
        }),
        SetEdit::ThresholdYear(code, k, v) => {
            let y = if v.trim().is_empty() {
                None
            } else {
                Some(year(&v)?)
            };
            with_threshold(set, &code, k, |t| t.year = y)
        }
        SetEdit::ThresholdValue(code, k, v) => {
            let value = Dec::parse_vn(&v).map_err(|e| e.message_vi())?;
            with_threshold(set, &code, k, |t| t.value = value)
        }
        SetEdit::ThresholdSource(code, k, v) => with_threshold(set, &code, k, |t| t.source = v),
        e @ (SetEdit::Direction(..)
        | SetEdit::CountedUnit(..)
        | SetEdit::RemoveOpenThreshold(..)
        | SetEdit::RemoveNotApplicable(..)) => kind_and_applicability(set, e)?,
        SetEdit::RemoveIndicator(code) => {
            for c in &mut set.criteria {
                c.indicators.retain(|i| i.code != code);
            }
        }
        SetEdit::AddIndicator {
            criterion,
            code,
            wording,
            kind,
        } => add_indicator(set, criterion, code, wording, kind)?,
    }
    Ok(())
}

/// The edits of what a table read from the decision brings: direction, what a share counts,
/// what the decision leaves open, where the indicator does not apply.
fn kind_and_applicability(set: &mut CriteriaSet, edit: SetEdit) -> Result<(), String> {
    match edit {
        SetEdit::Direction(code, v) => {
            let d = match v.as_str() {
                "at_least" => Direction::AtLeast,
                "at_most" => Direction::AtMost,
                _ => return Err(format!("Chiều so sánh “{v}” không có (≥ hoặc ≤).")),
            };
            if set
                .indicator(&code)
                .is_some_and(|(_, i)| !i.kind.is_numeric())
            {
                return Err("Chỉ tiêu đạt / chưa đạt không có chiều so sánh.".into());
            }
            with_indicator(set, &code, |i| i.direction = Some(d))
        }
        SetEdit::CountedUnit(code, v) => with_indicator(set, &code, |i| {
            if let Kind::Percent { unit, .. } = &mut i.kind {
                *unit = v;
            }
        }),
        SetEdit::RemoveOpenThreshold(code, k) => with_indicator(set, &code, |i| {
            if k < i.open_thresholds.len() {
                i.open_thresholds.remove(k);
            }
        }),
        SetEdit::RemoveNotApplicable(code, column) => {
            with_indicator(set, &code, |i| i.not_applicable_in.retain(|c| *c != column))
        }
        _ => {}
    }
    Ok(())
}

fn year(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(y) if (2000..=2100).contains(&y) => Ok(y),
        _ => Err(format!("Năm \"{}\" không hợp lệ (VD: 2026).", text.trim())),
    }
}

fn with_indicator(set: &mut CriteriaSet, code: &str, f: impl FnOnce(&mut Indicator)) {
    if let Some(i) = set
        .criteria
        .iter_mut()
        .flat_map(|c| c.indicators.iter_mut())
        .find(|i| i.code == code)
    {
        f(i);
    }
}

fn with_threshold(set: &mut CriteriaSet, code: &str, k: usize, f: impl FnOnce(&mut Threshold)) {
    with_indicator(set, code, |i| {
        if let Some(t) = i.thresholds.get_mut(k) {
            f(t);
        }
    })
}

/// Adds an indicator to a criterion. Refused, with the reason, when the result would not be a
/// valid set (a code of another criterion, a code already used, no wording).
fn add_indicator(
    set: &mut CriteriaSet,
    criterion: u8,
    code: String,
    wording: String,
    kind: NewKind,
) -> Result<(), String> {
    let code = code.trim().to_string();
    let wording = wording.trim().to_string();
    let kind = match kind {
        NewKind::YesNo => Kind::YesNo,
        NewKind::Percent => Kind::Percent {
            numerator: "Số đạt yêu cầu".into(),
            denominator: "Tổng số".into(),
            unit: "đơn vị".into(),
        },
        NewKind::Amount => Kind::Amount {
            unit: "đơn vị".into(),
        },
        NewKind::Count => Kind::Count {
            unit: "đơn vị".into(),
        },
    };
    let mut next = set.clone();
    let Some(c) = next.criteria.iter_mut().find(|c| c.number == criterion) else {
        return Err(format!("Bộ tiêu chí không có tiêu chí {criterion}."));
    };
    c.indicators.push(Indicator {
        code: code.clone(),
        short: wording.chars().take(60).collect(),
        wording,
        direction: kind.is_numeric().then_some(Direction::AtLeast),
        kind,
        thresholds: vec![],
        may_be_not_applicable: false,
        guidance: String::new(),
        open_thresholds: Vec::new(),
        not_applicable_in: Vec::new(),
    });
    let place = format!("chỉ tiêu {code}");
    if let Some(e) = next
        .validate()
        .into_iter()
        .find(|e| e.place.ends_with(&place))
    {
        return Err(e.to_string());
    }
    *set = next;
    Ok(())
}
