//! Taking a part back ("Gộp vào bản nháp"): a three-way merge, entry by entry, against the
//! entries handed out (or, for a part merged before, as last merged), as git and Automerge
//! judge a change against the common base:
//!
//! | part vs base | draft vs base | result |
//! |---|---|---|
//! | unchanged | any | the draft's (changed only in the draft: kept) |
//! | changed | unchanged | the part's (a `Change`, before → after) |
//! | changed | changed, to the same | the draft's, which is the part's (taken once) |
//! | changed | changed, differently | a `Conflict`, both sides shown, decided by a person |
//!
//! "Changed" compares what was typed (`Entry::same_content`), not who or when. `review` gives
//! the `Plan`; nothing changes until `Plan::apply`, which needs every conflict decided and
//! gives the whole new draft in one step (the editor undoes it by keeping the previous one).

use super::check::check;
use super::{content, same, PartError, PartFile, PartState};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, Entry};
use crate::core::edit::COMPILER;
use crate::core::vecmap::VecMap;

/// One side of a change or conflict: the entry (absent or blank: `None`), who and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub entry: Option<Entry>,
    pub by: String,
    pub at: String,
}

/// An entry the part changed and the draft did not: taken on applying.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub code: String,
    /// The draft's entry now (as handed out).
    pub before: Option<Entry>,
    /// The part's, with who and when.
    pub after: Side,
}

/// Which side a conflict keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The compiler's entry, as the draft has it now.
    Draft,
    /// The team member's entry, from the part.
    Part,
}

/// An entry both the part and the draft changed since it was handed out, differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub code: String,
    /// As handed out.
    pub base: Option<Entry>,
    pub draft: Side,
    pub part: Side,
    /// `None` until the user decides (`Plan::decide`).
    pub choice: Option<Choice>,
}

/// What merging a returned part would do, for the user to review and decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub part_id: String,
    pub who: String,
    /// Taken from the part, in the part's order.
    pub changes: Vec<Change>,
    /// Changed on both sides differently: each needs a choice.
    pub conflicts: Vec<Conflict>,
    /// Changed only in the draft since the part was handed out: kept as they are.
    pub kept: Vec<String>,
    /// The part was merged before and brings nothing new: applying changes nothing.
    pub already_merged: bool,
    /// The part's `saved_at`.
    returned_at: String,
    /// The draft's entries of the part's codes at review: applying to a draft changed since
    /// is refused (review again).
    seen: VecMap<String, Entry>,
    /// The part's entries, each with who and when (filled from the part where missing).
    received: VecMap<String, Entry>,
}

/// Why a plan cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// Conflicts not decided yet, by code.
    Undecided(Vec<String>),
    /// The draft's entries of the part changed since the review.
    DraftChanged,
    /// The draft no longer lists the part.
    NotHandedOut,
}

impl MergeError {
    pub fn message_vi(&self) -> String {
        match self {
            MergeError::Undecided(codes) => format!(
                "Còn {} chỉ tiêu có số liệu khác nhau chưa chọn bản giữ lại: {}.",
                codes.len(),
                codes.join(", ")
            ),
            MergeError::DraftChanged => {
                "Bản nháp đã thay đổi từ khi xem lại phần việc; hãy xem lại trước khi gộp.".into()
            }
            MergeError::NotHandedOut => PartError::NotHandedOut.message_vi(),
        }
    }
}

