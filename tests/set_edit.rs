//! Editing a criteria set (`core::set_edit`): edits by indicator code, typed values read or
//! refused with a message, stale addresses harmless, additions validated.

use proptest::prelude::*;
use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::num::Dec;
use tieuchi::core::set_edit::{apply, NewKind, SetEdit};
use tieuchi::core::sets;

fn national() -> CriteriaSet {
    sets::shipped()
        .into_iter()
        .find(|s| s.id == "quoc-gia-xa-ntm-2021-2025")
        .unwrap()
}

fn ind<'a>(s: &'a CriteriaSet, code: &str) -> &'a tieuchi::core::criteria::Indicator {
    s.indicator(code).unwrap().1
}

#[test]
fn a_threshold_is_added_filled_in_and_removed_by_code() {
    let mut s = national();
    apply(&mut s, SetEdit::AddThreshold("4.2".into())).unwrap();
    let k = ind(&s, "4.2").thresholds.len() - 1;
    apply(
        &mut s,
        SetEdit::ThresholdValue("4.2".into(), k, "95,5".into()),
    )
    .unwrap();
    apply(
        &mut s,
        SetEdit::ThresholdColumn("4.2".into(), k, "tay-nguyen".into()),
    )
    .unwrap();
    apply(
        &mut s,
        SetEdit::ThresholdYear("4.2".into(), k, "2024".into()),
    )
    .unwrap();
    apply(
        &mut s,
        SetEdit::ThresholdSource("4.2".into(), k, "QĐ 1".into()),
    )
    .unwrap();
    let t = &ind(&s, "4.2").thresholds[k];
    assert_eq!(t.value, Dec::parse_vn("95,5").unwrap());
    assert_eq!(t.column.as_deref(), Some("tay-nguyen"));
    assert_eq!(t.year, Some(2024));
    assert_eq!(t.source, "QĐ 1");
    assert!(s.validate().is_empty(), "{:?}", s.validate());
    apply(
        &mut s,
        SetEdit::ThresholdColumn("4.2".into(), k, String::new()),
    )
    .unwrap();
    apply(&mut s, SetEdit::ThresholdYear("4.2".into(), k, " ".into())).unwrap();
    assert_eq!(ind(&s, "4.2").thresholds[k].column, None);
    assert_eq!(ind(&s, "4.2").thresholds[k].year, None);
    apply(&mut s, SetEdit::RemoveThreshold("4.2".into(), k)).unwrap();
    assert_eq!(s, national());
}

#[test]
fn an_unreadable_value_or_year_is_refused_and_changes_nothing() {
    let mut s = national();
    apply(&mut s, SetEdit::AddThreshold("4.2".into())).unwrap();
    let before = s.clone();
    let err = apply(
        &mut s,
        SetEdit::ThresholdValue("4.2".into(), 0, "9x".into()),
    )
    .unwrap_err();
    assert!(!err.is_empty());
    assert!(apply(
        &mut s,
        SetEdit::ThresholdYear("4.2".into(), 0, "65535".into())
    )
    .is_err());
    assert!(apply(&mut s, SetEdit::PeriodFrom("hai nghìn".into())).is_err());
    assert_eq!(s, before);
}

#[test]
fn stale_addresses_change_nothing() {
    let mut s = national();
    let before = s.clone();
    for e in [
        SetEdit::RemoveThreshold("4.2".into(), 99),
        SetEdit::ThresholdValue("4.2".into(), 99, "5".into()),
        SetEdit::Wording("99.9".into(), "x".into()),
        SetEdit::RemoveIndicator("99.9".into()),
    ] {
        apply(&mut s, e).unwrap();
    }
    assert_eq!(s, before);
}

#[test]
fn an_indicator_is_added_only_when_the_set_stays_valid() {
    let mut s = national();
    let add = |code: &str, criterion| SetEdit::AddIndicator {
        criterion,
        code: code.into(),
        wording: "Chỉ tiêu mới".into(),
        kind: NewKind::Percent,
    };
    assert!(apply(&mut s, add("4.9", 3))
        .unwrap_err()
        .contains("mã chỉ tiêu phải là 3"));
    assert!(apply(&mut s, add("1.1", 1))
        .unwrap_err()
        .contains("bị trùng"));
    assert!(apply(&mut s, add("21.1", 21))
        .unwrap_err()
        .contains("không có tiêu chí 21"));
    assert_eq!(s, national());
    apply(&mut s, add("17.13", 17)).unwrap();
    assert!(ind(&s, "17.13").kind.is_numeric());
    apply(&mut s, SetEdit::RemoveIndicator("17.13".into())).unwrap();
    assert_eq!(s, national());
}

