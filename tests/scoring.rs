//! The example report (xã Liên Sơn, 6 tháng đầu năm 2024) scored by the rules, and properties
//! of the scoring engine.

use proptest::prelude::*;
use tieuchi::core::criteria::{CriteriaSet, Direction, Kind};
use tieuchi::core::draft::{Ack, Draft, Entry, Judgement, UserThreshold};
use tieuchi::core::num::Dec;
use tieuchi::core::scoring::{score, CriterionStatus, FindingKind, Severity, Status};
use tieuchi::core::sets;

fn lang_son() -> CriteriaSet {
    sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .expect("shipped set")
}

fn example() -> Draft {
    tieuchi::core::json::from_str(include_str!("fixtures/lien-son-2024-h1.draft.json"))
        .expect("fixture parses")
}

#[test]
fn example_indicator_statuses_follow_the_rules() {
    let set = lang_son();
    let s = score(&set, &example());
    let st = |code: &str| s.indicator(code).unwrap_or_else(|| panic!("{code}")).status;
    use Status::*;
    let expected = [
        ("1.1", Met),
        ("1.2", Met),
        ("2.1", NotAssessed),
        ("2.2", NotAssessed),
        ("2.3", NotAssessed),
        ("2.4", NotMet),
        ("3.1", Met),
        ("3.2", Met),
        ("4.1", NotMet),
        ("4.2", Met),
        ("5", NotMet),
        ("6.1", NotMet),
        ("6.2", NotMet),
        ("6.3", NotMet),
        ("7", Met),
        ("8.1", Met),
        ("8.2", Met),
        ("8.3", Met),
        ("8.4", Met),
        ("9.1", Met),
        ("9.2", Met),
        ("10", NotMet),
        ("11", NotAssessed),
        ("12.1", Met),
        ("12.2", Met),
        ("13.1", Met),
        ("13.2", NotMet),
        ("13.3", NotMet),
        ("13.4", NotApplicable),
        ("13.5", NotAssessed),
        ("14.1", Met),
        ("14.2", Met),
        ("15.1", Met),
        ("15.2", Met),
        ("15.3", Met),
        ("15.4", Met),
        ("16", Met),
        ("17.1", NotMet),
        ("17.2", NotApplicable),
        ("17.3", NotMet),
        ("17.4", Met),
        ("17.5", Met),
        ("17.6", NotMet),
        ("17.7", NotMet),
        ("17.8", NotMet),
        ("17.9", NotApplicable),
        ("17.10", NotMet),
        ("17.11", NotMet),
        ("17.12", Met),
        ("18.1", Met),
        ("18.2", Met),
        ("18.3", Met),
        ("18.4", Met),
        ("18.5", Met),
        ("18.6", Met),
        ("19.1", Met),
        ("19.2", Met),
    ];
    assert_eq!(expected.len(), set.indicators().count());
    for (code, status) in expected {
        assert_eq!(st(code), status, "indicator {code}");
    }
    // 3.1: 92 % against the report's 85 %; 12.1: exactly 70 % meets "≥ 70 %"; 15.3 is a maximum.
    assert_eq!(s.indicator("3.1").unwrap().by_figures, Some(true));
    assert_eq!(s.indicator("12.1").unwrap().by_figures, Some(true));
    assert_eq!(
        s.indicator("15.3")
            .unwrap()
            .threshold
            .applied()
            .unwrap()
            .direction,
        Direction::AtMost
    );
    assert_eq!(s.indicator("15.3").unwrap().by_figures, Some(true));
}

