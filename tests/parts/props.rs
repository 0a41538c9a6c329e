//! Properties of the merge over random work: figures typed by the compiler before and after
//! handing out, and by two team members in disjoint parts, from small pools of values so the
//! same value often meets itself.

use super::*;
use proptest::prelude::*;
use tieuchi::core::draft::{Entry, Judgement};
use tieuchi::core::edit::Edit;
use tieuchi::core::team::{review, Choice, MergeError, Plan};

/// Entries of three criteria of the Liên Sơn set, among them one with a single indicator.
const POOL: [&str; 7] = ["1.1", "1.2", "2.1", "9.2", "10", "16", "17.8"];

fn arb_edit() -> impl Strategy<Value = Edit> {
    let code = prop::sample::select(POOL.to_vec()).prop_map(String::from);
    let small = prop::sample::select(vec!["", "1", "2"]).prop_map(String::from);
    let judgement = prop::sample::select(vec![
        Judgement::None,
        Judgement::Met,
        Judgement::NotMet,
        Judgement::NotApplicable,
    ]);
    (code, small, judgement, 0..4u8).prop_map(|(code, v, j, which)| match which {
        0 => Edit::Judgement(code, j),
        1 => Edit::Value(code, v),
        2 => Edit::Numerator(code, v),
        _ => Edit::Note(code, v),
    })
}

/// Random work: the compiler before handing out, after; each part's holder (edits outside
/// their part are refused by the part and dropped); where the parts split the pool; and a
/// choice for each code's conflict.
#[derive(Debug, Clone)]
struct Work {
    before: Vec<Edit>,
    after: Vec<Edit>,
    in_a: Vec<Edit>,
    in_b: Vec<Edit>,
    split: usize,
    prefer_part: Vec<bool>,
}

fn arb_work() -> impl Strategy<Value = Work> {
    let edits = || prop::collection::vec(arb_edit(), 0..10);
    (
        edits(),
        edits(),
        edits(),
        edits(),
        1..POOL.len(),
        prop::collection::vec(any::<bool>(), POOL.len()),
    )
        .prop_map(|(before, after, in_a, in_b, split, prefer_part)| Work {
            before,
            after,
            in_a,
            in_b,
            split,
            prefer_part,
        })
}

/// The draft with two parts out and worked on, and the compiler's edits since.
fn play(w: &Work) -> (CriteriaSet, Draft, PartFile, PartFile) {
    let s = set();
    let mut d = draft(&s);
    for e in &w.before {
        d = typed(&d, &s, e.clone(), HANDED);
    }
    let (d, a) = hand(&d, &s, CULTURE, &POOL[..w.split], "p-a");
    let (mut d, b) = hand(&d, &s, LAND, &POOL[w.split..], "p-b");
    for e in &w.after {
        d = typed(&d, &s, e.clone(), "2024-06-05T00:00:00.000Z");
    }
    let work = |part: &PartFile, edits: &[Edit]| {
        let mut part = part.clone();
        let stamp = part.stamp(LATER);
        for e in edits {
            part.edit(e.clone(), &stamp);
        }
        send(&part)
    };
    let (a, b) = (work(&a, &w.in_a), work(&b, &w.in_b));
    (s, d, a, b)
}

fn choice(w: &Work, code: &str) -> Choice {
    let i = POOL.iter().position(|c| *c == code).unwrap();
    if w.prefer_part[i] {
        Choice::Part
    } else {
        Choice::Draft
    }
}

fn decided(mut plan: Plan, w: &Work) -> Plan {
    for code in plan.undecided() {
        plan.decide(&code, choice(w, &code));
    }
    plan
}

fn merge(d: &Draft, s: &CriteriaSet, part: &PartFile, w: &Work) -> Draft {
    decided(review(d, s, part).unwrap(), w)
        .apply(d, MERGED)
        .unwrap()
}

/// What was typed under a code, blank as absent.
fn typed_at(map: &tieuchi::core::vecmap::VecMap<String, Entry>, code: &str) -> Option<Entry> {
    map.get(code).filter(|e| !e.is_blank()).cloned()
}

