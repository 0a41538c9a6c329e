//! The assessed view: one source for every output. An override is a finding of its own; a
//! threshold says where it came from; a set answering by column asks for the column; the next
//! period never passes last period's figures off as this one's; and no output (the sentence,
//! the annex, the roll-up, the workbook) says more than the figures.

use proptest::prelude::*;
use std::io::Read;
use tieuchi::core::criteria::{Column, Columns, CriteriaSet, Direction, OpenThreshold, Threshold};
use tieuchi::core::draft::{Ack, Draft, Entry, Judgement, PeriodKind, UserThreshold};
use tieuchi::core::edit::{apply, year_problem, Edit, Stamp};

fn stamp() -> Stamp {
    Stamp::compiler("2024-06-26T09:00:00Z")
}
use tieuchi::core::num::Dec;
use tieuchi::core::report::build;
use tieuchi::core::rollup::{read_files, xlsx, Input};
use tieuchi::core::scoring::{score, FindingKind, Status, ThresholdView};
use tieuchi::core::sets;
use tieuchi::core::store::Envelope;

fn lang_son() -> CriteriaSet {
    sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .unwrap()
}

fn honest() -> Draft {
    tieuchi::core::json::from_str(include_str!("fixtures/lien-son-2024-h1.honest.draft.json"))
        .unwrap()
}

/// The Lạng Sơn set with thresholds of 3.1 given per commune group, as the 2026–2030 sets are.
fn by_group() -> CriteriaSet {
    let mut set = lang_son();
    set.columns = Columns {
        label: "Nhóm xã".into(),
        items: (1..=3)
            .map(|n| Column {
                id: format!("nhom-{n}"),
                name: format!("Xã nhóm {n}"),
                definition: String::new(),
            })
            .collect(),
    };
    let ind = indicator_mut(&mut set, "3.1");
    ind.thresholds = vec![threshold(Some("nhom-1"), 90), threshold(Some("nhom-2"), 80)];
    ind.not_applicable_in = vec!["nhom-3".into()];
    set
}

fn threshold(column: Option<&str>, value: i64) -> Threshold {
    Threshold {
        column: column.map(str::to_string),
        year: None,
        value: Dec::from_int(value),
        source: "QĐ thử nghiệm".into(),
    }
}

fn indicator_mut<'a>(
    set: &'a mut CriteriaSet,
    code: &str,
) -> &'a mut tieuchi::core::criteria::Indicator {
    set.criteria
        .iter_mut()
        .flat_map(|c| c.indicators.iter_mut())
        .find(|i| i.code == code)
        .unwrap()
}

#[test]
fn the_honest_entry_with_80_percent_judged_met_is_a_draft_naming_the_override_until_its_reason() {
    let set = lang_son();
    let mut d = honest();
    let e = d.entries.get_mut("3.1").unwrap();
    e.value = "80".into();
    e.judgement = Judgement::Met;
    e.note = "Theo kết quả rà soát của xã.".into();
    let s = score(&set, &d);
    let r = build(&set, &d, &s);
    assert!(r.is_draft());
    assert!(
        r.draft_reasons.iter().any(|m| m
            .starts_with("Chỉ tiêu 3.1: theo số liệu chưa đạt (≥ 85%), nhưng xã đánh giá đạt.")),
        "{:#?}",
        r.draft_reasons
    );
    let text = r.plain_text();
    assert!(
        !text.contains("đạt 80%"),
        "no verb claims more than the figures"
    );
    let about = s
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Override)
        .and_then(|f| f.ack.clone())
        .unwrap();
    d.entries.get_mut("3.1").unwrap().acks.push(Ack {
        kind: FindingKind::Override.key().into(),
        about,
        reason: "Diện tích 20 ha mới cải tạo đã có nước tưới từ tháng 6".into(),
    });
    let s = score(&set, &d);
    let r = build(&set, &d, &s);
    assert!(!r.is_draft(), "{:#?}", r.draft_reasons);
    let text = r.plain_text();
    assert!(text.contains("1.3.1. Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động: 80% (chỉ tiêu: ≥ 85%, theo báo cáo mẫu (Liên Sơn, 6 tháng đầu năm 2024) — cần đối chiếu QĐ 1494/QĐ-UBND). Theo số liệu chưa đạt; xã đánh giá đạt vì: Diện tích 20 ha mới cải tạo đã có nước tưới từ tháng 6."), "{text}");
    let row = r.annex.iter().find(|r| r.code == "3.1").unwrap();
    assert_eq!(row.status, "Đạt (xã đánh giá; theo số liệu: chưa đạt)");
    // The reason was given for this threshold: another one (a new version of the set, another
    // column) brings the override back.
    let mut set2 = set.clone();
    indicator_mut(&mut set2, "3.1").thresholds[0].value = Dec::from_int(86);
    assert!(build(&set2, &d, &score(&set2, &d)).is_draft());
}