#[test]
fn example_as_written_counts_eleven_and_flags_each_hand_made_mistake() {
    let set = lang_son();
    let s = score(&set, &example());
    assert_eq!(s.summary_vi(), "đạt 11/19 tiêu chí");
    assert_eq!(s.met_numbers(), vec![1, 3, 7, 8, 9, 12, 14, 15, 16, 18, 19]);
    assert_eq!(s.criterion(11).unwrap().status, CriterionStatus::Incomplete);
    assert_eq!(s.criterion(13).unwrap().status, CriterionStatus::NotMet);
    let has =
        |code: &str, kind: FindingKind| s.findings.iter().any(|f| f.code == code && f.kind == kind);
    // Criterion 7: marked met while its own text says "không đạt".
    assert!(has("7", FindingKind::NoteContradictsStatus));
    // 15.2: text "chưa đạt", judged "đạt".
    assert!(has("15.2", FindingKind::NoteContradictsStatus));
    // 13.5: no assessment at all; criterion 2: no indicator-level figures.
    assert!(has("13.5", FindingKind::NotAssessed));
    for code in ["2.1", "2.2", "2.3"] {
        assert!(has(code, FindingKind::NotAssessed), "{code}");
    }
    // Income figure from 2022 in a 2024 report.
    assert!(has("10", FindingKind::StaleData));
    // 11: not assessed.
    assert!(has("11", FindingKind::NotAssessed));
    // Every finding names its indicator in its message.
    for f in &s.findings {
        assert!(f.message.contains(&f.code), "{f:?}");
    }
}

#[test]
fn honest_criterion_7_gives_ten() {
    let set = lang_son();
    let mut d = example();
    d.entries.get_mut("7").unwrap().judgement = Judgement::NotMet;
    let s = score(&set, &d);
    assert_eq!(s.summary_vi(), "đạt 10/19 tiêu chí");
    assert!(!s.findings.iter().any(|f| f.code == "7"));
}

#[test]
fn a_judgement_against_the_figures_is_an_override_that_needs_its_own_reason() {
    let set = lang_son();
    let mut d = example();
    // 4.2 at 90 % misses "≥ 95 %"; the commune marks it met anyway, with an ordinary note.
    let e = d.entries.get_mut("4.2").unwrap();
    e.value = "90".into();
    e.judgement = Judgement::Met;
    e.note = "Theo kết quả rà soát của xã.".into();
    let s = score(&set, &d);
    let i = s.indicator("4.2").unwrap();
    assert_eq!(
        i.status,
        Status::NotMet,
        "until its reason, the figures decide"
    );
    let o = i.overrides.as_ref().expect("an override");
    assert_eq!((o.figures_met, o.reason.as_deref()), (false, None));
    let f = s
        .findings
        .iter()
        .find(|f| f.code == "4.2" && f.kind == FindingKind::Override)
        .expect("the override is a finding of its own; the ordinary note is no reason");
    assert_eq!(f.severity, Severity::Error);
    assert!(!s.is_final());

    // The reason for the override itself, given for these figures and this threshold.
    let about = f.ack.clone().unwrap();
    d.entries.get_mut("4.2").unwrap().acks.push(Ack {
        kind: "override".into(),
        about,
        reason: "Số liệu tháng 6 chưa cập nhật 12 hộ mới đăng ký.".into(),
    });
    let s = score(&set, &d);
    let i = s.indicator("4.2").unwrap();
    assert_eq!(i.status, Status::Met);
    assert_eq!(
        i.overrides.as_ref().unwrap().reason.as_deref(),
        Some("Số liệu tháng 6 chưa cập nhật 12 hộ mới đăng ký.")
    );
    assert!(!s.findings.iter().any(|f| f.code == "4.2"));
    assert_eq!(i.status_text(), "Đạt (xã đánh giá; theo số liệu: chưa đạt)");

    // Another figure: the reason was not given for it, and the override is back.
    d.entries.get_mut("4.2").unwrap().value = "91".into();
    let s = score(&set, &d);
    assert_eq!(s.indicator("4.2").unwrap().status, Status::NotMet);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "4.2" && f.kind == FindingKind::Override));

    // Judged "chưa đạt" where the figures meet the threshold: an override too, either way.
    let e = d.entries.get_mut("4.2").unwrap();
    e.value = "99".into();
    e.judgement = Judgement::NotMet;
    let s = score(&set, &d);
    let i = s.indicator("4.2").unwrap();
    assert_eq!(i.status, Status::NotMet);
    assert!(i.overrides.as_ref().unwrap().figures_met);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "4.2" && f.kind == FindingKind::Override));
}

