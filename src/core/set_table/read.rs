//! The rows of a grid read against a set, as a person reads the decision's table: a code in its
//! column or at the start of the wording ("1.1. Có quy hoạch…"); a criterion's heading ("1 |
//! Quy hoạch", a row spanning the table) or a group's ("II | HẠ TẦNG KINH TẾ - XÃ HỘI") read
//! past; a header repeated after a page break read past; each threshold cell as written. A row
//! is read whole or refused with its reason, in Vietnamese, saying what to write instead.

use super::cells::{cell, Cell};
use super::codes::squash;
use super::codes::{check_cells, check_code, code_and_wording, is_roman};
use super::grid::{Grid, GridRow, Row, Table, MAX_ROWS};
use super::header::{self, is_numbering, positional_prefix, set_thresholds};
use super::records::stitch;
use super::roles::Column;
use super::roles::Role;
use crate::core::criteria::CriteriaSet;

/// What a row is.
enum Reading {
    Row(Cand),
    /// A group's heading ("II | HẠ TẦNG KINH TẾ - XÃ HỘI").
    Group,
    /// A line above the table.
    Title,
}

/// A row's candidate reading, before headings are told from indicators.
struct Cand {
    line: usize,
    text: String,
    row: Row,
    /// A code without a dot and no threshold cell: a criterion's heading or a criterion's
    /// only indicator, told by the rows after it.
    bare: bool,
    /// One cell spanning the table.
    spanning: bool,
}

/// How the rows of a grid are to be read: its columns (as the user set them, or guessed) and
/// the rows above the table, to know them again after a page break.
struct Layout {
    guess: header::Guess,
    columns: Vec<Column>,
    roles: Vec<Role>,
    /// No header and no columns set by the user: each row by its own width.
    positional: Option<Vec<Role>>,
    header_unit: String,
    above: Vec<String>,
}

impl Layout {
    fn new(grid: &Grid, user: Option<&[Column]>, set: &CriteriaSet) -> Layout {
        let guess = header::guess(grid, header::table_width(grid), set);
        let columns: Vec<Column> = user.map_or_else(|| guess.columns.clone(), <[Column]>::to_vec);
        let positional = (user.is_none() && guess.positional).then(|| {
            let first = grid
                .iter()
                .position(super::records::starts_row)
                .unwrap_or(0);
            let mut roles = positional_prefix(grid, first);
            roles.extend(set_thresholds(set));
            roles
        });
        let above = guess
            .header
            .iter()
            .chain(&guess.titles)
            .map(|&i| grid[i].words())
            .collect();
        Layout {
            roles: columns.iter().map(|c| c.role.clone()).collect(),
            header_unit: header_unit(&columns),
            guess,
            columns,
            positional,
            above,
        }
    }

    /// Why the row at `i` is passed over, if it is.
    fn skip(&self, i: usize, row: &GridRow) -> Option<&'static str> {
        if self.guess.titles.contains(&i) {
            Some("dòng tiêu đề")
        } else if self.guess.header.contains(&i) {
            Some("dòng tiêu đề của bảng")
        } else if is_numbering(row) {
            Some("dòng đánh số cột")
        } else if row.header || self.above.contains(&row.words()) {
            Some("tiêu đề bảng lặp lại")
        } else {
            None
        }
    }

    fn fields(&self, row: &GridRow) -> Result<(Vec<String>, Vec<Role>), String> {
        match &self.positional {
            Some(base) => fit_positional(row, base),
            None => fit(row, &self.roles, true).map(|f| (f, self.roles.clone())),
        }
    }
}

pub fn read(grid: &Grid, user: Option<&[Column]>, set: &CriteriaSet) -> Table {
    RowReader::new(grid, user, set).finish()
}

/// A grid read a chunk of rows at a time, so that a long table (a whole decision pasted) leaves
/// the page responsive and shows how far it got: `new` reads the header and the columns, `step`
/// the next rows, `finish` tells headings from indicators and checks each against the rows
/// before. Read in any steps, the table is the same (`read` is one step).
pub struct RowReader<'a> {
    set: &'a CriteriaSet,
    grid: Grid,
    /// `None` when the table was refused before its rows (too long, no code or wording).
    layout: Option<Layout>,
    table: Table,
    unknown: Vec<usize>,
    cands: Vec<Cand>,
    next: usize,
}

