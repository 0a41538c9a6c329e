//! The open document: the draft with its set and scores, its revision and save state, the
//! stored text its saves go over, why saving is paused, a year typed that the draft cannot
//! hold; and two questions about drafts it makes way for: the undo of a delete, and an
//! imported draft that exists already.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, SetRef};
use crate::core::edit::{apply, year_problem, Edit, MetaField, Stamp};
use crate::core::persist::Elsewhere;
use crate::core::scoring::{score, Scores};
use crate::core::store::Envelope;
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::Reducible;

/// The open draft with its set and scores, always consistent: scores are recomputed by every
/// edit, in the reducer.
#[derive(Clone, PartialEq)]
pub struct Doc {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    pub scores: Shared<Scores>,
}

impl Doc {
    pub fn new(draft: Draft, set: Rc<CriteriaSet>) -> Doc {
        let scores = score(&set, &draft);
        Doc {
            draft: Shared::new(draft),
            set: Shared(set),
            scores: Shared::new(scores),
        }
    }

    pub fn envelope(&self, saved_at: String) -> Envelope {
        Envelope::new((*self.draft).clone(), (*self.set).clone(), saved_at)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    #[default]
    Idle,
    /// Changes typed, not yet written.
    Pending,
    /// Written at this ISO time.
    Saved(String),
    Failed(String),
}

/// What the open draft's saves go over.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Base {
    /// Nothing is stored under its key: a save creates the entry (a new draft, or one deleted
    /// elsewhere that the user keeps).
    #[default]
    Nothing,
    /// The stored text it was read from or last written as: a save goes only over it.
    Stored(Shared<String>),
    /// Storage is blocked: the draft lives in this page only and is never written.
    Memory,
}

impl Base {
    pub fn stored(text: String) -> Base {
        Base::Stored(Shared::new(text))
    }

    /// The stored text a save may go over (`None`: nothing may be stored there).
    pub fn text(&self) -> Option<&str> {
        match self {
            Base::Stored(text) => Some(text.as_str()),
            Base::Nothing | Base::Memory => None,
        }
    }
}

/// Why saving the open draft is paused: what another page did to it (`persist::Elsewhere`).
/// Nothing is written until the user chooses.
#[derive(Clone, PartialEq)]
pub enum Paused {
    /// Another tab saved a version this build reads; its stored text, to write over if the
    /// user keeps this tab's.
    Conflict(Shared<Envelope>, Shared<String>),
    /// Deleted in another tab: a keystroke here must not bring it back unasked.
    Deleted,
    /// A newer version of the app saved it: this older one never writes over it.
    Newer,
    /// Something unreadable replaced it: never written over here.
    Unreadable,
}

/// What a save writes now: the open draft at its revision, over its base.
pub struct Pending {
    pub doc: Doc,
    pub revision: u64,
    pub base: Base,
}

#[derive(Clone, Default, PartialEq)]
pub struct Document {
    pub doc: Option<Doc>,
    pub base: Base,
    /// Counts edits of the open draft; it is saved when `saved_revision` catches up.
    pub revision: u64,
    pub saved_revision: u64,
    pub save: SaveStatus,
    /// Saving is paused: another page changed the stored draft.
    pub paused: Option<Paused>,
    /// A report year typed that the draft cannot hold: the field shows it with its reason
    /// while the draft keeps its year.
    pub year_typed: Option<String>,
    /// A draft just deleted, to bring back.
    pub undo: Option<Shared<Envelope>>,
    /// An imported draft whose id is stored already: replace it, or keep both?
    pub replace: Option<Shared<Envelope>>,
}

pub enum DocAction {
    /// An edit of the open draft, at this ISO time (the stamp of the entries it changes).
    Edit(Edit, String),
    /// A draft to open, with what its saves go over.
    Open(Envelope, Base),
    Close,
    /// Revision `revision` was written as `text` at ISO time `at`.
    Saved {
        revision: u64,
        text: String,
        at: String,
    },
    /// The write failed; the message says why. The previous copy is still stored.
    SaveFailed(String),
    /// What is stored under the open draft's key is not what this page last read or wrote
    /// (`persist::elsewhere`, on another tab's write or before a save): a conflict, a delete,
    /// a newer version's save or something unreadable pauses saving until the user chooses.
    Elsewhere(Elsewhere),
    /// Keep this page's version: the next save goes over the other tab's (or writes back the
    /// deleted draft).
    KeepMine,
    /// Scores the open draft with another set from now on (figures are kept by indicator code).
    ChangeSet(CriteriaSet),
    /// This draft was deleted (and closed, if it was open); it can be brought back.
    Deleted(Envelope),
    ForgetUndo,
    /// An imported draft whose id is stored already: the user is asked.
    AskReplace(Envelope),
    ForgetReplace,
}

impl Document {
    /// Whether the draft of this id is the open one.
    pub fn is_open(&self, id: &str) -> bool {
        self.doc.as_ref().is_some_and(|d| d.draft.id == id)
    }

    pub fn unsaved(&self) -> bool {
        self.doc.is_some() && self.revision > self.saved_revision
    }

    /// Whether leaving the open draft now (another draft, the page closed) would lose work:
    /// edits not yet written, or a draft that lives only in this page.
    pub fn at_risk(&self) -> bool {
        self.unsaved() || (self.doc.is_some() && self.base == Base::Memory)
    }

