//! The report for the example draft: built, written as .docx, read back with independent
//! readers (the `zip` crate and quick-xml) and checked for structure and text.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;
use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::draft::Draft;
use tieuchi::core::report::model::Block;
use tieuchi::core::report::{build, docx};
use tieuchi::core::scoring::score;
use tieuchi::core::sets;

fn lang_son() -> CriteriaSet {
    sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .unwrap()
}

fn example() -> Draft {
    tieuchi::core::json::from_str(include_str!("fixtures/lien-son-2024-h1.draft.json")).unwrap()
}

fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut files = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).expect("UTF-8 XML");
        files.insert(f.name().to_string(), s);
    }
    files
}

/// Paragraph texts of a WordprocessingML part, and whether each sits inside a table.
#[derive(Debug)]
struct Doc {
    paras: Vec<(String, bool)>,
    /// Element names seen, with attributes, for layout checks.
    tags: Vec<String>,
    table_rows: Vec<Vec<String>>,
    header_rows: usize,
}

fn parse(xml: &str) -> Doc {
    let mut reader = Reader::from_str(xml);
    let mut doc = Doc {
        paras: vec![],
        tags: vec![],
        table_rows: vec![],
        header_rows: 0,
    };
    let mut depth_tbl = 0;
    let mut cur = String::new();
    let mut row: Vec<String> = vec![];
    let mut cell = String::new();
    let mut in_t = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            ev @ (Event::Start(_) | Event::Empty(_)) => {
                let empty = matches!(ev, Event::Empty(_));
                let (Event::Start(e) | Event::Empty(e)) = ev else {
                    unreachable!()
                };
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let attrs: Vec<String> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        format!(
                            "{}={}",
                            String::from_utf8_lossy(a.key.as_ref()),
                            a.unescape_value().unwrap()
                        )
                    })
                    .collect();
                doc.tags.push(format!("{name} {}", attrs.join(" ")));
                match name.as_str() {
                    "w:tbl" => depth_tbl += 1,
                    "w:tr" => row.clear(),
                    "w:tc" => cell.clear(),
                    "w:p" => cur.clear(),
                    "w:t" => in_t = !empty,
                    "w:tblHeader" => doc.header_rows += 1,
                    "w:br" => cur.push('\n'),
                    _ => {}
                }
                if empty && name == "w:p" {
                    doc.paras.push((String::new(), depth_tbl > 0));
                }
            }
            Event::Text(t) if in_t => {
                let s = t.unescape().unwrap();
                cur.push_str(&s);
                cell.push_str(&s);
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:p" => doc.paras.push((std::mem::take(&mut cur), depth_tbl > 0)),
                b"w:tc" => row.push(std::mem::take(&mut cell)),
                b"w:tr" => doc.table_rows.push(std::mem::take(&mut row)),
                b"w:tbl" => depth_tbl -= 1,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    doc
}

fn example_docx() -> (tieuchi::core::report::Report, Vec<u8>) {
    let set = lang_son();
    let draft = example();
    let scores = score(&set, &draft);
    let report = build(&set, &draft, &scores);
    let bytes = docx::render(&report);
    (report, bytes)
}

#[test]
fn docx_is_a_valid_package_with_all_parts() {
    let (_, bytes) = example_docx();
    let files = unzip(&bytes);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/header1.xml",
        "word/header2.xml",
        "docProps/core.xml",
    ] {
        assert!(files.contains_key(part), "{part}");
        parse(&files[part]);
    }
}