#[test]
fn a_threshold_says_where_it_came_from() {
    let set = lang_son();
    let mut d = honest();
    d.user_thresholds.insert(
        "9.2".into(),
        UserThreshold {
            value: "75".into(),
            source: "Công văn 12/UBND tỉnh".into(),
        },
    );
    let s = score(&set, &d);
    let t = s.indicator("9.2").unwrap().threshold.applied().unwrap();
    assert!(t.from_commune());
    let r = build(&set, &d, &s);
    let row = r.annex.iter().find(|r| r.code == "9.2").unwrap();
    assert_eq!(
        row.threshold,
        "≥ 75% (do xã tự nhập theo Công văn 12/UBND tỉnh)"
    );
    assert!(r.plain_text().contains(
        "146/185 hộ, đạt 78,91% (chỉ tiêu: ≥ 75%, do xã tự nhập theo Công văn 12/UBND tỉnh)"
    ));
    let row = r.annex.iter().find(|r| r.code == "4.2").unwrap();
    assert!(
        row.threshold.starts_with("≥ 95% (theo báo cáo mẫu"),
        "{}",
        row.threshold
    );
}

#[test]
fn with_no_group_chosen_each_group_threshold_shows_and_a_finding_asks_for_the_group() {
    let set = by_group();
    let mut d = honest();
    d.meta.column.clear();
    let s = score(&set, &d);
    let f = s
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::NoColumnChosen)
        .expect("the report asks for the group");
    assert!(f.message.starts_with("Chưa chọn Nhóm xã"), "{}", f.message);
    let i = s.indicator("3.1").unwrap();
    let ThresholdView::ByColumn(cols) = &i.threshold else {
        panic!("{:?}", i.threshold)
    };
    assert_eq!(cols.len(), 3);
    assert_eq!(cols[2].note, "không áp dụng");
    assert!(!i.threshold.commune_may_enter(), "no own threshold invited");
    assert!(!s
        .findings
        .iter()
        .any(|f| f.code == "3.1" && f.kind == FindingKind::MissingThreshold));
    assert!(build(&set, &d, &s).is_draft());

    // Choosing the group applies its threshold: 92 % meets group 2's 80 %, misses group 1's 90 %…
    d.meta.column = "nhom-2".into();
    d.entries.get_mut("3.1").unwrap().value = "85".into();
    let s = score(&set, &d);
    assert_eq!(s.indicator("3.1").unwrap().status, Status::Met);
    assert!(!s
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::NoColumnChosen));
    d.meta.column = "nhom-1".into();
    assert_eq!(
        score(&set, &d).indicator("3.1").unwrap().status,
        Status::NotMet
    );
    // …and group 3 communes do not assess it at all.
    d.meta.column = "nhom-3".into();
    let s = score(&set, &d);
    assert_eq!(s.indicator("3.1").unwrap().status, Status::NotApplicable);
    let r = build(&set, &d, &s);
    assert!(r
        .plain_text()
        .contains("Chỉ tiêu không áp dụng đối với Xã nhóm 3."));
}

