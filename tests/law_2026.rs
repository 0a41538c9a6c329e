//! The 2026–2030 set and today's government: criteria judged as a whole, "đạt X/10", the
//! commune's group, the period check, and a report header with no district.

use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::draft::{Draft, Entry, Issuer, Judgement};
use tieuchi::core::edit::new_draft;
use tieuchi::core::report::build;
use tieuchi::core::scoring::{score, CriterionStatus, FindingKind, Severity};
use tieuchi::core::sets;
use tieuchi::core::vn::Date;

fn set_2026() -> CriteriaSet {
    sets::shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2026-2030")
        .unwrap()
}

/// A 2026 draft of xã Tân Thành, group 3, with every criterion judged and reasoned, 1–7 met.
fn judged() -> Draft {
    let set = set_2026();
    let mut d = new_draft("tan-thanh-2026".into(), &set, Date::new(2026, 11, 30));
    d.meta.commune = "Tân Thành".into();
    d.meta.column = "nhom-3".into();
    d.meta.signatory_name = "Nguyễn Văn A".into();
    for c in &set.criteria {
        let judgement = if c.number <= 7 {
            Judgement::Met
        } else {
            Judgement::NotMet
        };
        let note = format!("Căn cứ rà soát tiêu chí {}.", c.number);
        // A criterion judged whole is the entry under its own number.
        let entry = Entry {
            judgement,
            note,
            ..Entry::default()
        };
        d.entries.insert(c.number.to_string(), entry);
    }
    d
}

#[test]
fn whole_criteria_count_out_of_ten() {
    let s = score(&set_2026(), &judged());
    assert_eq!(s.total(), 10);
    assert_eq!(s.summary_vi(), "đạt 7/10 tiêu chí");
    assert!(s.criteria.iter().all(|c| c.whole));
    assert_eq!(s.errors(), 0, "{:?}", s.findings);
}

#[test]
fn a_whole_judgement_needs_its_reason_and_an_unjudged_criterion_is_incomplete() {
    let mut d = judged();
    d.entries.get_mut("4").unwrap().note.clear();
    d.entries.remove("9");
    let s = score(&set_2026(), &d);
    let f4: Vec<_> = s.findings.iter().filter(|f| f.criterion == 4).collect();
    assert_eq!(f4.len(), 1);
    assert_eq!(
        (f4[0].severity, f4[0].kind),
        (Severity::Error, FindingKind::MissingReason)
    );
    assert!(
        f4[0].message.starts_with("Tiêu chí 4: "),
        "{}",
        f4[0].message
    );
    assert_eq!(s.criterion(9).unwrap().status, CriterionStatus::Incomplete);
    assert!(s
        .findings
        .iter()
        .any(|f| f.criterion == 9 && f.kind == FindingKind::NotAssessed));
    assert!(build(&set_2026(), &d, &s).is_draft());
}

#[test]
fn a_report_year_outside_the_sets_period_is_an_error() {
    let mut d = judged();
    d.meta.year = 2025;
    let s = score(&set_2026(), &d);
    let f: Vec<_> = s
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::OutsidePeriod)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Error);
    assert!(f[0].message.contains("2026 - 2030"), "{}", f[0].message);
    d.meta.year = 2026;
    assert!(!score(&set_2026(), &d)
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::OutsidePeriod));
}

#[test]
fn a_column_the_set_lacks_is_an_error_named_in_the_sets_words() {
    let mut d = judged();
    d.meta.column = "trung-du-mien-nui-phia-bac".into();
    let s = score(&set_2026(), &d);
    let f = s
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::UnknownColumn)
        .expect("a finding");
    assert!(f.message.starts_with("Nhóm xã đã chọn"), "{}", f.message);
}

