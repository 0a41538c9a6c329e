//! What each column of a table holds, guessed from its header as decisions write it ("TT",
//! "Tên tiêu chí", "Nội dung chỉ tiêu", "Xã nhóm 1", "Chỉ tiêu theo nhóm xã (%)" merged over
//! the group columns, "Nguồn", "Đơn vị tính"), or from its position when there is no header.
//! A header may be several rows (a merged cell above the group columns); a unit in parentheses
//! ("(%)", "(triệu đồng/người/năm)") is the unit of the column's bare figures.

use super::codes::squash;
use super::grid::{Grid, GridRow};
use super::records::starts_row;
use super::roles::{role_of, Column, Role};
use crate::core::criteria::CriteriaSet;

/// How a table's columns were found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess {
    /// The columns, for rows `width` wide.
    pub columns: Vec<Column>,
    /// The grid's indices of the header's rows and of the lines above them (a title).
    pub header: Vec<usize>,
    pub titles: Vec<usize>,
    /// No header: the columns by position (a source and a year column may follow).
    pub positional: bool,
}

/// A row that numbers the columns ("1 | 2 | 3 …" or "(1) | (2) …"), under many headers.
pub fn is_numbering(row: &GridRow) -> bool {
    let numbers: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.text.trim().trim_start_matches('(').trim_end_matches(')'))
        .filter(|t| !t.is_empty())
        .collect();
    numbers.len() >= 3
        && numbers
            .iter()
            .enumerate()
            .all(|(i, t)| t.parse::<usize>() == Ok(i + 1))
}

/// The most frequent width of the rows that start like rows of the table.
pub fn table_width(grid: &Grid) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for r in grid.iter().filter(|r| starts_row(r) && r.cells.len() >= 2) {
        match counts.iter_mut().find(|(w, _)| *w == r.width()) {
            Some((_, c)) => *c += 1,
            None => counts.push((r.width(), 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(w, c)| (*c, *w))
        .map(|(w, _)| *w)
        .unwrap_or_else(|| grid.iter().map(GridRow::width).max().unwrap_or(0))
}

/// The columns of a grid: named by its header, or by position.
pub fn guess(grid: &Grid, width: usize, set: &CriteriaSet) -> Guess {
    let first = grid
        .iter()
        .position(|r| starts_row(r) && !is_numbering(r))
        .unwrap_or(grid.len());
    let above: Vec<usize> = (0..first).filter(|&i| !is_numbering(&grid[i])).collect();
    let mut header = Vec::new();
    // The header: from the first row above the table that names a column or gives a unit (a
    // title above it names neither; a header broken onto lines, as a PDF gives it, has lines
    // that alone name nothing).
    let named = |i: &usize| {
        grid[*i].cells.iter().any(|c| {
            let (role, unit) = role_of(&c.text, set);
            role.is_some() || !unit.is_empty()
        })
    };
    if let Some(k) = above.iter().position(named) {
        header.extend_from_slice(&above[k..]);
    }
    let rows: Vec<&GridRow> = header.iter().map(|&i| &grid[i]).collect();
    let names = names(&rows, width, set);
    let columns: Vec<Column> = names
        .iter()
        .map(|n| {
            let (role, unit) = role_of(n, set);
            Column {
                role: role.unwrap_or(Role::Unknown),
                header: n.clone(),
                unit,
            }
        })
        .collect();
    let known = columns
        .iter()
        .any(|c| matches!(c.role, Role::Code | Role::Wording));
    let titles = above
        .iter()
        .copied()
        .filter(|i| !header.contains(i))
        .collect();
    if !known {
        let all = above.clone();
        return Guess {
            columns: positional(grid, first, width, set),
            header: Vec::new(),
            titles: all,
            positional: true,
        };
    }
    Guess {
        columns: demote_running_numbers(columns, grid, first),
        header,
        titles,
        positional: false,
    }
}

/// Each column's header words: the header's rows, merged cells spread over the columns they
/// cover. A row cut short (Word copies a merged cell as one) is spread by the block of
/// threshold columns the full rows name.
fn names(rows: &[&GridRow], width: usize, set: &CriteriaSet) -> Vec<String> {
    let spread = |r: &GridRow| {
        let mut out = Vec::new();
        for c in &r.cells {
            for _ in 0..c.span.max(1) {
                out.push(squash(&c.text));
            }
        }
        out
    };
    let full: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r.width() >= width)
        .map(|r| spread(r))
        .collect();
    let block: Vec<usize> = (0..width)
        .filter(|&i| {
            full.iter().any(|f| {
                f.get(i)
                    .is_some_and(|t| matches!(role_of(t, set).0, Some(Role::Threshold(_))))
            })
        })
        .collect();
    let mut names = vec![String::new(); width];
    for r in rows {
        let mut cells = spread(r);
        let short = width.saturating_sub(cells.len());
        if let (true, Some(&b0)) = (short > 0, block.first()) {
            if block.len() == short + 1 && b0 < cells.len() {
                let text = cells[b0].clone();
                cells.splice(b0..b0, std::iter::repeat_n(text, short));
            }
        }
        for (name, text) in names.iter_mut().zip(cells) {
            if !text.is_empty() && !name.ends_with(&text) {
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(&text);
            }
        }
    }
    names
}

/// "STT | Mã": of two code columns, the one whose rows hold running numbers is read past.
fn demote_running_numbers(mut columns: Vec<Column>, grid: &Grid, first: usize) -> Vec<Column> {
    let codes: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].role == Role::Code)
        .collect();
    if codes.len() < 2 {
        return columns;
    }
    let dotted = |i: usize| {
        grid[first..]
            .iter()
            .filter(|r| r.cells.get(i).is_some_and(|c| c.text.contains('.')))
            .count()
    };
    let keep = codes
        .iter()
        .copied()
        .max_by_key(|&i| dotted(i))
        .unwrap_or(codes[0]);
    for i in codes.into_iter().filter(|&i| i != keep) {
        columns[i].role = Role::Ignore;
    }
    columns
}

