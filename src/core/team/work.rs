//! Working on a part (on a phone, offline): only its criteria, the summary of its own
//! indicators, the same inputs and checks as the full editor; then "Xuất phần việc đã làm".
//!
//! A part editor's state can hold the `PartFile` itself and send edits to `PartFile::edit`,
//! or hold `working_draft()` and edit it with `core::edit::apply`, taking it back with
//! `with_entries_from`. Either way only the part's entries change: its thresholds, the
//! draft's metadata, notes and narrative stay the compiler's.

use super::file::held;
use super::{same, PartFile, WRITER};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, SetRef};
use crate::core::edit::{apply, Edit, Stamp};
use crate::core::scoring::{score, Scores};

impl PartFile {
    /// The set restricted to the part: its criteria, each with only the part's indicators
    /// (criteria judged whole kept when the part covers them). For the part editor's screens.
    pub fn sub_set(&self) -> CriteriaSet {
        let mut set = self.set.clone();
        set.criteria.retain_mut(|c| {
            if c.indicators.is_empty() {
                return self.codes.contains(&c.number.to_string());
            }
            c.indicators.retain(|i| self.codes.contains(&i.code));
            !c.indicators.is_empty()
        });
        let used: Vec<String> = set.criteria.iter().map(|c| c.group.clone()).collect();
        set.groups.retain(|g| used.contains(&g.id));
        set
    }

    /// The draft a part editor works on: the draft's identity and metadata, the part's
    /// entries and thresholds, and nothing else.
    pub fn working_draft(&self) -> Draft {
        Draft {
            id: self.draft_id.clone(),
            name: self.draft_name.clone(),
            set: Some(SetRef {
                id: self.set.id.clone(),
                version: self.set.version.clone(),
            }),
            meta: self.meta.clone(),
            entries: held(&self.entries, &self.codes),
            user_thresholds: self.thresholds.clone(),
            ..Draft::default()
        }
    }

    /// Who edits a part and when: its person, at `at`.
    pub fn stamp(&self, at: impl Into<String>) -> Stamp {
        Stamp {
            by: self.who.trim().to_string(),
            at: at.into(),
        }
    }

    /// Whether a part editor takes this edit: a change of one of the part's entries. Its
    /// thresholds, the report's metadata, notes and narrative are not the part's to change.
    pub fn accepts(&self, edit: &Edit) -> bool {
        edit.entry_code()
            .is_some_and(|code| self.codes.iter().any(|c| c == code))
    }

    /// Applies an edit of the part's editor, stamped with `stamp` (`PartFile::stamp`); an edit
    /// the part does not accept changes nothing and gives `false`.
    pub fn edit(&mut self, edit: Edit, stamp: &Stamp) -> bool {
        if !self.accepts(&edit) {
            return false;
        }
        let mut draft = self.working_draft();
        // Entry edits need neither the set's suggestions nor scores.
        apply(&mut draft, edit, &self.set, &Scores::default(), stamp);
        self.entries = held(&draft.entries, &self.codes);
        true
    }

    /// The part with its entries taken from a working draft (the part's codes only).
    pub fn with_entries_from(&self, draft: &Draft) -> PartFile {
        PartFile {
            entries: held(&draft.entries, &self.codes),
            ..self.clone()
        }
    }

    /// The part's scores, from the full set so a criterion's status is its own: its
    /// indicators; the criteria it covers whole; their findings. Findings about the report
    /// as a whole (year, column, narrative) are the compiler's and left out.
    pub fn scores(&self) -> Scores {
        self.scores_of(&self.working_draft())
    }

    /// `scores` of a working draft (`working_draft`, edited).
    pub fn scores_of(&self, draft: &Draft) -> Scores {
        let mut draft = draft.clone();
        draft.entries = held(&draft.entries, &self.codes);
        let all = score(&self.set, &draft);
        let whole = super::scope(&self.set, &self.codes).criteria;
        Scores {
            indicators: all
                .indicators
                .into_iter()
                .filter(|s| self.codes.contains(&s.code))
                .collect(),
            criteria: all
                .criteria
                .into_iter()
                .filter(|c| whole.contains(&c.number))
                .collect(),
            findings: all
                .findings
                .into_iter()
                .filter(|f| {
                    f.part.is_none()
                        && if f.code.is_empty() {
                            whole.contains(&f.criterion)
                        } else {
                            self.codes.contains(&f.code)
                        }
                })
                .collect(),
        }
    }

    /// The part's codes whose entries differ from what was handed out, in its order.
    pub fn changed_codes(&self) -> Vec<String> {
        self.codes
            .iter()
            .filter(|c| {
                !same(
                    super::content(&self.base, c),
                    super::content(&self.entries, c),
                )
            })
            .cloned()
            .collect()
    }

    /// The filled part to send back ("Xuất phần việc đã làm"): its file name and text,
    /// written now (`saved_at`) by this build.
    pub fn export_done(&self, saved_at: &str) -> (String, String) {
        let done = PartFile {
            schema: super::PART_SCHEMA,
            saved_at: saved_at.to_string(),
            writer: WRITER,
            app_version: env!("CARGO_PKG_VERSION").into(),
            ..self.clone()
        };
        (done.done_file_name(), done.to_json_pretty())
    }
}