#[test]
fn impossible_figures_are_findings() {
    let set = lang_son();
    let mut d = example();
    let e = d.entries.get_mut("9.2").unwrap();
    e.numerator = "190".into();
    let s = score(&set, &d);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "9.2" && f.kind == FindingKind::PartAboveWhole));

    let e = d.entries.get_mut("9.2").unwrap();
    e.numerator = "abc".into();
    let s = score(&set, &d);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "9.2" && f.kind == FindingKind::InvalidNumber));

    d.entries.get_mut("3.1").unwrap().value = "120".into();
    d.entries.get_mut("10").unwrap().data_year = "2030".into();
    let s = score(&set, &d);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "3.1" && f.kind == FindingKind::OutOfRange));
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "10" && f.kind == FindingKind::InvalidDataYear));
}

#[test]
fn missing_threshold_asks_the_user_and_a_user_threshold_needs_its_source() {
    let set = lang_son();
    let mut d = example();
    d.entries.get_mut("9.2").unwrap().judgement = Judgement::None;
    let s = score(&set, &d);
    assert_eq!(s.indicator("9.2").unwrap().status, Status::MissingThreshold);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "9.2" && f.kind == FindingKind::MissingThreshold));

    d.user_thresholds.insert(
        "9.2".into(),
        tieuchi::core::draft::UserThreshold {
            value: "75".into(),
            source: String::new(),
        },
    );
    let s = score(&set, &d);
    assert_eq!(s.indicator("9.2").unwrap().status, Status::Met);
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "9.2" && f.kind == FindingKind::InvalidUserThreshold));
    d.user_thresholds.get_mut("9.2").unwrap().source = "QĐ 1494/QĐ-UBND".into();
    let s = score(&set, &d);
    assert!(s
        .indicator("9.2")
        .unwrap()
        .threshold
        .applied()
        .unwrap()
        .from_commune());
    assert!(!s.findings.iter().any(|f| f.code == "9.2"));
}

#[test]
fn year_thresholds_use_the_report_year_only() {
    let set = lang_son();
    let mut d = example();
    let e = d.entries.get_mut("10").unwrap();
    e.judgement = Judgement::None;
    e.data_year.clear();
    d.meta.year = 2022;
    let s = score(&set, &d);
    assert_eq!(s.indicator("10").unwrap().status, Status::NotMet);
    assert_eq!(
        s.indicator("10")
            .unwrap()
            .threshold
            .applied()
            .unwrap()
            .value,
        Dec::from_int(39)
    );
    d.meta.year = 2024;
    let s = score(&set, &d);
    assert_eq!(s.indicator("10").unwrap().status, Status::MissingThreshold);
}

#[test]
fn regions_and_disadvantaged_communes_pick_their_column() {
    let mut set = sets::shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2021-2025")
        .unwrap();
    let ind = set
        .criteria
        .iter_mut()
        .flat_map(|c| c.indicators.iter_mut())
        .find(|i| i.code == "3.1")
        .unwrap();
    ind.thresholds.push(tieuchi::core::criteria::Threshold {
        column: Some("trung-du-mien-nui-phia-bac".into()),
        year: None,
        value: Dec::from_int(70),
        source: "test".into(),
    });
    let mut d = Draft::default();
    d.meta.year = 2024;
    d.entries.insert(
        "3.1".into(),
        Entry {
            value: "75".into(),
            ..Entry::default()
        },
    );
    d.meta.column = "dong-bang-song-hong".into();
    assert_eq!(
        score(&set, &d).indicator("3.1").unwrap().status,
        Status::NotMet,
        "general column: ≥ 80"
    );
    d.meta.column = "trung-du-mien-nui-phia-bac".into();
    assert_eq!(
        score(&set, &d).indicator("3.1").unwrap().status,
        Status::Met,
        "own column: ≥ 70"
    );
    d.meta.column = "dong-bang-song-hong".into();
    d.meta.rule_column = true;
    assert_eq!(
        score(&set, &d).indicator("3.1").unwrap().status,
        Status::Met,
        "disadvantaged: mountain column"
    );
}