#[test]
fn a_threshold_the_decision_leaves_open_shows_its_words() {
    let mut set = by_group();
    indicator_mut(&mut set, "3.1").open_thresholds = vec![OpenThreshold {
        column: None,
        note: "Theo quy định của UBND tỉnh".into(),
        source: "QĐ thử nghiệm".into(),
    }];
    indicator_mut(&mut set, "3.1").thresholds.clear();
    indicator_mut(&mut set, "3.1").not_applicable_in.clear();
    let mut d = honest();
    d.meta.column = "nhom-2".into();
    let s = score(&set, &d);
    let i = s.indicator("3.1").unwrap();
    assert!(
        matches!(&i.threshold, ThresholdView::Open { note, .. } if note == "Theo quy định của UBND tỉnh")
    );
    assert!(i.threshold.commune_may_enter());
    let f = s.findings.iter().find(|f| f.code == "3.1").unwrap();
    assert!(
        f.message
            .contains("Bộ tiêu chí ghi: “Theo quy định của UBND tỉnh”"),
        "{}",
        f.message
    );
    let r = build(&set, &d, &s);
    assert!(r
        .plain_text()
        .contains("(chỉ tiêu: Theo quy định của UBND tỉnh, chưa có số cụ thể)"));
}

#[test]
fn the_next_period_keeps_the_past_as_the_past_until_entered_anew_or_kept_with_a_reason() {
    let set = lang_son();
    let d = honest();
    assert!(!build(&set, &d, &score(&set, &d)).is_draft());
    let mut next = d.next_period("next".into());
    assert_eq!(
        (next.meta.period, next.meta.year),
        (PeriodKind::FullYear, 2024)
    );
    assert!(
        next.entries.is_empty(),
        "no figure passes for this period's"
    );
    let previous = next.previous.as_ref().unwrap();
    assert_eq!(previous.period, "6 tháng đầu năm 2024");
    assert_eq!(previous.entries["9.2"].numerator, "146");
    assert!(previous.entries.values().all(|e| e.acks.is_empty()));
    let s = score(&set, &next);
    assert!(build(&set, &next, &s).is_draft());
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "13.5" && f.kind == FindingKind::NotAssessed));

    // Kept as it was: a finding of its own, until entered anew or kept with a reason.
    apply(
        &mut next,
        Edit::KeepPrevious("9.2".into()),
        &set,
        &s,
        &stamp(),
    );
    assert_eq!(next.entries["9.2"].kept_from, "6 tháng đầu năm 2024");
    let s = score(&set, &next);
    let f = s
        .findings
        .iter()
        .find(|f| f.code == "9.2" && f.kind == FindingKind::CarriedOver)
        .expect("kept from the previous period");
    let about = f.ack.clone().unwrap();
    let mut kept = next.clone();
    kept.entries.get_mut("9.2").unwrap().acks.push(Ack {
        kind: "carried_over".into(),
        about,
        reason: "Không có hộ xây mới trong 6 tháng cuối năm".into(),
    });
    assert!(!score(&set, &kept)
        .findings
        .iter()
        .any(|f| f.code == "9.2" && f.kind == FindingKind::CarriedOver));
    // Entering the figure anew makes it this period's.
    apply(
        &mut next,
        Edit::Numerator("9.2".into(), "150".into()),
        &set,
        &s,
        &stamp(),
    );
    assert_eq!(next.entries["9.2"].kept_from, "");
    assert!(!score(&set, &next)
        .findings
        .iter()
        .any(|f| f.code == "9.2" && f.kind == FindingKind::CarriedOver));
}

#[test]
fn the_next_period_of_a_custom_period_moves_its_label_with_its_year() {
    let mut d = honest();
    d.meta.period = PeriodKind::Custom;
    d.meta.period_label = "9 tháng đầu năm 2024".into();
    let next = d.next_period("n".into());
    assert_eq!(next.meta.year, 2025);
    assert_eq!(next.meta.period_text(), "9 tháng đầu năm 2025");
}