#[test]
fn document_structure_follows_the_official_layout() {
    let (report, bytes) = example_docx();
    let files = unzip(&bytes);
    let doc = parse(&files["word/document.xml"]);
    let texts: Vec<&str> = doc.paras.iter().map(|(t, _)| t.as_str()).collect();
    let pos = |needle: &str| {
        texts
            .iter()
            .position(|t| t.contains(needle))
            .unwrap_or_else(|| panic!("missing {needle:?}"))
    };

    // Header block: both columns, in a table. The commune's People's Committee has no upper
    // line: no district since 01/7/2025, and none above a committee before either.
    assert!(
        !texts.iter().any(|t| t.contains("HUYỆN")),
        "no district in the header"
    );
    for t in [
        "ỦY BAN NHÂN DÂN",
        "XÃ LIÊN SƠN",
        "Số: /BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Liên Sơn, ngày 26 tháng 6 năm 2024",
    ] {
        let i = pos(t);
        assert!(doc.paras[i].1, "{t} belongs to the header table");
    }
    // Title, subject, recipients, letters answered, parts in order.
    let order = [
        "BÁO CÁO",
        "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới 6 tháng đầu năm 2024 trên địa bàn xã Liên Sơn",
        "Kính gửi: Văn phòng điều phối xây dựng nông thôn mới huyện Chi Lăng",
        "Thực hiện công văn số 51/BCĐ-NN",
        "Phần thứ nhất",
        "I. CÔNG TÁC CHỈ ĐẠO",
        "II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH",
        "Qua rà soát, xã Liên Sơn tự đánh giá đạt 11/19 tiêu chí.",
        "1.1. Tiêu chí số 1 về Quy hoạch: Đạt",
        "1.19. Tiêu chí số 19 về Quốc phòng và An ninh: Đạt",
        "III. ĐÁNH GIÁ CHUNG",
        "Phần thứ hai",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024",
        "Trên đây là báo cáo",
        "Nơi nhận:",
        "Dương Văn Phong",
        "PHỤ LỤC",
    ];
    let mut last = 0;
    for t in order {
        let i = pos(t);
        assert!(i >= last, "{t:?} out of order");
        last = i;
    }
    // One heading per criterion, with the status from the scores.
    for n in 1..=19 {
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with(&format!("1.{n}. Tiêu chí số {n} về "))),
            "heading of criterion {n}"
        );
    }
    assert!(texts.contains(&"1.11. Tiêu chí số 11 về Nghèo đa chiều: Chưa đánh giá đủ"));
    // Generated sentence for 9.2, with the official's wording and the decimal comma.
    // 9.2 has no threshold in the set: no verb claims it met.
    assert!(texts.iter().any(|t| t.starts_with("1.9.2. Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố: 146/185 hộ, bằng 78,91%. Đánh giá: Đạt.")), "9.2 sentence");
    assert!(texts.iter().any(|t| t.starts_with("1.15.3. Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi): còn 17,72% (chỉ tiêu: ≤ 26,7%, theo báo cáo mẫu (Liên Sơn, 6 tháng đầu năm 2024) — cần đối chiếu QĐ 1494/QĐ-UBND). Đánh giá: Đạt.")), "15.3 sentence: what should stay low 'còn', the threshold's source");
    assert!(texts.iter().any(|t| t.starts_with("Thu nhập bình quân đầu người: 28 triệu đồng/người/năm. Số liệu năm 2022. Đánh giá: Chưa đạt.")), "10 sentence: no 'đạt' for what is not met");

    // Annex: a header row that repeats, then for every criterion its row and one row per
    // indicator, the same for a criterion with a single indicator (5, 7, 10, 11 and 16).
    assert_eq!(doc.header_rows, 1);
    let set = lang_son();
    let annex_rows: Vec<&Vec<String>> = doc.table_rows.iter().filter(|r| r.len() == 5).collect();
    assert_eq!(annex_rows.len(), 1 + 19 + set.indicators().count());
    let five: Vec<_> = annex_rows.iter().filter(|r| r[0] == "5").collect();
    assert_eq!(five.len(), 2, "{five:?}");
    assert_eq!(five[0][1], "Tiêu chí số 5 về Trường học");
    assert_eq!(
        five[0][2], "",
        "a criterion row puts no status in the threshold column"
    );
    assert!(five[1][1].starts_with("Tỷ lệ trường học"), "{five:?}");
    assert!(
        texts.iter().any(|t| {
            t.starts_with(
        "(Kèm theo Báo cáo số /BC-UBND ngày 26 tháng 6 năm 2024 của Ủy ban nhân dân xã Liên Sơn)"
    )
        }),
        "the annex writes the number and date as page 1 does"
    );
    assert_eq!(
        annex_rows[0],
        &vec![
            "Mã",
            "Tiêu chí, chỉ tiêu",
            "Chỉ tiêu (ngưỡng)",
            "Kết quả của xã",
            "Đánh giá"
        ]
    );
    let row = annex_rows.iter().find(|r| r[0] == "4.2").unwrap();
    assert_eq!(
        row[2..],
        [
            "≥ 95% (theo báo cáo mẫu (Liên Sơn, 6 tháng đầu năm 2024) — cần đối chiếu QĐ 1494/QĐ-UBND)".to_string(),
            "100%".to_string(),
            "Đạt".to_string()
        ]
    );
    assert_eq!(report.annex.len(), 19 + set.indicators().count());

    // Page: A4 portrait, official margins, page numbers from page 2 (title page differs).
    let tag = |prefix: &str| {
        doc.tags
            .iter()
            .find(|t| t.starts_with(prefix))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(tag("w:pgSz "), "w:pgSz w:w=11906 w:h=16838");
    assert_eq!(tag("w:pgMar "), "w:pgMar w:top=1134 w:right=851 w:bottom=1134 w:left=1701 w:header=567 w:footer=567 w:gutter=0");
    assert!(doc.tags.iter().any(|t| t.starts_with("w:titlePg")));
    assert!(files["word/header1.xml"].contains(" PAGE "));
    assert!(!files["word/header2.xml"].contains(" PAGE "));
    // Fonts: Times New Roman, 14 pt body, justified with a first-line indent.
    let styles = &files["word/styles.xml"];
    assert!(styles.contains("w:ascii=\"Times New Roman\""));
    assert!(styles.contains("<w:sz w:val=\"28\"/>"));
    assert!(styles.contains("<w:jc w:val=\"both\"/>") && styles.contains("w:firstLine=\"567\""));
}

