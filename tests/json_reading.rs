//! Every reader of JSON the app has (`core::json` under the drafts, the sets, the stored sets,
//! the part files and the province's list), against what serde writes: random drafts and sets
//! read back equal, and `core::json`'s writer writes them as serde_json did; a file cut anywhere is said to be cut; damaged or random bytes never panic
//! and every refusal is Vietnamese.

use proptest::prelude::*;
use tieuchi::core::criteria::{CriteriaSet, Direction, Kind, OpenThreshold, Threshold};
use tieuchi::core::draft::{
    Ack, Draft, Entry, Issuer, Judgement, PartRecord, PartState, PeriodKind, Previous, SetRef,
    UserThreshold,
};
use tieuchi::core::num::Dec;
use tieuchi::core::rollup::communes;
use tieuchi::core::store::{read_stored, Envelope, ReadError};
use tieuchi::core::team::{hand_out, read_part, PartError, Request};
use tieuchi::core::vn::Date;
use tieuchi::core::{json, set_store, sets};

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\u{0}-\\u{1f}\\u{7f}\\u{fffd}\\u{ffff}\\u{202e}\\u{feff}\"\\\\/a-zđạ😀 ]{0,12}",
        Just("Liên Sơn".to_string()),
        Just(String::new()),
    ]
}

/// Decimals below 10^9, six places: what serde writes of them (the shortest text of the
/// nearest double) is exact. Larger ones with six places are beyond a double's digits.
fn arb_dec() -> impl Strategy<Value = Dec> {
    (-999_999_999_999_999i128..1_000_000_000_000_000).prop_map(|m| {
        let (sign, size) = (if m < 0 { "-" } else { "" }, m.abs());
        Dec::parse_plain(&format!(
            "{sign}{}.{:06}",
            size / 1_000_000,
            size % 1_000_000
        ))
        .unwrap()
    })
}

fn arb_entry() -> impl Strategy<Value = Entry> {
    let judgement = prop::sample::select(vec![
        Judgement::None,
        Judgement::Met,
        Judgement::NotMet,
        Judgement::NotApplicable,
    ]);
    let ack = (arb_text(), arb_text(), arb_text()).prop_map(|(kind, about, reason)| Ack {
        kind,
        about,
        reason,
    });
    (
        judgement,
        prop::collection::vec(arb_text(), 9),
        prop::collection::vec(ack, 0..3),
    )
        .prop_map(|(judgement, t, acks)| Entry {
            judgement,
            numerator: t[0].clone(),
            denominator: t[1].clone(),
            value: t[2].clone(),
            data_year: t[3].clone(),
            note: t[4].clone(),
            acks,
            kept_from: t[5].clone(),
            by: t[6].clone(),
            at: t[7].clone(),
        })
}

fn arb_entries() -> impl Strategy<Value = tieuchi::core::vecmap::VecMap<String, Entry>> {
    prop::collection::vec((arb_text(), arb_entry()), 0..4).prop_map(|e| e.into_iter().collect())
}

