//! Tables as decisions print them (test data, not legal wording or figures): merged headers,
//! the official columns, codes inside the wording, group rows, titles, NFD text, Excel's
//! encodings, PDF copies, and Word files.

use super::tests::set_2026;
use super::*;
use crate::core::criteria::{Direction, Kind};
use crate::core::num::Dec;

fn applied(text: &str) -> CriteriaSet {
    let set = set_2026();
    let table = parse(text, &set);
    assert!(table.errors.is_empty(), "{:?}", table.errors);
    let opts = Options {
        default_source: "Văn bản thử nghiệm".into(),
        ..Options::default()
    };
    apply(&set, &table, &opts).unwrap_or_else(|e| panic!("{e:?}"))
}

fn values(set: &CriteriaSet, code: &str) -> Vec<(Option<String>, String)> {
    let ind = set.indicator(code).unwrap().1;
    ind.thresholds
        .iter()
        .map(|t| (t.column.clone(), t.value.fmt_vn_short(6)))
        .collect()
}

fn col(id: &str) -> Option<String> {
    Some(id.to_string())
}

#[test]
fn a_two_row_merged_header_with_the_unit_in_it() {
    let set = applied(
        "BẢNG CHỈ TIÊU THỬ NGHIỆM\n\
         TT\tNội dung chỉ tiêu\tChỉ tiêu theo nhóm xã (%)\tNguồn\n\
         \t\tXã nhóm 1\tXã nhóm 2\tXã nhóm 3\t\n\
         1\tTiêu chí thử nghiệm 1\t\t\t\t\n\
         1.1\tTỷ lệ hộ thử nghiệm\t≥ 90\t≥ 80\t≥ 70\tNguồn thử nghiệm\n\
         1.2\tCó quy hoạch thử nghiệm\tĐạt\tNguồn thử nghiệm\n",
    );
    let ind = set.indicator("1.1").unwrap().1;
    assert!(
        matches!(&ind.kind, Kind::Percent { unit, .. } if unit == "hộ"),
        "{:?}",
        ind.kind
    );
    assert_eq!(
        values(&set, "1.1"),
        [
            (col("nhom-1"), "90".into()),
            (col("nhom-2"), "80".into()),
            (col("nhom-3"), "70".into())
        ]
    );
    // A cell Word copied once for the three merged group columns.
    assert_eq!(set.indicator("1.2").unwrap().1.kind, Kind::YesNo);
}

#[test]
fn the_official_columns_with_codes_inside_the_wording_and_group_rows() {
    let text = "TT\tTên tiêu chí\tNội dung tiêu chí\tNhóm 1\tNhóm 2\tNhóm 3\n\
                I\tNHÓM THỬ NGHIỆM\t\t\t\t\n\
                1\tTiêu chí thử nghiệm\t1.1. Có quy hoạch thử nghiệm\tĐạt\tĐạt\tĐạt\n\
                \t\t1.2. Tỷ lệ người thử nghiệm (%)\t≥ 90\t≥ 80\tTheo quy định của UBND tỉnh\n\
                II\tNHÓM THỬ NGHIỆM KHÁC\t\t\t\t\n\
                2\tTiêu chí thử nghiệm 2\t\t\t\t\n\
                \t\t2.1. Thu nhập thử nghiệm (triệu đồng/người/năm)\t≥ 75\t≥ 65\t-\n";
    let set = set_2026();
    let table = parse(text, &set);
    assert!(table.errors.is_empty(), "{:?}", table.errors);
    let skipped: Vec<&str> = table.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(
        skipped,
        [
            "dòng tiêu đề của bảng",
            "dòng nhóm tiêu chí",
            "dòng nhóm tiêu chí",
            "tên tiêu chí 2"
        ]
    );
    let set = applied(text);
    let one = set.indicator("1.1").unwrap().1;
    assert_eq!(
        (one.kind.clone(), one.wording.as_str()),
        (Kind::YesNo, "Có quy hoạch thử nghiệm")
    );
    let two = set.indicator("1.2").unwrap().1;
    assert!(
        matches!(&two.kind, Kind::Percent { unit, .. } if unit == "người"),
        "{:?}",
        two
    );
    assert_eq!(two.open_thresholds[0].column, col("nhom-3"));
    assert_eq!(two.open_thresholds[0].source, "Văn bản thử nghiệm");
    let income = set.indicator("2.1").unwrap().1;
    assert_eq!(
        income.kind,
        Kind::Amount {
            unit: "triệu đồng/người/năm".into()
        }
    );
    assert_eq!(income.not_applicable_in, ["nhom-3"]);
}