fn same(a: &Option<Entry>, b: &Option<Entry>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.same_content(b),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_the_same_part_twice_is_merging_it_once(w in arb_work()) {
        let (s, d, a, _) = play(&w);
        let once = merge(&d, &s, &a, &w);
        let plan = review(&once, &s, &a).unwrap();
        prop_assert!(plan.is_empty(), "{:?}", plan);
        prop_assert_eq!(plan.apply(&once, "2024-07-01T00:00:00.000Z").unwrap(), once);
    }

    #[test]
    fn parts_with_disjoint_indicators_merge_in_any_order_to_the_same_draft(w in arb_work()) {
        let (s, d, a, b) = play(&w);
        let ab = merge(&merge(&d, &s, &a, &w), &s, &b, &w);
        let ba = merge(&merge(&d, &s, &b, &w), &s, &a, &w);
        prop_assert_eq!(ab, ba);
    }

    #[test]
    fn no_typed_value_is_lost_without_being_shown(w in arb_work()) {
        let (s, d, a, _) = play(&w);
        let plan = decided(review(&d, &s, &a).unwrap(), &w);
        let result = plan.apply(&d, MERGED).unwrap();
        for code in &a.codes {
            let (base, part) = (typed_at(&a.base, code), typed_at(&a.entries, code));
            let (mine, got) = (typed_at(&d.entries, code), typed_at(&result.entries, code));
            match plan.conflicts.iter().find(|c| &c.code == code) {
                Some(c) => {
                    // Both values are shown, and the result is the one chosen.
                    prop_assert!(same(&c.draft.entry, &mine) && same(&c.part.entry, &part));
                    let chosen = if c.choice == Some(Choice::Part) { &part } else { &mine };
                    prop_assert!(same(&got, chosen), "{}", code);
                }
                None => {
                    // A value typed on either side since handing out is in the result.
                    if !same(&part, &base) {
                        prop_assert!(same(&got, &part), "part's {} lost", code);
                    }
                    if !same(&mine, &base) {
                        prop_assert!(same(&got, &mine), "draft's {} lost", code);
                    }
                    // And a draft's value replaced was shown as the change's "before".
                    if !same(&got, &mine) {
                        let change = plan.changes.iter().find(|c| &c.code == code);
                        let shown = change.is_some_and(|c| same(&c.before, &mine));
                        prop_assert!(shown, "{} not shown", code);
                    }
                }
            }
        }
        // Nothing outside the part moves.
        for (code, e) in &d.entries {
            if !a.codes.contains(code) {
                prop_assert_eq!(Some(e), result.entries.get(code));
            }
        }
        let outside = |d: &Draft| d.entries.keys().filter(|k| !a.codes.contains(k)).count();
        prop_assert_eq!(outside(&d), outside(&result));
    }

    #[test]
    fn a_conflict_never_resolves_without_a_choice(
        mut w in arb_work(),
        left in any::<prop::sample::Index>(),
    ) {
        // At least one conflict: both sides write a different note under the part's first code.
        w.after.push(Edit::Note(POOL[0].into(), "Theo người soạn".into()));
        w.in_a.push(Edit::Note(POOL[0].into(), "Theo thôn".into()));
        let (s, d, a, _) = play(&w);
        let mut plan = review(&d, &s, &a).unwrap();
        prop_assert!(plan.conflicts.iter().all(|c| c.choice.is_none()));
        let codes = plan.undecided();
        prop_assert!(codes.contains(&POOL[0].to_string()));
        prop_assert_eq!(plan.apply(&d, MERGED), Err(MergeError::Undecided(codes.clone())));
        // Every conflict decided but one: still refused, naming that one.
        let open = left.get(&codes).clone();
        for code in codes.iter().filter(|c| **c != open) {
            plan.decide(code, choice(&w, code));
        }
        prop_assert_eq!(plan.apply(&d, MERGED), Err(MergeError::Undecided(vec![open])));
    }
}