#[test]
fn not_applicable_only_where_the_set_allows_it_and_with_a_reason() {
    let set = lang_son();
    let mut d = example();
    d.entries.get_mut("13.4").unwrap().note.clear();
    d.entries.insert(
        "13.5".into(),
        Entry {
            judgement: Judgement::NotApplicable,
            note: "x".into(),
            ..Entry::default()
        },
    );
    let s = score(&set, &d);
    assert!(s.findings.iter().any(|f| f.code == "13.4"
        && f.kind == FindingKind::MissingReason
        && f.severity == Severity::Error));
    assert!(s
        .findings
        .iter()
        .any(|f| f.code == "13.5" && f.kind == FindingKind::NotApplicableNotAllowed));
    assert_eq!(s.indicator("13.5").unwrap().status, Status::NotAssessed);
}

// ---------------------------------------------------------------------------------------------
// Properties

fn arb_entry() -> impl Strategy<Value = Entry> {
    let judgement = prop_oneof![
        Just(Judgement::None),
        Just(Judgement::Met),
        Just(Judgement::NotMet),
        Just(Judgement::NotApplicable)
    ];
    let num = prop_oneof![
        Just(String::new()),
        (0u32..400).prop_map(|v| v.to_string()),
        Just("abc".to_string()),
        (0u32..10000).prop_map(|v| format!("{},{}", v / 100, v % 100))
    ];
    let note = prop_oneof![
        Just(String::new()),
        Just("Đã rà soát.".to_string()),
        Just("Chỉ tiêu này chưa đạt.".to_string())
    ];
    let year = prop_oneof![
        Just(String::new()),
        Just("2022".to_string()),
        Just("2024".to_string())
    ];
    (judgement, num.clone(), num.clone(), num, year, note).prop_map(
        |(judgement, numerator, denominator, value, data_year, note)| Entry {
            judgement,
            numerator,
            denominator,
            value,
            data_year,
            note,
            ..Entry::default()
        },
    )
}

