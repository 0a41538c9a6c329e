//! Taking parts back: each case of the three-way merge, conflicts decided one by one, and the
//! issue's scenario (two parts, one conflict) in the core.

use super::*;
use tieuchi::core::draft::Judgement;
use tieuchi::core::edit::{Edit, COMPILER};
use tieuchi::core::team::{review, Choice, MergeError, PartState};

#[test]
fn a_figure_changed_only_in_the_part_is_taken_with_who_and_when() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["9.2"], "p-vh");
    let part = send(&worked(
        &part,
        vec![Edit::Numerator("9.2".into(), "150".into())],
    ));
    let plan = review(&d, &s, &part).unwrap();
    assert!(plan.conflicts.is_empty() && plan.kept.is_empty());
    assert_eq!(plan.changes.len(), 1);
    let change = &plan.changes[0];
    assert_eq!(change.code, "9.2");
    assert_eq!(change.before.as_ref().unwrap().numerator, "146");
    assert_eq!(change.after.entry.as_ref().unwrap().numerator, "150");
    assert_eq!(
        (change.after.by.as_str(), change.after.at.as_str()),
        (CULTURE, LATER)
    );
    assert_eq!(
        d.entries["9.2"].numerator, "146",
        "nothing changes until applied"
    );
    let merged = plan.apply(&d, MERGED).unwrap();
    assert_eq!(merged.entries["9.2"].numerator, "150");
    assert_eq!(merged.entries["9.2"].denominator, "185");
    assert_eq!(
        (
            merged.entries["9.2"].by.as_str(),
            merged.entries["9.2"].at.as_str()
        ),
        (CULTURE, LATER)
    );
    assert_eq!(
        (merged.parts[0].state, merged.parts[0].merged_at.as_str()),
        (PartState::Merged, MERGED)
    );
    let mut unchanged = merged.clone();
    unchanged.entries = d.entries.clone();
    unchanged
        .entries
        .insert("9.2".into(), merged.entries["9.2"].clone());
    assert_eq!(
        merged.entries, unchanged.entries,
        "only the part's entry changed"
    );
}

#[test]
fn a_figure_changed_only_in_the_draft_is_kept() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["9.2", "16"], "p-vh");
    let d = typed(&d, &s, Edit::Numerator("9.2".into(), "147".into()), LATER);
    let part = send(&worked(
        &part,
        vec![Edit::Judgement("16".into(), Judgement::Met)],
    ));
    let plan = review(&d, &s, &part).unwrap();
    assert_eq!(plan.kept, ["9.2"]);
    assert_eq!(plan.changes.len(), 1);
    let merged = plan.apply(&d, MERGED).unwrap();
    assert_eq!(merged.entries["9.2"], d.entries["9.2"]);
    assert_eq!(merged.entries["16"].judgement, Judgement::Met);
}

#[test]
fn the_same_change_on_both_sides_is_taken_once() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["9.2"], "p-vh");
    let d = typed(&d, &s, Edit::Numerator("9.2".into(), "150".into()), LATER);
    let part = send(&worked(
        &part,
        vec![Edit::Numerator("9.2".into(), "150".into())],
    ));
    let plan = review(&d, &s, &part).unwrap();
    assert!(plan.is_empty(), "{plan:?}");
    let merged = plan.apply(&d, MERGED).unwrap();
    assert_eq!(merged.entries, d.entries);
}

