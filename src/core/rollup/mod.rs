//! The roll-up: many communes' draft files read together, as a province's office receives
//! them. Each file is read with the strict rules of an import; a bad file is listed with its
//! reason and skipped. Two files of the same commune and period: the one saved later counts,
//! and the table says which it replaced. Files of different sets (or set versions) are grouped
//! by set, never mixed in one column.

mod export;

pub use export::{long_csv, xlsx};

use crate::core::criteria::CriteriaSet;
use crate::core::num::Dec;
use crate::core::scoring::{score, CriterionStatus, Status};
use crate::core::store::{self, Envelope};

/// A file as picked, dropped or found in an archive.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub name: String,
    pub reason: String,
}

/// One indicator of one commune's file, for the long table.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub code: String,
    pub wording: String,
    /// The figure as a number (a share in %, an amount, a count), when there is one.
    pub figure: Option<Dec>,
    pub unit: String,
    pub threshold: Option<Dec>,
    /// "≥", "≤" or empty.
    pub direction: String,
    pub source: String,
    /// Where the threshold came from: "Bộ tiêu chí", "Xã tự nhập", or empty.
    pub provenance: String,
    pub status: Status,
    /// The status as every output prints it, with the figures' result beside an override.
    pub status_text: String,
}

/// One commune and period.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub province: String,
    pub commune: String,
    pub period: String,
    pub year: u16,
    pub saved_at: String,
    /// One per criterion of the group's set, in its order.
    pub criteria: Vec<CriterionStatus>,
    pub met: usize,
    /// Why the file's report would still be DỰ THẢO (errors of the scoring), in Vietnamese.
    pub problems: Vec<String>,
    pub indicators: Vec<IndicatorRow>,
    /// Files of the same commune and period saved earlier, which this one replaces.
    pub replaces: Vec<String>,
}

/// The files scored with one set (one id and version).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub set: CriteriaSet,
    pub rows: Vec<Row>,
}

impl Group {
    /// How many communes meet each criterion, in the set's order.
    pub fn totals(&self) -> Vec<usize> {
        (0..self.set.criteria.len())
            .map(|i| {
                self.rows
                    .iter()
                    .filter(|r| r.criteria[i] == CriterionStatus::Met)
                    .count()
            })
            .collect()
    }

    /// How many communes meet 0, 1, …, N criteria.
    pub fn histogram(&self) -> Vec<usize> {
        let mut h = vec![0; self.set.criteria.len() + 1];
        for r in &self.rows {
            h[r.met.min(self.set.criteria.len())] += 1;
        }
        h
    }