fn arb_draft() -> impl Strategy<Value = Draft> {
    let codes: Vec<String> = lang_son()
        .indicators()
        .map(|(_, i)| i.code.clone())
        .collect();
    proptest::collection::vec(arb_entry(), codes.len()).prop_map(move |entries| {
        let mut d = Draft::default();
        d.meta.year = 2024;
        for (code, e) in codes.iter().zip(entries) {
            d.entries.insert(code.clone(), e);
        }
        d
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn criterion_met_iff_all_indicators_met(d in arb_draft()) {
        let set = lang_son();
        let s = score(&set, &d);
        for c in &set.criteria {
            let all = s.indicators.iter().filter(|i| i.criterion == c.number).all(|i| i.status.counts_as_met());
            prop_assert_eq!(s.criterion(c.number).unwrap().status == CriterionStatus::Met, all);
        }
    }

    /// A criterion that is not met says why: "chưa đạt" only with an indicator not met;
    /// "chưa đánh giá đủ" only with none not met and one not yet assessable.
    #[test]
    fn an_unmet_criterion_is_explained_by_its_indicators(d in arb_draft()) {
        let set = lang_son();
        let s = score(&set, &d);
        for c in &s.criteria {
            let statuses: Vec<Status> = s.indicators.iter().filter(|i| i.criterion == c.number).map(|i| i.status).collect();
            match c.status {
                CriterionStatus::NotMet => prop_assert!(statuses.contains(&Status::NotMet)),
                CriterionStatus::Incomplete => {
                    prop_assert!(!statuses.contains(&Status::NotMet));
                    prop_assert!(statuses.iter().any(|st| matches!(st, Status::NotAssessed | Status::MissingThreshold)));
                }
                CriterionStatus::Met => {}
            }
        }
    }

    /// A percentage from two counts against an "at least" threshold, decided exactly: the
    /// oracle is integer arithmetic (part × 100 ≥ threshold × whole), not the code's decimals.
    #[test]
    fn a_share_meets_an_at_least_threshold_exactly_when_integer_arithmetic_says_so(
        whole in 1u64..5000, part_permille in 0u64..=1000, threshold in 0u64..=100,
    ) {
        let set = lang_son();
        let part = whole * part_permille / 1000;
        let mut d = Draft::default();
        d.meta.year = 2024;
        d.entries.insert("9.2".into(), Entry { numerator: part.to_string(), denominator: whole.to_string(), ..Entry::default() });
        d.user_thresholds.insert("9.2".into(), UserThreshold { value: threshold.to_string(), source: "QĐ thử".into() });
        let status = score(&set, &d).indicator("9.2").unwrap().status;
        let met = part * 100 >= threshold * whole;
        prop_assert_eq!(status, if met { Status::Met } else { Status::NotMet }, "{}/{} against {}", part, whole, threshold);
    }

    /// Each row's score and findings found in one pass are those a search per row finds, for
    /// a whole draft's scores and for scores filtered and out of order (as a part's).
    #[test]
    fn scores_by_indicator_are_those_found_by_code(d in arb_draft(), keep in 0usize..5) {
        let set = lang_son();
        let whole = score(&set, &d);
        let mut part = whole.clone();
        part.indicators.retain(|s| s.code.len() % 5 != keep);
        part.indicators.reverse();
        part.findings.reverse();
        for s in [&whole, &part] {
            let rows = s.by_indicator(&set);
            prop_assert_eq!(rows.len(), set.indicators().count());
            for ((_, ind), row) in set.indicators().zip(&rows) {
                prop_assert_eq!(row.score, s.indicator(&ind.code));
                let mut searched: Vec<_> = s.findings.iter().filter(|f| f.code == ind.code).collect();
                let mut found = row.findings.clone();
                if !std::ptr::eq(s, &whole) {
                    searched.sort_by_key(|f| f.message.clone());
                    found.sort_by_key(|f| f.message.clone());
                }
                prop_assert_eq!(found, searched, "{}", ind.code);
            }
        }
    }

    #[test]
    fn raising_an_at_least_threshold_never_turns_unmet_into_met(d in arb_draft(), raise in 0u32..50) {
        let set = lang_son();
        let before = score(&set, &d);
        let mut higher = set.clone();
        for ind in higher.criteria.iter_mut().flat_map(|c| c.indicators.iter_mut()) {
            if ind.direction == Some(Direction::AtLeast) {
                for t in ind.thresholds.iter_mut() {
                    let cap = if matches!(ind.kind, Kind::Percent { .. }) { Dec::HUNDRED } else { Dec::from_int(1_000_000) };
                    t.value = (Dec::from_int(t.value.raw() as i64 / 1_000_000 + raise as i64)).min(cap);
                }
            }
        }
        let after = score(&higher, &d);
        for (b, a) in before.indicators.iter().zip(&after.indicators) {
            if b.status == Status::NotMet {
                prop_assert_ne!(a.status, Status::Met, "{}", b.code);
            }
        }
    }
}

#[test]
fn a_count_in_the_narrative_that_is_not_the_score_is_a_finding() {
    let set = lang_son();
    let mut d = example();
    // The example's Part two: "phấn đấu giữ vững 11/11 tiêu chí" — 11 met of 11 met is fine …
    d.narrative.tasks = "Phấn đấu giữ vững 11/11 tiêu chí đã đạt được.".into();
    assert!(!score(&set, &d)
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::CountMismatch));
    // … but once the honest count is 10, it matches nothing.
    d.entries.get_mut("7").unwrap().judgement = Judgement::NotMet;
    let s = score(&set, &d);
    let f = s
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::CountMismatch)
        .expect("finding");
    assert_eq!(f.part, Some(tieuchi::core::draft::NarrativePart::Tasks));
    assert!(
        f.message.contains("11/11") && f.message.contains("đạt 10/19"),
        "{}",
        f.message
    );
    d.narrative.tasks = "Xã đạt 10/19 tiêu chí; giữ vững 10/10 tiêu chí.".into();
    assert!(!score(&set, &d)
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::CountMismatch));
}