    /// What a save would write now: nothing when all is written, when saving is paused, or
    /// when the draft lives in memory only.
    pub fn pending(&self) -> Option<Pending> {
        let doc = self.doc.as_ref()?;
        let writable = self.unsaved() && self.paused.is_none() && self.base != Base::Memory;
        writable.then(|| Pending {
            doc: doc.clone(),
            revision: self.revision,
            base: self.base.clone(),
        })
    }

    /// The open draft changed: a new revision, to be saved unless it lives in memory only.
    fn changed(&mut self, doc: Doc) {
        self.doc = Some(doc);
        self.revision += 1;
        if self.base != Base::Memory {
            self.save = SaveStatus::Pending;
        }
    }

    /// A draft opened (or none), its saves going over `base`: nothing of the previous one's
    /// conflicts remains.
    fn settle(&mut self, doc: Option<Doc>, base: Base) {
        self.doc = doc;
        self.year_typed = None;
        self.base = base;
        self.paused = None;
    }

    fn open(&mut self, env: Envelope, base: Base) {
        self.settle(Some(Doc::new(env.draft, Rc::new(env.set))), base);
        self.revision += 1;
        self.saved_revision = self.revision;
        self.save = SaveStatus::Saved(env.saved_at);
    }

    fn close(&mut self) {
        self.settle(None, Base::Nothing);
        self.save = SaveStatus::Idle;
    }

    /// An edit: applied and rescored; nothing changes when the draft holds the same after it.
    fn edit(self: Rc<Self>, edit: Edit, at: String) -> Rc<Self> {
        let mut s = (*self).clone();
        if let Edit::Meta(MetaField::Year, typed) = &edit {
            if year_problem(typed).is_some() {
                s.year_typed = Some(typed.clone());
                return Rc::new(s);
            }
            s.year_typed = None;
        }
        let Some(doc) = &s.doc else { return self };
        let mut draft = (*doc.draft).clone();
        // The editor of the draft itself is its compiler.
        apply(
            &mut draft,
            edit,
            &doc.set,
            &doc.scores,
            &Stamp::compiler(at),
        );
        if draft == *doc.draft {
            // Nothing held changed (a year retyped as it was clears what was shown).
            return if s.year_typed == self.year_typed {
                self
            } else {
                Rc::new(s)
            };
        }
        let set = doc.set.0.clone();
        s.changed(Doc::new(draft, set));
        Rc::new(s)
    }

    fn change_set(&mut self, set: CriteriaSet) {
        let Some(doc) = &self.doc else { return };
        let mut draft = (*doc.draft).clone();
        draft.set = Some(SetRef {
            id: set.id.clone(),
            version: set.version.clone(),
        });
        self.changed(Doc::new(draft, Rc::new(set)));
    }

    /// Another page's doing to the open draft: saving pauses (`Nothing` changes nothing).
    fn elsewhere(&mut self, verdict: Elsewhere) {
        if self.doc.is_none() {
            return;
        }
        self.paused = match verdict {
            Elsewhere::Nothing => return,
            Elsewhere::Conflict { env, stored } => {
                Some(Paused::Conflict(Shared::new(*env), Shared::new(stored)))
            }
            Elsewhere::Deleted => Some(Paused::Deleted),
            Elsewhere::Newer => Some(Paused::Newer),
            Elsewhere::Unreadable => Some(Paused::Unreadable),
        };
    }

    /// The user keeps this page's version over the other tab's (or writes back the deleted
    /// one): the next save goes over what is stored now. A newer version's save or an
    /// unreadable entry is never written over.
    fn keep_mine(&mut self) {
        self.base = match self.paused.take() {
            Some(Paused::Conflict(_, stored)) => Base::Stored(stored),
            Some(Paused::Deleted) => Base::Nothing,
            other => {
                self.paused = other;
                return;
            }
        };
        // This page's version is to be saved.
        self.revision += 1;
        self.save = SaveStatus::Pending;
    }

    /// Revision `revision` was written as `text`: saved, if nothing was typed since.
    fn saved(&mut self, revision: u64, text: String, at: String) {
        self.base = Base::stored(text);
        self.saved_revision = self.saved_revision.max(revision);
        self.save = if self.revision > revision {
            SaveStatus::Pending
        } else {
            SaveStatus::Saved(at)
        };
    }
}

impl Reducible for Document {
    type Action = DocAction;

    fn reduce(self: Rc<Self>, action: DocAction) -> Rc<Self> {
        if let DocAction::Edit(edit, at) = action {
            return self.edit(edit, at);
        }
        let mut s = (*self).clone();
        match action {
            DocAction::Edit(..) => {}
            DocAction::Open(env, base) => s.open(env, base),
            DocAction::Close => s.close(),
            DocAction::Saved { revision, text, at } => s.saved(revision, text, at),
            DocAction::SaveFailed(message) => s.save = SaveStatus::Failed(message),
            DocAction::Elsewhere(verdict) => s.elsewhere(verdict),
            DocAction::KeepMine => s.keep_mine(),
            DocAction::ChangeSet(set) => s.change_set(set),
            DocAction::Deleted(env) => {
                if s.is_open(&env.draft.id) {
                    s.close();
                }
                s.undo = Some(Shared::new(env));
            }
            DocAction::ForgetUndo => s.undo = None,
            DocAction::AskReplace(env) => s.replace = Some(Shared::new(env)),
            DocAction::ForgetReplace => s.replace = None,
        }
        Rc::new(s)
    }
}