#[test]
fn the_2026_report_names_the_programme_and_has_no_district() {
    let (set, d) = (set_2026(), judged());
    let r = build(&set, &d, &score(&set, &d));
    assert!(!r.is_draft(), "{:?}", r.draft_reasons);
    let text = r.plain_text();
    assert!(!text.to_lowercase().contains("huyện"), "{text}");
    assert_eq!(r.header.upper, "");
    assert_eq!(r.header.issuer, ["ỦY BAN NHÂN DÂN", "XÃ TÂN THÀNH"]);
    assert_eq!(r.header.number, "Số:      /BC-UBND");
    assert!(r.subject.starts_with(
        "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035 trong năm 2026 trên địa bàn xã Tân Thành"
    ), "the programme's own period and the report's read apart: {}", r.subject);
    assert!(r.closing.contains("giai đoạn 2026 - 2035 trong năm 2026"));
    assert!(text.contains("Qua rà soát, xã Tân Thành tự đánh giá đạt 7/10 tiêu chí."));
    // A criterion judged whole is said plainly: its heading, then the commune's grounds.
    assert!(text.contains("1.4. Tiêu chí số 4 về Đào tạo nguồn nhân lực nông thôn: Đạt\nCăn cứ rà soát tiêu chí 4."), "{text}");
    assert!(!text.contains("chưa có các chỉ tiêu chi tiết"), "{text}");
    assert_eq!(r.signature_title, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    assert_eq!(r.copies_to, ["Lưu: VT."], "no recipients: no “Như trên”");
    // A draft's own programme wording wins.
    let mut own = d.clone();
    own.meta.programme = "Chương trình MTQG".into();
    assert!(build(&set, &own, &score(&set, &own))
        .subject
        .starts_with("Kết quả thực hiện Chương trình MTQG năm 2026"));
}

#[test]
fn a_board_issues_under_its_upper_body_with_its_own_symbol_and_signature() {
    let set = set_2026();
    let mut d = judged();
    d.meta.issuer = Issuer::Board;
    let r = build(&set, &d, &score(&set, &d));
    assert!(r
        .draft_reasons
        .iter()
        .any(|m| m.contains("Chưa nhập tên Ban")));
    d.meta.issuing_body = "Ban Chỉ đạo các chương trình mục tiêu quốc gia xã Tân Thành".into();
    let r = build(&set, &d, &score(&set, &d));
    assert!(!r.is_draft(), "{:?}", r.draft_reasons);
    assert_eq!(r.header.upper, "ỦY BAN NHÂN DÂN XÃ TÂN THÀNH");
    assert_eq!(
        r.header.issuer,
        ["BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA XÃ TÂN THÀNH"]
    );
    assert_eq!(r.header.number, "Số:      /BC-BCĐ");
    assert_eq!(r.signature_title, ["TRƯỞNG BAN"]);
    assert!(r
        .intro
        .starts_with("Ban Chỉ đạo các chương trình mục tiêu quốc gia xã Tân Thành báo cáo"));
}

#[test]
fn recipients_are_addressed_once_and_copies_start_as_above_and_end_with_the_archive() {
    let set = set_2026();
    let mut d = judged();
    d.meta.recipients =
        "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn\nVăn phòng Điều phối nông thôn mới tỉnh;"
            .into();
    d.meta.copies_to = "Lưu: VT, NTM.\nĐảng ủy xã (b/c);\nNhư trên;".into();
    let r = build(&set, &d, &score(&set, &d));
    assert_eq!(
        r.recipient_lines(),
        [
            "Kính gửi:",
            "- Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn;",
            "- Văn phòng Điều phối nông thôn mới tỉnh."
        ]
    );
    assert_eq!(
        r.copies_to,
        ["Như trên;", "Đảng ủy xã (b/c);", "Lưu: VT, NTM."]
    );
    d.meta.recipients = "Sở Nông nghiệp và Môi trường".into();
    let r = build(&set, &d, &score(&set, &d));
    assert_eq!(
        r.recipient_lines(),
        ["Kính gửi: Sở Nông nghiệp và Môi trường."]
    );
}