    /// One commune across periods (oldest first): its rows, with the criteria gained and lost
    /// since the period before, by number.
    pub fn trend(&self, province: &str, commune: &str) -> Vec<(&Row, Vec<u8>, Vec<u8>)> {
        let mut rows: Vec<&Row> = self
            .rows
            .iter()
            .filter(|r| same(&r.commune, commune) && same(&r.province, province))
            .collect();
        rows.sort_by(|a, b| (a.year, &a.saved_at).cmp(&(b.year, &b.saved_at)));
        let numbers: Vec<u8> = self.set.criteria.iter().map(|c| c.number).collect();
        let met = |r: &Row, i: usize| r.criteria[i] == CriterionStatus::Met;
        let mut out = Vec::new();
        for (k, r) in rows.iter().enumerate() {
            let (mut gained, mut lost) = (Vec::new(), Vec::new());
            if let Some(prev) = k.checked_sub(1).map(|p| rows[p]) {
                for (i, n) in numbers.iter().enumerate() {
                    match (met(prev, i), met(r, i)) {
                        (false, true) => gained.push(*n),
                        (true, false) => lost.push(*n),
                        _ => {}
                    }
                }
            }
            out.push((*r, gained, lost));
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Rollup {
    pub groups: Vec<Group>,
    pub rejected: Vec<Rejected>,
}

/// Names compared as people write them: case and surrounding spaces aside.
fn same(a: &str, b: &str) -> bool {
    crate::core::vn::to_lower(a.trim()) == crate::core::vn::to_lower(b.trim())
}

/// Reads every file (a .zip is opened and each of its files read) and tabulates them.
pub fn read_files(inputs: &[Input]) -> Rollup {
    let mut envelopes = Vec::new();
    let mut rejected = Vec::new();
    for input in inputs {
        let is_zip =
            input.bytes.starts_with(b"PK\x03\x04") || input.name.to_lowercase().ends_with(".zip");
        if !is_zip {
            match read_one(&input.bytes) {
                Ok(env) => envelopes.push((input.name.clone(), env)),
                Err(reason) => rejected.push(Rejected {
                    name: input.name.clone(),
                    reason,
                }),
            }
            continue;
        }
        match crate::core::unzip::members(&input.bytes) {
            Err(why) => rejected.push(Rejected {
                name: input.name.clone(),
                reason: format!("Không mở được tệp nén: {why}."),
            }),
            Ok(members) => {
                for (member, bytes) in members {
                    let name = format!("{}/{member}", input.name);
                    match bytes
                        .map_err(|e| format!("Không đọc được: {e}."))
                        .and_then(|b| read_one(&b))
                    {
                        Ok(env) => envelopes.push((name, env)),
                        Err(reason) => rejected.push(Rejected { name, reason }),
                    }
                }
            }
        }
    }
    Rollup {
        groups: group(envelopes),
        rejected,
    }
}

fn read_one(bytes: &[u8]) -> Result<Envelope, String> {
    let text = store::decode(bytes).map_err(|e| e.message_vi())?;
    store::read_import(&text).map_err(|e| e.message_vi())
}

/// The files' rows grouped by set; within a commune and period the later save counts.
fn group(mut envelopes: Vec<(String, Envelope)>) -> Vec<Group> {
    // Later saves first, so the first of a commune and period seen is the one that counts.
    envelopes.sort_by(|a, b| b.1.saved_at.cmp(&a.1.saved_at));
    let mut groups: Vec<Group> = Vec::new();
    for (file, env) in envelopes {
        let at = match groups
            .iter()
            .position(|g| g.set.id == env.set.id && g.set.version == env.set.version)
        {
            Some(i) => i,
            None => {
                groups.push(Group {
                    set: env.set.clone(),
                    rows: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let g = &mut groups[at];
        let meta = &env.draft.meta;
        let period = meta.period_text();
        if let Some(kept) = g.rows.iter_mut().find(|r| {
            same(&r.commune, &meta.commune)
                && same(&r.province, &meta.province)
                && r.period == period
        }) {
            kept.replaces
                .push(format!("{file} (lưu lúc {})", env.saved_at));
            continue;
        }
        g.rows.push(row(file, &env));
    }
    for g in &mut groups {
        g.rows.sort_by(|a, b| {
            let key = |r: &Row| {
                (
                    crate::core::vn::to_lower(&r.commune),
                    r.year,
                    r.period.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
    }
    groups.sort_by(|a, b| (&a.set.name, &a.set.version).cmp(&(&b.set.name, &b.set.version)));
    groups
}

fn row(file: String, env: &Envelope) -> Row {
    let scores = score(&env.set, &env.draft);
    let indicators = env
        .set
        .indicators()
        .filter_map(|(_, ind)| {
            let s = scores.indicator(&ind.code)?;
            let t = s.threshold.applied();
            Some(IndicatorRow {
                code: ind.code.clone(),
                wording: ind.wording.clone(),
                figure: s.figure.as_ref().map(|f| f.value()),
                unit: ind.kind.unit().to_string(),
                threshold: t.map(|t| t.value),
                direction: t
                    .map(|t| t.direction.symbol().to_string())
                    .unwrap_or_default(),
                source: t.map(|t| t.source().to_string()).unwrap_or_default(),
                provenance: match t {
                    Some(t) if t.from_commune() => "Xã tự nhập".into(),
                    Some(_) => "Bộ tiêu chí".into(),
                    None => String::new(),
                },
                status: s.status,
                status_text: s.status_text(),
            })
        })
        .collect();
    let meta = &env.draft.meta;
    Row {
        file,
        province: meta.province.trim().to_string(),
        commune: meta.commune.trim().to_string(),
        period: meta.period_text(),
        year: meta.year,
        saved_at: env.saved_at.clone(),
        criteria: scores.criteria.iter().map(|c| c.status).collect(),
        met: scores.met_count(),
        problems: scores.blocking().map(|f| f.message.clone()).collect(),
        indicators,
        replaces: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
