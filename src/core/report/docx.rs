//! Renders a `Report` as a Word document (.docx, Office Open XML), following the layout of
//! Decree 30/2020/NĐ-CP: A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt body,
//! justified with first-line indent, 6 pt after paragraphs, page numbers centred at the top
//! from page 2, the two-column header block, and an annex table whose header row repeats.

use super::model::{Block, Report, MOTTO, NATIONAL_NAME};
use super::zip::{write, ZipEntry};

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

/// Escapes text for XML character data and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry other control characters; the model already removed them.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Clone, Copy, Default)]
struct Run {
    bold: bool,
    italic: bool,
    /// Half-points; 0 keeps the style's 14 pt.
    size: u32,
}

impl Run {
    fn bold(self) -> Run {
        Run { bold: true, ..self }
    }

    fn italic(self) -> Run {
        Run {
            italic: true,
            ..self
        }
    }

    /// Size in half-points, as Word counts: 26 is 13 pt.
    fn size(self, half_points: u32) -> Run {
        Run {
            size: half_points,
            ..self
        }
    }
}

fn run(text: &str, r: Run) -> String {
    let mut props = String::new();
    if r.bold {
        props.push_str("<w:b/>");
    }
    if r.italic {
        props.push_str("<w:i/>");
    }
    if r.size > 0 {
        props.push_str(&format!(
            "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
            r.size
        ));
    }
    let rpr = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

#[derive(Clone, Copy, Default)]
struct Para {
    center: bool,
    /// No first-line indent, left aligned.
    plain: bool,
    keep_next: bool,
    /// Space after in twips; default 6 pt (120).
    after: Option<u32>,
    before: u32,
    /// A short centred rule under the paragraph, as wide as the given fraction (percent) of `width`.
    rule: Option<(u32, u32)>,
    page_break_before: bool,
    /// Left indent in twips.
    indent: u32,
}

fn para(runs: &str, p: Para) -> String {
    let mut ppr = String::new();
    if p.keep_next {
        ppr.push_str("<w:keepNext/>");
    }
    if p.page_break_before {
        ppr.push_str("<w:pageBreakBefore/>");
    }
    ppr.push_str(&format!(
        "<w:spacing w:before=\"{}\" w:after=\"{}\"/>",
        p.before,
        p.after.unwrap_or(120)
    ));
    if p.indent > 0 {
        ppr.push_str(&format!(
            "<w:ind w:left=\"{}\" w:firstLine=\"0\"/>",
            p.indent
        ));
    } else if p.center || p.plain {
        ppr.push_str("<w:ind w:firstLine=\"0\"/>");
    }
    if p.center {
        ppr.push_str("<w:jc w:val=\"center\"/>");
    } else if p.plain {
        ppr.push_str("<w:jc w:val=\"left\"/>");
    }
    let mut out = format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>");
    if let Some((width, percent)) = p.rule {
        // The rule is its own one-point paragraph with a top border, indented to its length,
        // so the text above keeps the full width.
        let side = width * (100 - percent) / 200;
        out.push_str(&format!(
            "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"20\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:ind w:left=\"{side}\" w:right=\"{side}\" w:firstLine=\"0\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:r></w:p>"
        ));
    }
    out
}

fn cell(width: u32, content: &str, shade: bool) -> String {
    let shade = if shade {
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>"
    } else {
        ""
    };
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>{content}</w:tc>")
}

fn small_para(text: &str, bold: bool, center: bool) -> String {
    para(
        &run(
            text,
            Run {
                bold,
                size: 24,
                ..Run::default()
            },
        ),
        Para {
            center,
            plain: !center,
            after: Some(0),
            ..Para::default()
        },
    )
}

fn header_block(r: &Report) -> String {
    let left_w = TEXT_W * 42 / 100;
    let right_w = TEXT_W - left_w;
    let tight = Para {
        center: true,
        after: Some(0),
        ..Para::default()
    };
    let mut left = String::new();
    if !r.header.upper.is_empty() {
        left.push_str(&para(&run(&r.header.upper, Run::default().size(26)), tight));
    }
    let issuer: Vec<String> = r
        .header
        .issuer
        .iter()
        .map(|l| run(l, Run::default().bold().size(26)))
        .collect();
    left.push_str(&para(
        &issuer.join("<w:r><w:br/></w:r>"),
        Para {
            rule: Some((left_w, 35)),
            ..tight
        },
    ));
    left.push_str(&para(
        &run(&r.header.number, Run::default().size(26)),
        Para {
            before: 120,
            ..tight
        },
    ));
    let mut right = String::new();
    right.push_str(&para(
        &run(NATIONAL_NAME, Run::default().bold().size(24)),
        tight,
    ));
    right.push_str(&para(
        &run(MOTTO, Run::default().bold().size(26)),
        Para {
            rule: Some((right_w, 55)),
            ..tight
        },
    ));
    right.push_str(&para(
        &run(&r.header.place_date, Run::default().italic().size(26)),
        Para {
            before: 120,
            ..tight
        },
    ));
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"{left_w}\"/><w:gridCol w:w=\"{right_w}\"/></w:tblGrid><w:tr>{}{}</w:tr></w:tbl>",
        cell(left_w, &left, false),
        cell(right_w, &right, false)
    )
}