fn arb_draft() -> impl Strategy<Value = Draft> {
    let meta = (
        prop::collection::vec(arb_text(), 16),
        any::<u16>(),
        any::<bool>(),
        prop::sample::select(vec![
            PeriodKind::FirstHalf,
            PeriodKind::FullYear,
            PeriodKind::Custom,
        ]),
        prop::sample::select(vec![Issuer::Committee, Issuer::Board]),
        prop::option::of((1900u16..3000, 1u8..13, 1u8..29)),
    );
    let part = (
        arb_text(),
        prop::collection::vec(arb_text(), 0..3),
        prop::sample::select(vec![PartState::Out, PartState::Returned, PartState::Merged]),
        arb_entries(),
        arb_entries(),
    )
        .prop_map(|(who, codes, state, base, merged)| PartRecord {
            id: "p-1".into(),
            who,
            codes,
            due: Date::new(2026, 12, 31),
            issued_at: "2026-11-30T09:00:00.000Z".into(),
            state,
            returned_at: String::new(),
            merged_at: "2026-12-01T09:00:00.000Z".into(),
            base,
            merged,
        });
    (
        meta,
        arb_entries(),
        prop::collection::vec((any::<u8>(), arb_text()), 0..4),
        prop::collection::vec((arb_text(), arb_text(), arb_text()), 0..3),
        prop::option::of(arb_entries()),
        prop::collection::vec(part, 0..2),
    )
        .prop_map(
            |((t, year, rule, period, issuer, date), entries, notes, own, previous, parts)| {
                let mut d = Draft {
                    id: "d-1".into(),
                    name: t[0].clone(),
                    set: Some(SetRef {
                        id: t[1].clone(),
                        version: t[2].clone(),
                    }),
                    entries,
                    criterion_notes: notes.into_iter().collect(),
                    user_thresholds: own
                        .into_iter()
                        .map(|(code, value, source)| (code, UserThreshold { value, source }))
                        .collect(),
                    previous: previous.map(|entries| Previous {
                        period: t[3].clone(),
                        year,
                        entries,
                    }),
                    parts,
                    ..Draft::default()
                };
                let m = &mut d.meta;
                (m.commune, m.province, m.parent_body, m.issuing_body) =
                    (t[4].clone(), t[5].clone(), t[6].clone(), t[7].clone());
                (m.column, m.programme, m.period_label, m.doc_number) =
                    (t[8].clone(), t[9].clone(), t[10].clone(), t[11].clone());
                (m.place, m.recipients, m.signatory_name, d.narrative.goals) =
                    (t[12].clone(), t[13].clone(), t[14].clone(), t[15].clone());
                (m.year, m.rule_column, m.period, m.issuer) = (year, rule, period, issuer);
                m.date = date.and_then(|(y, mo, da)| Date::new(y, mo, da));
                d
            },
        )
}

/// A shipped set with its texts, thresholds, kinds and columns replaced by random ones.
fn arb_set() -> impl Strategy<Value = CriteriaSet> {
    let kind = prop_oneof![
        Just(Kind::YesNo),
        (arb_text(), arb_text(), arb_text()).prop_map(|(numerator, denominator, unit)| {
            Kind::Percent {
                numerator,
                denominator,
                unit,
            }
        }),
        arb_text().prop_map(|unit| Kind::Amount { unit }),
        arb_text().prop_map(|unit| Kind::Count { unit }),
    ];
    let indicator = (
        prop::collection::vec(arb_text(), 6),
        kind,
        prop::option::of(prop::sample::select(vec![
            Direction::AtLeast,
            Direction::AtMost,
        ])),
        prop::collection::vec(
            (arb_dec(), prop::option::of(any::<u16>()), any::<bool>()),
            0..3,
        ),
        any::<bool>(),
    );
    (
        0usize..3,
        prop::collection::vec(arb_text(), 4),
        prop::collection::vec(indicator, 1..8),
    )
        .prop_map(|(which, t, indicators)| {
            let mut set = sets::shipped().swap_remove(which);
            (set.name, set.note, set.legal_basis.title, set.columns.label) =
                (t[0].clone(), t[1].clone(), t[2].clone(), t[3].clone());
            let column = set.columns.items.first().map(|c| c.id.clone());
            let all = set
                .criteria
                .iter_mut()
                .flat_map(|c| c.indicators.iter_mut());
            for (ind, (t, kind, direction, thresholds, na)) in all.zip(indicators.iter().cycle()) {
                (ind.wording, ind.short, ind.guidance) = (t[0].clone(), t[1].clone(), t[2].clone());
                (ind.kind, ind.direction, ind.may_be_not_applicable) =
                    (kind.clone(), *direction, *na);
                ind.thresholds = thresholds
                    .iter()
                    .map(|(value, year, by_column)| Threshold {
                        column: column.clone().filter(|_| *by_column),
                        year: *year,
                        value: *value,
                        source: t[3].clone(),
                    })
                    .collect();
                ind.open_thresholds = vec![OpenThreshold {
                    column: None,
                    note: t[4].clone(),
                    source: t[5].clone(),
                }];
            }
            set
        })
}

/// No serde English reaches the user.
fn vietnamese(message: &str) -> Result<(), TestCaseError> {
    for english in [
        "expected",
        " at line ",
        "EOF",
        "invalid type",
        "invalid value",
        "missing field",
        "unknown field",
        "duplicate field",
        "unknown variant",
        "too large",
        "unsupported",
    ] {
        prop_assert!(!message.contains(english), "{:?}", message);
    }
    Ok(())
}

