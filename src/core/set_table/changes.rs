//! What applying a table changes in the indicators a set already has, in words an official
//! checks: a change of kind (or of what a share counts), of direction, of where the indicator
//! applies, and a threshold lost need a confirmation; new values and wordings are listed.

use crate::core::criteria::{CriteriaSet, Direction, Indicator};
use crate::core::set_diff::{kind_text, thresholds_text};

/// A change to an indicator the set already has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub code: String,
    pub text: String,
    /// A change of kind, unit, direction or applicability, or a threshold lost.
    pub confirm: bool,
}

pub fn column_name(set: &CriteriaSet, column: &Option<String>) -> String {
    match column {
        None if set.columns.items.is_empty() => "mọi xã".into(),
        None => "cột chung".into(),
        Some(id) => set
            .column(id)
            .map_or_else(|| id.clone(), |c| c.name.clone()),
    }
}

/// What applying changes in one indicator the set has, each change needing a confirmation
/// flagged.
pub fn changes(
    old_set: &CriteriaSet,
    old: &Indicator,
    new_set: &CriteriaSet,
    new: &Indicator,
) -> Vec<Change> {
    let code = &new.code;
    let mut out: Vec<(String, bool)> = Vec::new();
    if kind_text(&old.kind) != kind_text(&new.kind) {
        out.push((
            format!(
                "Chỉ tiêu {code}: loại {} → {}",
                kind_text(&old.kind),
                kind_text(&new.kind)
            ),
            true,
        ));
    }
    if old.kind.is_numeric() && new.kind.is_numeric() && old.direction != new.direction {
        let sym = |d: Option<Direction>| d.map_or("", |d| d.symbol());
        out.push((
            format!(
                "Chỉ tiêu {code}: chiều so sánh {} → {}",
                sym(old.direction),
                sym(new.direction)
            ),
            true,
        ));
    }
    out.extend(lost(old_set, old, new).into_iter().map(|t| (t, true)));
    out.extend(
        applicability(new_set, old, new)
            .into_iter()
            .map(|t| (t, true)),
    );
    let (before, after) = (thresholds_text(old_set, old), thresholds_text(new_set, new));
    if before != after && !out.iter().any(|(_, confirm)| *confirm) {
        out.push((format!("Chỉ tiêu {code}: ngưỡng {before} → {after}"), false));
    }
    if old.wording != new.wording {
        out.push((format!("Chỉ tiêu {code}: sửa nội dung"), false));
    }
    let change = |(text, confirm)| Change {
        code: code.clone(),
        text,
        confirm,
    };
    out.into_iter().map(change).collect()
}

/// Thresholds (and the decision's words left open) the indicator loses.
fn lost(set: &CriteriaSet, old: &Indicator, new: &Indicator) -> Vec<String> {
    let code = &new.code;
    let mut out = Vec::new();
    for t in &old.thresholds {
        if !new
            .thresholds
            .iter()
            .any(|n| n.column == t.column && n.year == t.year)
        {
            let year = t.year.map(|y| format!(" năm {y}")).unwrap_or_default();
            let value = super::cells::write_number(old.direction, t.value, old.kind.unit());
            out.push(format!(
                "Chỉ tiêu {code}: bỏ ngưỡng {}{year} ({value})",
                column_name(set, &t.column)
            ));
        }
    }
    for o in &old.open_thresholds {
        let filled = new.thresholds.iter().any(|t| t.column == o.column);
        if !filled && !new.open_thresholds.iter().any(|n| n.column == o.column) {
            out.push(format!(
                "Chỉ tiêu {code}: bỏ ghi chú để ngỏ của {} (“{}”)",
                column_name(set, &o.column),
                o.note
            ));
        }
    }
    out
}

/// Columns the indicator stops or starts applying to.
fn applicability(set: &CriteriaSet, old: &Indicator, new: &Indicator) -> Vec<String> {
    let code = &new.code;
    let name = |c: &String| column_name(set, &Some(c.clone()));
    let stops = new
        .not_applicable_in
        .iter()
        .filter(|c| !old.not_applicable_in.contains(c));
    let starts = old
        .not_applicable_in
        .iter()
        .filter(|c| !new.not_applicable_in.contains(c));
    stops
        .map(|c| format!("Chỉ tiêu {code}: không áp dụng cho {}", name(c)))
        .chain(starts.map(|c| format!("Chỉ tiêu {code}: áp dụng trở lại cho {}", name(c))))
        .collect()
}
