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
mod changes;
mod codes;
pub mod decode;
pub mod docx;
mod export;
mod grid;
pub mod header;
mod infer;
mod layout;
mod plan;
mod read;
mod records;
mod roles;
mod xml;

pub use cells::{cell, csv_field, write_number, Cell};
pub use codes::squash;
pub use export::to_csv;
pub use grid::{Grid, GridCell, GridRow, Row, RowError, Table, MAX_ROWS};
pub use plan::{apply, plan, Change, Options, Plan, RowPlan};
pub use roles::{Column, Role};

use crate::core::criteria::CriteriaSet;

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
/// A long grid can be read a chunk of rows at a time by a `RowReader`, to the same table.
pub fn read_grid(grid: &Grid, columns: Option<&[Column]>, set: &CriteriaSet) -> Table {
    read::read(grid, columns, set)
}

pub use read::RowReader;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_layouts;
#[cfg(test)]
mod tests_properties;