/// Every reader of the app, on one text: none panics, every refusal is Vietnamese.
fn read_everywhere(text: &str) -> Result<(), TestCaseError> {
    if let Err(e) = read_stored(text) {
        vietnamese(&e.message_vi())?;
    }
    if let Err(errors) = CriteriaSet::from_json(text) {
        for e in errors {
            vietnamese(&e.to_string())?;
        }
    }
    if let Err(e) = set_store::read("k", text) {
        vietnamese(&e.message_vi())?;
    }
    if let Err(e) = read_part(text) {
        vietnamese(&e.message_vi())?;
    }
    if let Err(e) = communes::read(text) {
        vietnamese(&e.message_vi())?;
    }
    Ok(())
}

/// `text` cut at about `fraction` of its length, on a character boundary, never whole.
fn cut(text: &str, fraction: f64) -> &str {
    let mut at = ((text.len() as f64) * fraction) as usize % text.len().max(1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

fn part_file(set: &CriteriaSet) -> String {
    let draft = tieuchi::core::edit::new_draft("d-1".into(), set, Date::new(2024, 6, 26));
    // Whole criteria: a set may list no indicators (the 2026 set).
    let codes: Vec<String> = set
        .criteria
        .iter()
        .take(2)
        .map(|c| c.number.to_string())
        .collect();
    let request = Request {
        who: "Công chức".into(),
        picks: codes,
        due: None,
    };
    let (_, file) = hand_out(
        &draft,
        set,
        request,
        "p-1".into(),
        "2024-06-01T01:00:00.000Z",
    )
    .unwrap();
    file.to_json()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// What serde writes of any draft and any set, compact or indented, reads back equal.
    #[test]
    fn what_serde_writes_reads_back_equal(draft in arb_draft(), set in arb_set()) {
        let text = serde_json::to_string(&draft).unwrap();
        prop_assert_eq!(json::from_str::<Draft>(&text), Ok(draft.clone()));
        prop_assert_eq!(json::from_str::<CriteriaSet>(&set.to_json()), Ok(set.clone()));
        let env = Envelope::new(draft.clone(), set.clone(), "2026-11-30T09:00:00.000Z".into());
        let back = read_stored(&env.to_json_pretty()).map(|e| (e.draft, e.set));
        prop_assert_eq!(back, Ok((draft, set)));
    }

    /// Our writer writes what serde_json wrote, byte for byte: drafts, sets, the stored
    /// envelope, part files. Stored entries, files and the fingerprints made of them stay
    /// the same across the change of writer.
    #[test]
    fn the_writer_writes_what_serde_wrote(draft in arb_draft(), set in arb_set()) {
        prop_assert_eq!(json::to_string(&draft), serde_json::to_string(&draft).unwrap());
        prop_assert_eq!(json::to_string(&set), serde_json::to_string(&set).unwrap());
        let env = Envelope::new(draft.clone(), set.clone(), "2026-11-30T09:00:00.000Z".into());
        prop_assert_eq!(env.to_json(), serde_json::to_string(&env).unwrap());
        if let Ok(file) = read_part(&part_file(&set)) {
            prop_assert_eq!(file.to_json(), serde_json::to_string(&file).unwrap());
        }
    }

    /// Every decimal below 10^9 with six places, every one below 2^55 / 10^6 with four, and
    /// every one below 0.00001, is written as serde_json wrote its double.
    #[test]
    fn decimals_are_written_as_serde_wrote_them(
        d in arb_dec(),
        tiny in -9i128..10,
        (whole, frac) in (0u64..36_028_797_018, 0u32..10_000),
    ) {
        prop_assert_eq!(json::to_string(&d), serde_json::to_string(&d).unwrap());
        // Up to 2^55 / 10^6 with four places: at most 15 significant digits.
        let big = Dec::parse_plain(&format!("{whole}.{frac:04}")).unwrap();
        prop_assert_eq!(json::to_string(&big), serde_json::to_string(&big).unwrap());
        let tiny = Dec::parse_plain(&format!("{}0.00000{}", if tiny < 0 { "-" } else { "" }, tiny.abs())).unwrap();
        prop_assert_eq!(json::to_string(&tiny), serde_json::to_string(&tiny).unwrap());
    }

    /// Every string is escaped as serde_json escapes it.
    #[test]
    fn strings_are_escaped_as_serde_escaped_them(s in arb_text()) {
        prop_assert_eq!(json::to_string(&s), serde_json::to_string(&s).unwrap());
    }

    /// A file cut anywhere is cut, for every reader, and said so in Vietnamese.
    #[test]
    fn a_file_cut_anywhere_is_said_to_be_cut(draft in arb_draft(), fraction in 0.0f64..1.0) {
        let set = sets::shipped().swap_remove(1);
        let env = Envelope::new(draft, set.clone(), "2026-11-30T09:00:00.000Z".into());
        for text in [env.to_json(), env.to_json_pretty()] {
            prop_assert_eq!(read_stored(cut(&text, fraction)).map(|_| ()), Err(ReadError::Truncated));
        }
        let set_file = set.to_json();
        let e = CriteriaSet::from_json(cut(&set_file, fraction)).unwrap_err();
        prop_assert!(e[0].message.contains("tệp bị cắt cụt (dòng "), "{:?}", e);
        let stored = set_store::write(&set, "2026-11-30T09:00:00.000Z");
        let e = set_store::read("k", cut(&stored, fraction)).unwrap_err().message_vi();
        prop_assert!(e.contains("tệp bị cắt cụt (dòng "), "{}", e);
        let part = part_file(&set);
        prop_assert_eq!(read_part(cut(&part, fraction)).map(|_| ()), Err(PartError::Truncated));
        let names = communes::parse("Liên Sơn\nHoà Bình").names;
        let list = communes::write(&communes::CommuneList { names, saved_at: "t".into() }, true);
        let e = communes::read(cut(&list, fraction)).unwrap_err().message_vi();
        prop_assert!(e.contains("tệp bị cắt cụt (dòng "), "{}", e);
    }

    /// A stored file damaged at one place (a character replaced, added or removed) never
    /// panics a reader, and its refusal is Vietnamese.
    #[test]
    fn a_damaged_file_never_panics_and_is_refused_in_vietnamese(
        fraction in 0.0f64..1.0,
        how in 0u8..3,
        with in prop::sample::select(vec!['{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', 'n', ' ', 'ạ', '\u{1}']),
    ) {
        let set = sets::shipped().swap_remove(0);
        let draft = tieuchi::core::edit::new_draft("d-1".into(), &set, Date::new(2024, 6, 26));
        let env = Envelope::new(draft, set.clone(), "2026-11-30T09:00:00.000Z".into());
        for text in [env.to_json(), set.to_json(), part_file(&set)] {
            let head = cut(&text, fraction);
            let rest = &text[head.len()..];
            let tail = rest.chars().skip(usize::from(how != 1)).collect::<String>();
            let insert = if how == 2 { String::new() } else { with.to_string() };
            read_everywhere(&format!("{head}{insert}{tail}"))?;
        }
    }

    /// Random bytes, as a file picked by mistake, never panic a reader.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        read_everywhere(&String::from_utf8_lossy(&bytes))?;
        let mut framed = b"{\"app\":\"tieuchi\",\"schema\":3,\"kind\":".to_vec();
        framed.extend(&bytes);
        read_everywhere(&String::from_utf8_lossy(&framed))?;
    }
}

/// Beyond 15 significant digits a double is not the decimal: serde_json wrote the double's
/// shortest text, which read back as another number; the writer writes the decimal itself.
#[test]
fn a_decimal_beyond_a_doubles_digits_is_written_exactly() {
    for text in [
        "123456789012.345678",
        "-999999999999.999999",
        "1000000000000.000001",
    ] {
        let d = Dec::parse_plain(text).unwrap();
        assert_eq!(json::to_string(&d), text);
        assert_eq!(json::from_str::<Dec>(&json::to_string(&d)), Ok(d));
        let serde = serde_json::to_string(&d).unwrap();
        assert_ne!(json::from_str::<Dec>(&serde), Ok(d), "{serde}");
    }
    for (text, written) in [
        ("0.00001", "0.00001"),
        ("0.000001", "1e-6"),
        ("-0.000009", "-9e-6"),
        ("-3", "-3"),
        ("0.5", "0.5"),
    ] {
        assert_eq!(json::to_string(&Dec::parse_plain(text).unwrap()), written);
    }
}