/// The set's threshold columns, or one general column.
pub fn set_thresholds(set: &CriteriaSet) -> Vec<Role> {
    if set.columns.items.is_empty() {
        vec![Role::Threshold(None)]
    } else {
        let ids = set.columns.items.iter().map(|c| Some(c.id.clone()));
        ids.map(Role::Threshold).collect()
    }
}

/// Columns by position: code, wording, one threshold per column of the set; a running number
/// before the code, or the criterion's name between code and wording, when most rows say so.
fn positional(grid: &Grid, first: usize, width: usize, set: &CriteriaSet) -> Vec<Column> {
    let mut roles = positional_prefix(grid, first);
    roles.extend(set_thresholds(set));
    for extra in [Role::Source, Role::Year] {
        if roles.len() < width {
            roles.push(extra);
        }
    }
    roles.into_iter().map(Column::of).collect()
}

/// The roles before the thresholds, by what most rows hold.
pub fn positional_prefix(grid: &Grid, first: usize) -> Vec<Role> {
    let rows: Vec<&GridRow> = grid[first..]
        .iter()
        .filter(|r| r.cells.len() >= 3)
        .collect();
    let text = |r: &GridRow, i: usize| r.cells[i].text.trim().to_string();
    let dotted = |t: &str| super::codes::split_code(t).is_some_and(|(c, _)| c.contains('.'));
    let running = rows
        .iter()
        .filter(|r| text(r, 0).parse::<u32>().is_ok() && super::codes::is_code(&text(r, 1)))
        .count();
    let named = rows
        .iter()
        .filter(|r| dotted(&text(r, 2)) && !dotted(&text(r, 1)))
        .count();
    if running * 2 > rows.len() {
        vec![Role::Ignore, Role::Code, Role::Wording]
    } else if named * 2 > rows.len() {
        vec![Role::Code, Role::CriterionName, Role::Wording]
    } else {
        vec![Role::Code, Role::Wording]
    }
}
