//! Editing a draft: every change the editor can make, as data (`Edit`), and the pure function
//! that applies it. The UI's reducer calls `apply`; everything here is tested natively.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Ack, Draft, Entry, Issuer, Judgement, NarrativePart, PeriodKind, SetRef};
use crate::core::report::model::suggestion;
use crate::core::scoring::Scores;
use crate::core::vn::Date;

/// Fields of the report set-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaField {
    Name,
    Commune,
    Province,
    ParentBody,
    IssuingBody,
    /// The set's threshold column (region, commune group).
    Column,
    Programme,
    PeriodLabel,
    Year,
    DocNumber,
    Place,
    Date,
    Recipients,
    Answering,
    SignatoryTitle,
    SignatoryName,
    CopiesTo,
}

/// Who an entry's change is recorded for when it is the draft's own editor: the compiler.
pub const COMPILER: &str = "người soạn";

/// Who makes an edit and when (ISO 8601). An edit that changes an entry's content records
/// them in the entry (`Entry::by`, `Entry::at`); any other edit ignores them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Stamp {
    pub by: String,
    pub at: String,
}

impl Stamp {
    /// The draft's own editor at `at`.
    pub fn compiler(at: impl Into<String>) -> Stamp {
        Stamp {
            by: COMPILER.into(),
            at: at.into(),
        }
    }
}

/// One edit of the open draft.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Meta(MetaField, String),
    /// The commune falls under the set's column rule (xã ĐBKK, ATK).
    RuleColumn(bool),
    /// The annex names who provided each criterion's figures (#28).
    ProvidersAnnex(bool),
    Issuer(Issuer),
    Period(PeriodKind),
    Judgement(String, Judgement),
    Numerator(String, String),
    Denominator(String, String),
    Value(String, String),
    DataYear(String, String),
    Note(String, String),
    /// Acknowledges a finding of an entry (code, finding key, the text it is about, reason);
    /// an empty reason withdraws the acknowledgement.
    Acknowledge {
        code: String,
        kind: String,
        about: String,
        reason: String,
    },
    CriterionNote(u8, String),
    /// Keeps an indicator's entry as the previous period gave it (a blocker until its figures
    /// are entered anew or the keeping is acknowledged with a reason).
    KeepPrevious(String),
    ThresholdValue(String, String),
    ThresholdSource(String, String),
    Narrative(NarrativePart, String),
    AcceptSuggestion(NarrativePart),
}

/// An entry whose figures or judgement are being entered for this period: no longer the previous
/// period's.
fn anew(d: &mut Draft, code: String) -> &mut Entry {
    let e = d.entries.entry(code).or_default();
    e.kept_from.clear();
    e
}

/// Why a typed report year cannot be held, or `None` when it can (a year outside the set's
/// period can, and is a finding of its own).
pub fn year_problem(text: &str) -> Option<String> {
    let t = text.trim();
    match t.parse::<u64>() {
        Ok(y) if u16::try_from(y).is_ok_and(|y| YEARS.contains(&y)) => None,
        Ok(_) => Some(format!(
            "Năm phải từ {} đến {}; bản nháp vẫn giữ năm đã có.",
            YEARS.start(),
            YEARS.end()
        )),
        Err(_) if t.is_empty() => Some("Chưa nhập năm; bản nháp vẫn giữ năm đã có.".into()),
        Err(_) => Some("Năm chỉ gồm chữ số, ví dụ 2026; bản nháp vẫn giữ năm đã có.".into()),
    }
}

/// The years a report may be for.
pub const YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;

impl Edit {
    /// The entry an edit changes (an indicator's code, or a criterion's number), if any.
    pub fn entry_code(&self) -> Option<&str> {
        match self {
            Edit::Judgement(code, _)
            | Edit::Numerator(code, _)
            | Edit::Denominator(code, _)
            | Edit::Value(code, _)
            | Edit::DataYear(code, _)
            | Edit::Note(code, _)
            | Edit::KeepPrevious(code)
            | Edit::Acknowledge { code, .. } => Some(code),
            _ => None,
        }
    }
}

fn set_meta(d: &mut Draft, field: MetaField, v: String) {
    let m = &mut d.meta;
    match field {
        MetaField::Name => d.name = v,
        MetaField::Commune => m.commune = v,
        MetaField::Province => m.province = v,
        MetaField::ParentBody => m.parent_body = v,
        MetaField::IssuingBody => m.issuing_body = v,
        MetaField::Column => m.column = v,
        MetaField::Programme => m.programme = v,
        MetaField::PeriodLabel => m.period_label = v,
        // A year the draft cannot hold keeps the previous one; the input shows what was
        // typed with `year_problem`'s reason.
        MetaField::Year => {
            if year_problem(&v).is_none() {
                if let Ok(y) = v.trim().parse::<u16>() {
                    m.year = y;
                }
            }
        }
        MetaField::DocNumber => m.doc_number = v,
        MetaField::Place => m.place = v,
        MetaField::Date => m.date = Date::parse_iso(&v),
        MetaField::Recipients => m.recipients = v,
        MetaField::Answering => m.answering = v,
        MetaField::SignatoryTitle => m.signatory_title = v,
        MetaField::SignatoryName => m.signatory_name = v,
        MetaField::CopiesTo => m.copies_to = v,
    }
}

