//! The app's one state and its reducer. Every change goes through `State::reduce`; browser
//! effects (saving, files) happen in `ui::app` around it, never in here.

use crate::core::criteria::CriteriaSet;
use crate::core::edit::{apply, Edit, MetaField, Stamp};
use crate::core::persist::{Elsewhere, Kept};
use crate::core::store::{DraftSummary, Envelope};
use crate::ui::chrome::{Notice, Tone};
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::Reducible;

mod parts;
pub use parts::{Choice, Doc, Tab};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// Changes typed, not yet written.
    Pending,
    /// Written at this ISO time.
    Saved(String),
    Failed(String),
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

pub enum Action {
    Edit(Edit),
    Tab(Tab),
    /// The list of stored drafts (after loading, saving, deleting, importing), and the
    /// entries kept without use (made by a newer version, unreadable).
    Drafts(Vec<DraftSummary>, Vec<Kept>),
    /// A draft to open, with the stored text it was read from (`None` in memory only).
    Open(Envelope, Option<String>),
    Close,
    /// Revision `revision` was written as `text`.
    Saved {
        revision: u64,
        summary: DraftSummary,
        text: String,
    },
    /// The write failed; the message says why. The previous copy is still stored.
    SaveFailed(String),
    /// Storage blocked: work in memory.
    MemoryOnly,
    Notice(Tone, String),
    ClearNotice,
    /// What is stored under the open draft's key is not what this tab last read or wrote
    /// (`persist::elsewhere`, on another tab's write or before a save): a conflict, a delete,
    /// a newer version's save or something unreadable pauses saving until the user chooses.
    Elsewhere(Elsewhere),
    /// Keep this tab's version: it will overwrite the other tab's (or write back the deleted
    /// draft) on the next save.
    KeepMine,
    Library(Vec<CriteriaSet>),
    /// A shipped set's file was read (on demand).
    Shipped(CriteriaSet),
    /// Scores the open draft with another set from now on (figures are kept by indicator code).
    ChangeSet(CriteriaSet),
    Deleted(Envelope),
    ForgetUndo,
    AskReplace(Envelope),
    ForgetReplace,
    UpdateReady,
    OfflineReady,
    Online(bool),
    Persisted(Option<bool>),
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub shipped: Shared<Vec<CriteriaSet>>,
    pub user_sets: Shared<Vec<CriteriaSet>>,
    pub drafts: Vec<DraftSummary>,
    /// Stored entries kept without use: made by a newer version, or unreadable.
    pub kept: Vec<Kept>,
    pub doc: Option<Doc>,
    /// The stored text the open draft is based on (read when opened, or last written here):
    /// a save goes only over it.
    pub base: Option<Shared<String>>,
    pub tab: Tab,
    /// Counts edits of the open draft; autosave writes when it is ahead of `saved_revision`.
    pub revision: u64,
    pub saved_revision: u64,
    pub save: SaveStatus,
    pub memory_only: bool,
    pub notice: Option<Notice>,
    /// Saving the open draft is paused: another page changed it.
    pub paused: Option<Paused>,
    pub undo: Option<Shared<Envelope>>,
    pub replace: Option<Shared<Envelope>>,
    pub update_ready: bool,
    pub offline_ready: bool,
    pub online: bool,
    pub persisted: Option<bool>,
    /// A report year typed that the draft cannot hold: the field shows it with its reason
    /// while the draft keeps its year.
    pub year_typed: Option<String>,
}

impl State {
    pub fn new(shipped: Vec<CriteriaSet>) -> State {
        State {
            shipped: Shared(Rc::new(shipped)),
            user_sets: Shared(Rc::new(vec![])),
            drafts: vec![],
            kept: vec![],
            doc: None,
            base: None,
            tab: Tab::Drafts,
            revision: 0,
            saved_revision: 0,
            save: SaveStatus::Idle,
            memory_only: false,
            notice: None,
            paused: None,
            undo: None,
            replace: None,
            update_ready: false,
            offline_ready: false,
            online: true,
            persisted: None,
            year_typed: None,
        }
    }

