//! A set written as the table `parse` reads: a CSV file that Excel and LibreOffice open with
//! Vietnamese intact, and that reads back to the same set.

use super::cells::{csv_field, guard, protect_code, write_number};
use super::header::set_thresholds;
use super::roles::Role;
use crate::core::criteria::{CriteriaSet, Indicator, Kind};

/// UTF-8 with a byte-order mark; ";" between fields, as Vietnamese Excel writes and reads
/// them; CRLF. One row per indicator, or per year and source where its thresholds differ;
/// codes written as `="17.10"` so no spreadsheet reads them as numbers. `parse` then `apply`
/// on the same set gives the set back.
pub fn to_csv(set: &CriteriaSet) -> String {
    let mut columns: Vec<(Option<String>, String)> = Vec::new();
    if set.columns.items.is_empty() {
        columns.push((None, "Ngưỡng".into()));
    } else {
        let label = crate::core::vn::to_lower(set.columns.label.trim());
        columns.push((None, format!("Chung (mọi {label})")));
        let ids = set_thresholds(set).into_iter().filter_map(|r| match r {
            Role::Threshold(id) => Some(id),
            _ => None,
        });
        columns.extend(ids.zip(set.columns.items.iter().map(|c| c.name.clone())));
    }
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = ["Mã chỉ tiêu".to_string(), "Nội dung".into()]
        .into_iter()
        .chain(columns.iter().map(|(_, name)| name.clone()))
        .chain(["Nguồn".to_string(), "Năm".into(), "Đơn vị".into()])
        .collect();
    line(&mut out, None, &header);
    for (_, ind) in set.indicators() {
        for (year, source, cells) in groups(ind, &columns) {
            let mut fields = vec![ind.wording.clone()];
            fields.extend(cells);
            fields.push(source);
            fields.push(year.map(|y| y.to_string()).unwrap_or_default());
            fields.push(unit(&ind.kind));
            line(&mut out, Some(&ind.code), &fields);
        }
    }
    out
}

/// What the unit column says: a share and what it counts, or the unit of the figures.
fn unit(kind: &Kind) -> String {
    match kind {
        Kind::YesNo => String::new(),
        Kind::Percent { unit, .. } if unit.trim().is_empty() => "%".into(),
        Kind::Percent { unit, .. } => format!("% ({unit})"),
        Kind::Amount { unit } | Kind::Count { unit } => unit.clone(),
    }
}

type Group = (Option<u16>, String, Vec<String>);

/// The rows of one indicator: its thresholds and open thresholds grouped by (year, source),
/// each group's cells by column; "-" where it does not apply, on its first row. A judged
/// indicator says "Đạt" in the general column.
fn groups(ind: &Indicator, columns: &[(Option<String>, String)]) -> Vec<Group> {
    let empty = || vec![String::new(); columns.len()];
    let mut out: Vec<Group> = Vec::new();
    let mut put = |year: Option<u16>, source: &str, column: &Option<String>, text: String| {
        let Some(i) = columns.iter().position(|(c, _)| c == column) else {
            return;
        };
        let at = out
            .iter()
            .position(|(y, s, cells)| *y == year && s == source && cells[i].is_empty());
        let k = at.unwrap_or_else(|| {
            out.push((year, source.to_string(), empty()));
            out.len() - 1
        });
        out[k].2[i] = text;
    };
    for t in &ind.thresholds {
        let text = write_number(ind.direction, t.value, ind.kind.unit());
        put(t.year, &t.source, &t.column, text);
    }
    for o in &ind.open_thresholds {
        put(None, &o.source, &o.column, o.note.clone());
    }
    if out.is_empty() {
        out.push((None, String::new(), empty()));
    }
    if ind.kind == Kind::YesNo && out[0].2[0].is_empty() {
        out[0].2[0] = "Đạt".into();
    }
    for c in &ind.not_applicable_in {
        if let Some(i) = columns.iter().position(|(x, _)| x.as_deref() == Some(c)) {
            out[0].2[i] = "-".into();
        }
    }
    out
}

fn line(out: &mut String, code: Option<&str>, fields: &[String]) {
    let mut cells: Vec<String> = code.map(protect_code).into_iter().collect();
    cells.extend(fields.iter().map(|f| guard(f)));
    let cells: Vec<String> = cells.into_iter().map(|f| csv_field(f, ';')).collect();
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}