/// Applies one edit to a draft. Pure; the set and scores are needed only for suggestions.
/// An entry whose content the edit changes records `stamp` (who and when); an edit that
/// leaves it as it was keeps its provenance.
pub fn apply(d: &mut Draft, edit: Edit, set: &CriteriaSet, scores: &Scores, stamp: &Stamp) {
    let touched = edit
        .entry_code()
        .map(|code| (code.to_string(), d.entries.get(code).cloned()));
    match edit {
        Edit::Meta(f, v) => set_meta(d, f, v),
        Edit::RuleColumn(b) => d.meta.rule_column = b,
        Edit::ProvidersAnnex(b) => d.meta.providers_annex = b,
        Edit::Issuer(i) => d.meta.issuer = i,
        Edit::Period(p) => d.meta.period = p,
        Edit::Judgement(code, j) => anew(d, code).judgement = j,
        Edit::Numerator(code, v) => anew(d, code).numerator = v,
        Edit::Denominator(code, v) => anew(d, code).denominator = v,
        Edit::Value(code, v) => anew(d, code).value = v,
        Edit::DataYear(code, v) => anew(d, code).data_year = v,
        Edit::Note(code, v) => d.entries.entry(code).or_default().note = v,
        Edit::Acknowledge {
            code,
            kind,
            about,
            reason,
        } => {
            let acks = &mut d.entries.entry(code).or_default().acks;
            acks.retain(|a| a.kind != kind);
            if !reason.is_empty() {
                acks.push(Ack {
                    kind,
                    about,
                    reason,
                });
            }
        }
        Edit::CriterionNote(n, v) => {
            d.criterion_notes.insert(n, v);
        }
        Edit::KeepPrevious(code) => {
            if let Some(p) = &d.previous {
                if let Some(e) = p.entries.get(&code) {
                    let kept = Entry {
                        acks: Vec::new(),
                        kept_from: p.period.clone(),
                        ..e.clone()
                    };
                    d.entries.insert(code, kept);
                }
            }
        }
        Edit::ThresholdValue(code, v) => d.user_thresholds.entry(code).or_default().value = v,
        Edit::ThresholdSource(code, v) => d.user_thresholds.entry(code).or_default().source = v,
        Edit::Narrative(part, v) => *d.narrative.get_mut(part) = v,
        Edit::AcceptSuggestion(part) => {
            if let Some(s) = suggestion(part, set, d, scores) {
                let cur = d.narrative.get_mut(part);
                if cur.trim().is_empty() {
                    *cur = s;
                } else {
                    cur.push('\n');
                    cur.push_str(&s);
                }
            }
        }
    }
    if let Some((code, before)) = touched {
        if let Some(after) = d.entries.get_mut(&code) {
            if !before.is_some_and(|b| b.same_content(after)) {
                after.by.clone_from(&stamp.by);
                after.at.clone_from(&stamp.at);
            }
        }
    }
    // Drop entries that became empty, so a draft stays as small as its content.
    d.entries.retain(|_, e| !e.is_blank());
    d.user_thresholds
        .retain(|_, t| !(t.value.is_empty() && t.source.is_empty()));
    d.criterion_notes.retain(|_, n| !n.is_empty());
}

/// A new draft for a set, with sensible defaults for the report: this year's report when the
/// set covers this year, else the last year of the set's period (a set of an earlier period is
/// chosen to finish that period's report). The issuer is the commune's People's Committee,
/// whose signature and copies follow from it; nobody is addressed until the user says so.
pub fn new_draft(id: String, set: &CriteriaSet, today: Option<Date>) -> Draft {
    let mut d = Draft {
        id,
        ..Draft::default()
    };
    d.set = Some(SetRef {
        id: set.id.clone(),
        version: set.version.clone(),
    });
    let year = today
        .map(|t| t.year)
        .filter(|y| set.covers(*y))
        .unwrap_or(set.period.to);
    d.meta.year = year;
    d.meta.period = if today.is_some_and(|t| t.year == year && t.month <= 7) {
        PeriodKind::FirstHalf
    } else {
        PeriodKind::FullYear
    };
    d.meta.date = today.filter(|t| t.year == year);
    d
}

/// The set a new draft should use: the first in the library whose period covers the year,
/// else the one whose period ends last.
pub fn set_for_year(library: &[&CriteriaSet], year: u16) -> Option<usize> {
    let periods: Vec<(u16, u16)> = library
        .iter()
        .map(|s| (s.period.from, s.period.to))
        .collect();
    period_for_year(&periods, year)
}

/// `set_for_year` over periods (from, to): sets the editor lists before reading them.
pub fn period_for_year(periods: &[(u16, u16)], year: u16) -> Option<usize> {
    periods
        .iter()
        .position(|(from, to)| (*from..=*to).contains(&year))
        .or_else(|| {
            periods
                .iter()
                .enumerate()
                .max_by_key(|(i, (_, to))| (*to, std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        })
}
