//! The workbook read back by independent readers (the `zip` crate and quick-xml): its parts,
//! the order of elements the schema sequences, styles, widths, the frozen header, filters,
//! numbers as numbers, text guarded against formulas.

use super::*;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

fn parts(book: &[u8]) -> Vec<(String, String)> {
    let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_string(), s)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).unwrap().1
}

/// The children of SpreadsheetML elements in the order their schema sequences them (ECMA-376
/// Part 1, sml.xsd: CT_Worksheet, CT_SheetView, CT_Workbook, CT_Stylesheet, CT_Xf, CT_Border,
/// CT_PatternFill, CT_Cell, CT_Rst). CT_Font is a choice in any order, so not listed.
const SEQUENCES: [(&str, &[&str]); 9] = [
    (
        "worksheet",
        &[
            "sheetPr",
            "dimension",
            "sheetViews",
            "sheetFormatPr",
            "cols",
            "sheetData",
            "sheetCalcPr",
            "sheetProtection",
            "protectedRanges",
            "scenarios",
            "autoFilter",
            "sortState",
            "dataConsolidate",
            "customSheetViews",
            "mergeCells",
            "phoneticPr",
            "conditionalFormatting",
            "dataValidations",
            "hyperlinks",
            "printOptions",
            "pageMargins",
            "pageSetup",
            "headerFooter",
            "rowBreaks",
            "colBreaks",
            "customProperties",
            "cellWatches",
            "ignoredErrors",
            "smartTags",
            "drawing",
            "legacyDrawing",
            "legacyDrawingHF",
            "picture",
            "oleObjects",
            "controls",
            "webPublishItems",
            "tableParts",
            "extLst",
        ],
    ),
    (
        "sheetView",
        &["pane", "selection", "pivotSelection", "extLst"],
    ),
    (
        "workbook",
        &[
            "fileVersion",
            "fileSharing",
            "workbookPr",
            "workbookProtection",
            "bookViews",
            "sheets",
            "functionGroups",
            "externalReferences",
            "definedNames",
            "calcPr",
            "oleSize",
            "customWorkbookViews",
            "pivotCaches",
            "smartTagPr",
            "smartTagTypes",
            "webPublishing",
            "fileRecoveryPr",
            "webPublishObjects",
            "extLst",
        ],
    ),
    (
        "styleSheet",
        &[
            "numFmts",
            "fonts",
            "fills",
            "borders",
            "cellStyleXfs",
            "cellXfs",
            "cellStyles",
            "dxfs",
            "tableStyles",
            "colors",
            "extLst",
        ],
    ),
    ("xf", &["alignment", "protection", "extLst"]),
    (
        "border",
        &[
            "start",
            "end",
            "left",
            "right",
            "top",
            "bottom",
            "diagonal",
            "vertical",
            "horizontal",
        ],
    ),
    ("patternFill", &["fgColor", "bgColor"]),
    ("c", &["f", "v", "is", "extLst"]),
    ("is", &["t", "r", "rPh", "phoneticPr"]),
];

/// Every out-of-order or unknown child of a sequenced element in one XML part.
fn order_violations(name: &str, xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    // For each open element: its name, its sequence, the rank of the last child seen.
    let mut open: Vec<(String, Option<&[&str]>, usize)> = Vec::new();
    let mut out = Vec::new();
    loop {
        let (tag, empty) = match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => (
                String::from_utf8_lossy(e.name().as_ref()).to_string(),
                false,
            ),
            Event::Empty(e) => (String::from_utf8_lossy(e.name().as_ref()).to_string(), true),
            Event::End(_) => {
                open.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if let Some((parent, Some(seq), rank)) = open.last_mut() {
            match seq.iter().position(|s| *s == tag) {
                None => out.push(format!("{name}: unknown child {tag} of {parent}")),
                Some(r) if r < *rank => {
                    out.push(format!("{name}: {tag} after {} in {parent}", seq[*rank]))
                }
                Some(r) => *rank = r,
            }
        }
        if !empty {
            let seq = SEQUENCES.iter().find(|(n, _)| *n == tag).map(|(_, s)| *s);
            open.push((tag, seq, 0));
        }
    }
    out
}

fn workbook() -> Rollup {
    let mut inputs = files(4);
    inputs.push(named("cong.json", "=1+1", "2024-06-26T09:40:00Z", |_| {}));
    inputs.push(named("cu.json", "Liên Sơn", "2023-06-26T09:40:00Z", |_| {}));
    let mut r = read_files(&inputs);
    // Another period for one commune, to have a second section.
    let mut env = example();
    env.draft.meta.year = 2023;
    let other = read_files(&[Input {
        name: "2023.json".into(),
        bytes: bytes(Envelope::new(env.draft, env.set, "t".into())),
    }]);
    r.groups[0].rows.extend(other.groups[0].rows.clone());
    r.sections = crate::core::rollup::figures::sections(&r.groups);
    r
}

#[test]
fn every_part_follows_the_schema_order_and_the_checker_catches_what_it_is_for() {
    let book = xlsx(&workbook(), None);
    let parts = parts(&book);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"xl/styles.xml"), "{names:?}");
    for (name, xml) in &parts {
        assert_eq!(order_violations(name, xml), Vec::<String>::new());
    }
    let bad = "<worksheet><sheetData/><cols/><autoFilter/><sheetViews/></worksheet>";
    assert_eq!(
        order_violations("t", bad),
        [
            "t: cols after sheetData in worksheet",
            "t: sheetViews after autoFilter in worksheet"
        ]
    );
    assert_eq!(
        order_violations("t", "<styleSheet><cellXfs/><fonts/><unknown/></styleSheet>"),
        [
            "t: fonts after cellXfs in styleSheet",
            "t: unknown child unknown of styleSheet"
        ]
    );
}