#[test]
fn a_conflict_shows_both_values_and_notes_and_waits_for_a_choice() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["9.2"], "p-vh");
    let d = typed(
        &d,
        &s,
        Edit::Numerator("9.2".into(), "148".into()),
        "2024-06-05T00:00:00.000Z",
    );
    let d = typed(
        &d,
        &s,
        Edit::Note("9.2".into(), "Theo thống kê của xã".into()),
        "2024-06-05T00:00:00.000Z",
    );
    let part = send(&worked(
        &part,
        vec![
            Edit::Numerator("9.2".into(), "152".into()),
            Edit::Note("9.2".into(), "Theo sổ của trạm y tế".into()),
        ],
    ));
    let mut plan = review(&d, &s, &part).unwrap();
    assert!(plan.changes.is_empty());
    let c = &plan.conflicts[0];
    assert_eq!(c.code, "9.2");
    assert_eq!(c.base.as_ref().unwrap().numerator, "146");
    let (mine, theirs) = (
        c.draft.entry.as_ref().unwrap(),
        c.part.entry.as_ref().unwrap(),
    );
    assert_eq!(
        (mine.numerator.as_str(), mine.note.as_str()),
        ("148", "Theo thống kê của xã")
    );
    assert_eq!(
        (theirs.numerator.as_str(), theirs.note.as_str()),
        ("152", "Theo sổ của trạm y tế")
    );
    assert_eq!(
        (c.draft.by.as_str(), c.draft.at.as_str()),
        (COMPILER, "2024-06-05T00:00:00.000Z")
    );
    assert_eq!((c.part.by.as_str(), c.part.at.as_str()), (CULTURE, LATER));
    let e = plan.apply(&d, MERGED).unwrap_err();
    assert_eq!(e, MergeError::Undecided(vec!["9.2".into()]));
    assert_eq!(
        e.message_vi(),
        "Còn 1 chỉ tiêu có số liệu khác nhau chưa chọn bản giữ lại: 9.2."
    );
    assert!(!plan.decide("10", Choice::Part), "no conflict there");
    assert!(plan.decide("9.2", Choice::Part));
    assert_eq!(
        plan.apply(&d, MERGED).unwrap().entries["9.2"].numerator,
        "152"
    );
    assert!(plan.decide("9.2", Choice::Draft));
    let kept = plan.apply(&d, MERGED).unwrap();
    assert_eq!(kept.entries["9.2"], d.entries["9.2"]);
    assert_eq!(kept.parts[0].state, PartState::Merged);
}

#[test]
fn a_plan_applies_only_to_the_draft_it_reviewed() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["9.2"], "p-vh");
    let part = send(&worked(
        &part,
        vec![Edit::Numerator("9.2".into(), "150".into())],
    ));
    let plan = review(&d, &s, &part).unwrap();
    let since = typed(
        &d,
        &s,
        Edit::Denominator("9.2".into(), "186".into()),
        MERGED,
    );
    let e = plan.apply(&since, MERGED).unwrap_err();
    assert_eq!(e, MergeError::DraftChanged);
    assert!(e.message_vi().contains("hãy xem lại"));
    // An edit elsewhere in the draft does not stand in the way.
    let elsewhere = typed(&d, &s, Edit::Value("10".into(), "40".into()), MERGED);
    assert!(plan.apply(&elsewhere, MERGED).is_ok());
}

#[test]
fn a_part_sent_again_after_merging_brings_only_what_changed_since() {
    let s = set();
    let (d, part) = hand(&draft(&s), &s, CULTURE, &["9.2", "16"], "p-vh");
    let d = typed(&d, &s, Edit::Numerator("9.2".into(), "148".into()), LATER);
    let first = worked(&part, vec![Edit::Numerator("9.2".into(), "152".into())]);
    let mut plan = review(&d, &s, &send(&first)).unwrap();
    plan.decide("9.2", Choice::Draft);
    let d = plan.apply(&d, MERGED).unwrap();
    // The same file again: nothing to decide, nothing changes.
    let again = review(&d, &s, &send(&first)).unwrap();
    assert!(again.is_empty() && again.already_merged, "{again:?}");
    assert_eq!(again.apply(&d, "2024-06-30T00:00:00.000Z").unwrap(), d);
    // More work on the same part: only the new figure comes.
    let second = worked(&first, vec![Edit::Judgement("16".into(), Judgement::Met)]);
    let plan = review(&d, &s, &send(&second)).unwrap();
    assert!(plan.conflicts.is_empty() && !plan.already_merged);
    assert_eq!(
        plan.changes
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        ["16"]
    );
    let d = plan.apply(&d, "2024-06-30T00:00:00.000Z").unwrap();
    assert_eq!(d.entries["9.2"].numerator, "148", "the choice made stands");
    assert_eq!(d.parts[0].merged_at, "2024-06-30T00:00:00.000Z");
}

