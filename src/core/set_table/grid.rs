//! The grid every source becomes (rows of cells, a merged cell with its span), and the table
//! read from it (rows understood, rows refused with their reason, lines passed over).

use super::cells::Cell;
use super::codes::squash;
use super::roles::Column;

/// More rows than any decision's table has: a paste this long is a mistake.
pub const MAX_ROWS: usize = 1000;

/// One cell of a grid: its text and how many columns it spans (a merged cell of a Word table;
/// 1 for text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridCell {
    pub text: String,
    pub span: usize,
}

/// One row of a grid: where it starts in the source (a line of text, or a row of the Word
/// table), from 1; its cells; whether the document marks it as a header row repeated on each
/// page.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct GridRow {
    pub line: usize,
    pub cells: Vec<GridCell>,
    pub header: bool,
}

impl GridRow {
    /// A row of cells of span 1.
    pub fn of(line: usize, fields: Vec<String>) -> GridRow {
        GridRow {
            line,
            cells: fields
                .into_iter()
                .map(|text| GridCell { text, span: 1 })
                .collect(),
            header: false,
        }
    }

    /// The columns it covers.
    pub fn width(&self) -> usize {
        self.cells.iter().map(|c| c.span.max(1)).sum()
    }

    /// Its text, cells joined by " | ", for messages.
    pub fn text(&self) -> String {
        let cells: Vec<String> = self.cells.iter().map(|c| squash(&c.text)).collect();
        cells.join(" | ")
    }

    /// Its words, whatever cells they are in: a header repeated after a page break is known
    /// by them.
    pub fn words(&self) -> String {
        let cells: Vec<&str> = self.cells.iter().map(|c| c.text.as_str()).collect();
        squash(&cells.join(" "))
    }
}

/// The rows of a table, from any source.
pub type Grid = Vec<GridRow>;

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
    /// What a unit column says, as written ("%", "% (hộ)", "triệu đồng/người/năm").
    pub unit: String,
    /// The unit the threshold columns' headers give ("%"), for cells that write none.
    pub header_unit: String,
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
    /// Lines passed over (a title, a header, a criterion's or a group's heading), with why.
    pub skipped: Vec<(usize, String)>,
    /// What each column was read as.
    pub columns: Vec<Column>,
}

impl Table {
    /// Whether every row was read: something read, nothing refused.
    pub fn ok(&self) -> bool {
        self.errors.is_empty() && !self.rows.is_empty()
    }

    pub fn refuse(&mut self, line: usize, text: &str, message: String) {
        self.errors.push(RowError {
            line,
            text: text.chars().take(120).collect(),
            message,
        });
    }
}
