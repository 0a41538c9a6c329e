//! A criteria set's table of indicators and thresholds, in and out: rows pasted from the
//! decision's table (Word, Excel, PDF) and CSV files kept in a spreadsheet. One layout for
//! both:
//!
//! `code | wording | one threshold per threshold column of the set | source (optional) | year (optional)`
//!
//! A table may start with a header row naming its columns ("Mã chỉ tiêu", "Nội dung", the
//! set's column names, "Chung (mọi …)", "Nguồn", "Năm"), as the CSV export writes it; then the
//! columns are found by name. Reading gives a preview: each row as understood, or its error
//! in Vietnamese. Applying (`apply`) changes the set only when every row was understood.

mod apply;
mod cells;

pub use apply::{apply, to_csv};
pub use cells::{cell, csv_field, write_number, Cell};

use crate::core::criteria::CriteriaSet;
use cells::{records, Record, Sep};

/// More rows than any decision's table has: a paste this long is a mistake.
pub const MAX_ROWS: usize = 1000;

/// What a column of the table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    Code,
    Wording,
    /// Thresholds of a column of the set (`Some(id)`) or of every column (`None`).
    Threshold(Option<String>),
    Source,
    Year,
}

/// A row as understood.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Where it starts in the pasted text or the file, from 1.
    pub line: usize,
    pub code: String,
    pub wording: String,
    /// (column id, or `None` for every column; the cell).
    pub cells: Vec<(Option<String>, Cell)>,
    pub source: String,
    pub year: Option<u16>,
}

/// A row that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub text: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    pub errors: Vec<RowError>,
    /// Lines passed over (a header, a criterion's heading), with why.
    pub skipped: Vec<(usize, String)>,
}

impl Table {
    /// Whether the table can be applied: something read, nothing refused.
    pub fn ok(&self) -> bool {
        self.errors.is_empty() && !self.rows.is_empty()
    }

    fn refuse(&mut self, line: usize, text: &str, message: String) {
        self.errors.push(RowError {
            line,
            text: text.chars().take(120).collect(),
            message,
        });
    }
}

fn is_code(text: &str) -> bool {
    let mut parts = text.split('.');
    parts.all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// Reads a pasted table or a CSV file against `set` (its criteria and threshold columns).
pub fn parse(text: &str, set: &CriteriaSet) -> Table {
    let mut table = Table::default();
    let Some((sep, recs)) = split(text, &mut table) else {
        return table;
    };
    let mut recs = recs.into_iter().peekable();
    let header = recs.peek().filter(|r| {
        let first = crate::core::vn::to_lower(r.fields[0].trim());
        first == "mã chỉ tiêu" || first == "mã"
    });
    let roles = match header.map(|h| (h.text.clone(), header_roles(h, set))) {
        None => Vec::new(),
        Some((_, Ok(roles))) => {
            recs.next();
            roles
        }
        Some((text, Err(message))) => {
            table.refuse(1, &text, message);
            return table;
        }
    };
    // A code may come back on another row for another year or source (the CSV export writes
    // them so), never twice for the same.
    let mut seen: Vec<(String, Option<u16>, String)> = Vec::new();
    for (i, rec) in recs.enumerate() {
        let Some(roles) = roles_of(&mut table, &rec, &roles, set, sep, i == 0) else {
            continue;
        };
        match read_row(&rec, &roles, set, i == 0) {
            Ok(None) => table
                .skipped
                .push((rec.line, "dòng tên tiêu chí hoặc tiêu đề".into())),
            Ok(Some(row)) => {
                let key = (row.code.clone(), row.year, row.source.clone());
                if seen.contains(&key) {
                    let m = format!(
                        "dòng {}: chỉ tiêu {} có ở một dòng trước",
                        rec.line, row.code
                    );
                    table.refuse(rec.line, &rec.text, m);
                } else {
                    seen.push(key);
                    table.rows.push(row);
                }
            }
            Err(m) => table.refuse(rec.line, &rec.text, format!("dòng {}: {m}", rec.line)),
        }
    }
    if table.rows.is_empty() && table.errors.is_empty() {
        let m = "Không có dòng chỉ tiêu nào (mã dạng 5.2 ở cột đầu).";
        table.refuse(1, "", m.into());
    }
    table
}

/// The table's separator and records, or `None` with the table's own error (nothing pasted,
/// an unclosed quote, too many rows).
fn split(text: &str, table: &mut Table) -> Option<(Sep, Vec<Record>)> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty());
    let Some(first) = first else {
        table.refuse(1, "", "Chưa có dòng nào: hãy dán bảng chỉ tiêu.".into());
        return None;
    };
    let sep = Sep::detect(first);
    let recs = match records(text, sep) {
        Ok(r) => r,
        Err((line, message)) => {
            table.refuse(line, "", format!("dòng {line}: {message}"));
            return None;
        }
    };
    if recs.len() > MAX_ROWS {
        let message = format!("Bảng có {} dòng, quá {MAX_ROWS} dòng của một bảng chỉ tiêu: hãy kiểm tra lại nội dung đã dán.", recs.len());
        table.refuse(recs[MAX_ROWS].line, "", message);
        return None;
    }
    Some((sep, recs))
}

