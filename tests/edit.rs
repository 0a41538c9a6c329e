//! Editing a draft (`core::edit`): each edit changes exactly its field, blank entries vanish,
//! suggestions append, and a new draft starts on the right set and year.

use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::draft::{Draft, Issuer, Judgement, NarrativePart, PeriodKind};
use tieuchi::core::edit::{apply, new_draft, set_for_year, Edit, MetaField, Stamp, COMPILER};
use tieuchi::core::scoring::score;
use tieuchi::core::sets;
use tieuchi::core::vn::Date;

fn set(id: &str) -> CriteriaSet {
    sets::shipped().into_iter().find(|s| s.id == id).unwrap()
}

fn edited(d: &Draft, set: &CriteriaSet, edit: Edit) -> Draft {
    stamped(d, set, edit, &Stamp::compiler("2026-11-30T09:00:00.000Z"))
}

fn stamped(d: &Draft, set: &CriteriaSet, edit: Edit, stamp: &Stamp) -> Draft {
    let mut d = d.clone();
    let scores = score(set, &d);
    apply(&mut d, edit, set, &scores, stamp);
    d
}

#[test]
fn each_edit_changes_its_own_field_only() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, Date::new(2024, 6, 26));
    type Holds = fn(&Draft) -> bool;
    // Puts back, from the original, the one field the edit is about.
    type Restore = fn(&mut Draft, &Draft);
    let cases: Vec<(Edit, Holds, Restore)> = vec![
        (
            Edit::Meta(MetaField::Commune, "Liên Sơn".into()),
            |d| d.meta.commune == "Liên Sơn",
            |a, o| a.meta.commune.clone_from(&o.meta.commune),
        ),
        (
            Edit::Meta(MetaField::Column, "nhom-3".into()),
            |d| d.meta.column == "nhom-3",
            |a, o| a.meta.column.clone_from(&o.meta.column),
        ),
        (
            Edit::Meta(MetaField::Programme, "CT".into()),
            |d| d.meta.programme == "CT",
            |a, o| a.meta.programme.clone_from(&o.meta.programme),
        ),
        (
            Edit::Meta(MetaField::Year, "2025".into()),
            |d| d.meta.year == 2025,
            |a, o| a.meta.year = o.meta.year,
        ),
        (
            Edit::Meta(MetaField::Date, "2024-07-01".into()),
            |d| d.meta.date == Date::new(2024, 7, 1),
            |a, o| a.meta.date = o.meta.date,
        ),
        (
            Edit::RuleColumn(true),
            |d| d.meta.rule_column,
            |a, o| a.meta.rule_column = o.meta.rule_column,
        ),
        (
            Edit::Issuer(Issuer::Board),
            |d| d.meta.issuer == Issuer::Board,
            |a, o| a.meta.issuer = o.meta.issuer,
        ),
        (
            Edit::Period(PeriodKind::FullYear),
            |d| d.meta.period == PeriodKind::FullYear,
            |a, o| a.meta.period = o.meta.period,
        ),
        (
            Edit::Judgement("7".into(), Judgement::NotMet),
            |d| d.entries["7"].judgement == Judgement::NotMet,
            |a, _| _ = a.entries.remove("7"),
        ),
        (
            Edit::Numerator("9.2".into(), "146".into()),
            |d| d.entries["9.2"].numerator == "146",
            |a, _| _ = a.entries.remove("9.2"),
        ),
        (
            Edit::Denominator("9.2".into(), "185".into()),
            |d| d.entries["9.2"].denominator == "185",
            |a, _| _ = a.entries.remove("9.2"),
        ),
        (
            Edit::Value("10".into(), "28".into()),
            |d| d.entries["10"].value == "28",
            |a, _| _ = a.entries.remove("10"),
        ),
        (
            Edit::DataYear("10".into(), "2022".into()),
            |d| d.entries["10"].data_year == "2022",
            |a, _| _ = a.entries.remove("10"),
        ),
        (
            Edit::Note("7".into(), "không đạt".into()),
            |d| d.entries["7"].note == "không đạt",
            |a, _| _ = a.entries.remove("7"),
        ),
        (
            Edit::CriterionNote(2, "200 m".into()),
            |d| d.criterion_notes[&2] == "200 m",
            |a, _| _ = a.criterion_notes.remove(&2),
        ),
        (
            Edit::ThresholdValue("2.1".into(), "70".into()),
            |d| d.user_thresholds["2.1"].value == "70",
            |a, _| _ = a.user_thresholds.remove("2.1"),
        ),
        (
            Edit::ThresholdSource("2.1".into(), "QĐ".into()),
            |d| d.user_thresholds["2.1"].source == "QĐ",
            |a, _| _ = a.user_thresholds.remove("2.1"),
        ),
        (
            Edit::Narrative(NarrativePart::Goals, "x".into()),
            |d| d.narrative.goals == "x",
            |a, o| a.narrative.goals.clone_from(&o.narrative.goals),
        ),
    ];
    for (edit, holds, restore) in cases {
        let what = format!("{edit:?}");
        let mut after = edited(&d, &s, edit);
        assert!(holds(&after), "{what}");
        assert_ne!(after, d, "{what} changed something");
        // With its own field put back, nothing else differs.
        restore(&mut after, &d);
        assert_eq!(after, d, "{what} changed another field");
    }
}