#[test]
fn errors_mark_the_document_as_draft() {
    let set = lang_son();
    let mut draft = honest();
    let report = build(&set, &draft, &score(&set, &draft));
    assert!(!report.is_draft(), "{:?}", report.draft_reasons);
    draft.entries.get_mut("9.2").unwrap().numerator = "190".into();
    let report = build(&set, &draft, &score(&set, &draft));
    assert!(report.is_draft());
    assert!(report.draft_reasons[0].contains("9.2"));
    let files = unzip(&docx::render(&report));
    let doc = parse(&files["word/document.xml"]);
    assert_eq!(doc.paras[0].0, "DỰ THẢO");
}

#[test]
fn hostile_and_decomposed_text_comes_out_right() {
    let set = lang_son();
    let mut draft = example();
    draft.meta.commune = "Lie\u{302}\u{300}n So\u{31b}n".into();
    draft.narrative.achievements = "A & B <w:p> \"quoted\" 'single' \u{0}\u{7}end ]]> &amp;".into();
    let report = build(&set, &draft, &score(&set, &draft));
    let files = unzip(&docx::render(&report));
    let doc = parse(&files["word/document.xml"]);
    assert!(doc
        .paras
        .iter()
        .any(|(t, _)| t == "A & B <w:p> \"quoted\" 'single' end ]]> &amp;"));
    assert!(doc
        .paras
        .iter()
        .any(|(t, _)| t == "Qua rà soát, xã Liền Sơn tự đánh giá đạt 11/19 tiêu chí."));
    assert_eq!(
        report.file_name,
        "bao-cao-ntm-lien-son-6-thang-dau-nam-2024.docx"
    );
}

#[test]
fn file_name_is_an_ascii_slug() {
    let (report, _) = example_docx();
    assert_eq!(
        report.file_name,
        "bao-cao-ntm-lien-son-6-thang-dau-nam-2024.docx"
    );
}