fn arb_edit() -> impl Strategy<Value = SetEdit> {
    let code = prop::sample::select(vec!["1.1", "4.2", "9.2", "10", "17.8", "99.1", ""]);
    let text = ".{0,12}";
    prop_oneof![
        (code.clone(), text).prop_map(|(c, t)| SetEdit::Wording(c.into(), t)),
        code.clone().prop_map(|c| SetEdit::AddThreshold(c.into())),
        (code.clone(), 0usize..4).prop_map(|(c, k)| SetEdit::RemoveThreshold(c.into(), k)),
        (code.clone(), 0usize..4, text).prop_map(|(c, k, t)| SetEdit::ThresholdValue(
            c.into(),
            k,
            t
        )),
        (code.clone(), 0usize..4, text).prop_map(|(c, k, t)| SetEdit::ThresholdYear(
            c.into(),
            k,
            t
        )),
        (code.clone(), 0usize..4, text).prop_map(|(c, k, t)| SetEdit::ThresholdColumn(
            c.into(),
            k,
            t
        )),
        code.clone()
            .prop_map(|c| SetEdit::RemoveIndicator(c.into())),
        (code.clone(), text).prop_map(|(c, t)| SetEdit::Direction(c.into(), t)),
        (code.clone(), text).prop_map(|(c, t)| SetEdit::CountedUnit(c.into(), t)),
        (code.clone(), 0usize..3).prop_map(|(c, k)| SetEdit::RemoveOpenThreshold(c.into(), k)),
        (code.clone(), text).prop_map(|(c, t)| SetEdit::RemoveNotApplicable(c.into(), t)),
        (code, 0u8..25, text).prop_map(|(c, n, w)| SetEdit::AddIndicator {
            criterion: n,
            code: c.into(),
            wording: w,
            kind: NewKind::YesNo
        }),
        text.prop_map(SetEdit::PeriodTo),
    ]
}

proptest! {
    /// Any sequence of edits, with any typed text and any address, never panics, and a refused
    /// edit leaves the set exactly as it was.
    #[test]
    fn random_edits_never_panic_and_refusals_change_nothing(edits in prop::collection::vec(arb_edit(), 1..30)) {
        let mut s = national();
        for e in edits {
            let before = s.clone();
            if apply(&mut s, e).is_err() {
                prop_assert_eq!(&s, &before);
            }
        }
    }
}

/// What a table read from the decision leaves: thresholds left to the province, columns not
/// applicable. Filling one in for its column replaces the decision's words; each can be
/// removed; a share says what it counts; a numeric indicator's direction is chosen.
#[test]
fn what_the_decision_leaves_open_is_filled_in_or_removed() {
    use tieuchi::core::criteria::{Direction, Kind, OpenThreshold};
    let mut s = national();
    let column = s.columns.items[0].id.clone();
    let open = |column: Option<String>| OpenThreshold {
        column,
        note: "Theo quy định của UBND tỉnh".into(),
        source: String::new(),
    };
    {
        let i = s
            .criteria
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
            .find(|i| i.code == "9.2")
            .unwrap();
        i.thresholds.clear();
        i.open_thresholds = vec![open(Some(column.clone())), open(None)];
        i.not_applicable_in = vec![s.columns.items[1].id.clone()];
    }
    apply(&mut s, SetEdit::AddThreshold("9.2".into())).unwrap();
    apply(
        &mut s,
        SetEdit::ThresholdColumn("9.2".into(), 0, column.clone()),
    )
    .unwrap();
    assert_eq!(ind(&s, "9.2").open_thresholds, [open(None)]);
    apply(&mut s, SetEdit::RemoveOpenThreshold("9.2".into(), 0)).unwrap();
    assert!(ind(&s, "9.2").open_thresholds.is_empty());
    let other = s.columns.items[1].id.clone();
    apply(&mut s, SetEdit::RemoveNotApplicable("9.2".into(), other)).unwrap();
    assert!(ind(&s, "9.2").not_applicable_in.is_empty());
    apply(
        &mut s,
        SetEdit::CountedUnit("9.2".into(), "hộ gia đình".into()),
    )
    .unwrap();
    assert!(matches!(&ind(&s, "9.2").kind, Kind::Percent { unit, .. } if unit == "hộ gia đình"));
    apply(&mut s, SetEdit::Direction("9.2".into(), "at_most".into())).unwrap();
    assert_eq!(ind(&s, "9.2").direction, Some(Direction::AtMost));
    let before = s.clone();
    assert!(apply(&mut s, SetEdit::Direction("1.1".into(), "at_most".into())).is_err());
    assert!(apply(&mut s, SetEdit::Direction("9.2".into(), "lớn".into())).is_err());
    assert_eq!(s, before);
}