#[test]
fn an_entry_changed_records_who_and_when_and_an_unchanged_one_keeps_its_own() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, None);
    let first = Stamp::compiler("2026-11-30T09:00:00.000Z");
    let d = stamped(&d, &s, Edit::Value("10".into(), "28".into()), &first);
    assert_eq!(
        (d.entries["10"].by.as_str(), d.entries["10"].at.as_str()),
        (COMPILER, "2026-11-30T09:00:00.000Z")
    );
    let other = Stamp {
        by: "Công chức Văn hóa - Xã hội".into(),
        at: "2026-12-01T02:00:00.000Z".into(),
    };
    // The same value typed again is no change: the entry keeps who typed it first.
    let same = stamped(&d, &s, Edit::Value("10".into(), "28".into()), &other);
    assert_eq!(same, d);
    // Any change of its content, a note or an acknowledgement included, is recorded.
    for edit in [
        Edit::Value("10".into(), "29".into()),
        Edit::Note("10".into(), "Theo báo cáo của thôn".into()),
        Edit::DataYear("10".into(), "2023".into()),
        Edit::Acknowledge {
            code: "10".into(),
            kind: "stale_data".into(),
            about: "2023".into(),
            reason: "Số liệu năm trước".into(),
        },
    ] {
        let what = format!("{edit:?}");
        let after = stamped(&d, &s, edit, &other);
        assert_eq!(after.entries["10"].by, other.by, "{what}");
        assert_eq!(after.entries["10"].at, other.at, "{what}");
    }
    // Edits of anything but an entry leave every entry's provenance alone.
    let after = stamped(
        &d,
        &s,
        Edit::Meta(MetaField::Commune, "Liên Sơn".into()),
        &other,
    );
    assert_eq!(after.entries, d.entries);
    assert_eq!(
        Edit::Meta(MetaField::Commune, String::new()).entry_code(),
        None
    );
    assert_eq!(
        Edit::Note("7".into(), String::new()).entry_code(),
        Some("7")
    );
}

#[test]
fn an_entry_cleared_is_gone_whoever_cleared_it() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, None);
    let typed = edited(&d, &s, Edit::Note("7".into(), "x".into()));
    let other = Stamp {
        by: "Trưởng thôn".into(),
        at: "2026-12-01T02:00:00.000Z".into(),
    };
    let cleared = stamped(&typed, &s, Edit::Note("7".into(), String::new()), &other);
    assert_eq!(cleared, d, "provenance alone does not keep an entry");
}

#[test]
fn an_unreadable_year_keeps_the_previous_one() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, Date::new(2024, 6, 26));
    for typed in ["", "20", "abcd", "1999", "65535", "2101"] {
        let after = edited(&d, &s, Edit::Meta(MetaField::Year, typed.into()));
        assert_eq!(after.meta.year, 2024, "{typed:?}");
    }
}

#[test]
fn clearing_a_field_removes_the_empty_entry() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, None);
    let d2 = edited(&d, &s, Edit::Value("10".into(), "28".into()));
    let d3 = edited(&d2, &s, Edit::Value("10".into(), String::new()));
    assert_eq!(d3, d, "an entry cleared again leaves no trace");
    let d4 = edited(&d, &s, Edit::Judgement("1".into(), Judgement::Met));
    let d5 = edited(&d4, &s, Edit::Judgement("1".into(), Judgement::None));
    assert_eq!(d5, d);
}

#[test]
fn accepting_a_suggestion_appends_to_what_was_typed() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, Date::new(2024, 6, 26));
    let d = edited(
        &d,
        &s,
        Edit::Narrative(NarrativePart::Goals, "Của xã.".into()),
    );
    let d = edited(&d, &s, Edit::AcceptSuggestion(NarrativePart::Goals));
    assert!(
        d.narrative.goals.starts_with("Của xã.\nDuy trì"),
        "{}",
        d.narrative.goals
    );
}

#[test]
fn a_new_draft_uses_this_year_when_its_set_covers_it() {
    let s = set("quoc-gia-xa-ntm-2026-2030");
    let d = new_draft("d1".into(), &s, Date::new(2026, 11, 30));
    assert_eq!(d.meta.year, 2026);
    assert_eq!(d.meta.period, PeriodKind::FullYear);
    assert_eq!(d.meta.date, Date::new(2026, 11, 30));
    assert_eq!(d.meta.issuer, Issuer::Committee);
    assert!(d.meta.parent_body.is_empty() && d.meta.recipients.is_empty());
    let d = new_draft("d2".into(), &s, Date::new(2026, 3, 2));
    assert_eq!(d.meta.period, PeriodKind::FirstHalf);
}

#[test]
fn a_new_draft_on_an_earlier_set_reports_that_sets_last_year() {
    let s = set("lang-son-xa-ntm-2022-2025");
    let d = new_draft("d1".into(), &s, Date::new(2026, 3, 2));
    assert_eq!(d.meta.year, 2025);
    assert_eq!(d.meta.period, PeriodKind::FullYear);
    assert_eq!(
        d.meta.date, None,
        "today's date is not a 2025 report's date"
    );
}

#[test]
fn the_set_offered_for_a_year_is_the_one_covering_it() {
    let shipped = sets::shipped();
    let library: Vec<&CriteriaSet> = shipped.iter().collect();
    let id = |year| library[set_for_year(&library, year).unwrap()].id.as_str();
    assert_eq!(id(2026), "quoc-gia-xa-ntm-2026-2030");
    assert_eq!(id(2030), "quoc-gia-xa-ntm-2026-2030");
    assert_eq!(id(2024), "lang-son-xa-ntm-2022-2025");
    assert_eq!(id(2021), "quoc-gia-xa-ntm-2021-2025");
    assert_eq!(
        id(2031),
        "quoc-gia-xa-ntm-2026-2030",
        "the latest when none covers it"
    );
    assert_eq!(set_for_year(&[], 2026), None);
}
