//! WordprocessingML primitives: escaped text, runs, paragraphs, cells and tables, each
//! writing its properties in the order the schema's sequences require.

use super::TEXT_W;

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
            // Characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF) never reach the
            // file, whatever field or set text they were typed in: one would make the whole
            // document unreadable. (A Rust string holds no lone surrogate.)
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Clone, Copy, Default)]
pub(super) struct Run {
    pub(super) bold: bool,
    pub(super) italic: bool,
    /// Half-points; 0 keeps the style's 14 pt.
    pub(super) size: u32,
}

impl Run {
    pub(super) fn bold(self) -> Run {
        Run { bold: true, ..self }
    }

    pub(super) fn italic(self) -> Run {
        Run {
            italic: true,
            ..self
        }
    }

    /// Size in half-points, as Word counts: 26 is 13 pt.
    pub(super) fn size(self, half_points: u32) -> Run {
        Run {
            size: half_points,
            ..self
        }
    }
}

pub(super) fn run(text: &str, r: Run) -> String {
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
pub(super) struct Para {
    pub(super) center: bool,
    /// No first-line indent, left aligned.
    pub(super) plain: bool,
    pub(super) keep_next: bool,
    /// Space after in twips; default 6 pt (120).
    pub(super) after: Option<u32>,
    pub(super) before: u32,
    /// A short centred rule under the paragraph, as wide as the given fraction (percent) of `width`.
    pub(super) rule: Option<(u32, u32)>,
    /// Left indent in twips.
    pub(super) indent: u32,
}

impl Para {
    /// Centred with no space after: title lines, header blocks, signature lines.
    pub(super) fn centred() -> Para {
        Para {
            center: true,
            after: Some(0),
            ..Para::default()
        }
    }
}

pub(super) fn para(runs: &str, p: Para) -> String {
    let mut ppr = String::new();
    if p.keep_next {
        ppr.push_str("<w:keepNext/>");
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

/// A fixed-layout table across the text width: thin borders or none, left and right cell
/// margins in twips, one column per width, and the rows' XML. The children of `w:tblPr` come in
/// the order the schema's sequence requires (tblW, tblBorders, tblLayout, tblCellMar): Word may
/// drop what comes out of order.
pub(super) fn table(widths: &[u32], bordered: bool, cell_margin: u32, rows: &str) -> String {
    let line = if bordered {
        "w:val=\"single\" w:sz=\"4\""
    } else {
        "w:val=\"nil\""
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| format!("<w:{side} {line}/>"))
        .collect();
    let grid: String = widths
        .iter()
        .map(|w| format!("<w:gridCol w:w=\"{w}\"/>"))
        .collect();
    format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_W}\" w:type=\"dxa\"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"{cell_margin}\" w:type=\"dxa\"/><w:right w:w=\"{cell_margin}\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
    )
}

pub(super) fn cell(width: u32, content: &str, shade: bool) -> String {
    let shade = if shade {
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>"
    } else {
        ""
    };
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>{content}</w:tc>")
}

pub(super) fn small_para(text: &str, bold: bool, center: bool) -> String {
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