fn annex_table(r: &Report) -> String {
    let widths = [
        TEXT_W * 8 / 100,
        TEXT_W * 40 / 100,
        TEXT_W * 15 / 100,
        TEXT_W * 22 / 100,
    ];
    let last = TEXT_W - widths.iter().sum::<u32>();
    let widths = [widths[0], widths[1], widths[2], widths[3], last];
    let heads = [
        "Mã",
        "Tiêu chí, chỉ tiêu",
        "Chỉ tiêu (ngưỡng)",
        "Kết quả của xã",
        "Đánh giá",
    ];
    let mut rows = String::new();
    rows.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (h, w) in heads.iter().zip(widths) {
        rows.push_str(&cell(w, &small_para(h, true, true), true));
    }
    rows.push_str("</w:tr>");
    for row in &r.annex {
        rows.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        let values = [
            &row.code,
            &row.wording,
            &row.threshold,
            &row.figure,
            &row.status,
        ];
        for (i, (v, w)) in values.iter().zip(widths).enumerate() {
            rows.push_str(&cell(
                w,
                &small_para(v, row.is_criterion, i != 1),
                row.is_criterion,
            ));
        }
        rows.push_str("</w:tr>");
    }
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )
}

fn body_xml(r: &Report) -> String {
    let mut b = String::new();
    if r.is_draft() {
        b.push_str(&para(
            &run("DỰ THẢO", Run::default().bold()),
            Para {
                plain: true,
                after: Some(120),
                ..Para::default()
            },
        ));
    }
    b.push_str(&header_block(r));
    let center = Para {
        center: true,
        after: Some(0),
        ..Para::default()
    };
    b.push_str(&para(
        &run(&r.title, Run::default().bold()),
        Para {
            before: 360,
            ..center
        },
    ));
    b.push_str(&para(
        &run(&r.subject, Run::default().bold()),
        Para {
            rule: Some((TEXT_W, 20)),
            ..center
        },
    ));
    // One recipient: a centred line. Several: "Kính gửi:" centred, then one line each.
    let recipients = r.recipient_lines();
    let several = recipients.len() > 1;
    for (i, rec) in recipients.iter().enumerate() {
        b.push_str(&para(
            &run(rec, Run::default()),
            Para {
                center: i == 0,
                plain: i > 0,
                indent: if i > 0 { mm(40) } else { 0 },
                before: if i == 0 { 240 } else { 0 },
                after: several.then_some(0),
                ..Para::default()
            },
        ));
    }
    for a in r.answering.iter().chain(std::iter::once(&r.intro)) {
        b.push_str(&para(&run(a, Run::default()), Para::default()));
    }
    for block in &r.body {
        match block {
            Block::Part(lines) => {
                let runs: Vec<String> = lines
                    .iter()
                    .map(|l| run(l, Run::default().bold()))
                    .collect();
                b.push_str(&para(
                    &runs.join("<w:r><w:br/></w:r>"),
                    Para {
                        center: true,
                        keep_next: true,
                        before: 240,
                        ..Para::default()
                    },
                ));
            }
            Block::Heading { level, text } => {
                let r = Run {
                    bold: *level <= 3,
                    italic: *level == 4,
                    ..Run::default()
                };
                b.push_str(&para(
                    &run(text, r),
                    Para {
                        keep_next: true,
                        ..Para::default()
                    },
                ));
            }
            Block::CriterionHeading { text, status } => {
                let runs = format!(
                    "{}{}",
                    run(&format!("{text}: "), Run::default().bold()),
                    run(status, Run::default().bold())
                );
                b.push_str(&para(
                    &runs,
                    Para {
                        keep_next: true,
                        ..Para::default()
                    },
                ));
            }
            Block::Para(text) => b.push_str(&para(&run(text, Run::default()), Para::default())),
        }
    }
    b.push_str(&para(&run(&r.closing, Run::default()), Para::default()));
    // Recipients list (left) and signature (right), side by side.
    let left_w = TEXT_W / 2;
    let right_w = TEXT_W - left_w;
    let mut left = para(
        &run("Nơi nhận:", Run::default().bold().italic().size(24)),
        Para {
            plain: true,
            after: Some(0),
            ..Para::default()
        },
    );
    for c in &r.copies_to {
        left.push_str(&para(
            &run(&format!("- {c}"), Run::default().size(22)),
            Para {
                plain: true,
                after: Some(0),
                ..Para::default()
            },
        ));
    }
    let mut right = String::new();
    for t in &r.signature_title {
        right.push_str(&para(
            &run(t, Run::default().bold()),
            Para {
                center: true,
                after: Some(0),
                ..Para::default()
            },
        ));
    }
    right.push_str(&para(
        &run(&r.signatory, Run::default().bold()),
        Para {
            center: true,
            before: 1440,
            after: Some(0),
            ..Para::default()
        },
    ));
    b.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"{left_w}\"/><w:gridCol w:w=\"{right_w}\"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>{}{}</w:tr></w:tbl>",
        cell(left_w, &left, false),
        cell(right_w, &right, false)
    ));
    // Annex on a new page.
    b.push_str(&para(
        &run(&r.annex_title, Run::default().bold()),
        Para {
            center: true,
            page_break_before: true,
            after: Some(0),
            ..Para::default()
        },
    ));
    b.push_str(&para(
        &run(&r.annex_subtitle, Run::default().italic()),
        Para {
            center: true,
            after: Some(240),
            ..Para::default()
        },
    ));
    b.push_str(&annex_table(r));
    b.push_str(&para(
        "",
        Para {
            after: Some(0),
            ..Para::default()
        },
    ));
    b
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

fn document_xml(r: &Report) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/><w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>",
        body_xml(r)
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
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p><w:pPr><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:spacing w:after=\"0\"/></w:pPr>{runs}</w:p></w:hdr>"
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
