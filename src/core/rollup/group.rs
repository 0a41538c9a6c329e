//! Files into groups and rows. A group is one set's content (id, version, fingerprint); a row is
//! one commune and period, from its latest file, whichever version of the set that file used.
//! Every figure of a row is read from the file's assessed view (`Scores`).

use super::{communes, Group, IndicatorRow, Row};
use crate::core::criteria::CriteriaSet;
use crate::core::scoring::{
    effective_column, score, Acknowledged, CriterionStatus, FindingKind, IndicatorScore, Scores,
    Status,
};
use crate::core::store::Envelope;
use crate::core::vn::{compose, name_key};
use std::collections::BTreeMap;

/// What makes files one commune and period: the set's id (any version), the province, the
/// commune (or, for a file that gives no name, the file's place in the input: never shared),
/// the period.
type Identity = (String, String, String, String);

/// A file read, and its row as it stands if no later file of its commune and period replaces
/// it: scored once, when it is read (the long part of a roll-up, done a few files at a time).
pub(crate) struct Read {
    env: Envelope,
    row: Row,
}

impl Read {
    pub(crate) fn new(file: String, env: Envelope) -> Read {
        let key = communes::key(&env.draft.meta.commune);
        let row = row(file, &env, key);
        Read { env, row }
    }
}

/// The files' rows grouped by set content; within a commune and period the later save counts.
pub(super) fn group(mut files: Vec<Read>) -> Vec<Group> {
    // Later saves first (a stable sort: equal times keep the input's order), so the first file
    // of a commune and period seen is the one that counts.
    files.sort_by(|a, b| b.env.saved_at.cmp(&a.env.saved_at));
    let mut groups: Vec<Group> = Vec::new();
    let mut slots: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut seen: BTreeMap<Identity, (usize, usize)> = BTreeMap::new();
    for (n, Read { env, row }) in files.into_iter().enumerate() {
        let fingerprint = fingerprint(&env.set, &groups);
        let meta = &env.draft.meta;
        let key = &row.key;
        let who = if key.is_empty() {
            format!("\u{0}{n}")
        } else {
            key.clone()
        };
        let identity = (
            env.set.id.clone(),
            name_key(&meta.province),
            who,
            name_key(&meta.period_text()),
        );
        if let Some(&(g, r)) = seen.get(&identity) {
            let note = replaced(&row.file, &env, &groups[g], &fingerprint);
            groups[g].rows[r].replaces.push(note);
            continue;
        }
        let slot = (env.set.id.clone(), env.set.version.clone(), fingerprint);
        let g = match slots.get(&slot) {
            Some(g) => *g,
            None => {
                groups.push(Group {
                    set: env.set.clone(),
                    fingerprint: slot.2.clone(),
                    variant: false,
                    rows: Vec::new(),
                });
                slots.insert(slot, groups.len() - 1);
                groups.len() - 1
            }
        };
        seen.insert(identity, (g, groups[g].rows.len()));
        groups[g].rows.push(row);
    }
    for g in &mut groups {
        g.rows.sort_by(|a, b| {
            (&a.key, a.year, &a.period, &a.file).cmp(&(&b.key, b.year, &b.period, &b.file))
        });
    }
    groups.sort_by(|a, b| {
        (&a.set.name, &a.set.version, &a.fingerprint).cmp(&(
            &b.set.name,
            &b.set.version,
            &b.fingerprint,
        ))
    });
    let ids: Vec<(String, String)> = groups
        .iter()
        .map(|g| (g.set.id.clone(), g.set.version.clone()))
        .collect();
    for (k, g) in groups.iter_mut().enumerate() {
        g.variant = ids.iter().filter(|id| **id == ids[k]).count() > 1;
    }
    groups
}

/// The fingerprint of a file's set: that of a group whose set is equal (a province's files
/// mostly carry one set, and comparing is cheaper than serialising and hashing), else computed.
fn fingerprint(set: &CriteriaSet, groups: &[Group]) -> String {
    groups
        .iter()
        .find(|g| g.set == *set)
        .map(|g| g.fingerprint.clone())
        .unwrap_or_else(|| set.fingerprint())
}

