//! The figures a province reports, and the parts of the roll-up they are reported for.
//!
//! A section is one group's rows of one period: a province reports a period, and a commune that
//! sent two periods must not count twice. The section most files are for comes first (the
//! "current" one); the others follow, those of the same set first.
//!
//! Headline figures: communes meeting every criterion, the average number of criteria met per
//! commune, and the share of communes meeting each criterion, for the whole section and for
//! each threshold column (Nhóm xã). Shares and averages are printed to two decimals rounded
//! down, like every figure of the app: a shown figure never flatters the real one.

use super::{Group, Row};
use crate::core::num::Dec;
use crate::core::vn::name_key;

/// One group's rows of one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Index of the group in `Rollup::groups`.
    pub group: usize,
    pub period: String,
    pub year: u16,
    /// Indices in the group's rows.
    pub rows: Vec<usize>,
}

impl Section {
    pub fn rows<'a>(&self, group: &'a Group) -> Vec<&'a Row> {
        self.rows
            .iter()
            .filter_map(|&i| group.rows.get(i))
            .collect()
    }
}

/// Splits each group by period; the section with most rows first (ties: the later year, then
/// the group's order), then the other periods of its set, then the other sets' sections.
pub fn sections(groups: &[Group]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let first = out.len();
        for (i, r) in group.rows.iter().enumerate() {
            let key = name_key(&r.period);
            match out[first..].iter_mut().find(|s| name_key(&s.period) == key) {
                Some(s) => s.rows.push(i),
                None => out.push(Section {
                    group: g,
                    period: r.period.clone(),
                    year: r.year,
                    rows: vec![i],
                }),
            }
        }
    }
    let rank = |s: &Section| {
        (
            std::cmp::Reverse(s.rows.len()),
            std::cmp::Reverse(s.year),
            s.group,
        )
    };
    let Some(current) = out.iter().min_by_key(|s| rank(s)).cloned() else {
        return out;
    };
    out.sort_by_key(|s| {
        (
            *s != current,
            s.group != current.group,
            std::cmp::Reverse(s.year),
            rank(s),
        )
    });
    out
}

/// The headline figures of some rows of one set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub communes: usize,
    /// Communes meeting every criterion of the set.
    pub all_met: usize,
    /// The sum over communes of the criteria met.
    pub met_sum: usize,
    /// The set's number of criteria.
    pub criteria: usize,
    /// Communes meeting each criterion, in the set's order.
    pub per_criterion: Vec<usize>,
}

/// `num / den` to `places` decimals, rounded down; none for an empty denominator.
fn ratio_down(num: usize, den: usize, places: u32) -> Option<Dec> {
    // percent_toward_failing gives num / den * 100.
    Dec::percent_toward_failing(
        Dec::from_int(num as i64),
        Dec::from_int(den as i64 * 100),
        places,
        false,
    )
}

impl Figures {
    pub fn of(criteria: usize, rows: &[&Row]) -> Figures {
        Figures {
            communes: rows.len(),
            all_met: rows.iter().filter(|r| r.met >= criteria).count(),
            met_sum: rows.iter().map(|r| r.met.min(criteria)).sum(),
            criteria,
            per_criterion: (0..criteria)
                .map(|i| rows.iter().filter(|r| r.meets(i)).count())
                .collect(),
        }
    }

    /// Criteria met per commune on average, to two decimals rounded down.
    pub fn average(&self) -> Option<Dec> {
        ratio_down(self.met_sum, self.communes, 2)
    }

    /// "15,21".
    pub fn average_vi(&self) -> String {
        self.average()
            .map(|a| a.fmt_vn(2))
            .unwrap_or_else(|| "—".into())
    }

    /// The share of the communes that `count` is, as a fraction to four decimals rounded down
    /// (a percentage to two): what a spreadsheet cell formatted "0.00%" holds.
    pub fn fraction(&self, count: usize) -> Option<Dec> {
        ratio_down(count, self.communes, 4)
    }

    /// The same share as a percentage to two decimals, rounded down.
    pub fn share(&self, count: usize) -> Option<Dec> {
        ratio_down(count * 100, self.communes, 2)
    }

    /// "58 xã; 12 xã đạt đủ 10/10 tiêu chí (20,68%); bình quân 7,41 tiêu chí/xã".
    pub fn sentence_vi(&self) -> String {
        format!(
            "{} xã; {} xã đạt đủ {n}/{n} tiêu chí ({}); bình quân {} tiêu chí/xã",
            self.communes,
            self.all_met,
            self.share_vi(self.all_met),
            self.average_vi(),
            n = self.criteria
        )
    }

    /// "93,44%", or "—" when there is no commune.
    pub fn share_vi(&self, count: usize) -> String {
        self.share(count)
            .map(percent_vi)
            .unwrap_or_else(|| "—".into())
    }
}

/// A number not below zero to one decimal, "12.3" (the workbook's column widths, the charts'
/// coordinates): written from integers, since the standard library's float printing costs
/// about 10 KB of the tools' module (BENCHMARKS.md).
pub fn tenths(x: f64) -> String {
    let t = (x.max(0.0) * 10.0 + 0.5) as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// A percentage in Vietnamese notation, at most two decimals: "93,44%", "100%".
pub fn percent_vi(d: Dec) -> String {
    format!("{}%", d.fmt_vn_short(2))
}

/// A section's figures, whole and by threshold column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    pub all: Figures,
    /// By column, in the set's order of columns ("Chưa chọn Nhóm xã" last); empty when the set
    /// has no columns and no commune chose one.
    pub by_column: Vec<ByColumn>,
}

/// The figures of the communes of one threshold column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByColumn {
    /// As shown: the column's name, or "Chưa chọn Nhóm xã".
    pub name: String,
    /// `Row::column` of its communes: the column's name, empty for those that chose none.
    pub column: String,
    pub figures: Figures,
}

impl Headline {
    pub fn of(group: &Group, rows: &[&Row]) -> Headline {
        let n = group.set.criteria.len();
        let mut names: Vec<String> = group
            .set
            .columns
            .items
            .iter()
            .map(|c| c.name.clone())
            .filter(|name| rows.iter().any(|r| r.column == *name))
            .collect();
        for r in rows {
            if !r.column.is_empty() && !names.contains(&r.column) {
                names.push(r.column.clone());
            }
        }
        let of = |column: &str| -> Figures {
            let rows: Vec<&Row> = rows
                .iter()
                .copied()
                .filter(|r| r.column == column)
                .collect();
            Figures::of(n, &rows)
        };
        let mut by_column: Vec<ByColumn> = names
            .into_iter()
            .map(|name| ByColumn {
                figures: of(&name),
                column: name.clone(),
                name,
            })
            .collect();
        let unchosen = rows.iter().any(|r| r.column.is_empty());
        if let (Some(label), true) = (group.column_label(), unchosen) {
            by_column.push(ByColumn {
                name: format!("Chưa chọn {label}"),
                column: String::new(),
                figures: of(""),
            });
        }
        Headline {
            all: Figures::of(n, rows),
            by_column,
        }
    }
}

/// How many communes meet 0, 1, …, N criteria.
pub fn histogram(criteria: usize, rows: &[&Row]) -> Vec<usize> {
    let mut h = vec![0; criteria + 1];
    for r in rows {
        h[r.met.min(criteria)] += 1;
    }
    h
}
