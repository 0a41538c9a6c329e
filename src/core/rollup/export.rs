//! The roll-up as files: an .xlsx workbook (sheet 1 communes × criteria, one block per set;
//! sheet 2 one row per commune × indicator) written with the project's ZIP writer, and the
//! same long table as CSV for a database. Numbers are stored as numbers.

use super::{Group, Rollup};
use crate::core::num::Dec;
use crate::core::report::docx::esc;
use crate::core::report::zip::{self, ZipEntry};

enum Val {
    Text(String),
    Num(String),
    Empty,
}

fn text(s: impl Into<String>) -> Val {
    Val::Text(s.into())
}

fn num(d: Dec) -> Val {
    Val::Num(d.fmt_plain())
}

fn count(n: usize) -> Val {
    Val::Num(n.to_string())
}

/// "A", …, "Z", "AA", …: the column letters of index `i` (from 0).
fn column(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn sheet(rows: &[Vec<Val>]) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        out.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            let at = format!("{}{}", column(c), r + 1);
            match v {
                Val::Text(t) => out.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    esc(t)
                )),
                Val::Num(n) => out.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
                Val::Empty => {}
            }
        }
        out.push_str("</row>");
    }
    out.push_str("</sheetData></worksheet>");
    out
}

fn summary_rows(groups: &[Group]) -> Vec<Vec<Val>> {
    let mut rows = Vec::new();
    for g in groups {
        rows.push(vec![text(format!(
            "Bộ tiêu chí: {} (phiên bản {})",
            g.set.name, g.set.version
        ))]);
        let mut header: Vec<Val> = ["Tỉnh", "Xã", "Kỳ báo cáo", "Năm"]
            .into_iter()
            .map(text)
            .collect();
        header.extend(
            g.set
                .criteria
                .iter()
                .map(|c| text(format!("TC {}. {}", c.number, c.name))),
        );
        header.extend(
            [
                "Số tiêu chí đạt",
                "Tổng số tiêu chí",
                "Số vấn đề còn mở",
                "Tệp",
            ]
            .into_iter()
            .map(text),
        );
        rows.push(header);
        for r in &g.rows {
            let mut line = vec![
                text(&r.province),
                text(&r.commune),
                text(&r.period),
                count(r.year as usize),
            ];
            line.extend(r.criteria.iter().map(|s| text(s.label_vi())));
            line.extend([
                count(r.met),
                count(g.set.criteria.len()),
                count(r.problems.len()),
                text(&r.file),
            ]);
            rows.push(line);
        }
        let mut totals = vec![text("Số xã đạt"), Val::Empty, Val::Empty, Val::Empty];
        totals.extend(g.totals().into_iter().map(count));
        rows.push(totals);
        rows.push(Vec::new());
    }
    rows
}

const LONG_HEADER: [&str; 15] = [
    "Tỉnh",
    "Xã",
    "Kỳ báo cáo",
    "Năm",
    "Bộ tiêu chí",
    "Phiên bản",
    "Mã chỉ tiêu",
    "Nội dung chỉ tiêu",
    "Số liệu",
    "Đơn vị",
    "Chiều",
    "Ngưỡng",
    "Nguồn ngưỡng",
    "Ngưỡng do",
    "Đánh giá",
];

fn long_rows(groups: &[Group]) -> Vec<Vec<Val>> {
    let mut rows = vec![LONG_HEADER.into_iter().map(text).collect()];
    for g in groups {
        for r in &g.rows {
            for i in &r.indicators {
                rows.push(vec![
                    text(&r.province),
                    text(&r.commune),
                    text(&r.period),
                    count(r.year as usize),
                    text(&g.set.name),
                    text(&g.set.version),
                    text(&i.code),
                    text(&i.wording),
                    i.figure.map_or(Val::Empty, num),
                    text(&i.unit),
                    text(&i.direction),
                    i.threshold.map_or(Val::Empty, num),
                    text(&i.source),
                    text(&i.provenance),
                    text(&i.status_text),
                ]);
            }
        }
    }
    rows
}

/// The workbook: "Tổng hợp" (communes × criteria, with totals) and "Chỉ tiêu" (the long table).
pub fn xlsx(rollup: &Rollup) -> Vec<u8> {
    const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/><sheet name="Chỉ tiêu" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#;
    let sheet1 = sheet(&summary_rows(&rollup.groups));
    let sheet2 = sheet(&long_rows(&rollup.groups));
    zip::write(&[
        ZipEntry {
            name: "[Content_Types].xml",
            data: TYPES.as_bytes(),
        },
        ZipEntry {
            name: "_rels/.rels",
            data: RELS.as_bytes(),
        },
        ZipEntry {
            name: "xl/workbook.xml",
            data: WORKBOOK.as_bytes(),
        },
        ZipEntry {
            name: "xl/_rels/workbook.xml.rels",
            data: WORKBOOK_RELS.as_bytes(),
        },
        ZipEntry {
            name: "xl/worksheets/sheet1.xml",
            data: sheet1.as_bytes(),
        },
        ZipEntry {
            name: "xl/worksheets/sheet2.xml",
            data: sheet2.as_bytes(),
        },
    ])
}

/// The long table (one row per commune × indicator) as CSV for a database: UTF-8 with a
/// byte-order mark, "," between fields, numbers in plain notation ("26.7").
pub fn long_csv(rollup: &Rollup) -> String {
    let mut out = String::from("\u{feff}");
    for row in long_rows(&rollup.groups) {
        let fields: Vec<String> = row
            .into_iter()
            .map(|v| match v {
                Val::Text(t) => crate::core::set_table::csv_field(t, ','),
                Val::Num(t) => t,
                Val::Empty => String::new(),
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