/// The end-to-end scenario, in the core: two parts handed out and filled elsewhere;
/// meanwhile the compiler edits one indicator of the second; the first merges with no
/// question, the second with one conflict, resolved; both officials' figures are in the draft.
#[test]
fn two_parts_filled_elsewhere_merge_with_one_question() {
    let s = set();
    let d = draft(&s);
    let (d, culture) = hand(&d, &s, CULTURE, &["16", "9.2"], "p-vh");
    let (d, land) = hand(&d, &s, LAND, &["1", "2"], "p-dc");
    let culture = send(&worked(
        &culture,
        vec![
            Edit::Judgement("16".into(), Judgement::Met),
            Edit::Numerator("9.2".into(), "150".into()),
        ],
    ));
    let land = send(&worked(
        &land,
        vec![
            Edit::Judgement("1.1".into(), Judgement::Met),
            Edit::Judgement("1.2".into(), Judgement::Met),
            Edit::Value("2.1".into(), "100".into()),
        ],
    ));
    let d = typed(
        &d,
        &s,
        Edit::Value("2.1".into(), "95".into()),
        "2024-06-12T00:00:00.000Z",
    );

    let plan = review(&d, &s, &culture).unwrap();
    assert!(plan.conflicts.is_empty());
    let d = plan.apply(&d, MERGED).unwrap();

    let mut plan = review(&d, &s, &land).unwrap();
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].code, "2.1");
    assert_eq!(plan.changes.len(), 2);
    plan.decide("2.1", Choice::Part);
    let d = plan.apply(&d, MERGED).unwrap();

    assert_eq!(d.entries["16"].by, CULTURE);
    assert_eq!(d.entries["9.2"].numerator, "150");
    assert_eq!(
        (
            d.entries["2.1"].value.as_str(),
            d.entries["2.1"].by.as_str()
        ),
        ("100", LAND)
    );
    assert_eq!(d.entries["1.1"].by, LAND);
    assert!(d.parts.iter().all(|p| p.state == PartState::Merged));
    let scores = score(&s, &d);
    assert_eq!(
        scores.indicator("16").unwrap().status,
        tieuchi::core::scoring::Status::Met
    );
    assert_eq!(
        scores.indicator("1.2").unwrap().status,
        tieuchi::core::scoring::Status::Met
    );
}

#[test]
fn a_change_that_does_not_say_who_is_the_parts_holders_and_an_old_entry_the_compilers() {
    let s = set();
    let mut d = draft(&s);
    // An entry typed before provenance was kept.
    let old = d.entries.get_mut("9.2").unwrap();
    old.by.clear();
    old.at.clear();
    let (d, part) = hand(&d, &s, CULTURE, &["9.2", "16"], "p-vh");
    let d = typed(&d, &s, Edit::Note("9.2".into(), "Của xã".into()), MERGED);
    let mut d_old = d.clone();
    let e = d_old.entries.get_mut("9.2").unwrap();
    e.by.clear();
    e.at.clear();
    // The holder's app wrote no names (a file from before provenance, say).
    let mut part = worked(
        &part,
        vec![
            Edit::Note("9.2".into(), "Của trạm".into()),
            Edit::Judgement("16".into(), Judgement::Met),
        ],
    );
    for e in part.entries.values_mut() {
        e.by.clear();
        e.at.clear();
    }
    let part = send(&part);
    let plan = review(&d_old, &s, &part).unwrap();
    let change = &plan.changes[0];
    assert_eq!(
        (change.after.by.as_str(), change.after.at.as_str()),
        (CULTURE, LATER)
    );
    let conflict = &plan.conflicts[0];
    assert_eq!(
        (conflict.draft.by.as_str(), conflict.draft.at.as_str()),
        (COMPILER, "")
    );
    assert_eq!(conflict.part.by, CULTURE);
}