/// What each field of a record holds: by the header's names, or by position; `None` (with
/// the row refused, or a first row passed over as a header) when its fields do not fit.
fn roles_of(
    table: &mut Table,
    rec: &Record,
    header: &[Role],
    set: &CriteriaSet,
    sep: Sep,
    first: bool,
) -> Option<Vec<Role>> {
    if header.is_empty() {
        return match positional_roles(rec, set, sep) {
            Ok(r) => Some(r),
            Err(_) if first && !is_code(rec.fields[0].trim()) => {
                table.skipped.push((rec.line, "dòng tiêu đề".into()));
                None
            }
            Err(m) => {
                table.refuse(rec.line, &rec.text, format!("dòng {}: {m}", rec.line));
                None
            }
        };
    }
    if rec.fields.len() != header.len() {
        let m = count_message(rec, header.len(), sep);
        table.refuse(rec.line, &rec.text, format!("dòng {}: {m}", rec.line));
        return None;
    }
    Some(header.to_vec())
}

/// The threshold columns a row without a header has: the set's, or one general column.
fn set_columns(set: &CriteriaSet) -> Vec<Option<String>> {
    if set.columns.items.is_empty() {
        vec![None]
    } else {
        set.columns
            .items
            .iter()
            .map(|c| Some(c.id.clone()))
            .collect()
    }
}

fn positional_roles(rec: &Record, set: &CriteriaSet, sep: Sep) -> Result<Vec<Role>, String> {
    let columns = set_columns(set);
    let n = columns.len();
    let mut roles = vec![Role::Code, Role::Wording];
    roles.extend(columns.into_iter().map(Role::Threshold));
    match rec.fields.len() {
        k if k == n + 2 => {}
        k if k == n + 3 => roles.push(Role::Source),
        k if k == n + 4 => roles.extend([Role::Source, Role::Year]),
        _ => return Err(count_message(rec, n + 2, sep)),
    }
    Ok(roles)
}

fn count_message(rec: &Record, expected: usize, sep: Sep) -> String {
    let mut m = format!(
        "có {} cột, cần {expected} (mã, nội dung, mỗi cột ngưỡng một ô; thêm nguồn nếu có)",
        rec.fields.len()
    );
    if let Some(other) = sep.other_in(&rec.text) {
        m.push_str(&format!(
            "; dòng này dùng {} trong khi bảng dùng {}",
            other.name_vi(),
            sep.name_vi()
        ));
    }
    m
}

