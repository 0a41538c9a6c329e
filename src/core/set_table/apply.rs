//! A read table applied to a set (indicators created or updated by code), and a set written
//! as the same table in CSV.

use super::cells::{csv_field, guard, write_number, Cell};
use super::{set_columns, Row, Table};
use crate::core::criteria::{CriteriaSet, Direction, Indicator, Kind, Threshold};

/// The set with the table applied: each code of the table updates the indicator with that
/// code (its wording, kind, direction and all its thresholds) or creates it in the criterion
/// its number names; indicators not in the table stay as they are. A row without a source
/// takes `default_source`. Nothing changes unless the table was read whole and the result
/// passes validation; otherwise the located problems, in Vietnamese.
pub fn apply(
    set: &CriteriaSet,
    table: &Table,
    default_source: &str,
) -> Result<CriteriaSet, Vec<String>> {
    if !table.ok() {
        return Err(table.errors.iter().map(|e| e.message.clone()).collect());
    }
    let mut next = set.clone();
    let mut errors = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for row in &table.rows {
        if done.contains(&row.code.as_str()) {
            continue;
        }
        done.push(&row.code);
        let rows: Vec<&Row> = table.rows.iter().filter(|r| r.code == row.code).collect();
        if let Err(e) = apply_code(&mut next, &rows, default_source) {
            errors.push(format!("dòng {}: {e}", row.line));
        }
    }
    errors.extend(next.validate().iter().map(|e| e.to_string()));
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

fn apply_code(set: &mut CriteriaSet, rows: &[&Row], default_source: &str) -> Result<(), String> {
    let code = rows[0].code.clone();
    let cells: Vec<&Cell> = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|(_, c)| c))
        .collect();
    let exists = set.indicators().any(|(_, i)| i.code == code);
    if !exists {
        let wording = rows[0].wording.trim();
        if wording.is_empty() {
            return Err(format!("chỉ tiêu mới {code} cần nội dung"));
        }
        if cells.is_empty() {
            return Err(format!(
                "chỉ tiêu mới {code} cần ít nhất một ngưỡng, hoặc “Đạt”"
            ));
        }
        let number: u8 = code
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let Some(c) = set.criteria.iter_mut().find(|c| c.number == number) else {
            return Err(format!("bộ tiêu chí không có tiêu chí {number}"));
        };
        c.indicators.push(Indicator {
            code: code.clone(),
            wording: wording.to_string(),
            short: short_of(wording),
            kind: Kind::YesNo,
            direction: None,
            thresholds: Vec::new(),
            may_be_not_applicable: false,
            guidance: String::new(),
            open_thresholds: Vec::new(),
            not_applicable_in: Vec::new(),
        });
    }
    let Some(ind) = set
        .criteria
        .iter_mut()
        .flat_map(|c| c.indicators.iter_mut())
        .find(|i| i.code == code)
    else {
        return Ok(());
    };
    if let Some(w) = rows
        .iter()
        .map(|r| r.wording.trim())
        .find(|w| !w.is_empty())
    {
        ind.wording = w.to_string();
    }
    let first = cells.first().copied();
    match first {
        None => ind.thresholds.clear(),
        Some(Cell::Met) => {
            ind.kind = Kind::YesNo;
            ind.direction = None;
            ind.thresholds.clear();
        }
        Some(Cell::Number { unit, .. }) => {
            ind.kind = kind_for(&ind.kind, unit);
            let explicit = cells.iter().find_map(|c| match c {
                Cell::Number { direction, .. } => *direction,
                Cell::Met => None,
            });
            ind.direction = explicit.or(ind.direction).or(Some(Direction::AtLeast));
            ind.thresholds = thresholds(rows, default_source);
        }
    }
    Ok(())
}