#[test]
fn the_workbook_has_a_summary_and_a_sheet_per_section_with_widths_frozen_header_and_filter() {
    let r = workbook();
    assert_eq!(r.sections.len(), 2);
    let parts = parts(&xlsx(&r, None));
    let book = part(&parts, "xl/workbook.xml");
    let sheets: Vec<&str> = book
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        sheets,
        [
            "Tóm tắt",
            "Xã - tiêu chí",
            "Xã - chỉ tiêu",
            "Xã - tiêu chí (2)",
            "Xã - chỉ tiêu (2)",
            "Bảng dài"
        ]
    );
    assert!(book.contains(r#"<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">&apos;Xã - tiêu chí&apos;!$A$1:$"#), "{book}");
    let summary = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(summary.contains("TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ XÃ NÔNG THÔN MỚI"));
    assert!(summary.contains("Bình quân số tiêu chí đạt/xã"));
    let criteria = part(&parts, "xl/worksheets/sheet2.xml");
    assert!(criteria.contains(
        r#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#
    ));
    assert!(criteria.contains(r#"<col min="1" max="1" width="#));
    assert!(criteria.contains(r#"customWidth="1""#));
    assert!(criteria.contains("<autoFilter ref=\"A1:"));
    // The header is bold (style 1 of styles.xml: font 1, bold); the share row a percentage.
    assert!(
        criteria.contains(r#"<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Xã</t>"#)
    );
    let styles = part(&parts, "xl/styles.xml");
    assert!(styles.contains(r#"<xf numFmtId="0" fontId="1" fillId="2" borderId="1""#));
    assert!(styles.contains("<font><b/>"));
    assert!(criteria.contains("Tỷ lệ xã đạt"));
    assert!(
        criteria.contains(r#" s="7"><v>"#),
        "a percentage in the share row"
    );
    // Numbers are numbers: "Số tiêu chí đạt" and the figures of the indicators sheet.
    assert!(
        criteria.contains(r#"<c r="C2" s="3"><v>"#),
        "{}",
        &criteria[..1500]
    );
    let indicators = part(&parts, "xl/worksheets/sheet3.xml");
    assert!(
        indicators.contains("<v>99</v>"),
        "the figure of 4.2 as a number"
    );
    // Text that a spreadsheet would run is written behind a "'".
    assert!(criteria.contains("<t xml:space=\"preserve\">&apos;=1+1</t>"));
    assert!(!parts.iter().any(|(_, x)| x.contains(">=1+1<")));
}

#[test]
fn the_summary_says_who_has_sent_when_there_is_a_list() {
    let r = workbook();
    let list = communes::CommuneList {
        names: vec!["Xã thử 00".into(), "Xã thử 01".into(), "Bắc Sơn".into()],
        saved_at: String::new(),
    };
    let parts = parts(&xlsx(&r, Some(&list)));
    let summary = part(&parts, "xl/worksheets/sheet1.xml");
    assert!(
        summary.contains("đã nhận 2/3 xã; chưa gửi (1): Bắc Sơn."),
        "{summary}"
    );
    assert!(summary.contains("Tên xã không có trong danh sách: “Xã thử 02”"));
}

#[test]
fn guard_covers_formula_starts_and_control_starts() {
    use super::super::xlsx::guard;
    for t in ["=A1", "+1", "-1", "@x", "\tx", "\rx"] {
        assert_eq!(guard(t), format!("'{t}"));
    }
    assert_eq!(guard("Tân Thành"), "Tân Thành");
    assert_eq!(guard("'=x"), "'=x");
}