fn header_roles(h: &Record, set: &CriteriaSet) -> Result<Vec<Role>, String> {
    let mut roles = Vec::new();
    for name in &h.fields {
        let lower = crate::core::vn::to_lower(name.trim());
        let column = set
            .columns
            .items
            .iter()
            .find(|c| crate::core::vn::to_lower(&c.name) == lower);
        roles.push(match lower.as_str() {
            "mã chỉ tiêu" | "mã" => Role::Code,
            "nội dung" | "nội dung chỉ tiêu" => Role::Wording,
            "nguồn" => Role::Source,
            "năm" => Role::Year,
            "ngưỡng" => Role::Threshold(None),
            l if l.starts_with("chung") => Role::Threshold(None),
            _ => match column {
                Some(c) => Role::Threshold(Some(c.id.clone())),
                None => {
                    return Err(format!(
                        "dòng 1: cột “{}” không có trong bộ tiêu chí này",
                        name.trim()
                    ))
                }
            },
        });
    }
    if !roles.contains(&Role::Code) || !roles.contains(&Role::Wording) {
        return Err("dòng 1: thiếu cột “Mã chỉ tiêu” hoặc “Nội dung”".into());
    }
    Ok(roles)
}

/// One row; `Ok(None)` for a criterion's heading ("1 | Quy hoạch", no threshold) or, on the
/// first row, a header that is not ours.
fn read_row(
    rec: &Record,
    roles: &[Role],
    set: &CriteriaSet,
    first: bool,
) -> Result<Option<Row>, String> {
    let mut row = Row {
        line: rec.line,
        code: String::new(),
        wording: String::new(),
        cells: Vec::new(),
        source: String::new(),
        year: None,
    };
    let mut errors = Vec::new();
    for (role, field) in roles.iter().zip(&rec.fields) {
        let field = field.trim();
        match role {
            Role::Code => row.code = field.to_string(),
            Role::Wording => row.wording = field.to_string(),
            Role::Source => row.source = field.to_string(),
            Role::Year if field.is_empty() => {}
            Role::Year => match field.parse::<u16>() {
                Ok(y) if (set.period.from..=set.period.to).contains(&y) => row.year = Some(y),
                _ => errors.push(format!(
                    "năm “{field}” không thuộc giai đoạn {}–{} của bộ",
                    set.period.from, set.period.to
                )),
            },
            Role::Threshold(column) => match cell(field) {
                Ok(Some(c)) => row.cells.push((column.clone(), c)),
                Ok(None) => {}
                Err(e) => errors.push(e),
            },
        }
    }
    if !is_code(&row.code) {
        if first {
            return Ok(None);
        }
        return Err(format!(
            "mã chỉ tiêu “{}” không đọc được (cần dạng 5 hoặc 5.2)",
            row.code
        ));
    }
    let number = row.code.split('.').next().unwrap_or("");
    let criterion = number.parse::<u8>().ok();
    if !set.criteria.iter().any(|c| Some(c.number) == criterion) {
        return Err(format!("bộ tiêu chí không có tiêu chí {number}"));
    }
    if row.code.matches('.').count() > 1 {
        return Err(format!(
            "mã chỉ tiêu “{}” có quá nhiều cấp (cần dạng 5 hoặc 5.2)",
            row.code
        ));
    }
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    if !row.code.contains('.') && row.cells.is_empty() {
        return Ok(None);
    }
    check_cells(&row.cells)?;
    Ok(Some(row))
}

/// The cells of one row must speak of one kind of indicator, in one direction.
fn check_cells(cells: &[(Option<String>, Cell)]) -> Result<(), String> {
    let met = cells.iter().filter(|(_, c)| *c == Cell::Met).count();
    if met > 0 && met < cells.len() {
        return Err("“Đạt” và ngưỡng bằng số cùng một dòng: một chỉ tiêu chỉ có một loại".into());
    }
    let mut direction = None;
    let mut unit: Option<&str> = None;
    for (_, c) in cells {
        if let Cell::Number {
            direction: d,
            unit: u,
            ..
        } = c
        {
            if d.is_some() && direction.is_some() && *d != direction {
                return Err("có ô “≥” và ô “≤” cùng một dòng".into());
            }
            direction = direction.or(*d);
            if unit.is_some_and(|x| x != u) {
                return Err(format!(
                    "đơn vị khác nhau trong một dòng (“{}” và “{u}”)",
                    unit.unwrap_or_default()
                ));
            }
            unit = Some(u);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
