//! Renders a `Report` as a Word document (.docx, Office Open XML), following the layout of
//! Decree 30/2020/NĐ-CP: A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt body,
//! justified with first-line indent, 6 pt after paragraphs, page numbers centred at the top
//! from page 2, the two-column header block, and an annex table whose header row repeats.

//!
//! `xml` has the primitives (runs, paragraphs, tables), `body` the document's body; this file
//! the package around it (sections, page headers, styles, relationships).

mod body;
mod xml;

pub use xml::esc;
use xml::{run, Run};

use super::model::Report;
use super::zip::{write, ZipEntry};
use body::body_xml;

/// Twentieths of a point per millimetre, rounded: 1 mm = 56.7 twips.
const fn mm(v: u32) -> u32 {
    (v * 5670 + 50) / 100
}

const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TOP: u32 = mm(20);
const MARGIN_BOTTOM: u32 = mm(20);
const MARGIN_LEFT: u32 = mm(30);
const MARGIN_RIGHT: u32 = mm(15);
const TEXT_W: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

fn document_xml(r: &Report) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}{}</w:body></w:document>",
        body_xml(r),
        sect_pr(false)
    )
}

/// A section's properties: A4 portrait, the Decree's margins, page numbers in the header. The
/// report's first page has none (`first_page_plain`); the annex section numbers every page.
fn sect_pr(first_page_plain: bool) -> String {
    let title_pg = if first_page_plain { "<w:titlePg/>" } else { "" };
    format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>{title_pg}</w:sectPr>"
    )
}

fn header_xml(page_number: bool, draft: bool) -> String {
    let mut runs = String::new();
    if page_number {
        runs.push_str("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    }
    if draft && page_number {
        runs.push_str(&run(" — DỰ THẢO", Run::default().size(24)));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p><w:pPr><w:spacing w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>{runs}</w:p></w:hdr>"
    )
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:color w:val=\"000000\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

const DOC_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdHeaderFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/></Relationships>";

fn core_xml(r: &Report) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>",
        esc(&format!("{} {}", r.title, r.subject)),
        esc(&r.header.issuer.join(" "))
    )
}

/// The .docx file's bytes.
pub fn render(r: &Report) -> Vec<u8> {
    let document = document_xml(r);
    let header = header_xml(true, r.is_draft());
    let header_first = header_xml(false, false);
    let core = core_xml(r);
    write(&[
        ZipEntry {
            name: "[Content_Types].xml",
            data: CONTENT_TYPES.as_bytes(),
        },
        ZipEntry {
            name: "_rels/.rels",
            data: ROOT_RELS.as_bytes(),
        },
        ZipEntry {
            name: "word/document.xml",
            data: document.as_bytes(),
        },
        ZipEntry {
            name: "word/_rels/document.xml.rels",
            data: DOC_RELS.as_bytes(),
        },
        ZipEntry {
            name: "word/styles.xml",
            data: STYLES.as_bytes(),
        },
        ZipEntry {
            name: "word/header1.xml",
            data: header.as_bytes(),
        },
        ZipEntry {
            name: "word/header2.xml",
            data: header_first.as_bytes(),
        },
        ZipEntry {
            name: "docProps/core.xml",
            data: core.as_bytes(),
        },
    ])
}
