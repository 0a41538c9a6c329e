//! Text split into records by its separator (a tab from Word and Excel, ";" from Vietnamese
//! Excel's CSV, "," in a CSV with our header), quotes honoured as Excel writes them; and rows
//! that Word broke at a cell's paragraph joined again (`stitch`).

use super::cells::unguard;
use super::grid::{Grid, GridRow};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    Tab,
    Semicolon,
    Comma,
    /// Two or more spaces, as text copied from a PDF comes.
    Spaces,
}

impl Sep {
    /// The separator of a table: a tab anywhere (Word, Excel; a PDF copy has none), a ";" on
    /// most lines (CSV of Vietnamese Excel), a "," in a CSV with our header, else runs of
    /// spaces.
    pub fn detect(text: &str) -> Sep {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.iter().any(|l| l.contains('\t')) {
            return Sep::Tab;
        }
        let semicolons = lines.iter().filter(|l| l.contains(';')).count();
        if semicolons * 2 > lines.len() {
            return Sep::Semicolon;
        }
        let header = lines
            .iter()
            .any(|l| crate::core::vn::to_lower(l.trim()).starts_with("mã chỉ tiêu,"));
        if header {
            Sep::Comma
        } else {
            Sep::Spaces
        }
    }

    fn char(self) -> Option<char> {
        match self {
            Sep::Tab => Some('\t'),
            Sep::Semicolon => Some(';'),
            Sep::Comma => Some(','),
            Sep::Spaces => None,
        }
    }
}

/// Splits a table into rows of fields. A quoted field may hold the separator, a line break and
/// doubled quotes; an unbalanced quote is an error naming its line. Lines with no text are
/// left out; a field written so a spreadsheet keeps it as text (`'-x`, `="17.10"`) is read
/// back.
pub fn records(text: &str, sep: Sep) -> Result<Grid, (usize, String)> {
    let Some(sep_char) = sep.char() else {
        return Err((1, "bảng không có dấu phân cách".into()));
    };
    let mut out = Vec::new();
    let (mut fields, mut field) = (Vec::new(), String::new());
    let (mut line, mut start, mut quoted, mut at_start) = (1, 1, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if at_start => quoted = true,
            c if quoted => field.push(c),
            c if c == sep_char => fields.push(std::mem::take(&mut field)),
            '\r' => continue,
            '\n' => {
                fields.push(std::mem::take(&mut field));
                push(&mut out, start, std::mem::take(&mut fields));
                start = line;
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        at_start = c == sep_char;
    }
    if quoted {
        return Err((start, "dấu ngoặc kép (\") không được đóng".into()));
    }
    fields.push(field);
    push(&mut out, start, fields);
    Ok(out)
}

fn push(out: &mut Grid, line: usize, fields: Vec<String>) {
    if fields.iter().any(|f| !f.trim().is_empty()) {
        let fields = fields.into_iter().map(|f| unguard(f.trim())).collect();
        out.push(GridRow::of(line, fields));
    }
}

/// Whether a row starts like a row of the table (its first text a code, "1.1", "5", or a
/// group's Roman numeral), rather than like the rest of a cell.
pub fn starts_row(row: &GridRow) -> bool {
    let first = row.cells.iter().find(|c| !c.text.trim().is_empty());
    first.is_some_and(|c| {
        let t = c.text.trim();
        super::codes::split_code(t).is_some() || super::codes::is_roman(t)
    })
}

/// Word copies a cell of several paragraphs with bare line breaks: the row arrives as a
/// record cut short and records that do not start like a row. Those are joined back (the
/// last field of one with the first of the next) while the row stays within `width` columns.
/// Only rows after the first row of the table are joined (a title above it is its own line),
/// never a row of the header repeated (`headers`, by text) nor onto a group's row.
pub fn stitch(grid: Grid, width: usize, headers: &[String]) -> Grid {
    let mut out: Grid = Vec::new();
    let mut started = false;
    for row in grid {
        let starts = starts_row(&row) || headers.contains(&row.words());
        let group = |r: &GridRow| {
            let first = r.cells.iter().find(|c| !c.text.trim().is_empty());
            first.is_some_and(|c| super::codes::is_roman(&c.text)) || headers.contains(&r.words())
        };
        if let Some(last) = out.last_mut().filter(|l| started && !starts && !group(l)) {
            let (have, more) = (last.width(), row.width());
            if have < width && have + more - 1 <= width {
                let mut cells = row.cells.into_iter();
                if let (Some(end), Some(first)) = (last.cells.last_mut(), cells.next()) {
                    end.text = format!("{}\n{}", end.text, first.text);
                }
                last.cells.extend(cells);
                continue;
            }
        }
        started |= starts;
        out.push(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(row: &GridRow) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn records_honour_quotes_and_name_the_line() {
        let r = records("a;\"b;c\";\"d \"\"e\"\"\nf\"\n\n1;2;3\n", Sep::Semicolon).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(fields(&r[0]), ["a", "b;c", "d \"e\"\nf"]);
        assert_eq!((r[1].line, r[1].cells.len()), (4, 3));
        assert_eq!(records("a;\"b\n", Sep::Semicolon).err().unwrap().0, 1);
        assert_eq!(
            fields(&records("'-x;'=1;\"=\"\"17.10\"\"\"", Sep::Semicolon).unwrap()[0]),
            ["-x", "=1", "17.10"]
        );
    }

    #[test]
    fn the_separator_is_the_tables_not_the_first_lines() {
        assert_eq!(Sep::detect("PHỤ LỤC I\nTT\tNội dung\n1.1\ta"), Sep::Tab);
        assert_eq!(Sep::detect("Bảng\n1.1;a;b\n1.2;c;d"), Sep::Semicolon);
        assert_eq!(Sep::detect("Mã chỉ tiêu,Nội dung\n1.1,a"), Sep::Comma);
        assert_eq!(Sep::detect("1.1   Có quy hoạch   ≥ 80%"), Sep::Spaces);
    }

    #[test]
    fn a_cell_of_two_paragraphs_is_one_cell_again() {
        let text = "TT\tNội dung\tA\tB\n1.1\tĐoạn một\nđoạn hai\t≥ 80%\t≥ 70%\n1.2\tx\t1%\t2%";
        let grid = stitch(records(text, Sep::Tab).unwrap(), 4, &[]);
        assert_eq!(grid.len(), 3);
        assert_eq!(
            fields(&grid[1]),
            ["1.1", "Đoạn một\nđoạn hai", "≥ 80%", "≥ 70%"]
        );
        assert_eq!(grid[1].line, 2);
    }
}
