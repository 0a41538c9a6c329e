//! A criteria set's table of indicators and thresholds, in and out: the decision's table as it
//! reaches a province (pasted from Word, Excel or a PDF viewer, a CSV file in any of the
//! encodings Excel writes, or the decision's own .docx), and the set written back as CSV.
//!
//! Every source becomes a grid of rows and cells (`Grid`): `records` splits text (tabs, ";",
//! ",", quotes, cells of several paragraphs), `layout` reads text copied from a PDF (columns
//! by position, rows wrapped onto several lines), `docx` reads the tables of a Word file
//! (merged cells as a person reads them). `header` finds what each column holds (by the
//! header's words, or by position) and `read` reads the rows against the set: codes (also
//! inside the wording, "1.1. Có quy hoạch…"), criterion and group headings, repeated headers,
//! threshold cells as officials write them (`cells`). `plan` decides what applying the table
//! would do to each indicator, with every refusal on its row; `apply` is that plan, taken.
//! All text is composed (NFC) before anything is compared.

mod cells;
pub mod decode;
pub mod docx;
mod export;
pub mod header;
mod infer;
mod layout;
mod plan;
mod read;
mod records;
mod xml;

pub use cells::{cell, csv_field, write_number, Cell};
pub use export::to_csv;
pub use header::{Column, Role};
pub use plan::{apply, plan, Change, Options, Plan, RowPlan};

use crate::core::criteria::CriteriaSet;

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

/// Text with every run of white space (line breaks included) made one space, trimmed.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

    fn refuse(&mut self, line: usize, text: &str, message: String) {
        self.errors.push(RowError {
            line,
            text: text.chars().take(120).collect(),
            message,
        });
    }
}

/// The grid of a pasted table or a CSV file: composed (NFC), split into records by its
/// separator, or by column positions for text copied from a PDF.
pub fn grid(text: &str) -> Result<Grid, (usize, String)> {
    let text = crate::core::vn::compose(text.trim_start_matches('\u{feff}'));
    match records::Sep::detect(&text) {
        records::Sep::Spaces => Ok(layout::grid(&text)),
        sep => records::records(&text, sep),
    }
}

/// Reads a pasted table or a CSV file against `set` (its criteria and threshold columns), the
/// columns guessed from the header or their positions.
pub fn parse(text: &str, set: &CriteriaSet) -> Table {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        let mut table = Table::default();
        table.refuse(1, "", "Chưa có dòng nào: hãy dán bảng chỉ tiêu.".into());
        return table;
    }
    match grid(text) {
        Ok(g) => read_grid(&g, None, set),
        Err((line, message)) => {
            let mut table = Table::default();
            table.refuse(line, "", format!("dòng {line}: {message}"));
            table
        }
    }
}

/// Reads a grid against `set`; `columns` as the user mapped them, or `None` to guess them.
pub fn read_grid(grid: &Grid, columns: Option<&[Column]>, set: &CriteriaSet) -> Table {
    read::read(grid, columns, set)
}

/// Code "5" or "5.2" (up to three digits a part).
fn is_code(text: &str) -> bool {
    let mut parts = text.split('.');
    parts.all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_layouts;
