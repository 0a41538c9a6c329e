//! The app's one state and its reducer. Every change goes through `State::reduce`; browser
//! effects (saving, files) happen in `ui::app` around it, never in here.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
use crate::core::edit::{apply, Edit, MetaField, Stamp};
use crate::core::scoring::{score, Scores};
use crate::core::store::Corrupt;
use crate::core::store::{DraftSummary, Envelope};
use std::rc::Rc;
use yew::Reducible;

/// An `Rc` compared by pointer: props holding big shared data stay cheap to compare.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

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
            draft: Shared(Rc::new(draft)),
            set: Shared(set),
            scores: Shared(Rc::new(scores)),
        }
    }

    pub fn envelope(&self, saved_at: String) -> Envelope {
        Envelope::new((*self.draft).clone(), (*self.set).clone(), saved_at)
    }
}

/// A set offered for a new draft or a switch: read, or a shipped one whose file is read when
/// picked (the editor carries only the set in force; see `core::sets::CATALOGUE`).
#[derive(Clone, Copy, Debug)]
pub enum Choice<'a> {
    Read(&'a CriteriaSet),
    Listed(&'static crate::core::sets::Listed),
}

impl Choice<'_> {
    /// "name (version)", as the lists show it.
    pub fn label(&self) -> String {
        match self {
            Choice::Read(s) => format!("{} ({})", s.name, s.version),
            Choice::Listed(l) => format!("{} ({})", l.name, l.version),
        }
    }

    pub fn period(&self) -> (u16, u16) {
        match self {
            Choice::Read(s) => (s.period.from, s.period.to),
            Choice::Listed(l) => (l.from, l.to),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Drafts,
    Setup,
    Assess,
    Narrative,
    Report,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Drafts,
        Tab::Setup,
        Tab::Assess,
        Tab::Narrative,
        Tab::Report,
    ];

    pub fn label_vi(self) -> &'static str {
        match self {
            Tab::Drafts => "Bản nháp",
            Tab::Setup => "Thông tin",
            Tab::Assess => "Đánh giá",
            Tab::Narrative => "Nội dung",
            Tab::Report => "Báo cáo",
        }
    }

    pub fn needs_doc(self) -> bool {
        matches!(
            self,
            Tab::Setup | Tab::Assess | Tab::Narrative | Tab::Report
        )
    }
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

pub enum Action {
    Edit(Edit),
    Tab(Tab),
    /// The list of stored drafts (after loading, saving, deleting, importing).
    Drafts(Vec<DraftSummary>, Vec<Corrupt>),
    Open(Envelope),
    Close,
    Saved {
        revision: u64,
        summary: DraftSummary,
    },
    /// The write failed; the message says why. The previous copy is still stored.
    SaveFailed(String),
    /// Storage blocked: work in memory.
    MemoryOnly,
    Notice(Tone, String),
    ClearNotice,
    /// The same draft changed in another tab.
    Conflict(Envelope),
    /// The open draft was deleted in another tab: saving pauses until the user chooses.
    DeletedElsewhere,
    /// A newer version of the app saved the open draft in another tab: saving stops, so that
    /// this older version never writes over it.
    NewerElsewhere,
    /// Keep this tab's version: it will overwrite the other tab's on the next save.
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
    pub corrupt: Vec<Corrupt>,
    pub doc: Option<Doc>,
    pub tab: Tab,
    /// Counts edits of the open draft; autosave writes when it is ahead of `saved_revision`.
    pub revision: u64,
    pub saved_revision: u64,
    pub save: SaveStatus,
    pub memory_only: bool,
    pub notice: Option<Notice>,
    pub conflict: Option<Shared<Envelope>>,
    /// The open draft was deleted in another tab; nothing is written until the user chooses to
    /// keep it (write it back) or close it.
    pub deleted_elsewhere: bool,
    /// The open draft was saved by a newer version of the app in another tab; nothing is
    /// written here until the page is reloaded (and runs that version) or the draft closed.
    pub newer_elsewhere: bool,
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
            corrupt: vec![],
            doc: None,
            tab: Tab::Drafts,
            revision: 0,
            saved_revision: 0,
            save: SaveStatus::Idle,
            memory_only: false,
            notice: None,
            conflict: None,
            deleted_elsewhere: false,
            newer_elsewhere: false,
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

    /// The open draft changed: a new revision, to be saved unless storage is blocked.
    fn changed(&mut self, doc: Doc) {
        self.doc = Some(doc);
        self.revision += 1;
        if !self.memory_only {
            self.save = SaveStatus::Pending;
        }
    }

    /// A draft opened (or none): nothing of the previous one's conflicts remains.
    fn settle(&mut self, doc: Option<Doc>) {
        self.doc = doc;
        self.year_typed = None;
        self.conflict = None;
        self.deleted_elsewhere = false;
        self.newer_elsewhere = false;
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

    /// Revision `revision` was written: saved if nothing was typed since, and listed.
    fn saved(&mut self, revision: u64, summary: DraftSummary) {
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
            Action::Drafts(list, corrupt) => {
                s.drafts = list;
                s.corrupt = corrupt;
            }
            Action::Open(env) => {
                s.settle(Some(Doc::new(env.draft, Rc::new(env.set))));
                s.revision += 1;
                s.saved_revision = s.revision;
                s.save = SaveStatus::Saved(env.saved_at);
                s.tab = Tab::Assess;
            }
            Action::Close => {
                s.settle(None);
                s.tab = Tab::Drafts;
                s.save = SaveStatus::Idle;
            }
            Action::Saved { revision, summary } => s.saved(revision, summary),
            Action::SaveFailed(message) => s.save = SaveStatus::Failed(message),
            Action::MemoryOnly => {
                s.memory_only = true;
                s.save = SaveStatus::Idle;
            }
            Action::Notice(tone, text) => s.notice = Some(Notice { tone, text }),
            Action::ClearNotice => s.notice = None,
            Action::Conflict(env) => s.conflict = Some(Shared(Rc::new(env))),
            Action::DeletedElsewhere => s.deleted_elsewhere = s.doc.is_some(),
            Action::NewerElsewhere => s.newer_elsewhere = s.doc.is_some(),
            Action::KeepMine => {
                s.conflict = None;
                s.deleted_elsewhere = false;
                // Force a save of this tab's version.
                s.revision += 1;
                s.save = SaveStatus::Pending;
            }
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
                    s.doc = None;
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
