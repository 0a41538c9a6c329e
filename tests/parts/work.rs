//! Working on a part: its criteria only, its own scores, the edits it takes, provenance, and
//! the providers per criterion.

use super::*;
use tieuchi::core::draft::Judgement;
use tieuchi::core::edit::apply;
use tieuchi::core::edit::{Edit, MetaField, COMPILER};
use tieuchi::core::scoring::Scores;
use tieuchi::core::team::{codes_of, providers, resolve_codes, review, HandOutError, Request};

#[test]
fn a_part_shows_only_its_criteria_and_indicators() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["16", "17.8", "9.2"], "p-vh");
    let sub = part.sub_set();
    let shape: Vec<(u8, Vec<&str>)> = sub
        .criteria
        .iter()
        .map(|c| {
            (
                c.number,
                c.indicators.iter().map(|i| i.code.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [(9, vec!["9.2"]), (16, vec!["16"]), (17, vec!["17.8"])]
    );
    assert!(sub
        .groups
        .iter()
        .all(|g| sub.criteria.iter().any(|c| c.group == g.id)));
}

#[test]
fn a_part_scores_its_own_indicators_and_the_criteria_it_holds_whole() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["16", "17.8"], "p-vh");
    let part = worked(&part, vec![Edit::Judgement("16".into(), Judgement::Met)]);
    let scores: Scores = part.scores();
    let codes: Vec<&str> = scores.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["16", "17.8"]);
    let whole: Vec<u8> = scores.criteria.iter().map(|c| c.number).collect();
    assert_eq!(whole, [16], "criterion 17 is not the part's to judge");
    assert_eq!(scores.summary_vi(), "đạt 1/1 tiêu chí");
    assert!(scores
        .findings
        .iter()
        .all(|f| f.code == "17.8" || f.code == "16" || f.criterion == 16));
    assert!(
        scores.findings.iter().any(|f| f.code == "17.8"),
        "17.8 is not assessed yet"
    );
    let full = score(&s, &part.working_draft());
    assert_eq!(
        full.indicator("16"),
        scores.indicator("16"),
        "the same checks as the full editor"
    );
}

#[test]
fn a_part_takes_edits_of_its_own_entries_only_stamped_with_its_holder() {
    let s = set();
    let (_, part) = hand(&draft(&s), &s, CULTURE, &["9.2"], "p-vh");
    let mut p = part.clone();
    let stamp = p.stamp(LATER);
    for edit in [
        Edit::Value("10".into(), "1".into()),
        Edit::Meta(MetaField::Commune, "Khác".into()),
        Edit::ThresholdValue("9.2".into(), "90".into()),
        Edit::CriterionNote(9, "x".into()),
    ] {
        assert!(!p.accepts(&edit), "{edit:?}");
        assert!(!p.edit(edit, &stamp));
    }
    assert_eq!(p, part, "refused edits change nothing");
    assert!(p.edit(Edit::Numerator("9.2".into(), "150".into()), &stamp));
    assert_eq!(
        (p.entries["9.2"].by.as_str(), p.entries["9.2"].at.as_str()),
        (CULTURE, LATER)
    );
    assert_eq!(p.base["9.2"].by, COMPILER, "the base is as handed out");
    assert_eq!(p.changed_codes(), ["9.2"]);
    // A part editor holding the working draft instead gets the same part back.
    let mut w = part.working_draft();
    let scores = score(&s, &w);
    apply(
        &mut w,
        Edit::Numerator("9.2".into(), "150".into()),
        &s,
        &scores,
        &stamp,
    );
    assert_eq!(part.with_entries_from(&w), p);
}

#[test]
fn handing_out_says_what_is_missing() {
    let s = set();
    let d = draft(&s);
    let ask = |who: &str, picks: &[&str], id: &str| {
        let request = Request {
            who: who.into(),
            picks: picks.iter().map(|p| p.to_string()).collect(),
            due: None,
        };
        hand_out(&d, &s, request, id.into(), HANDED)
            .map(|_| ())
            .unwrap_err()
    };
    assert_eq!(ask("  ", &["16"], "p1"), HandOutError::NoWho);
    assert_eq!(ask(CULTURE, &[], "p1"), HandOutError::NoCodes);
    assert_eq!(
        ask(CULTURE, &["16", "20"], "p1"),
        HandOutError::UnknownCode("20".into())
    );
    assert_eq!(ask(CULTURE, &["16"], "p 1"), HandOutError::BadId);
    let (d2, _) = hand(&d, &s, CULTURE, &["16"], "p1");
    let again = hand_out(
        &d2,
        &s,
        Request {
            who: LAND.into(),
            picks: vec!["1".into()],
            due: None,
        },
        "p1".into(),
        HANDED,
    );
    assert_eq!(again.map(|_| ()).unwrap_err(), HandOutError::BadId);
    let mut other = s.clone();
    other.version = "x".into();
    let e = hand_out(
        &d,
        &other,
        Request {
            who: LAND.into(),
            picks: vec!["1".into()],
            due: None,
        },
        "p2".into(),
        HANDED,
    );
    assert_eq!(e.map(|_| ()).unwrap_err(), HandOutError::OtherSet);
    for e in [
        HandOutError::NoWho,
        HandOutError::NoCodes,
        HandOutError::UnknownCode("20".into()),
    ] {
        assert!(!e.message_vi().is_empty());
    }
    assert_eq!(
        resolve_codes(&s, &["17".into(), "1.2".into(), "1".into()]).unwrap()[..3],
        ["1.1", "1.2", "17.1"]
    );
    assert_eq!(codes_of(&s, 5), ["5"]);
}

#[test]
fn a_criterion_judged_whole_is_handed_out_under_its_number() {
    let s = sets::shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2026-2030")
        .unwrap();
    let mut d = new_draft("d-2026".into(), &s, Date::new(2026, 6, 1));
    d.meta.commune = "Tân Thành".into();
    let (d, part) = hand(&d, &s, LAND, &["3"], "p-3");
    assert_eq!(part.codes, ["3"]);
    assert_eq!(part.sub_set().criteria.len(), 1);
    let part = send(&worked(
        &part,
        vec![
            Edit::Judgement("3".into(), Judgement::Met),
            Edit::Note("3".into(), "Đã rà soát.".into()),
        ],
    ));
    assert_eq!(part.scores().summary_vi(), "đạt 1/1 tiêu chí");
    let d = review(&d, &s, &part).unwrap().apply(&d, MERGED).unwrap();
    assert_eq!(d.entries["3"].judgement, Judgement::Met);
}

#[test]
fn the_providers_of_each_criterion_are_listed_once_in_order() {
    let s = set();
    let d = draft(&s);
    let (d, part) = hand(&d, &s, CULTURE, &["9.2", "16"], "p-vh");
    let part = send(&worked(
        &part,
        vec![Edit::Judgement("16".into(), Judgement::Met)],
    ));
    let d = review(&d, &s, &part).unwrap().apply(&d, MERGED).unwrap();
    let d = typed(&d, &s, Edit::Value("9.1".into(), "1".into()), MERGED);
    let listed = providers(&s, &d);
    assert_eq!(listed.len(), s.criteria.len());
    let of = |n: u8| listed.iter().find(|(c, _)| *c == n).unwrap().1.clone();
    assert_eq!(of(9), [COMPILER]);
    assert_eq!(of(16), [CULTURE]);
    assert_eq!(of(10), [COMPILER]);
    assert!(of(1).is_empty());
}