impl<'a> RowReader<'a> {
    pub fn new(grid: &Grid, user: Option<&[Column]>, set: &'a CriteriaSet) -> RowReader<'a> {
        let mut reader = RowReader {
            set,
            grid: Vec::new(),
            layout: None,
            table: Table::default(),
            unknown: Vec::new(),
            cands: Vec::new(),
            next: 0,
        };
        if grid.len() > MAX_ROWS {
            let message = format!("Bảng có {} dòng, quá {MAX_ROWS} dòng của một bảng chỉ tiêu: hãy kiểm tra lại nội dung đã dán.", grid.len());
            reader.table.refuse(grid[MAX_ROWS].line, "", message);
            return reader;
        }
        // Word's cells of several paragraphs joined back, never with the header's rows.
        let first = header::guess(grid, header::table_width(grid), set);
        let headers: Vec<String> = first.header.iter().map(|&i| grid[i].words()).collect();
        let grid = stitch(grid.clone(), header::table_width(grid), &headers);
        let layout = Layout::new(&grid, user, set);
        reader.table.columns = layout.columns.clone();
        if !layout.roles.contains(&Role::Code) && !layout.roles.contains(&Role::Wording) {
            reader.table.refuse(1, "", "Thiếu cột “Mã chỉ tiêu” (TT) và cột “Nội dung”: hãy chọn vai trò các cột, hoặc dán cả dòng tiêu đề của bảng.".into());
            return reader;
        }
        reader.grid = grid;
        reader.layout = Some(layout);
        reader
    }

    /// Rows read so far, and of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.grid.len())
    }

    /// Reads up to `n` more rows; gives the number of rows left.
    pub fn step(&mut self, n: usize) -> usize {
        let RowReader {
            set,
            grid,
            layout,
            table,
            unknown,
            cands,
            next,
        } = self;
        let Some(layout) = layout.as_ref() else {
            return 0;
        };
        let end = next.saturating_add(n).min(grid.len());
        for (i, row) in grid.iter().enumerate().take(end).skip(*next) {
            if let Some(why) = layout.skip(i, row) {
                table.skipped.push((row.line, why.into()));
                continue;
            }
            let data = !cands.is_empty() || !table.errors.is_empty();
            let read = layout.fields(row).and_then(|(fields, roles)| {
                let c = candidate(row, &fields, &roles, &layout.header_unit, set, data)?;
                if matches!(c, Reading::Row(_)) {
                    let filled =
                        |&i: &usize| roles[i] == Role::Unknown && !fields[i].trim().is_empty();
                    unknown.extend((0..fields.len()).filter(filled));
                }
                Ok(c)
            });
            match read {
                Ok(Reading::Row(c)) => cands.push(c),
                Ok(Reading::Title) => table.skipped.push((row.line, "dòng tiêu đề".into())),
                Ok(Reading::Group) => table.skipped.push((row.line, "dòng nhóm tiêu chí".into())),
                Err(m) => table.refuse(row.line, &row.text(), format!("dòng {}: {m}", row.line)),
            }
        }
        *next = end;
        grid.len() - end
    }

    /// The rows not read yet, read; then the table.
    pub fn finish(mut self) -> Table {
        self.step(usize::MAX);
        let Some(layout) = self.layout else {
            return self.table;
        };
        let mut table = self.table;
        unknown_columns(&mut table, self.unknown, &layout.columns);
        rows(&mut table, self.cands, self.set);
        if table.rows.is_empty() && table.errors.is_empty() {
            let m = "Không có dòng chỉ tiêu nào (mã dạng 5.2 ở cột đầu hoặc ở đầu nội dung).";
            table.refuse(1, "", m.into());
        }
        by_line(&mut table.errors, |e| e.line);
        by_line(&mut table.skipped, |(line, _)| *line);
        table
    }
}