#[test]
fn document_text_matches_the_golden_snapshot() {
    let (_, bytes) = example_docx();
    let files = unzip(&bytes);
    let doc = parse(&files["word/document.xml"]);
    check_golden(&doc, "lien-son-2024-h1.report.txt");
}

#[test]
fn a_2026_report_of_whole_criteria_renders_and_reads_back() {
    let set = sets::shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2026-2030")
        .unwrap();
    let mut d = tieuchi::core::edit::new_draft(
        "d".into(),
        &set,
        tieuchi::core::vn::Date::new(2026, 11, 30),
    );
    d.meta.commune = "Tân Thành".into();
    d.entries.insert(
        "1".into(),
        tieuchi::core::draft::Entry {
            judgement: tieuchi::core::draft::Judgement::Met,
            note: "Quy hoạch đã được phê duyệt.".into(),
            ..Default::default()
        },
    );
    let report = build(&set, &d, &score(&set, &d));
    let files = unzip(&docx::render(&report));
    let doc = parse(&files["word/document.xml"]);
    let texts: Vec<&str> = doc.paras.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        texts.contains(&"ỦY BAN NHÂN DÂN\nXÃ TÂN THÀNH"),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.contains("HUYỆN")));
    assert!(texts
        .iter()
        .any(|t| t.starts_with("1.1. Tiêu chí số 1 về Quy hoạch: Đạt")));
    // Annex: one row per criterion, none for indicators the set does not have.
    let head = doc
        .table_rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "Mã"))
        .expect("annex header row");
    let annex = &doc.table_rows[head + 1..];
    assert_eq!(annex.len(), 10, "{annex:?}");
    assert_eq!(annex[0][3], "Đánh giá chung cả tiêu chí");
}

