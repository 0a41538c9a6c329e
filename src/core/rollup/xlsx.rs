//! A SpreadsheetML workbook written by hand (no spreadsheet crate) through the report's ZIP
//! writer: inline strings, numbers as numbers, styles in `xl/styles.xml` (bold header with a
//! fill and borders, wrapped text, "0", "0.00" and "0.00%" formats), column widths, a frozen
//! header and first column, an autofilter. Every element is written in the order the schema
//! (ECMA-376 Part 1, `sml.xsd`) sequences it; the tests check that order.

use crate::core::report::docx::esc;
use crate::core::report::zip::{self, ZipEntry};

/// A cell's style: its index in `cellXfs` of `STYLES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Style {
    Text = 0,
    Header = 1,
    Title = 2,
    Integer = 3,
    Decimal = 4,
    Percent = 5,
    Bold = 6,
    BoldPercent = 7,
    Wrap = 8,
    BoldInteger = 9,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Val {
    /// Written behind a "'" when a spreadsheet would run it as a formula (see `guard`).
    Text(String),
    /// A number in plain notation ("26.7").
    Num(String),
    Empty,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Cell {
    pub val: Val,
    pub style: Style,
}

pub(super) fn text(s: impl Into<String>) -> Cell {
    Cell {
        val: Val::Text(s.into()),
        style: Style::Text,
    }
}

pub(super) fn styled(s: impl Into<String>, style: Style) -> Cell {
    Cell {
        val: Val::Text(s.into()),
        style,
    }
}

pub(super) fn num(n: impl Into<String>, style: Style) -> Cell {
    Cell {
        val: Val::Num(n.into()),
        style,
    }
}

pub(super) fn count(n: usize) -> Cell {
    num(n.to_string(), Style::Integer)
}

pub(super) fn empty() -> Cell {
    Cell {
        val: Val::Empty,
        style: Style::Text,
    }
}

/// Spreadsheets run a cell that starts with "=", "+", "-" or "@" as a formula (and some read a
/// leading tab or carriage return as the start of one): such text is written behind a "'", as
/// the set's CSV does.
pub(super) fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One worksheet and how it is shown.
pub(super) struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, from column A.
    pub widths: Vec<f64>,
    /// Rows and columns kept in view while scrolling: (rows above, columns left).
    pub frozen: (usize, usize),
    /// The autofilter: (header row, last row), 0-based, over the header row's columns.
    pub filter: Option<(usize, usize)>,
}

/// "A", …, "Z", "AA", …: the column letters of index `i` (from 0).
pub(super) fn column(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.iter().rev().collect()
}

fn at(col: usize, row: usize) -> String {
    format!("{}{}", column(col), row + 1)
}

/// Widths that fit each column's longest text (headers wrap, so they count up to 14
/// characters), between 6 and 48 characters.
pub(super) fn fit_widths(rows: &[Vec<Cell>], header: usize) -> Vec<f64> {
    let mut widths: Vec<f64> = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(header) {
        for (c, cell) in row.iter().enumerate() {
            let len = match &cell.val {
                Val::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
                Val::Num(n) => n.len() + 2,
                Val::Empty => 0,
            };
            let len = if r == header { len.min(14) } else { len };
            if widths.len() <= c {
                widths.resize(c + 1, 6.0);
            }
            widths[c] = widths[c].max((len as f64 + 2.0).min(48.0));
        }
    }
    widths
}

