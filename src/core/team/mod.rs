//! The commune's team: parts of the assessment handed out to the officials who hold the
//! figures, worked on elsewhere (a phone, offline), taken back and merged without losing a
//! figure. No server: a part travels as a file (`file.rs`, format in `FORMAT.md`).
//!
//! - `handout.rs`: which indicators a part covers, handing it out (`hand_out`: the draft lists
//!   it, the file carries what the person needs), and the draft's list (`mark_returned`,
//!   `withdraw`).
//! - `file.rs`: the part file, written and read strictly like any import (`read_part`), or as
//!   the app stored it (`read_part_stored`); a part whose draft is not on this device becomes a
//!   draft of its own (`PartFile::to_envelope`).
//! - `check.rs`: what a part must be to be read or taken into a draft, and every refusal
//!   (`PartError`, in Vietnamese).
//! - `work.rs`: working on a part: its sub-set, its scores, the edits it accepts, the filled
//!   part written back.
//! - `merge.rs`: taking a part back: a three-way merge, entry by entry, against what was handed
//!   out (`review` gives a `Plan`; `Plan::apply`, once every conflict is decided, the new draft).
//!
//! Every entry remembers who changed it last and when (`Entry::by`, `Entry::at`), stamped by
//! `edit::apply`; `providers` lists them per criterion for the report's annex.

mod check;
mod file;
mod handout;
mod merge;
mod work;

pub use check::PartError;
pub use file::{decode_part, is_part, read_part, read_part_stored, PartFile};
pub use handout::{
    codes_of, entry_codes, hand_out, mark_returned, resolve_codes, withdraw, HandOutError, Request,
};
pub use merge::{review, Change, Choice, Conflict, MergeError, Plan, Side};

use crate::core::criteria::CriteriaSet;
pub use crate::core::draft::{PartRecord, PartState};

use crate::core::draft::{Draft, Entry};
use crate::core::vecmap::VecMap;

/// The `kind` of a part file, beside the app's mark.
pub const KIND: &str = "phan-viec";
/// The part file's format. History: 1 — first (2026-12).
pub const PART_SCHEMA: u32 = 1;
pub use crate::core::writer::WRITER;

impl PartRecord {
    /// "tiêu chí 5, 6; chỉ tiêu 17.8": what the part covers, for lists and messages.
    pub fn scope_vi(&self, set: &CriteriaSet) -> String {
        scope(set, &self.codes).text_vi()
    }
}

impl PartFile {
    /// "tiêu chí 16; chỉ tiêu 9.2": what the part covers.
    pub fn scope_vi(&self) -> String {
        scope(&self.set, &self.codes).text_vi()
    }
}

/// What a list of codes covers, in a set: criteria wholly covered, and single indicators of
/// the others.
pub(crate) struct Scope {
    pub criteria: Vec<u8>,
    pub indicators: Vec<String>,
}

impl Scope {
    fn text_vi(&self) -> String {
        let join = |v: Vec<String>| v.join(", ");
        let criteria = join(self.criteria.iter().map(u8::to_string).collect());
        let indicators = join(self.indicators.clone());
        match (criteria.is_empty(), indicators.is_empty()) {
            (false, true) => format!("tiêu chí {criteria}"),
            (true, false) => format!("chỉ tiêu {indicators}"),
            (false, false) => format!("tiêu chí {criteria}; chỉ tiêu {indicators}"),
            (true, true) => String::new(),
        }
    }
}

pub(crate) fn scope(set: &CriteriaSet, codes: &[String]) -> Scope {
    let mut out = Scope {
        criteria: Vec::new(),
        indicators: Vec::new(),
    };
    for c in &set.criteria {
        let own = codes_of(set, c.number);
        let held: Vec<&String> = own.iter().filter(|k| codes.contains(k)).collect();
        if !held.is_empty() && held.len() == own.len() {
            out.criteria.push(c.number);
        } else {
            out.indicators.extend(held.into_iter().cloned());
        }
    }
    out
}

/// A short fingerprint of a set's content ("crc32 in hex - length of its JSON"): two sets
/// with the same id and version but different thresholds or wordings differ here.
pub fn set_fingerprint(set: &CriteriaSet) -> String {
    let json = crate::core::json::to_string(set);
    format!(
        "{:08x}-{}",
        crate::core::crc32::hash(json.as_bytes()),
        json.len()
    )
}

/// Who provided each criterion's figures: per criterion of the set, in its order, the
/// distinct `by` of its entries (its indicators', and its own for a criterion judged whole),
/// in the order of its indicators. Empty where no entry says who (entries typed before
/// provenance was kept).
pub fn providers(set: &CriteriaSet, draft: &Draft) -> Vec<(u8, Vec<String>)> {
    set.criteria
        .iter()
        .map(|c| {
            let mut who: Vec<String> = Vec::new();
            for code in codes_of(set, c.number) {
                if let Some(e) = draft.entries.get(&code) {
                    if !e.by.trim().is_empty() && !who.contains(&e.by) {
                        who.push(e.by.clone());
                    }
                }
            }
            (c.number, who)
        })
        .collect()
}

/// Whether an id is one the app writes for drafts and parts.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.trim().is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// An entry of a map, a blank one counted as absent.
pub(crate) fn content<'a>(map: &'a VecMap<String, Entry>, code: &str) -> Option<&'a Entry> {
    map.get(code).filter(|e| !e.is_blank())
}

/// Two entries (absent or blank: `None`) with the same content, whoever typed them.
pub(crate) fn same(a: Option<&Entry>, b: Option<&Entry>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => a.same_content(b),
        _ => false,
    }
}

/// Two maps with the same content under every one of `codes`.
pub(crate) fn same_map(
    a: &VecMap<String, Entry>,
    b: &VecMap<String, Entry>,
    codes: &[String],
) -> bool {
    codes.iter().all(|c| same(content(a, c), content(b, c)))
}