/// The indicator's kind for a unit: kept when it fits (its numerator and denominator names,
/// its unit), else the kind the unit says.
fn kind_for(old: &Kind, unit: &str) -> Kind {
    match (old, unit) {
        (Kind::Percent { .. }, "%") => old.clone(),
        (Kind::Amount { unit: u } | Kind::Count { unit: u }, _) if u == unit => old.clone(),
        (Kind::Amount { .. } | Kind::Count { .. }, "") => old.clone(),
        (_, "%") => Kind::Percent {
            numerator: "Số đạt yêu cầu".into(),
            denominator: "Tổng số".into(),
            unit: "đơn vị".into(),
        },
        (_, "") => Kind::Count {
            unit: String::new(),
        },
        (_, u) => Kind::Amount { unit: u.into() },
    }
}

fn thresholds(rows: &[&Row], default_source: &str) -> Vec<Threshold> {
    let mut out = Vec::new();
    for row in rows {
        let source = match row.source.trim() {
            "" => default_source.trim(),
            s => s,
        };
        for (column, c) in &row.cells {
            if let Cell::Number { value, .. } = c {
                out.push(Threshold {
                    column: column.clone(),
                    year: row.year,
                    value: *value,
                    source: source.to_string(),
                });
            }
        }
    }
    out
}

/// A short name from the wording: its first words, up to about 60 characters.
fn short_of(wording: &str) -> String {
    let mut out = String::new();
    for word in wording.split_whitespace() {
        if !out.is_empty() && out.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The set's indicators as a CSV file that Excel and LibreOffice open with Vietnamese intact
/// (UTF-8 with a byte-order mark; ";" between fields, as Vietnamese Excel writes and reads
/// them; CRLF). One row per indicator, or per year and source where its thresholds differ;
/// `parse` then `apply` on the same set gives the set back.
pub fn to_csv(set: &CriteriaSet) -> String {
    let mut columns: Vec<(Option<String>, String)> = Vec::new();
    if set.columns.items.is_empty() {
        columns.push((None, "Ngưỡng".into()));
    } else {
        let label = crate::core::vn::to_lower(set.columns.label.trim());
        columns.push((None, format!("Chung (mọi {label})")));
        columns.extend(
            set_columns(set)
                .into_iter()
                .zip(set.columns.items.iter().map(|c| c.name.clone())),
        );
    }
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = ["Mã chỉ tiêu".to_string(), "Nội dung".into()]
        .into_iter()
        .chain(columns.iter().map(|(_, name)| name.clone()))
        .chain(["Nguồn".to_string(), "Năm".into()])
        .collect();
    line(&mut out, &header);
    for (_, ind) in set.indicators() {
        for (year, source, cells) in groups(ind, &columns) {
            let mut fields = vec![ind.code.clone(), ind.wording.clone()];
            fields.extend(cells);
            fields.push(source);
            fields.push(year.map(|y| y.to_string()).unwrap_or_default());
            line(&mut out, &fields);
        }
    }
    out
}

/// The rows of one indicator: its thresholds grouped by (year, source), each group's cells by
/// column. A yes/no indicator is one row with "Đạt"; one without thresholds, one empty row.
fn groups(
    ind: &Indicator,
    columns: &[(Option<String>, String)],
) -> Vec<(Option<u16>, String, Vec<String>)> {
    let empty = || vec![String::new(); columns.len()];
    if ind.kind == Kind::YesNo {
        let mut cells = empty();
        cells[0] = "Đạt".into();
        return vec![(None, String::new(), cells)];
    }
    let mut out: Vec<(Option<u16>, String, Vec<String>)> = Vec::new();
    for t in &ind.thresholds {
        let at = out.iter().position(|(y, s, cells)| {
            *y == t.year
                && *s == t.source
                && columns
                    .iter()
                    .zip(cells)
                    .all(|((c, _), v)| *c != t.column || v.is_empty())
        });
        let k = match at {
            Some(k) => k,
            None => {
                out.push((t.year, t.source.clone(), empty()));
                out.len() - 1
            }
        };
        if let Some(i) = columns.iter().position(|(c, _)| *c == t.column) {
            out[k].2[i] = write_number(ind.direction, t.value, ind.kind.unit());
        }
    }
    if out.is_empty() {
        out.push((None, String::new(), empty()));
    }
    out
}

fn line(out: &mut String, fields: &[String]) {
    let cells: Vec<String> = fields.iter().map(|f| csv_field(guard(f), ';')).collect();
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}