#[test]
fn a_running_number_a_title_and_decomposed_text() {
    let nfd = "Xa\u{303} nho\u{301}m";
    let text = format!(
        "PHỤ LỤC THỬ NGHIỆM\n(Kèm theo văn bản thử nghiệm)\n\
         STT\tMã\tNội dung\t{nfd} 1\t{nfd} 2\t{nfd} 3\n\
         1\t1.1\tCo\u{301} quy hoa\u{323}ch thử nghiệm\tĐa\u{323}t\tĐa\u{323}t\tĐa\u{323}t\n\
         2\t1.2\tTỷ lệ hộ thử nghiệm\tTối thiểu 90%\tTừ 80% trở lên\t≥ 70%.\n\
         3\t1.3\tTỷ lệ hộ nghèo thử nghiệm\tKhông quá 5%\t⩽ 6%\tĐạt ≤ 7%\n"
    );
    let set = applied(&text);
    assert_eq!(
        set.indicator("1.1").unwrap().1.wording,
        "Có quy hoạch thử nghiệm"
    );
    assert_eq!(set.indicator("1.1").unwrap().1.kind, Kind::YesNo);
    assert_eq!(
        values(&set, "1.2")
            .iter()
            .map(|v| v.1.as_str())
            .collect::<Vec<_>>(),
        ["90", "80", "70"]
    );
    assert_eq!(
        set.indicator("1.3").unwrap().1.direction,
        Some(Direction::AtMost)
    );
}

#[test]
fn csv_in_excels_encodings_and_with_trailing_columns() {
    let text = "Mã chỉ tiêu;Nội dung;Xã nhóm 1;Xã nhóm 2;Xã nhóm 3;;;\r\n1.1;Tỷ lệ hộ thử nghiệm;≥ 80%;≥ 70%;≥ 60%;;;\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (decoded, encoding) = decode::decode(&utf16).unwrap();
    assert_eq!(encoding, decode::Encoding::Utf16Le);
    assert_eq!(values(&applied(&decoded), "1.1").len(), 3);
    // "Tỷ lệ hộ" in Windows-1258, with its tone marks combining.
    let cp: Vec<u8> = b"M\x61\xDE ch\x69\xD2 ti\xEAu;N\xF4\xF2i dung;X\x61\xDE nh\xF3m 1;X\x61\xDE nh\xF3m 2;X\x61\xDE nh\xF3m 3\r\n1.1;T\x79\xD2 l\xEA\xF2 h\xF4\xF2;\xB3 80%;\xB3 70%;\xB3 60%\r\n".to_vec();
    let (decoded, encoding) = decode::decode(&cp).unwrap();
    assert_eq!(encoding, decode::Encoding::Windows1258);
    let cp_set = applied(&decoded.replace('\u{b3}', "≥"));
    assert_eq!(cp_set.indicator("1.1").unwrap().1.wording, "Tỷ lệ hộ");
}

