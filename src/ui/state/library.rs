//! The library: the sets a draft can be started with or moved to, the stored drafts, and the
//! stored entries this build keeps without use (a newer version's, or unreadable ones).

use crate::core::criteria::CriteriaSet;
use crate::core::persist::Kept;
use crate::core::store::DraftSummary;
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, PartialEq)]
pub struct Library {
    /// The shipped sets read so far: the set in force, and those the user picked.
    pub shipped: Shared<Vec<CriteriaSet>>,
    /// The user's own sets that can start a draft.
    pub user_sets: Shared<Vec<CriteriaSet>>,
    pub drafts: Vec<DraftSummary>,
    /// Stored entries kept without use: made by a newer version, or unreadable.
    pub kept: Vec<Kept>,
    /// The set last received through "Mở tệp nhận được" (id, version): the province's,
    /// offered first for a new draft, also after a reload (`ops::RECEIVED_SET_KEY`).
    pub received: Option<(String, String)>,
}

pub enum LibraryAction {
    /// The stored drafts, and the entries kept without use, as listed now.
    Listed(Vec<DraftSummary>, Vec<Kept>),
    UserSets(Vec<CriteriaSet>),
    /// A shipped set's file was read (on demand).
    Shipped(CriteriaSet),
    /// A draft was written: listed with what it is now.
    Saved(DraftSummary),
    /// The draft of this id was deleted.
    Removed(String),
    /// A set (id, version) was received from the province.
    Received(String, String),
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

    /// How many indicators the set has.
    pub fn indicators(&self) -> usize {
        match self {
            Choice::Read(s) => s.indicators().count(),
            Choice::Listed(l) => l.indicators,
        }
    }

    /// "name (version) · 47 chỉ tiêu", or that it has none yet: what a list of sets shows.
    pub fn label_counted(&self) -> String {
        match self.indicators() {
            0 => format!("{} · chưa có chỉ tiêu", self.label()),
            n => format!("{} · {n} chỉ tiêu", self.label()),
        }
    }

    pub fn period(&self) -> (u16, u16) {
        match self {
            Choice::Read(s) => (s.period.from, s.period.to),
            Choice::Listed(l) => (l.from, l.to),
        }
    }
}

impl Library {
    pub fn new(shipped: Vec<CriteriaSet>) -> Library {
        Library {
            shipped: Shared::new(shipped),
            user_sets: Shared::new(Vec::new()),
            drafts: Vec::new(),
            kept: Vec::new(),
            received: None,
        }
    }

    /// The index among `choices` of the set received from the province, if any.
    pub fn received_choice(&self) -> Option<usize> {
        let (id, version) = self.received.as_ref()?;
        self.choices().iter().position(|c| match c {
            Choice::Read(s) => &s.id == id && &s.version == version,
            Choice::Listed(l) => l.id == id && l.version == version,
        })
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

    /// A shipped set's file was read: it joins the sets held (once).
    fn read_shipped(&mut self, set: CriteriaSet) {
        let known = self
            .shipped
            .iter()
            .any(|x| x.id == set.id && x.version == set.version);
        if !known {
            let mut all = (*self.shipped).clone();
            all.push(set);
            self.shipped = Shared::new(all);
        }
    }
}

impl Reducible for Library {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            LibraryAction::Listed(drafts, kept) => {
                s.drafts = drafts;
                s.kept = kept;
            }
            LibraryAction::UserSets(sets) => s.user_sets = Shared::new(sets),
            LibraryAction::Shipped(set) => s.read_shipped(set),
            LibraryAction::Saved(summary) => {
                match s.drafts.iter_mut().find(|d| d.id == summary.id) {
                    Some(d) => *d = summary,
                    None => s.drafts.insert(0, summary),
                }
            }
            LibraryAction::Removed(id) => s.drafts.retain(|d| d.id != id),
            LibraryAction::Received(id, version) => s.received = Some((id, version)),
        }
        Rc::new(s)
    }
}