/// In line order: an insertion sort, as the lists are short and nearly in order already (the
/// standard sorts would each add their own code to the set page's module).
fn by_line<T>(list: &mut [T], line: impl Fn(&T) -> usize) {
    for k in 1..list.len() {
        let mut j = k;
        while j > 0 && line(&list[j - 1]) > line(&list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A column whose header this reader does not know is refused when a row of the table fills
/// it: its figures would otherwise be lost.
fn unknown_columns(table: &mut Table, unknown: Vec<usize>, columns: &[Column]) {
    for (k, i) in unknown.iter().copied().enumerate() {
        if unknown[..k].contains(&i) {
            continue;
        }
        let m = format!("Cột “{}” (cột {}) không có trong bộ tiêu chí này: đổi tên cột theo tên cột ngưỡng của bộ, hoặc chọn “Bỏ qua” cho cột này.", columns[i].header, i + 1);
        table.refuse(1, &columns[i].header, m);
    }
}

/// The unit the threshold columns' headers give, when they give one (and only one).
fn header_unit(columns: &[Column]) -> String {
    let mut units = columns
        .iter()
        .filter(|c| matches!(c.role, Role::Threshold(_)) && !c.unit.is_empty())
        .map(|c| c.unit.clone());
    let first = units.next().unwrap_or_default();
    match units.all(|u| u == first) {
        true => first,
        false => String::new(),
    }
}

fn count_message(row: &GridRow, want: usize) -> String {
    let mut m = format!(
        "có {} cột, cần {want} (mã, nội dung, mỗi cột ngưỡng một ô; thêm nguồn nếu có)",
        row.width()
    );
    let text: String = row.cells.iter().map(|c| c.text.as_str()).collect();
    if text.contains(';') || text.contains('\t') {
        let which = if text.contains(';') {
            "dấu chấm phẩy"
        } else {
            "dấu tab"
        };
        m.push_str(&format!(
            "; dòng này có {which}: các cột phải cách nhau bằng cùng một dấu như các dòng khác"
        ));
    }
    m
}

/// A row's fields, one per column: a merged cell's text in each threshold column it covers
/// (in its first column otherwise); trailing empty cells past the table dropped; with `merged`,
/// a row cut short by a merged threshold cell (as Word copies it) spread over the threshold
/// columns.
fn fit(row: &GridRow, roles: &[Role], merged: bool) -> Result<Vec<String>, String> {
    let width = roles.len();
    let is_threshold = |col: usize| matches!(roles.get(col), Some(Role::Threshold(_)));
    let mut fields: Vec<String> = Vec::new();
    for c in &row.cells {
        // "Chỉ tiêu chung" merged over the group columns holds for each of them.
        let spread = is_threshold(fields.len()) && row.cells.len() > 1;
        for j in 0..c.span.max(1) {
            let copy = j == 0 || (spread && is_threshold(fields.len()));
            fields.push(if copy { c.text.clone() } else { String::new() });
        }
    }
    while fields.len() > width && fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    if fields.len() > width {
        return Err(count_message(row, width));
    }
    let block: Vec<usize> = (0..width)
        .filter(|&i| matches!(roles[i], Role::Threshold(_)))
        .collect();
    let short = width - fields.len();
    let filled = fields.iter().filter(|f| !f.trim().is_empty()).count();
    if merged && short > 0 && block.len() == short + 1 && block[0] < fields.len() {
        let text = fields[block[0]].clone();
        fields.splice(block[0]..block[0], std::iter::repeat_n(text, short));
    } else if short > 0 && (filled > 2 || !super::records::starts_row(row)) {
        return Err(count_message(row, width));
    }
    fields.resize(width, String::new());
    Ok(fields)
}

/// Fields and roles of a row of a table without a header: code, wording, thresholds, then a
/// source and a year if the row has them.
fn fit_positional(row: &GridRow, base_roles: &[Role]) -> Result<(Vec<String>, Vec<Role>), String> {
    let mut roles = base_roles.to_vec();
    let base = roles.len();
    let mut fields: Vec<String> = row.cells.iter().map(|c| c.text.clone()).collect();
    while fields.len() > base && fields.last().is_some_and(|f| f.trim().is_empty()) {
        fields.pop();
    }
    let extra = fields.len().saturating_sub(base);
    if extra > 2 {
        return Err(count_message(row, base));
    }
    roles.extend([Role::Source, Role::Year].into_iter().take(extra));
    let fields =
        fit(&GridRow::of(row.line, fields), &roles, false).map_err(|_| count_message(row, base))?;
    Ok((fields, roles))
}

/// One row's reading.
fn candidate(
    row: &GridRow,
    fields: &[String],
    roles: &[Role],
    header_unit: &str,
    set: &CriteriaSet,
    data: bool,
) -> Result<Reading, String> {
    let get = |role: &Role| -> String {
        let mut found = roles.iter().zip(fields).filter(|(r, _)| *r == role);
        let all: Vec<String> = found.by_ref().map(|(_, f)| squash(f)).collect();
        // Of two code columns, the one with an indicator's code.
        all.iter()
            .find(|f| f.contains('.'))
            .or_else(|| all.iter().find(|f| !f.is_empty()))
            .cloned()
            .unwrap_or_default()
    };
    let (code_f, word_f, name_f) = (
        get(&Role::Code),
        get(&Role::Wording),
        get(&Role::CriterionName),
    );
    let filled = fields.iter().filter(|f| !f.trim().is_empty()).count();
    let spanning =
        row.cells.len() == 1 && row.cells[0].span > 1 || (filled == 1 && row.cells.len() == 1);
    if is_roman(&code_f) || (code_f.is_empty() && is_roman(&word_f) && filled == 1) {
        return Ok(Reading::Group);
    }
    let (code, wording) = match code_and_wording(&code_f, &word_f, &name_f) {
        Ok(cw) => cw,
        Err(_) if !data => return Ok(Reading::Title),
        Err(m) => return Err(m),
    };
    let mut out = Row {
        line: row.line,
        code,
        wording,
        cells: Vec::new(),
        source: get(&Role::Source),
        year: None,
        unit: get(&Role::Unit),
        header_unit: header_unit.to_string(),
    };
    let errors = cells_and_year(&mut out, fields, roles, set);
    check_code(&out.code, set)?;
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let columns = roles
        .iter()
        .filter(|r| matches!(r, Role::Threshold(_)))
        .count();
    check_cells(&out.cells, columns)?;
    let bare = !out.code.contains('.')
        && out.cells.iter().all(|(_, c)| *c == Cell::Applies)
        && out.unit.is_empty()
        && out.source.is_empty();
    Ok(Reading::Row(Cand {
        line: row.line,
        text: row.text(),
        row: out,
        bare,
        spanning,
    }))
}

/// A row's threshold cells and year, as read; what could not be read.
fn cells_and_year(
    out: &mut Row,
    fields: &[String],
    roles: &[Role],
    set: &CriteriaSet,
) -> Vec<String> {
    let mut errors = Vec::new();
    for (role, field) in roles.iter().zip(fields) {
        match role {
            Role::Threshold(column) => match cell(&squash(field)) {
                Ok(Some(c)) => out.cells.push((column.clone(), c)),
                Ok(None) => {}
                Err(e) => errors.push(e),
            },
            Role::Year => match squash(field).as_str() {
                "" => {}
                y => match y.parse::<u16>() {
                    Ok(y) if set.covers(y) => out.year = Some(y),
                    _ => errors.push(format!(
                        "năm “{y}” không thuộc giai đoạn {}–{} của bộ",
                        set.period.from, set.period.to
                    )),
                },
            },
            _ => {}
        }
    }
    errors
}

/// Headings told from indicators, then each indicator's row checked against the rows before.
fn rows(table: &mut Table, cands: Vec<Cand>, set: &CriteriaSet) {
    // A code may come back on another row for another year or source (the CSV export writes
    // them so), never twice for the same.
    let mut seen: Vec<(String, Option<u16>, String)> = Vec::new();
    for k in 0..cands.len() {
        let c = &cands[k];
        let next = cands.get(k + 1).map(|n| n.row.code.as_str());
        let heading = c.bare
            && (c.spanning
                || c.row.wording.is_empty()
                || next.is_some_and(|n| n.starts_with(&format!("{}.", c.row.code))));
        if heading {
            table
                .skipped
                .push((c.line, format!("tên tiêu chí {}", c.row.code)));
            continue;
        }
        let key = (c.row.code.clone(), c.row.year, c.row.source.clone());
        if seen.contains(&key) {
            let m = format!(
                "dòng {}: chỉ tiêu {} có ở một dòng trước{}",
                c.line,
                c.row.code,
                spreadsheet_hint(&c.row.code, &cands, set)
            );
            table.refuse(c.line, &c.text, m);
            continue;
        }
        seen.push(key);
        table.rows.push(c.row.clone());
    }
}

/// A spreadsheet reads 17.10 as the number 17.1: said when the table has 17.1 twice and the set
/// or the table knows a 17.10.
fn spreadsheet_hint(code: &str, cands: &[Cand], set: &CriteriaSet) -> String {
    let longer = format!("{code}0");
    let known = set.indicator(&longer).is_some() || cands.iter().any(|c| c.row.code == longer);
    if code.contains('.') && code.ends_with('1') && !cands.iter().any(|c| c.row.code == longer)
        || known
    {
        format!(" — có thể bảng tính đã đổi mã {longer} thành {code} (đọc như số thập phân): hãy sửa lại mã, và khi mở tệp CSV bằng Excel, đặt cột mã là dạng văn bản (Text)")
    } else {
        String::new()
    }
}