#[test]
fn a_pdf_copy_is_read_row_by_row_or_refused_whole() {
    let text = "\
                      BẢNG CHỈ TIÊU THỬ NGHIỆM
TT    Nội dung chỉ tiêu                  Xã nhóm 1      Xã nhóm 2      Xã nhóm 3
1     Tiêu chí thử nghiệm 1
1.1   Tỷ lệ hộ thử nghiệm có             ≥ 90%          ≥ 80%          ≥ 70%
      nước sạch
1.2   Chỉ tiêu thử nghiệm để             Theo quy       Theo quy       Theo quy
      tỉnh quy định                      định của       định của       định của
                                         UBND tỉnh      UBND tỉnh      UBND tỉnh
";
    let set = applied(text);
    assert_eq!(
        set.indicator("1.1").unwrap().1.wording,
        "Tỷ lệ hộ thử nghiệm có nước sạch"
    );
    let open = &set.indicator("1.2").unwrap().1.open_thresholds;
    assert_eq!(open.len(), 3);
    assert_eq!(open[0].note, "Theo quy định của UBND tỉnh");
    // A wrapped cell that does not read is the whole row refused, never half of it.
    let broken = text.replace(
        "      nước sạch\n",
        "      nước sạch                                         lỗi\n",
    );
    let table = parse(&broken, &set_2026());
    assert_eq!(table.errors.len(), 1, "{:?}", table.errors);
    assert!(
        table.errors[0].message.starts_with("dòng 4: ô “≥ 80% lỗi”"),
        "{:?}",
        table.errors
    );
    assert!(!table.rows.iter().any(|r| r.code == "1.1"));
}

fn docx(body: &str) -> Vec<u8> {
    let xml = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
    crate::core::report::zip::write(&[crate::core::report::zip::ZipEntry {
        name: "word/document.xml",
        data: xml.as_bytes(),
    }])
}

fn tc(text: &str, props: &str) -> String {
    let paras: String = text
        .split('\n')
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
}

fn tr(cells: &[String], header: bool) -> String {
    let pr = if header {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        ""
    };
    format!("<w:tr>{pr}{}</w:tr>", cells.concat())
}

#[test]
fn a_word_table_reads_as_a_person_reads_it() {
    let span = |n: u8| format!("<w:gridSpan w:val=\"{n}\"/>");
    let (restart, cont) = ("<w:vMerge w:val=\"restart\"/>", "<w:vMerge/>");
    let header = tr(
        &[
            tc("TT", ""),
            tc("Tên tiêu chí", ""),
            tc("Nội dung tiêu chí", ""),
            tc("Xã nhóm 1", ""),
            tc("Xã nhóm 2", ""),
            tc("Xã nhóm 3", ""),
        ],
        true,
    );
    let body = [
        header.clone(),
        tr(&[tc("1. Tiêu chí thử nghiệm", &span(6))], false),
        tr(
            &[
                tc("1", restart),
                tc("Tiêu chí thử nghiệm", restart),
                tc("1.1. Tỷ lệ hộ thử nghiệm\nđoạn thứ hai &amp; hết", ""),
                tc("≥ 90%", ""),
                tc("≥ 80%", ""),
                tc("-", ""),
            ],
            false,
        ),
        tr(
            &[
                tc("", cont),
                tc("", cont),
                tc("1.2. Chỉ tiêu thử nghiệm chung", ""),
                tc("Đạt", &span(3)),
            ],
            false,
        ),
        // The header again, as a table copied from a PDF into Word repeats it.
        header,
        tr(
            &[
                tc("1", restart),
                tc("Tiêu chí thử nghiệm", restart),
                tc("1.3. Chỉ tiêu thử nghiệm để ngỏ", ""),
                tc("Theo quy định của UBND tỉnh", &span(3)),
            ],
            false,
        ),
    ]
    .concat();
    let bytes = docx(&format!(
        "<w:p><w:r><w:t>Tiêu đề</w:t></w:r></w:p><w:tbl>{body}</w:tbl>"
    ));
    let tables = docx::tables(&bytes).unwrap();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].columns, 6);
    assert!(tables[0]
        .preview()
        .starts_with("TT | Tên tiêu chí | Nội dung tiêu chí"));
    let set = set_2026();
    let table = read_grid(&tables[0].rows, None, &set);
    assert!(table.errors.is_empty(), "{:?}", table.errors);
    let opts = Options {
        default_source: "Văn bản thử nghiệm".into(),
        ..Options::default()
    };
    let next = apply(&set, &table, &opts).unwrap();
    let one = next.indicator("1.1").unwrap().1;
    assert_eq!(one.wording, "Tỷ lệ hộ thử nghiệm đoạn thứ hai & hết");
    assert_eq!(one.not_applicable_in, ["nhom-3"]);
    assert_eq!(next.indicator("1.2").unwrap().1.kind, Kind::YesNo);
    let open = &next.indicator("1.3").unwrap().1.open_thresholds;
    assert_eq!(
        open.iter().map(|o| o.column.clone()).collect::<Vec<_>>(),
        [col("nhom-1"), col("nhom-2"), col("nhom-3")]
    );
    let skipped: Vec<&str> = table.skipped.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(
        skipped,
        [
            "dòng tiêu đề của bảng",
            "tên tiêu chí 1",
            "tiêu đề bảng lặp lại"
        ]
    );
    assert!(docx::tables(b"PK\x03\x04 not a zip").is_err());
    assert_eq!(Dec::parse_vn("90").unwrap(), one.thresholds[0].value);
}

