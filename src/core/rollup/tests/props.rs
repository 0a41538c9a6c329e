//! Nothing a strict import accepts makes the roll-up panic: random envelopes, each read
//! back by `store::read_import` first and kept only if accepted, all under one set id and
//! version, with sets of random shapes (criteria and indicators dropped, thresholds and
//! columns changed), random commune names and figures. The roll-up, its figures, its files
//! and the province's arrivals are made from them; every row has one status per criterion of
//! its own group's set.

use super::*;
use crate::core::draft::Judgement;
use crate::core::num::Dec;
use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Case {
    /// Criteria kept (at least 1).
    criteria: usize,
    /// Indicators dropped from the first criterion with several.
    drop: usize,
    threshold: i64,
    column: String,
    commune: String,
    province: String,
    figure: String,
    judgement: u8,
    year: u16,
    saved: u8,
}

fn arb_case() -> impl Strategy<Value = Case> {
    (
        1usize..20,
        0usize..4,
        0i64..100,
        prop::sample::select(vec!["", "mien-nui", "dong-bang", "khong-co"]),
        "[ a-zA-ZàáạảãâầấậẩẫăằắặẳẵđĐÀÁÂÊÔƠƯ=+@\\-\u{300}\u{301}\u{a0}\t]{0,12}",
        prop::sample::select(vec!["Lạng Sơn", "LẠNG SƠN", "", " lạng  sơn "]),
        "[0-9,.\\- ]{0,6}",
        0u8..4,
        2023u16..2026,
        0u8..5,
    )
        .prop_map(
            |(
                criteria,
                drop,
                threshold,
                column,
                commune,
                province,
                figure,
                judgement,
                year,
                saved,
            )| Case {
                criteria,
                drop,
                threshold,
                column: column.into(),
                commune,
                province: province.into(),
                figure,
                judgement,
                year,
                saved,
            },
        )
}

fn envelope(k: usize, c: &Case) -> Option<Vec<u8>> {
    let mut env = example();
    env.draft.id = format!("p{k}");
    let set = &mut env.set;
    set.criteria.truncate(c.criteria);
    if let Some(crit) = set.criteria.iter_mut().find(|c| c.indicators.len() > 1) {
        let keep = crit.indicators.len().saturating_sub(c.drop).max(1);
        crit.indicators.truncate(keep);
    }
    for t in set
        .criteria
        .iter_mut()
        .flat_map(|c| c.indicators.iter_mut())
        .flat_map(|i| i.thresholds.iter_mut())
        .take(2)
    {
        t.value = Dec::from_int(c.threshold);
    }
    let meta = &mut env.draft.meta;
    meta.commune = c.commune.clone();
    meta.province = c.province.clone();
    meta.column = c.column.clone();
    meta.year = c.year;
    for (n, e) in env.draft.entries.values_mut().enumerate().take(6) {
        e.value = c.figure.clone();
        e.judgement = match (c.judgement + n as u8) % 4 {
            0 => Judgement::Met,
            1 => Judgement::NotMet,
            2 => Judgement::NotApplicable,
            _ => Judgement::None,
        };
    }
    let saved = format!("2024-06-2{}T09:00:00Z", c.saved);
    let text = Envelope::new(env.draft, env.set, saved).to_json();
    // Only what a strict import accepts.
    store::read_import(&text).ok()?;
    Some(text.into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_accepted_envelopes_make_the_rollup_panic(cases in prop::collection::vec(arb_case(), 1..8)) {
        let inputs: Vec<Input> = cases
            .iter()
            .enumerate()
            .filter_map(|(k, c)| Some(Input { name: format!("f{k}.json"), bytes: envelope(k, c)? }))
            .collect();
        prop_assert!(!inputs.is_empty());
        let r = read_files(&inputs);
        prop_assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        prop_assert_eq!(r.rows() + r.groups.iter().flat_map(|g| &g.rows).map(|row| row.replaces.len()).sum::<usize>(), inputs.len());
        for g in &r.groups {
            for row in &g.rows {
                prop_assert_eq!(row.criteria.len(), g.set.criteria.len());
            }
        }
        let in_sections: usize = r.sections.iter().map(|s| s.rows.len()).sum();
        prop_assert_eq!(in_sections, r.rows());
        for s in &r.sections {
            let g = &r.groups[s.group];
            let rows = s.rows(g);
            let h = Headline::of(g, &rows);
            prop_assert_eq!(h.all.communes, rows.len());
            let _ = histogram(g.set.criteria.len(), &rows);
            let _ = g.trend(&rows[0].key, &rows[0].province);
        }
        let names: Vec<String> = cases.iter().map(|c| c.commune.clone()).collect();
        let list = communes::CommuneList { names: communes::parse(&names.join("\n")).names, saved_at: String::new() };
        if let Some(s) = r.sections.first() {
            let a = communes::arrivals(&list, &r, &s.period);
            prop_assert!(a.received <= a.expected);
        }
        let book = xlsx(&r, Some(&list));
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        for i in 0..zip.len() {
            use std::io::Read;
            let mut xml = String::new();
            zip.by_index(i).unwrap().read_to_string(&mut xml).unwrap();
            let mut reader = quick_xml::Reader::from_str(&xml);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => prop_assert!(false, "part {}: {}", i, e),
                }
            }
        }
        let _ = long_csv(&r);
    }
}