    /// Every set the user can start a draft with, as offered: the shipped ones in the
    /// catalogue's order (read, or only listed until the user picks one), then their own.
    pub fn choices(&self) -> Vec<Choice<'_>> {
        let shipped = crate::core::sets::CATALOGUE.iter().map(|l| {
            match self
                .shipped
                .iter()
                .find(|s| s.id == l.id && s.version == l.version)
            {
                Some(s) => Choice::Read(s),
                None => Choice::Listed(l),
            }
        });
        shipped
            .chain(self.user_sets.iter().map(Choice::Read))
            .collect()
    }

    pub fn unsaved(&self) -> bool {
        self.doc.is_some() && self.revision > self.saved_revision
    }

    /// Whether leaving the open draft now (another draft, the page closed) would lose work:
    /// edits not yet written, or a draft that lives only in this page.
    pub fn at_risk(&self) -> bool {
        self.unsaved() || (self.memory_only && self.doc.is_some())
    }

    /// The open draft changed: a new revision, to be saved unless storage is blocked.
    fn changed(&mut self, doc: Doc) {
        self.doc = Some(doc);
        self.revision += 1;
        if !self.memory_only {
            self.save = SaveStatus::Pending;
        }
    }

    /// A draft opened (or none), based on `base`: nothing of the previous one's conflicts
    /// remains.
    fn settle(&mut self, doc: Option<Doc>, base: Option<String>) {
        self.doc = doc;
        self.year_typed = None;
        self.base = base.map(|b| Shared(Rc::new(b)));
        self.paused = None;
    }

    /// Another page's doing to the open draft: saving pauses (`Nothing` changes nothing).
    fn elsewhere(&mut self, verdict: Elsewhere) {
        if self.doc.is_none() {
            return;
        }
        self.paused = match verdict {
            Elsewhere::Nothing => return,
            Elsewhere::Conflict { env, stored } => Some(Paused::Conflict(
                Shared(Rc::new(*env)),
                Shared(Rc::new(stored)),
            )),
            Elsewhere::Deleted => Some(Paused::Deleted),
            Elsewhere::Newer => Some(Paused::Newer),
            Elsewhere::Unreadable => Some(Paused::Unreadable),
        };
    }

    /// The user keeps this tab's version over the other tab's (or writes back the deleted
    /// one): the next save goes over what is stored now. A newer version's save or an
    /// unreadable entry is never written over.
    fn keep_mine(&mut self) {
        self.base = match self.paused.take() {
            Some(Paused::Conflict(_, stored)) => Some(stored),
            Some(Paused::Deleted) => None,
            other => {
                self.paused = other;
                return;
            }
        };
        // Force a save of this tab's version.
        self.revision += 1;
        self.save = SaveStatus::Pending;
    }

    /// A shipped set's file was read: it joins the sets the editor holds (once).
    fn read_shipped(&mut self, set: CriteriaSet) {
        let known = self
            .shipped
            .iter()
            .any(|x| x.id == set.id && x.version == set.version);
        if !known {
            let mut all = (*self.shipped).clone();
            all.push(set);
            self.shipped = Shared(Rc::new(all));
        }
    }

    /// Revision `revision` was written as `text`: saved if nothing was typed since, and listed.
    fn saved(&mut self, revision: u64, summary: DraftSummary, text: String) {
        self.base = Some(Shared(Rc::new(text)));
        self.saved_revision = self.saved_revision.max(revision);
        self.save = if self.revision > revision {
            SaveStatus::Pending
        } else {
            SaveStatus::Saved(summary.saved_at.clone())
        };
        match self.drafts.iter_mut().find(|d| d.id == summary.id) {
            Some(d) => *d = summary,
            None => self.drafts.insert(0, summary),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(Edit::Meta(MetaField::Year, typed))
                if crate::core::edit::year_problem(&typed).is_some() =>
            {
                s.year_typed = Some(typed);
            }
            Action::Edit(edit) => {
                let Some(doc) = &s.doc else { return self };
                if matches!(edit, Edit::Meta(MetaField::Year, _)) {
                    s.year_typed = None;
                }
                let mut draft = (*doc.draft).clone();
                // The editor of the draft itself is its compiler; the clock only stamps entries.
                let stamp = Stamp::compiler(crate::web::clock::now_iso());
                apply(&mut draft, edit, &doc.set, &doc.scores, &stamp);
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
            }
            Action::Tab(t) => {
                if t.needs_doc() && s.doc.is_none() {
                    s.tab = Tab::Drafts;
                } else {
                    s.tab = t;
                }
            }
            Action::Drafts(list, kept) => {
                s.drafts = list;
                s.kept = kept;
            }
            Action::Open(env, base) => {
                s.settle(Some(Doc::new(env.draft, Rc::new(env.set))), base);
                s.revision += 1;
                s.saved_revision = s.revision;
                s.save = SaveStatus::Saved(env.saved_at);
                s.tab = Tab::Assess;
            }
            Action::Close => {
                s.settle(None, None);
                s.tab = Tab::Drafts;
                s.save = SaveStatus::Idle;
            }
            Action::Saved {
                revision,
                summary,
                text,
            } => s.saved(revision, summary, text),
            Action::SaveFailed(message) => s.save = SaveStatus::Failed(message),
            Action::MemoryOnly => {
                s.memory_only = true;
                s.save = SaveStatus::Idle;
            }
            Action::Notice(tone, text) => s.notice = Some(Notice { tone, text }),
            Action::ClearNotice => s.notice = None,
            Action::Elsewhere(verdict) => s.elsewhere(verdict),
            Action::KeepMine => s.keep_mine(),
            Action::Library(sets) => s.user_sets = Shared(Rc::new(sets)),
            Action::Shipped(set) => s.read_shipped(set),
            Action::ChangeSet(set) => {
                let Some(doc) = &s.doc else { return self };
                let mut draft = (*doc.draft).clone();
                draft.set = Some(crate::core::draft::SetRef {
                    id: set.id.clone(),
                    version: set.version.clone(),
                });
                s.changed(Doc::new(draft, Rc::new(set)));
            }
            Action::Deleted(env) => {
                if s.doc.as_ref().is_some_and(|d| d.draft.id == env.draft.id) {
                    s.settle(None, None);
                    s.save = SaveStatus::Idle;
                }
                s.drafts.retain(|d| d.id != env.draft.id);
                s.undo = Some(Shared(Rc::new(env)));
            }
            Action::ForgetUndo => s.undo = None,
            Action::AskReplace(env) => s.replace = Some(Shared(Rc::new(env))),
            Action::ForgetReplace => s.replace = None,
            Action::UpdateReady => s.update_ready = true,
            Action::OfflineReady => s.offline_ready = true,
            Action::Online(b) => s.online = b,
            Action::Persisted(p) => s.persisted = p,
        }
        Rc::new(s)
    }
}
