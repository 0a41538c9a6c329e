//! The tables of a Word file (.docx), as grids read as a person reads them: a cell merged over
//! several columns spans them (`span`); a cell merged down over several rows (`w:vMerge`)
//! holds its text in each of them; a cell's paragraphs are lines of its text; header rows
//! marked to repeat on each page (`w:tblHeader`) are marked so. A table inside a cell belongs
//! to that cell's text.

use super::grid::{Grid, GridCell, GridRow};
use super::xml::{attr, tokens, Token};

/// A table of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocTable {
    pub rows: Grid,
    /// Its widest row, in columns.
    pub columns: usize,
}

impl DocTable {
    /// Its first lines, to recognise it: "TT | Nội dung chỉ tiêu | …".
    pub fn preview(&self) -> String {
        let rows: Vec<String> = self.rows.iter().take(3).map(|r| r.text()).collect();
        let text = rows.join(" / ");
        match text.char_indices().nth(160) {
            Some((i, _)) => format!("{}…", &text[..i]),
            None => text,
        }
    }
}

/// The tables of a .docx, in the order of the document; or why the file cannot be read.
pub fn tables(bytes: &[u8]) -> Result<Vec<DocTable>, String> {
    let members = crate::core::unzip::members(bytes)
        .map_err(|e| format!("Không đọc được tệp Word (.docx): {e}."))?;
    let document = members
        .into_iter()
        .find(|(name, _)| name == "word/document.xml")
        .ok_or("Tệp không phải tệp Word (.docx): không có phần nội dung word/document.xml.")?;
    let xml = document
        .1
        .map_err(|e| format!("Không đọc được nội dung tệp Word: {e}."))?;
    let xml =
        String::from_utf8(xml).map_err(|_| "Nội dung tệp Word không phải UTF-8.".to_string())?;
    let tokens = tokens(&xml).map_err(|e| format!("Không đọc được nội dung tệp Word: {e}."))?;
    Ok(read(&tokens))
}

/// A cell being read: its text, span, and whether it continues the merged cell above.
#[derive(Default)]
struct Tc {
    text: String,
    span: usize,
    continues: bool,
}

#[derive(Default)]
struct Table {
    rows: Vec<(Vec<Tc>, bool)>,
}

fn read(tokens: &[Token]) -> Vec<DocTable> {
    let mut done = Vec::new();
    let mut stack: Vec<Table> = Vec::new();
    let mut fallback = 0usize;
    let mut in_text = false;
    for t in tokens {
        match t {
            Token::Open {
                name: "mc:Fallback",
                empty: false,
                ..
            } => fallback += 1,
            Token::Close("mc:Fallback") => fallback = fallback.saturating_sub(1),
            _ if fallback > 0 => {}
            Token::Open { name: "w:tbl", .. } => stack.push(Table::default()),
            Token::Close("w:tbl") => {
                if let Some(table) = stack.pop() {
                    match stack.last_mut().and_then(current_cell) {
                        // A table inside a cell: its text joins the cell's.
                        Some(cell) => nested_text(cell, &table),
                        None => done.push(finish(table)),
                    }
                }
            }
            Token::Open { name, attrs, empty } => {
                if let Some(table) = stack.last_mut() {
                    in_text |= open(table, name, attrs) && !empty;
                }
            }
            Token::Close("w:t") => in_text = false,
            Token::Text(text) if in_text => {
                if let Some(cell) = stack.last_mut().and_then(current_cell) {
                    cell.text.push_str(text);
                }
            }
            _ => {}
        }
    }
    done
}

fn current_cell(table: &mut Table) -> Option<&mut Tc> {
    table
        .rows
        .last_mut()
        .and_then(|(cells, _)| cells.last_mut())
}

/// A start tag inside a table; whether text follows (`w:t`).
fn open(table: &mut Table, name: &str, attrs: &str) -> bool {
    let val = || attr(attrs, "w:val");
    let number = || {
        val()
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1)
    };
    match name {
        "w:tr" => table.rows.push((Vec::new(), false)),
        "w:tblHeader" => {
            if let Some(row) = table.rows.last_mut() {
                row.1 = !matches!(val().as_deref(), Some("0" | "false" | "off"));
            }
        }
        // Columns a row leaves empty before or after its cells.
        "w:gridBefore" | "w:gridAfter" => {
            if let Some((cells, _)) = table.rows.last_mut() {
                cells.push(Tc {
                    span: number(),
                    ..Tc::default()
                });
            }
        }
        "w:tc" => {
            if let Some((cells, _)) = table.rows.last_mut() {
                cells.push(Tc {
                    span: 1,
                    ..Tc::default()
                });
            }
        }
        "w:gridSpan" => {
            if let Some(cell) = current_cell(table) {
                cell.span = number();
            }
        }
        "w:vMerge" => {
            if let Some(cell) = current_cell(table) {
                cell.continues = val().is_none_or(|v| v == "continue");
            }
        }
        "w:p" => {
            if let Some(cell) = current_cell(table).filter(|c| !c.text.is_empty()) {
                cell.text.push('\n');
            }
        }
        "w:tab" => {
            if let Some(cell) = current_cell(table) {
                cell.text.push(' ');
            }
        }
        "w:br" | "w:cr" => {
            if let Some(cell) = current_cell(table) {
                cell.text.push('\n');
            }
        }
        "w:t" => return true,
        _ => {}
    }
    false
}

fn nested_text(cell: &mut Tc, table: &Table) {
    for (cells, _) in &table.rows {
        let texts: Vec<&str> = cells
            .iter()
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if !texts.is_empty() {
            if !cell.text.is_empty() {
                cell.text.push('\n');
            }
            cell.text.push_str(&texts.join(" "));
        }
    }
}

/// The grid of a read table: merged-down cells take the text of the cell they continue.
fn finish(table: Table) -> DocTable {
    let mut above: Vec<(usize, String)> = Vec::new();
    let mut rows = Vec::new();
    for (k, (cells, header)) in table.rows.into_iter().enumerate() {
        let mut col = 0;
        let mut out = Vec::new();
        let mut starts = Vec::new();
        for tc in cells {
            let text = if tc.continues {
                above
                    .iter()
                    .find(|(c, _)| *c == col)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default()
            } else {
                crate::core::vn::compose(tc.text.trim_end_matches('\n'))
            };
            starts.push((col, text.clone()));
            col += tc.span.max(1);
            out.push(GridCell {
                text,
                span: tc.span.max(1),
            });
        }
        above = starts;
        rows.push(GridRow {
            line: k + 1,
            cells: out,
            header,
        });
    }
    let columns = rows.iter().map(GridRow::width).max().unwrap_or(0);
    DocTable { rows, columns }
}