/// Reviews a returned part against the draft (with the set it is scored with): refused with
/// the reason when the part does not belong to this draft as handed out; else the plan.
pub fn review(draft: &Draft, set: &CriteriaSet, part: &PartFile) -> Result<Plan, PartError> {
    let record = check(draft, set, part)?;
    let base = record.merge_base();
    let received: VecMap<String, Entry> = super::file::held(&part.entries, &record.codes)
        .into_iter()
        .map(|(code, mut e)| {
            // A change that does not say who made it (a file written by hand, or before
            // provenance was kept) is the part's holder's, when the part was written.
            let changed = !same(content(base, &code), Some(&e));
            if changed && e.by.trim().is_empty() {
                e.by.clone_from(&part.who);
                e.at.clone_from(&part.saved_at);
            }
            (code, e)
        })
        .collect();
    // Who and when of a side: the entry's own, else (absent, or typed before provenance was
    // kept) the side's holder and what is known of when.
    let side = |e: Option<&Entry>, by: &str, at: &str| match e {
        Some(e) if !e.by.trim().is_empty() => Side {
            by: e.by.clone(),
            at: e.at.clone(),
            entry: Some(e.clone()),
        },
        _ => Side {
            by: by.to_string(),
            at: at.to_string(),
            entry: e.cloned(),
        },
    };
    let mut plan = Plan {
        part_id: part.id.clone(),
        who: part.who.clone(),
        changes: Vec::new(),
        conflicts: Vec::new(),
        kept: Vec::new(),
        already_merged: record.state == PartState::Merged
            && super::same_map(&record.merged, &received, &record.codes),
        returned_at: part.saved_at.clone(),
        seen: super::file::held(&draft.entries, &record.codes),
        received: VecMap::new(),
    };
    for code in &record.codes {
        let (b, p, d) = (
            content(base, code),
            content(&received, code),
            content(&draft.entries, code),
        );
        match (same(b, p), same(b, d)) {
            (true, true) => {}
            (true, false) => plan.kept.push(code.clone()),
            (false, true) => plan.changes.push(Change {
                code: code.clone(),
                before: d.cloned(),
                after: side(p, &part.who, &part.saved_at),
            }),
            (false, false) if same(p, d) => {}
            (false, false) => plan.conflicts.push(Conflict {
                code: code.clone(),
                base: b.cloned(),
                draft: side(d, COMPILER, ""),
                part: side(p, &part.who, &part.saved_at),
                choice: None,
            }),
        }
    }
    plan.received = received;
    Ok(plan)
}

impl Plan {
    /// Decides the conflict of an entry; `false` when there is none for that code.
    pub fn decide(&mut self, code: &str, choice: Choice) -> bool {
        match self.conflicts.iter_mut().find(|c| c.code == code) {
            Some(c) => {
                c.choice = Some(choice);
                true
            }
            None => false,
        }
    }

    /// The codes of conflicts not decided yet.
    pub fn undecided(&self) -> Vec<String> {
        self.conflicts
            .iter()
            .filter(|c| c.choice.is_none())
            .map(|c| c.code.clone())
            .collect()
    }

    /// Nothing to take and nothing to decide.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.conflicts.is_empty()
    }

    /// The new draft: the part's changes taken, each conflict as decided, the part listed as
    /// merged (at `at`, ISO 8601). Refused while a conflict is undecided, or when the draft
    /// is not the one reviewed. A part merged before that brings nothing new changes nothing.
    pub fn apply(&self, draft: &Draft, at: &str) -> Result<Draft, MergeError> {
        let undecided = self.undecided();
        if !undecided.is_empty() {
            return Err(MergeError::Undecided(undecided));
        }
        let record = draft
            .parts
            .iter()
            .position(|r| r.id == self.part_id)
            .ok_or(MergeError::NotHandedOut)?;
        let codes = draft.parts[record].codes.clone();
        if !super::same_map(&self.seen, &draft.entries, &codes) {
            return Err(MergeError::DraftChanged);
        }
        let mut next = draft.clone();
        let taken = self.changes.iter().map(|c| (&c.code, &c.after)).chain(
            self.conflicts
                .iter()
                .filter(|c| c.choice == Some(Choice::Part))
                .map(|c| (&c.code, &c.part)),
        );
        for (code, side) in taken {
            match &side.entry {
                Some(e) => next.entries.insert(code.clone(), e.clone()),
                None => next.entries.remove(code),
            };
        }
        let r = &mut next.parts[record];
        if !self.already_merged {
            r.state = PartState::Merged;
            r.merged_at = at.to_string();
            r.returned_at.clone_from(&self.returned_at);
            r.merged = self.received.clone();
        }
        Ok(next)
    }
}
