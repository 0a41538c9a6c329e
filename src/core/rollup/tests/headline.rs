//! Headline figures against an independent count: files generated from a plan (each commune's
//! group and figures, on the test set `tests/fixtures/tong-hop-thu-nghiem.set.json`, whose
//! thresholds are made up), the expected figures counted from the plan with integer arithmetic.

use super::*;
use crate::core::draft::Judgement;
use proptest::prelude::*;

const SET: &str = include_str!("../../../../tests/fixtures/tong-hop-thu-nghiem.set.json");

/// The test set's thresholds by criterion (1–8 and 10; 9 is yes/no) and group (1–3).
fn threshold(criterion: usize, group: usize) -> u32 {
    match criterion {
        10 => [70, 60, 50][group],
        n => 60 + 2 * n as u32 + 30 - 10 * (group as u32 + 1),
    }
}

/// One commune as planned: its group (none chosen for some), figures, the yes/no judgement.
#[derive(Clone, Debug)]
struct Plan {
    group: Option<usize>,
    /// Criteria 1–8 and 10, by number − 1 (index 8 unused).
    figures: [u32; 10],
    yes: bool,
}

impl Plan {
    fn meets(&self, criterion: usize) -> bool {
        match (criterion, self.group) {
            (9, _) => self.yes,
            (_, None) => false,
            (n, Some(g)) => self.figures[n - 1] >= threshold(n, g),
        }
    }

    fn met(&self) -> usize {
        (1..=10).filter(|n| self.meets(*n)).count()
    }
}

/// A small deterministic generator (SplitMix64), so a failing seed reproduces.
fn plans(seed: u64, n: usize) -> Vec<Plan> {
    let mut s = seed;
    let mut next = move |m: u64| {
        s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % m
    };
    (0..n)
        .map(|_| {
            let group = match next(8) {
                0 => None,
                k => Some((k % 3) as usize),
            };
            let mut figures = [0; 10];
            for f in figures.iter_mut() {
                *f = 50 + next(51) as u32;
            }
            Plan {
                group,
                figures,
                yes: next(3) > 0,
            }
        })
        .collect()
}

fn file(i: usize, p: &Plan, set: &CriteriaSet) -> Input {
    let mut d = crate::core::edit::new_draft(format!("xa-{i}"), set, None);
    d.meta.commune = format!("Xã thử nghiệm {i:03}");
    d.meta.province = "Tỉnh thử".into();
    d.meta.year = 2026;
    d.meta.period = crate::core::draft::PeriodKind::FirstHalf;
    d.meta.column = p
        .group
        .map(|g| format!("nhom-{}", g + 1))
        .unwrap_or_default();
    for n in (1..=10).filter(|n| *n != 9) {
        let code = if n == 10 {
            "10".into()
        } else {
            format!("{n}.1")
        };
        d.entries.entry(code).or_default().value = p.figures[n - 1].to_string();
    }
    let e = d.entries.entry("9".into()).or_default();
    e.judgement = if p.yes {
        Judgement::Met
    } else {
        Judgement::NotMet
    };
    e.note = "Dữ liệu thử.".into();
    Input {
        name: format!("xa-{i:03}.json"),
        bytes: bytes(Envelope::new(d, set.clone(), "2026-06-20T08:00:00Z".into())),
    }
}

/// `num / den` to two decimals rounded down, by integer arithmetic: "15.21".
fn down2(num: usize, den: usize) -> String {
    let q = num * 100 / den;
    format!("{}.{:02}", q / 100, q % 100)
}

fn check(plans: &[Plan], label: &str, f: &Figures) -> Result<(), TestCaseError> {
    let n = plans.len();
    prop_assert_eq!(f.communes, n, "{}", label);
    let all = plans.iter().filter(|p| p.met() == 10).count();
    prop_assert_eq!(f.all_met, all, "{}", label);
    let sum: usize = plans.iter().map(Plan::met).sum();
    prop_assert_eq!(f.met_sum, sum, "{}", label);
    prop_assert_eq!(
        f.average().map(|a| a.fmt_plain()),
        Some(
            down2(sum, n)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        ),
        "{}",
        label
    );
    prop_assert_eq!(f.average_vi(), down2(sum, n).replace('.', ","), "{}", label);
    for c in 1..=10 {
        let met = plans.iter().filter(|p| p.meets(c)).count();
        prop_assert_eq!(f.per_criterion[c - 1], met, "{} criterion {}", label, c);
        let share = crate::core::num::Dec::parse_plain(&down2(met * 100, n));
        prop_assert_eq!(f.share(met), share, "{} criterion {}", label, c);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn headline_figures_and_group_shares_equal_an_independent_count(seed in any::<u64>(), n in 1usize..70) {
        let set = CriteriaSet::from_json(SET).expect("the test set is valid");
        let plans = plans(seed, n);
        let inputs: Vec<Input> = plans.iter().enumerate().map(|(i, p)| file(i, p, &set)).collect();
        let r = read_files(&inputs);
        prop_assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        prop_assert_eq!(r.sections.len(), 1);
        let g = &r.groups[r.sections[0].group];
        let h = Headline::of(g, &r.sections[0].rows(g));
        check(&plans, "toàn bộ", &h.all)?;
        let mut expected: Vec<(String, Vec<Plan>)> = Vec::new();
        for k in 0..3 {
            let of: Vec<Plan> = plans.iter().filter(|p| p.group == Some(k)).cloned().collect();
            if !of.is_empty() {
                expected.push((format!("Xã nhóm {}", k + 1), of));
            }
        }
        let none: Vec<Plan> = plans.iter().filter(|p| p.group.is_none()).cloned().collect();
        if !none.is_empty() {
            expected.push(("Chưa chọn Nhóm xã".into(), none));
        }
        let names: Vec<&String> = h.by_column.iter().map(|b| &b.name).collect();
        prop_assert_eq!(names, expected.iter().map(|(name, _)| name).collect::<Vec<_>>());
        for (b, (_, of)) in h.by_column.iter().zip(&expected) {
            check(of, &b.name, &b.figures)?;
        }
    }
}

#[test]
fn the_average_reads_with_a_decimal_comma_and_rounds_down() {
    // 1521 criteria over 100 communes; 2 of 3 communes: 66,66%, never 66,67%.
    let f = Figures {
        communes: 100,
        all_met: 0,
        met_sum: 1521,
        criteria: 19,
        per_criterion: vec![],
    };
    assert_eq!(f.average_vi(), "15,21");
    let f = Figures {
        communes: 3,
        all_met: 2,
        met_sum: 47,
        criteria: 19,
        per_criterion: vec![],
    };
    assert_eq!(f.average_vi(), "15,66");
    assert_eq!(f.share_vi(2), "66,66%");
    assert_eq!(f.fraction(2).map(|d| d.fmt_plain()), Some("0.6666".into()));
    assert_eq!(f.share_vi(3), "100%");
    assert_eq!(
        f.sentence_vi(),
        "3 xã; 2 xã đạt đủ 19/19 tiêu chí (66,66%); bình quân 15,66 tiêu chí/xã"
    );
    let none = Figures::of(10, &[]);
    assert_eq!(
        (none.average_vi(), none.share_vi(0)),
        ("—".into(), "—".into())
    );
}