#[test]
fn the_apps_own_limitation_sentence_agrees_with_the_count() {
    let set = lang_son();
    let mut d = honest();
    let s = score(&set, &d);
    apply(
        &mut d,
        Edit::AcceptSuggestion(tieuchi::core::draft::NarrativePart::Limitations),
        &set,
        &s,
        &stamp(),
    );
    assert!(d
        .narrative
        .limitations
        .contains("Còn 9/19 tiêu chí chưa đạt"));
    let s = score(&set, &d);
    assert!(!s
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::CountMismatch));
    d.narrative.limitations = "Còn 8/19 tiêu chí chưa đạt.".into();
    assert!(score(&set, &d)
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::CountMismatch));
}

#[test]
fn a_year_the_draft_cannot_hold_says_why() {
    assert_eq!(year_problem("2024"), None);
    assert!(year_problem("2024023").unwrap().contains("2000 đến 2100"));
    assert!(year_problem("hai").unwrap().contains("chữ số"));
    assert!(year_problem("").is_some());
    let set = lang_son();
    let mut d = honest();
    let s = score(&set, &d);
    apply(
        &mut d,
        Edit::Meta(tieuchi::core::edit::MetaField::Year, "2024023".into()),
        &set,
        &s,
        &stamp(),
    );
    assert_eq!(d.meta.year, 2024);
}

#[test]
fn last_years_figure_of_a_yearly_indicator_is_the_latest_in_a_mid_year_report() {
    let set = lang_son();
    let mut d = honest();
    let e = d.entries.get_mut("10").unwrap();
    e.data_year = "2023".into();
    e.acks.clear();
    let s = score(&set, &d);
    assert!(
        !s.findings.iter().any(|f| f.code == "10"),
        "{:?}",
        s.findings
    );
    d.meta.period = PeriodKind::FullYear;
    assert!(score(&set, &d)
        .findings
        .iter()
        .any(|f| f.code == "10" && f.kind == FindingKind::StaleData));
}

#[test]
fn the_report_header_and_signature_are_part_of_the_one_list() {
    let set = lang_son();
    let mut d = honest();
    d.meta.signatory_name.clear();
    d.meta.date = None;
    let s = score(&set, &d);
    let kinds: Vec<FindingKind> = s.blocking().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [FindingKind::MissingDate, FindingKind::MissingSignatory]
    );
    let r = build(&set, &d, &s);
    assert_eq!(
        r.draft_reasons,
        s.blocking().map(|f| f.message.clone()).collect::<Vec<_>>()
    );
}

// ---------------------------------------------------------------------------------------------
// No output says more than the figures.

#[derive(Clone, Debug)]
struct Case {
    part: u64,
    whole: u64,
    /// The threshold in hundredths of a percent.
    limit: u64,
    at_most: bool,
    from_commune: bool,
    typed_percent: bool,
    judgement: Judgement,
    with_reason: bool,
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        1u64..5000,
        0u64..=1000,
        0u64..=10_000,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            Just(Judgement::None),
            Just(Judgement::Met),
            Just(Judgement::NotMet)
        ],
        any::<bool>(),
    )
        .prop_map(
            |(
                whole,
                permille,
                limit,
                at_most,
                from_commune,
                typed_percent,
                judgement,
                with_reason,
            )| {
                Case {
                    part: whole * permille / 1000,
                    whole,
                    limit,
                    at_most,
                    from_commune,
                    typed_percent,
                    judgement,
                    with_reason,
                }
            },
        )
}

fn hundredths(h: u64) -> String {
    format!("{},{:02}", h / 100, h % 100)
}

/// The Liên Sơn draft with 9.2 set as the case says.
fn case_draft(c: &Case) -> (CriteriaSet, Draft) {
    let mut set = lang_son();
    let ind = indicator_mut(&mut set, "9.2");
    ind.direction = Some(if c.at_most {
        Direction::AtMost
    } else {
        Direction::AtLeast
    });
    ind.thresholds.clear();
    let mut d = honest();
    if c.from_commune {
        d.user_thresholds.insert(
            "9.2".into(),
            UserThreshold {
                value: hundredths(c.limit),
                source: "Công văn thử".into(),
            },
        );
    } else {
        ind.thresholds.push(Threshold {
            column: None,
            year: None,
            value: Dec::parse_vn(&hundredths(c.limit)).unwrap(),
            source: "QĐ thử".into(),
        });
    }
    let mut e = Entry {
        judgement: c.judgement,
        ..Entry::default()
    };
    if c.typed_percent {
        e.value = hundredths(c.part * 10_000 / c.whole);
    } else {
        e.numerator = c.part.to_string();
        e.denominator = c.whole.to_string();
    }
    d.entries.insert("9.2".into(), e);
    if c.with_reason {
        let s = score(&set, &d);
        if let Some(about) = s
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::Override)
            .and_then(|f| f.ack.clone())
        {
            d.entries.get_mut("9.2").unwrap().acks.push(Ack {
                kind: "override".into(),
                about,
                reason: "Lý do thử".into(),
            });
        }
    }
    (set, d)
}

