//! What each column of a table holds, guessed from its header as decisions write it ("TT",
//! "Tên tiêu chí", "Nội dung chỉ tiêu", "Xã nhóm 1", "Chỉ tiêu theo nhóm xã (%)" merged over
//! the group columns, "Nguồn", "Đơn vị tính"), or from its position when there is no header.
//! A header may be several rows (a merged cell above the group columns); a unit in parentheses
//! ("(%)", "(triệu đồng/người/năm)") is the unit of the column's bare figures.

use super::records::starts_row;
use super::{squash, Grid, GridRow};
use crate::core::criteria::CriteriaSet;
use crate::core::vn::to_lower;

/// What a column of the table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// Read past.
    Ignore,
    /// A header this reader does not know: refused if the column holds anything.
    Unknown,
    /// "TT", "Mã": an indicator's code, or the criterion's number.
    Code,
    /// "Tên tiêu chí": the criterion's name (read past: the set names its criteria).
    CriterionName,
    Wording,
    /// Thresholds of a column of the set (`Some(id)`) or of every column (`None`).
    Threshold(Option<String>),
    Source,
    Year,
    /// "Đơn vị tính": "%", "% (hộ)", "triệu đồng/người/năm".
    Unit,
}

impl Role {
    /// The roles a column may be given, for the set's threshold columns.
    pub fn choices(set: &CriteriaSet) -> Vec<Role> {
        let mut out = vec![Role::Ignore, Role::Code, Role::CriterionName, Role::Wording];
        out.push(Role::Threshold(None));
        out.extend(
            set.columns
                .items
                .iter()
                .map(|c| Role::Threshold(Some(c.id.clone()))),
        );
        out.extend([Role::Source, Role::Year, Role::Unit]);
        out
    }

    pub fn label_vi(&self, set: &CriteriaSet) -> String {
        match self {
            Role::Ignore => "Bỏ qua".into(),
            Role::Unknown => "Chưa rõ".into(),
            Role::Code => "Mã chỉ tiêu (TT)".into(),
            Role::CriterionName => "Tên tiêu chí".into(),
            Role::Wording => "Nội dung chỉ tiêu".into(),
            Role::Threshold(None) if set.columns.items.is_empty() => "Ngưỡng".into(),
            Role::Threshold(None) => "Ngưỡng chung (mọi cột)".into(),
            Role::Threshold(Some(id)) => match set.column(id) {
                Some(c) => format!("Ngưỡng: {}", c.name),
                None => format!("Ngưỡng: {id}"),
            },
            Role::Source => "Nguồn".into(),
            Role::Year => "Năm".into(),
            Role::Unit => "Đơn vị".into(),
        }
    }

    /// A key for a `<select>`'s value.
    pub fn key(&self) -> String {
        match self {
            Role::Threshold(Some(id)) => format!("t:{id}"),
            other => format!("{other:?}"),
        }
    }
}

/// A column as read: what it holds, its header's words, the unit its header gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub role: Role,
    pub header: String,
    pub unit: String,
}

impl Column {
    pub fn of(role: Role) -> Column {
        Column {
            role,
            header: String::new(),
            unit: String::new(),
        }
    }
}

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

/// A unit in parentheses: "%", money, something per something, a short measure.
fn is_unit(t: &str) -> bool {
    let t = t.trim();
    t == "%"
        || t.contains("đồng")
        || (t.contains('/') && t.chars().count() <= 40 && !t.chars().any(|c| c.is_ascii_digit()))
        || ["km", "ha", "m2", "m²", "hộ", "người"].contains(&t)
}

/// The role a header's words name, and the unit in its parentheses.
pub fn role_of(header: &str, set: &CriteriaSet) -> (Option<Role>, String) {
    let mut name = to_lower(&squash(header));
    let mut unit = String::new();
    while let Some(open) = name.rfind('(') {
        let Some(close) = name[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inside = name[open + 1..close].trim().to_string();
        if !is_unit(&inside) {
            break;
        }
        unit = original(header, &inside);
        name = squash(&format!("{} {}", &name[..open], &name[close + 1..]));
    }
    (named(&name, set), unit)
}

/// `lower` as `text` writes it (its case).
fn original(text: &str, lower: &str) -> String {
    let squashed = squash(text);
    let l = to_lower(&squashed);
    match l.find(lower) {
        Some(at) => squashed[at..at + lower.len()].to_string(),
        None => lower.to_string(),
    }
}

fn named(name: &str, set: &CriteriaSet) -> Option<Role> {
    if name.is_empty() {
        return None;
    }
    if let Some(id) = column_of(name, set) {
        return Some(Role::Threshold(Some(id)));
    }
    let is = |w: &[&str]| w.contains(&name);
    let starts = |w: &[&str]| w.iter().any(|p| name.starts_with(p));
    Some(
        if is(&["tt", "stt", "số tt", "số thứ tự", "mã", "mã số"]) || starts(&["mã chỉ tiêu"])
        {
            Role::Code
        } else if name.contains("tên tiêu chí") {
            Role::CriterionName
        } else if name.contains("nội dung")
            || is(&["chỉ tiêu", "tên chỉ tiêu", "tiêu chí, chỉ tiêu"])
        {
            Role::Wording
        } else if starts(&["chung", "ngưỡng", "mức"]) || name.contains("chỉ tiêu chung") {
            Role::Threshold(None)
        } else if starts(&["nguồn", "căn cứ", "văn bản"]) {
            Role::Source
        } else if is(&["năm", "năm áp dụng"]) {
            Role::Year
        } else if starts(&["đơn vị", "đvt"]) {
            Role::Unit
        } else if starts(&["ghi chú"]) {
            Role::Ignore
        } else {
            return None;
        },
    )
}

/// The set's column a header names ("Xã nhóm 1", "Nhóm 1", a region's name): the longest
/// name found, whole words only.
fn column_of(name: &str, set: &CriteriaSet) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for c in &set.columns.items {
        let full = to_lower(&squash(&c.name));
        let short = full.strip_prefix("xã ").unwrap_or(&full).to_string();
        for n in [full.clone(), short] {
            let whole = name.match_indices(&n).any(|(at, _)| {
                let after = name[at + n.len()..].chars().next();
                let before = name[..at].chars().next_back();
                !after.is_some_and(char::is_alphanumeric)
                    && !before.is_some_and(char::is_alphanumeric)
            });
            if whole && best.as_ref().is_none_or(|(l, _)| n.len() > *l) {
                best = Some((n.len(), c.id.clone()));
            }
        }
    }
    best.map(|(_, id)| id)
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
    let dotted = |t: &str| super::read::split_code(t).is_some_and(|(c, _)| c.contains('.'));
    let running = rows
        .iter()
        .filter(|r| text(r, 0).parse::<u32>().is_ok() && super::is_code(&text(r, 1)))
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