/// How a row names a file it replaced: the file, its set's version where it differs, its time.
fn replaced(file: &str, env: &Envelope, kept: &Group, fingerprint: &str) -> String {
    let set = if env.set.version != kept.set.version {
        format!("bộ tiêu chí phiên bản {}, ", env.set.version)
    } else if fingerprint != kept.fingerprint {
        "cùng phiên bản bộ tiêu chí nhưng khác nội dung, ".to_string()
    } else {
        String::new()
    };
    format!("{file} ({set}lưu lúc {})", env.saved_at)
}

fn row(file: String, env: &Envelope, key: String) -> Row {
    let scores = score(&env.set, &env.draft);
    let meta = &env.draft.meta;
    let column = effective_column(&env.set, &env.draft)
        .map(|id| {
            env.set
                .column(id)
                .map_or(id, |c| c.name.as_str())
                .to_string()
        })
        .unwrap_or_default();
    let unassessed = scores
        .indicators
        .iter()
        .filter(|s| s.status == Status::NotAssessed)
        .count()
        + scores
            .criteria
            .iter()
            .filter(|c| c.whole && c.status == CriterionStatus::Incomplete)
            .count();
    let acknowledged = scores
        .indicators
        .iter()
        .flat_map(|s| &s.acknowledged)
        .chain(scores.criteria.iter().flat_map(|c| &c.acknowledged))
        .filter(|a| a.kind != FindingKind::Override)
        .count();
    Row {
        file,
        province: compose(meta.province.trim()),
        commune: compose(meta.commune.trim()),
        key,
        period: meta.period_text(),
        year: meta.year,
        saved_at: env.saved_at.clone(),
        column,
        criteria: scores.criteria.iter().map(|c| c.status).collect(),
        met: scores.met_count(),
        problems: scores.blocking().map(|f| f.message.clone()).collect(),
        unassessed,
        acknowledged,
        overrides: scores
            .indicators
            .iter()
            .filter(|s| s.overrides.is_some())
            .count(),
        indicators: lines(&env.set, &scores),
        replaces: Vec::new(),
    }
}

/// "Đánh giá khác kết quả theo số liệu: …; Số liệu cũ hơn kỳ báo cáo: …".
fn explained(acks: &[Acknowledged]) -> String {
    acks.iter()
        .map(|a| format!("{}: {}", a.kind.ack_label_vi(), a.reason))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The long table's lines of one file: each indicator, and each criterion judged whole or
/// with acknowledgements of its own.
fn lines(set: &CriteriaSet, scores: &Scores) -> Vec<IndicatorRow> {
    let mut out = Vec::new();
    let mut indicators = scores.indicators.iter().peekable();
    for (c, cs) in set.criteria.iter().zip(&scores.criteria) {
        if cs.whole || !cs.acknowledged.is_empty() {
            out.push(IndicatorRow {
                criterion: c.number,
                code: String::new(),
                wording: c.name.clone(),
                figure: None,
                unit: String::new(),
                threshold: None,
                direction: String::new(),
                source: String::new(),
                provenance: String::new(),
                by_figures: String::new(),
                status_text: cs.status.label_vi().to_string(),
                explained: explained(&cs.acknowledged),
            });
        }
        for ind in &c.indicators {
            let Some(s) = indicators.next_if(|s| s.code == ind.code) else {
                continue;
            };
            out.push(line(c.number, &ind.wording, ind.kind.unit(), s));
        }
    }
    out
}

fn line(criterion: u8, wording: &str, unit: &str, s: &IndicatorScore) -> IndicatorRow {
    let t = s.threshold.applied();
    IndicatorRow {
        criterion,
        code: s.code.clone(),
        wording: wording.to_string(),
        figure: s.figure.as_ref().map(|f| f.value()),
        unit: unit.to_string(),
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
        by_figures: s.figures_text().to_string(),
        status_text: s.status_text(),
        explained: explained(&s.acknowledged),
    }
}