/// What the figures say, computed here independently: exact integers, no rounding.
fn figures_meet(c: &Case) -> bool {
    let (lhs, rhs) = if c.typed_percent {
        // The typed percentage, in hundredths, against the threshold in hundredths.
        (c.part * 10_000 / c.whole, c.limit)
    } else {
        // part / whole × 100 % against limit / 100 %: part × 10 000 against limit × whole.
        (c.part * 10_000, c.limit * c.whole)
    };
    if c.at_most {
        lhs <= rhs
    } else {
        lhs >= rhs
    }
}

fn sheet_cells(book: &[u8], sheet: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut f = zip.by_name(sheet).unwrap();
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn no_output_contradicts_the_comparison_unless_an_override_and_its_reason_are_beside_it(c in arb_case()) {
        let (set, d) = case_draft(&c);
        let s = score(&set, &d);
        let i = s.indicator("9.2").unwrap();
        let meets = figures_meet(&c);
        prop_assert_eq!(i.by_figures, Some(meets));
        let judged = match c.judgement {
            Judgement::Met => Some(true),
            Judgement::NotMet => Some(false),
            _ => None,
        };
        let overridden = judged.is_some_and(|j| j != meets);
        prop_assert_eq!(i.overrides.is_some(), overridden);
        let reasoned = overridden && c.with_reason;
        // The status: the figures', or the commune's once its override has a reason.
        let expect_met = if reasoned { !meets } else if overridden { false } else { meets };
        prop_assert_eq!(i.status == Status::Met, expect_met);

        let r = build(&set, &d, &s);
        let sentence = r.plain_text().lines().find(|l| l.starts_with("1.9.2.")).unwrap().to_string();
        // The verb "đạt" before the figure only where the figures meet a minimum.
        let claims = sentence.contains(", đạt ") || sentence.contains(": đạt ");
        prop_assert!(!claims || (meets && !c.at_most), "{}", sentence);
        if reasoned {
            prop_assert!(sentence.contains("Theo số liệu ") && sentence.contains("vì: Lý do thử"), "{}", sentence);
        } else {
            prop_assert!(sentence.contains(&format!("Đánh giá: {}.", i.status.label_vi())), "{}", sentence);
        }
        let beside = "(xã đánh giá; theo số liệu: ";
        let annex = r.annex.iter().find(|r| r.code == "9.2").unwrap().status.clone();
        prop_assert_eq!(annex.starts_with("Đạt"), expect_met);
        prop_assert_eq!(annex.contains(beside), reasoned, "{}", annex);
        if reasoned {
            prop_assert!(annex.ends_with(if meets { "đạt)" } else { "chưa đạt)" }), "{}", annex);
        }

        let env = Envelope::new(d.clone(), set.clone(), "2024-06-26T09:00:00Z".into());
        let rollup = read_files(&[Input { name: "x.json".into(), bytes: env.to_json().into_bytes() }]);
        let row = rollup.groups[0].rows[0].indicators.iter().find(|r| r.code == "9.2").unwrap().clone();
        prop_assert_eq!(&row.status_text, &annex);
        let long = sheet_cells(&xlsx(&rollup, None), "xl/worksheets/sheet4.xml");
        let cell = format!("<t xml:space=\"preserve\">{}</t>", annex);
        prop_assert!(long.contains(&cell) || long.contains(&format!("<t>{annex}</t>")), "xlsx lacks {}", annex);
    }
}
