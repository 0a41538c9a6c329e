//! The rows of a grid read against a set, as a person reads the decision's table: a code in its
//! column or at the start of the wording ("1.1. Có quy hoạch…"); a criterion's heading ("1 |
//! Quy hoạch", a row spanning the table) or a group's ("II | HẠ TẦNG KINH TẾ - XÃ HỘI") read
//! past; a header repeated after a page break read past; each threshold cell as written. A row
//! is read whole or refused with its reason, in Vietnamese, saying what to write instead.

use super::cells::{cell, Cell};
use super::header::{self, is_numbering, positional_prefix, set_thresholds, Column, Role};
use super::records::stitch;
use super::{is_code, squash, Grid, GridRow, Row, Table, MAX_ROWS};
use crate::core::criteria::CriteriaSet;
use crate::core::vn::to_lower;

/// A code at the start of a text, and the text after it: "1.1. Có quy hoạch" → ("1.1", "Có
/// quy hoạch"), "5" → ("5", ""). A criterion's number has at most two digits; the code must
/// end the text or be followed by a space.
pub fn split_code(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (head, rest) = t.split_at(end);
    let code = head.trim_end_matches('.');
    let first = code.split('.').next().unwrap_or("");
    let fits = is_code(code) && first.len() <= 2;
    (fits && (rest.is_empty() || rest.starts_with(char::is_whitespace)))
        .then(|| (code.to_string(), rest.trim().to_string()))
}

/// A group's Roman numeral at the start of a text: "II", "IV.", "III HẠ TẦNG".
pub fn is_roman(text: &str) -> bool {
    let t = text.trim();
    let word = t.split([' ', '.', '\t']).next().unwrap_or("");
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| "IVXL".contains(c))
}

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

pub fn read(grid: &Grid, user: Option<&[Column]>, set: &CriteriaSet) -> Table {
    let mut table = Table::default();
    if grid.len() > MAX_ROWS {
        let message = format!("Bảng có {} dòng, quá {MAX_ROWS} dòng của một bảng chỉ tiêu: hãy kiểm tra lại nội dung đã dán.", grid.len());
        table.refuse(grid[MAX_ROWS].line, "", message);
        return table;
    }
    let first = header::guess(grid, header::table_width(grid), set);
    let headers: Vec<String> = first.header.iter().map(|&i| grid[i].words()).collect();
    let grid = stitch(grid.clone(), header::table_width(grid), &headers);
    let width = header::table_width(&grid);
    let guess = header::guess(&grid, width, set);
    let columns: Vec<Column> = user.map_or_else(|| guess.columns.clone(), <[Column]>::to_vec);
    let positional = user.is_none() && guess.positional;
    table.columns = columns.clone();
    let roles: Vec<Role> = columns.iter().map(|c| c.role.clone()).collect();
    if !roles.contains(&Role::Code) && !roles.contains(&Role::Wording) {
        table.refuse(1, "", "Thiếu cột “Mã chỉ tiêu” (TT) và cột “Nội dung”: hãy chọn vai trò các cột, hoặc dán cả dòng tiêu đề của bảng.".into());
        return table;
    }
    let header_unit = header_unit(&columns);
    let first = grid
        .iter()
        .position(super::records::starts_row)
        .unwrap_or(0);
    let mut base_roles = positional_prefix(&grid, first);
    base_roles.extend(set_thresholds(set));
    let mut unknown: Vec<usize> = Vec::new();
    // The header and the lines above it, to know them again after a page break.
    let headers: Vec<String> = guess
        .header
        .iter()
        .chain(&guess.titles)
        .map(|&i| grid[i].words())
        .collect();
    let mut cands: Vec<Cand> = Vec::new();
    let mut data = false;
    for (i, row) in grid.iter().enumerate() {
        let skip = if guess.titles.contains(&i) {
            Some("dòng tiêu đề")
        } else if guess.header.contains(&i) {
            Some("dòng tiêu đề của bảng")
        } else if is_numbering(row) {
            Some("dòng đánh số cột")
        } else if row.header || headers.contains(&row.words()) {
            Some("tiêu đề bảng lặp lại")
        } else {
            None
        };
        if let Some(why) = skip {
            table.skipped.push((row.line, why.into()));
            continue;
        }
        let fitted = match positional {
            true => fit_positional(row, &base_roles),
            false => fit(row, &roles, true).map(|f| (f, roles.clone())),
        };
        let (fields, row_roles) = match fitted {
            Ok(f) => f,
            Err(m) => {
                table.refuse(row.line, &row.text(), format!("dòng {}: {m}", row.line));
                continue;
            }
        };
        match candidate(row, &fields, &row_roles, &header_unit, set, data) {
            Ok(Reading::Row(c)) => {
                data = true;
                unknown
                    .extend((0..fields.len()).filter(|&i| {
                        row_roles[i] == Role::Unknown && !fields[i].trim().is_empty()
                    }));
                cands.push(c);
            }
            Ok(Reading::Title) => table.skipped.push((row.line, "dòng tiêu đề".into())),
            Ok(Reading::Group) => table.skipped.push((row.line, "dòng nhóm tiêu chí".into())),
            Err(m) => {
                data = true;
                table.refuse(row.line, &row.text(), format!("dòng {}: {m}", row.line));
            }
        }
    }
    unknown.sort_unstable();
    unknown.dedup();
    for i in unknown {
        let m = format!("Cột “{}” (cột {}) không có trong bộ tiêu chí này: đổi tên cột theo tên cột ngưỡng của bộ, hoặc chọn “Bỏ qua” cho cột này.", columns[i].header, i + 1);
        table.refuse(1, &columns[i].header, m);
    }
    rows(&mut table, cands, set);
    if table.rows.is_empty() && table.errors.is_empty() {
        let m = "Không có dòng chỉ tiêu nào (mã dạng 5.2 ở cột đầu hoặc ở đầu nội dung).";
        table.refuse(1, "", m.into());
    }
    table.errors.sort_by_key(|e| e.line);
    table.skipped.sort_by_key(|(line, _)| *line);
    table
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

/// The code (from its column, or from the start of the wording) and the wording without it.
fn code_and_wording(code_f: &str, word_f: &str, name_f: &str) -> Result<(String, String), String> {
    let in_code = split_code(code_f);
    let in_word = split_code(word_f);
    match (in_code, in_word) {
        (Some((a, ra)), Some((w, rw))) => {
            let criterion = w.split('.').next().unwrap_or("");
            if w == a || (w.contains('.') && criterion == a) {
                Ok((w, rw))
            } else if w.contains('.') {
                Err(format!("mã ở cột mã ({a}) khác mã ở đầu nội dung ({w}): sửa một trong hai cho khớp"))
            } else {
                Ok((a, if word_f.is_empty() { ra } else { word_f.to_string() }))
            }
        }
        (Some((a, ra)), None) => Ok((a, if word_f.is_empty() { ra } else { word_f.to_string() })),
        (None, Some((w, rw))) if code_f.is_empty() => Ok((w, rw)),
        (None, _) if !code_f.is_empty() => Err(format!(
            "mã chỉ tiêu “{code_f}” không đọc được (cần dạng 5 hoặc 5.2)"
        )),
        _ => match criterion_words(name_f).or_else(|| criterion_words(word_f)) {
            Some(n) => Ok((n, String::new())),
            None => Err("không có mã chỉ tiêu: ghi mã (dạng 5 hoặc 5.2) ở cột mã hoặc ở đầu nội dung; nếu là ghi chú ngoài bảng, hãy xóa dòng này".into()),
        },
    }
}

/// "Tiêu chí số 3", "TIÊU CHÍ 3. …": a criterion's heading in words.
fn criterion_words(text: &str) -> Option<String> {
    let lower = to_lower(text);
    let rest = lower.strip_prefix("tiêu chí")?.trim_start();
    let rest = rest.strip_prefix("số").unwrap_or(rest).trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && digits.len() <= 2).then_some(digits)
}