#[test]
fn a_criterion_note_saying_not_met_blocks_until_acknowledged_for_that_text_only() {
    let set = lang_son();
    let mut d = example();
    // Criterion 1 is met; its general note says otherwise (composed differently on purpose).
    let note = "Quy hoạch CHƯA ĐẠT yêu cầu về công bố.".to_string();
    d.criterion_notes.insert(1, note.clone());
    let blocker = |d: &Draft| {
        score(&set, d)
            .findings
            .into_iter()
            .find(|f| f.kind == FindingKind::CriterionNoteContradicts)
    };
    let f = blocker(&d).expect("the contradiction is found");
    assert_eq!((f.severity, f.criterion), (Severity::Error, 1));
    assert_eq!(f.ack.as_deref(), Some(note.as_str()));
    // Acknowledged for this text: no longer a finding, printed with its reason.
    d.entries.entry("1".into()).or_default().acks.push(Ack {
        kind: FindingKind::CriterionNoteContradicts.key().into(),
        about: note.clone(),
        reason: "Đã công bố sau ngày rà soát".into(),
    });
    assert!(blocker(&d).is_none());
    let s = score(&set, &d);
    assert_eq!(s.criterion(1).unwrap().acknowledged.len(), 1);
    // Another text: the acknowledgement no longer applies.
    d.criterion_notes.insert(1, "Quy hoạch không đạt.".into());
    assert!(blocker(&d).is_some());
}

#[test]
fn a_reading_is_written_differently_from_any_typing() {
    let read = |typed: &str| Dec::parse_vn(typed).unwrap().reading_vi();
    assert_eq!(
        read("38.999"),
        "38\u{a0}999",
        "a dot before three digits groups thousands"
    );
    assert_eq!(read("38,999"), "38 phẩy 999");
    assert_eq!(read("1.234,5"), "1\u{a0}234 phẩy 5");
    assert_eq!(read("12.5"), "12 phẩy 5");
    assert_eq!(read("15.125"), "15\u{a0}125");
    assert_eq!(read("0,08"), "0 phẩy 08");
    for typed in ["38.999", "38,999", "1.234,5", "12.5", "15,125"] {
        assert_ne!(read(typed), typed, "{typed}");
    }
}

#[test]
fn a_number_read_two_ways_never_passes_silently() {
    let set = lang_son();
    let income = |typed: &str| {
        let mut d = Draft::default();
        d.meta.year = 2022;
        d.entries.insert(
            "10".into(),
            Entry {
                value: typed.into(),
                ..Entry::default()
            },
        );
        score(&set, &d)
    };
    // "38.999" is read as 38 999 (Vietnamese thousands): against "≥ 39" that is not a pass
    // but a misreading, named with the reading and not scored.
    let s = income("38.999");
    assert_ne!(s.indicator("10").unwrap().status, Status::Met);
    let f = s
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::OutOfRange)
        .expect("flagged");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("38\u{a0}999"), "{}", f.message);
    // With the decimal comma it is 38,999 < 39: not met, and nothing odd.
    let s = income("38,999");
    assert_eq!(s.indicator("10").unwrap().status, Status::NotMet);
    assert!(s.findings.iter().all(|f| f.kind != FindingKind::OutOfRange));
    // A percent sign on an amount is refused.
    let s = income("12%");
    let f = s
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::InvalidNumber)
        .expect("refused");
    assert!(f.message.contains("có dấu %"), "{}", f.message);
    assert_eq!(s.indicator("10").unwrap().status, Status::NotAssessed);
}