fn sheet_view(frozen: (usize, usize), selected: bool) -> String {
    let tab = if selected { r#" tabSelected="1""# } else { "" };
    let (rows, cols) = frozen;
    if rows == 0 && cols == 0 {
        return format!(r#"<sheetViews><sheetView{tab} workbookViewId="0"/></sheetViews>"#);
    }
    let pane = match (rows > 0, cols > 0) {
        (true, true) => "bottomRight",
        (true, false) => "bottomLeft",
        _ => "topRight",
    };
    let x = if cols > 0 {
        format!(r#" xSplit="{cols}""#)
    } else {
        String::new()
    };
    let y = if rows > 0 {
        format!(r#" ySplit="{rows}""#)
    } else {
        String::new()
    };
    let top_left = at(cols, rows);
    format!(
        r#"<sheetViews><sheetView{tab} workbookViewId="0"><pane{x}{y} topLeftCell="{top_left}" activePane="{pane}" state="frozen"/><selection pane="{pane}" activeCell="{top_left}" sqref="{top_left}"/></sheetView></sheetViews>"#
    )
}

fn cell_xml(out: &mut String, c: usize, r: usize, cell: &Cell) {
    let s = cell.style as u8;
    let style = if s == 0 {
        String::new()
    } else {
        format!(r#" s="{s}""#)
    };
    let at = at(c, r);
    match &cell.val {
        Val::Text(t) => out.push_str(&format!(
            r#"<c r="{at}"{style} t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
            esc(&guard(t))
        )),
        Val::Num(n) => out.push_str(&format!(r#"<c r="{at}"{style}><v>{n}</v></c>"#)),
        Val::Empty if s != 0 => out.push_str(&format!(r#"<c r="{at}"{style}/>"#)),
        Val::Empty => {}
    }
}

fn sheet_xml(sheet: &Sheet, selected: bool) -> String {
    let last_col = sheet.rows.iter().map(Vec::len).max().unwrap_or(1).max(1) - 1;
    let last_row = sheet.rows.len().max(1) - 1;
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:{}"/>{}<sheetFormatPr defaultRowHeight="15"/>"#,
        at(last_col, last_row),
        sheet_view(sheet.frozen, selected)
    );
    if !sheet.widths.is_empty() {
        out.push_str("<cols>");
        for (i, w) in sheet.widths.iter().enumerate() {
            out.push_str(&format!(
                r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
                n = i + 1,
                w = super::figures::tenths(*w)
            ));
        }
        out.push_str("</cols>");
    }
    out.push_str("<sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        out.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            cell_xml(&mut out, c, r, cell);
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData>");
    if let Some(range) = filter_range(sheet) {
        out.push_str(&format!(r#"<autoFilter ref="{range}"/>"#));
    }
    out.push_str("</worksheet>");
    out
}

/// "A3:T64": the autofilter's cells.
fn filter_range(sheet: &Sheet) -> Option<String> {
    let (header, last) = sheet.filter?;
    let width = sheet.rows.get(header)?.len().max(1);
    Some(format!(
        "{}:{}",
        at(0, header),
        at(width - 1, last.max(header))
    ))
}

/// The sheet's name as a formula writes it: 'Xã - tiêu chí' (quotes doubled inside).
fn quoted(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="3"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font></fonts>"#,
    r#"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE2EFDA"/><bgColor indexed="64"/></patternFill></fill></fills>"#,
    r#"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="10">"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="10" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="1" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
    r#"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#,
);

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKSHEET_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/// The package: content types, relationships, the workbook (sheets in order, each
/// autofilter's hidden defined name, which Excel and LibreOffice read the filter's range from),
/// the styles and the sheets.
pub(super) fn package(sheets: &[Sheet]) -> Vec<u8> {
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut names = String::new();
    let mut parts: Vec<(String, String)> = Vec::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{WORKSHEET_TYPE}"/>"#
        ));
        book.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            esc(&sheet.name)
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        if let Some(range) = filter_range(sheet) {
            let absolute = range
                .split(':')
                .map(|c| {
                    let split = c.find(|ch: char| ch.is_ascii_digit()).unwrap_or(c.len());
                    format!("${}${}", &c[..split], &c[split..])
                })
                .collect::<Vec<_>>()
                .join(":");
            names.push_str(&format!(
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{}!{absolute}</definedName>"#,
                esc(&quoted(&sheet.name))
            ));
        }
        parts.push((
            format!("xl/worksheets/sheet{n}.xml"),
            sheet_xml(sheet, i == 0),
        ));
    }
    types.push_str("</Types>");
    book.push_str("</sheets>");
    if !names.is_empty() {
        book.push_str(&format!("<definedNames>{names}</definedNames>"));
    }
    book.push_str("</workbook>");
    rels.push_str(&format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#, sheets.len() + 1));
    let mut entries = vec![
        ZipEntry {
            name: "[Content_Types].xml",
            data: types.as_bytes(),
        },
        ZipEntry {
            name: "_rels/.rels",
            data: RELS.as_bytes(),
        },
        ZipEntry {
            name: "xl/workbook.xml",
            data: book.as_bytes(),
        },
        ZipEntry {
            name: "xl/_rels/workbook.xml.rels",
            data: rels.as_bytes(),
        },
        ZipEntry {
            name: "xl/styles.xml",
            data: STYLES.as_bytes(),
        },
    ];
    entries.extend(parts.iter().map(|(name, xml)| ZipEntry {
        name,
        data: xml.as_bytes(),
    }));
    zip::write(&entries)
}