/// The decision-like table of `tests/fixtures/bang-quyet-dinh-thu-nghiem.*` (test data): its
/// .docx written by LibreOffice, its paste as Word copies it, and its PDF's text as
/// `pdftotext -layout` gives it read to the same set, with the seven indicators the table
/// leaves to the province.
#[test]
fn the_decision_table_reads_the_same_from_word_its_paste_and_its_pdf() {
    const DOCX: &[u8] = include_bytes!("../../../tests/fixtures/bang-quyet-dinh-thu-nghiem.docx");
    const PASTE: &str =
        include_str!("../../../tests/fixtures/bang-quyet-dinh-thu-nghiem.paste.txt");
    const PDF: &str = include_str!("../../../tests/fixtures/bang-quyet-dinh-thu-nghiem.pdf.txt");
    let set = set_2026();
    let opts = Options {
        default_source: "Bảng thử nghiệm (không phải văn bản pháp lý)".into(),
        ..Options::default()
    };
    let read = |table: Table| {
        assert!(table.errors.is_empty(), "{:?}", table.errors);
        let p = plan(&set, &table, &opts);
        assert!(p.ready(false), "{:?}", p.messages());
        p.result.unwrap()
    };
    let pasted = read(parse(PASTE, &set));
    let tables = docx::tables(DOCX).unwrap();
    assert_eq!(tables.len(), 1);
    let word = read(read_grid(&tables[0].rows, None, &set));
    let pdf = read(parse(PDF, &set));
    assert_eq!(pasted.indicators().count(), 47);
    for (name, other) in [("docx", &word), ("pdf", &pdf)] {
        for ((_, a), (_, b)) in pasted.indicators().zip(other.indicators()) {
            assert_eq!(a, b, "{name}");
        }
        assert_eq!(&pasted, other, "{name}");
    }
    let open: Vec<&str> = pasted
        .indicators()
        .filter(|(_, i)| !i.open_thresholds.is_empty())
        .map(|(_, i)| i.code.as_str())
        .collect();
    assert_eq!(open, ["1.4", "2.6", "3.5", "5.6", "6.5", "9.4", "10.4"]);
    for code in open {
        let ind = pasted.indicator(code).unwrap().1;
        assert!(ind.thresholds.is_empty(), "{code}");
        assert_eq!(ind.open_thresholds.len(), 3, "{code}");
        assert!(ind
            .open_thresholds
            .iter()
            .all(|o| o.note == "Theo quy định của UBND tỉnh"));
    }
    let two_paragraphs = pasted.indicator("2.1").unwrap().1;
    assert!(two_paragraphs
        .wording
        .ends_with("pháp lý) Đoạn thứ hai của nội dung thử nghiệm"));
    assert_eq!(two_paragraphs.not_applicable_in, ["nhom-3"]);
    assert!(matches!(&two_paragraphs.kind, Kind::Percent { unit, .. } if unit == "hộ"));
    let at_most = pasted.indicator("2.5").unwrap().1;
    assert_eq!(at_most.direction, Some(Direction::AtMost));
    assert!(matches!(&at_most.kind, Kind::Percent { unit, .. } if unit == "người"));
}