/// The children of these WordprocessingML property elements, in the order their schema
/// sequences (ECMA-376 Part 1, CT_PPrBase, CT_RPr, CT_TblPr, CT_TcPr, CT_SectPr) require them.
const SEQUENCES: [(&str, &[&str]); 5] = [
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:sectPr",
        &[
            // headerReference and footerReference may come in any order among themselves.
            "w:headerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
];

/// Every out-of-order or unknown child of a property element in one XML part.
fn order_violations(part: &str, xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    // The element names open above the current position.
    let mut stack: Vec<String> = vec![];
    // For each open property element: its sequence and the rank of the last child seen.
    let mut last_rank: Vec<Option<(usize, &[&str], usize)>> = vec![];
    let mut out = vec![];
    let mut child = |stack: &[String], last: &mut [Option<(usize, &[&str], usize)>], name: &str| {
        let depth = stack.len();
        if let Some(Some((d, seq, rank))) = last.last_mut() {
            if *d + 1 == depth {
                let name = if name == "w:footerReference" {
                    "w:headerReference"
                } else {
                    name
                };
                match seq.iter().position(|s| *s == name) {
                    None => out.push(format!("{part}: unknown child {name} of {}", stack[*d])),
                    Some(r) if r < *rank => out.push(format!(
                        "{part}: {name} after {} in {}",
                        seq[*rank], stack[*d]
                    )),
                    Some(r) => *rank = r,
                }
            }
        }
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                child(&stack, &mut last_rank, &name);
                let seq = SEQUENCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s);
                last_rank.push(seq.map(|s| (stack.len(), s, 0)));
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_string();
                child(&stack, &mut last_rank, &name);
            }
            Event::End(_) => {
                stack.pop();
                last_rank.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn all_order_violations(bytes: &[u8]) -> Vec<String> {
    let files = unzip(bytes);
    files
        .iter()
        .filter(|(name, _)| name.starts_with("word/") && name.ends_with(".xml"))
        .flat_map(|(name, xml)| order_violations(name, xml))
        .collect()
}

#[test]
fn property_elements_follow_the_schema_order() {
    // The Liên Sơn report.
    let (_, bytes) = example_docx();
    assert_eq!(all_order_violations(&bytes), Vec::<String>::new());
    // A set of one criterion with one indicator, in a draft report with a figure.
    let mut set = lang_son();
    set.criteria.truncate(1);
    set.criteria[0].indicators.truncate(1);
    let mut d = example();
    d.meta.date = None;
    let report = build(&set, &d, &score(&set, &d));
    assert!(report.is_draft());
    assert_eq!(
        all_order_violations(&docx::render(&report)),
        Vec::<String>::new()
    );
    // The checker itself catches what it is for: tblLayout before tblBorders.
    let bad = "<w:tbl><w:tblPr><w:tblW/><w:tblLayout/><w:tblBorders/></w:tblPr></w:tbl>";
    assert_eq!(
        order_violations("t", bad),
        ["t: w:tblBorders after w:tblLayout in w:tblPr"]
    );
    let bad = "<w:p><w:pPr><w:jc/><w:spacing/></w:pPr></w:p>";
    assert_eq!(
        order_violations("t", bad),
        ["t: w:spacing after w:jc in w:pPr"]
    );
}

fn honest() -> Draft {
    tieuchi::core::json::from_str(include_str!("fixtures/lien-son-2024-h1.honest.draft.json"))
        .unwrap()
}

#[test]
fn the_example_as_written_stays_a_draft_and_says_why() {
    let (set, d) = (lang_son(), example());
    let r = build(&set, &d, &score(&set, &d));
    assert!(r.is_draft());
    let why = r.draft_reasons.join("\n");
    for expected in [
        "Chỉ tiêu 7: nhận xét có cụm \"không đạt\" nhưng chỉ tiêu được đánh giá đạt.",
        "Chỉ tiêu 15.2: nhận xét có cụm \"chưa đạt\" nhưng chỉ tiêu được đánh giá đạt.",
        "Chỉ tiêu 13.5: chưa đánh giá.",
        "Chỉ tiêu 10: số liệu từ năm 2022, cũ hơn kỳ báo cáo (2024).",
        "Chỉ tiêu 17.12: số liệu được đánh giá đạt nhưng chưa có ngưỡng để so sánh",
    ] {
        assert!(why.contains(expected), "{expected:?} not in\n{why}");
    }
}

#[test]
fn the_example_entered_honestly_is_final_with_ten_of_nineteen() {
    let (set, d) = (lang_son(), honest());
    let s = score(&set, &d);
    let r = build(&set, &d, &s);
    assert!(!r.is_draft(), "{:#?}", r.draft_reasons);
    assert_eq!(s.summary_vi(), "đạt 10/19 tiêu chí");
    let text = r.plain_text();
    // Every acknowledgement is printed with its reason, in words a report uses.
    assert!(text.contains("Lý do dùng số liệu của năm trước: Chưa có số liệu thu nhập năm 2024"));
    let printed = [
        "Lý do chưa đánh giá: ",
        "Lý do vẫn đánh giá đạt: ",
        "Lý do dùng số liệu của năm trước: ",
        "Căn cứ đánh giá khi chưa có số liệu: ",
        "Căn cứ đánh giá đạt khi chưa có ngưỡng: ",
    ];
    let count: usize = printed.iter().map(|p| text.matches(p).count()).sum();
    assert_eq!(count, 12, "{text}");
    assert!(
        !text.contains("Ghi chú ("),
        "no software label inside a sentence: {text}"
    );
    // Changing the text an acknowledgement was about brings the finding back.
    let mut changed = d.clone();
    changed.entries.get_mut("10").unwrap().data_year = "2021".into();
    assert!(build(&set, &changed, &score(&set, &changed)).is_draft());
}

#[test]
fn the_honest_report_text_matches_its_reviewed_golden() {
    let (set, d) = (lang_son(), honest());
    let bytes = docx::render(&build(&set, &d, &score(&set, &d)));
    let doc = parse(&unzip(&bytes)["word/document.xml"]);
    check_golden(&doc, "lien-son-2024-h1.honest.report.txt");
}

/// The annex can name who provided each criterion's figures (#28, an option off by default):
/// the honest report with two criteria's figures from team members and the option on differs
/// from its golden file only by those lines.
#[test]
fn the_annex_names_the_providers_per_criterion_when_asked() {
    let (set, mut d) = (lang_son(), honest());
    for (code, who) in [
        ("9.2", "Công chức Văn hóa - Xã hội"),
        ("3.1", "Công chức Địa chính - Xây dựng"),
    ] {
        let e = d.entries.get_mut(code).unwrap();
        e.by = who.into();
        e.at = "2024-06-10T08:30:00.000Z".into();
    }
    let e = d.entries.get_mut("3.2").unwrap();
    e.by = tieuchi::core::edit::COMPILER.into();
    let off = build(&set, &d, &score(&set, &d));
    assert!(
        off.annex.iter().all(|r| !r.figure.contains("Số liệu do")),
        "off by default"
    );
    d.meta.providers_annex = true;
    let on = build(&set, &d, &score(&set, &d));
    let lines: Vec<&str> = on
        .annex
        .iter()
        .filter(|r| r.figure.contains("Số liệu do"))
        .map(|r| r.figure.as_str())
        .collect();
    assert_eq!(
        lines,
        [
            "Số liệu do: Công chức Địa chính - Xây dựng; người soạn báo cáo cung cấp",
            "Số liệu do: Công chức Văn hóa - Xã hội cung cấp",
        ]
    );
    let doc = parse(&unzip(&docx::render(&on))["word/document.xml"]);
    check_golden(&doc, "lien-son-2024-h1.providers.report.txt");
}

/// The document's text, one paragraph a line, equals its reviewed golden file in
/// tests/fixtures (`UPDATE_GOLDEN=1` rewrites it, for review).
fn check_golden(doc: &Doc, name: &str) {
    let text: String = doc.paras.iter().map(|(t, _)| format!("{t}\n")).collect();
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let golden = std::fs::read_to_string(&path).expect("golden file; UPDATE_GOLDEN=1 creates it");
    assert!(
        text == golden,
        "{name} changed; review it and run with UPDATE_GOLDEN=1"
    );
}

mod never_flatter {
    use super::*;
    use proptest::prelude::*;
    use tieuchi::core::criteria::{Direction, Threshold};
    use tieuchi::core::draft::Entry;
    use tieuchi::core::num::Dec;

    /// The annex row of 9.2 for `part`/`whole` against a threshold of `hundredths`/100 %, as a
    /// minimum or a maximum: (printed threshold, printed figure, printed status).
    fn printed(part: u64, whole: u64, hundredths: u64, at_most: bool) -> (String, String, String) {
        let mut set = lang_son();
        let ind = set
            .criteria
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
            .find(|i| i.code == "9.2")
            .unwrap();
        ind.direction = Some(if at_most {
            Direction::AtMost
        } else {
            Direction::AtLeast
        });
        ind.thresholds = vec![Threshold {
            column: None,
            year: None,
            value: Dec::parse_vn(&format!("{},{:02}", hundredths / 100, hundredths % 100)).unwrap(),
            source: "thử".into(),
        }];
        let mut d = example();
        d.entries.insert(
            "9.2".into(),
            Entry {
                numerator: part.to_string(),
                denominator: whole.to_string(),
                ..Entry::default()
            },
        );
        let r = build(&set, &d, &score(&set, &d));
        let row = r.annex.iter().find(|r| r.code == "9.2").unwrap();
        (
            row.threshold.clone(),
            row.figure.clone(),
            row.status.clone(),
        )
    }

    fn percent_in(text: &str) -> Dec {
        // "≥ 26,7% (theo …)": the figure before where it came from.
        let text = text.split(" (").next().unwrap();
        let n = text
            .rsplit(['=', '≥', '≤'])
            .next()
            .unwrap()
            .trim()
            .trim_end_matches('%');
        Dec::parse_vn(n).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
    }

    #[test]
    fn an_at_most_share_is_rounded_up_never_down_to_the_threshold() {
        // 227/850 = 26,7058…% against "≤ 26,7%": never printed "26,7%" beside "Chưa đạt".
        let (threshold, figure, status) = printed(227, 850, 2670, true);
        assert_eq!(
            (threshold.as_str(), status.as_str()),
            ("≤ 26,7% (theo thử)", "Chưa đạt")
        );
        assert_eq!(figure, "227/850 hộ = 26,71%");
        // At least: 146/185 = 78,9189…% is shown 78,91% (down).
        assert_eq!(printed(146, 185, 8000, false).1, "146/185 hộ = 78,91%");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn the_printed_figure_and_status_never_contradict(
            whole in 1u64..200_000, permille in 0u64..=1000, hundredths in 0u64..=10_000, at_most: bool,
        ) {
            let part = whole * permille / 1000;
            let (threshold, figure, status) = printed(part, whole, hundredths, at_most);
            let (shown, limit) = (percent_in(&figure), percent_in(&threshold));
            let shown_meets = if at_most { shown <= limit } else { shown >= limit };
            prop_assert_eq!(status == "Đạt", shown_meets, "{} against {}: {}", figure, threshold, status);
        }
    }
}

#[test]
fn characters_xml_forbids_never_reach_the_file_from_any_field() {
    let mut set = lang_son();
    set.criteria[0].name.push('\u{ffff}');
    let mut d = example();
    d.meta.period = tieuchi::core::draft::PeriodKind::Custom;
    d.meta.period_label = "9 tháng\u{ffff} đầu năm 2024".into();
    d.meta.commune = "Liên\u{fffe}Sơn\u{1}".into();
    d.entries.get_mut("10").unwrap().data_year = "2022\u{ffff}".into();
    let bytes = docx::render(&build(&set, &d, &score(&set, &d)));
    for (name, xml) in unzip(&bytes) {
        let bad: Vec<char> = xml
            .chars()
            .filter(|&c| {
                matches!(c, '\u{fffe}' | '\u{ffff}')
                    || ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            })
            .collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
        parse(&xml);
    }
}

#[test]
fn narrative_comes_out_as_written_with_its_lists_and_sub_headings() {
    let set = lang_son();
    let mut d = example();
    d.narrative.goals = "1. Mục tiêu chung\nPhấn đấu đạt các mục tiêu đã đề ra.\n2. Mục tiêu cụ thể\n- Duy trì các tiêu chí đã đạt;\n+ Huy động Nhân dân làm đường bê tông.\na) Về giao thông\n3. Làm 200 m đường.".into();
    let r = build(&set, &d, &score(&set, &d));
    let i = r
        .body
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text == "I. MỤC TIÊU"))
        .unwrap();
    let heading = |t: &str| Block::Heading {
        level: 3,
        text: t.into(),
    };
    let para = |t: &str| Block::Para(t.into());
    assert_eq!(
        r.body[i + 1..i + 8],
        [
            heading("1. Mục tiêu chung"),
            para("Phấn đấu đạt các mục tiêu đã đề ra."),
            heading("2. Mục tiêu cụ thể"),
            para("- Duy trì các tiêu chí đã đạt;"),
            para("+ Huy động Nhân dân làm đường bê tông."),
            heading("a) Về giao thông"),
            para("3. Làm 200 m đường."),
        ]
    );
}

#[test]
fn a_typed_figure_is_printed_in_full_as_read() {
    // "15,125" once printed "15,12": a typed value is shown as it was read, never cut.
    let set = lang_son();
    let mut d = example();
    d.entries.get_mut("3.1").unwrap().value = "15,125".into();
    let r = build(&set, &d, &score(&set, &d));
    let row = r.annex.iter().find(|r| r.code == "3.1").unwrap();
    assert_eq!(row.figure, "15,125%");
    let text = r.plain_text();
    assert!(
        text.contains(": 15,125% (chỉ tiêu: ≥ 85%, theo báo cáo mẫu"),
        "{text}"
    );
}