fn check_code(code: &str, set: &CriteriaSet) -> Result<(), String> {
    let number = code.split('.').next().unwrap_or("");
    let criterion = number.parse::<u8>().ok();
    if !set.criteria.iter().any(|c| Some(c.number) == criterion) {
        return Err(format!("bộ tiêu chí không có tiêu chí {number}"));
    }
    if code.matches('.').count() > 1 {
        return Err(format!(
            "mã chỉ tiêu “{code}” có quá nhiều cấp (cần dạng 5 hoặc 5.2)"
        ));
    }
    Ok(())
}

/// The cells of one row must speak of one kind of indicator, in one direction, one unit.
fn check_cells(cells: &[(Option<String>, Cell)], columns: usize) -> Result<(), String> {
    let met = cells.iter().any(|(_, c)| *c == Cell::Met);
    let numbers = cells.iter().any(|(_, c)| matches!(c, Cell::Number { .. }));
    if met && numbers {
        return Err("“Đạt” và ngưỡng bằng số cùng một dòng: một chỉ tiêu chỉ có một loại; ghi cả dòng bằng số (VD: “≥ 100%”) hoặc cả dòng “Đạt”".into());
    }
    let not_applicable = cells
        .iter()
        .filter(|(_, c)| *c == Cell::NotApplicable)
        .count();
    if not_applicable > 0 && not_applicable == columns {
        return Err("“-” (không áp dụng) ở mọi cột: chỉ tiêu không áp dụng cho xã nào; để trống ô nếu văn bản chưa có ngưỡng".into());
    }
    if cells
        .iter()
        .any(|(col, c)| col.is_none() && *c == Cell::NotApplicable)
    {
        return Err(
            "“-” (không áp dụng) ở cột chung: ghi “-” ở cột của nhóm (vùng) không áp dụng".into(),
        );
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
            if !u.is_empty() && unit.is_some_and(|x| x != u) {
                return Err(format!(
                    "đơn vị khác nhau trong một dòng (“{}” và “{u}”)",
                    unit.unwrap_or_default()
                ));
            }
            if !u.is_empty() {
                unit = Some(u);
            }
        }
    }
    Ok(())
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
