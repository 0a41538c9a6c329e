//! The set page's state and its reducer: the shipped and the user's sets, entries that are not
//! readable, the set open in the editor, the notice, the review of a new version.

use super::review::Review;
use crate::core::criteria::CriteriaSet;
use crate::core::persist::Kept as Corrupt;
use crate::core::set_store::StoredSet;
use crate::ui::chrome::{Notice, Tone};
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// The set open in the editor: its key and the time it was stored when opened, which tells
/// whether another tab saved it since; the set as opened (the editor keeps it even if another
/// tab deletes it); whether it is a copy just made, to be named.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    pub key: String,
    pub saved_at: String,
    pub set: Shared<CriteriaSet>,
    pub fresh: bool,
}

#[derive(Clone, PartialEq)]
pub struct Page {
    pub shipped: Shared<Vec<CriteriaSet>>,
    pub user: Shared<Vec<StoredSet>>,
    /// Stored entries that are not readable sets: listed, to download or delete.
    pub unreadable: Vec<Corrupt>,
    pub editing: Option<Editing>,
    pub notice: Option<Notice>,
    pub memory_only: bool,
    pub offline_ready: bool,
    /// A new version of a set was imported: its changes and the drafts it concerns.
    pub review: Option<Review>,
}

pub enum PageAction {
    Loaded(Vec<StoredSet>, Vec<Corrupt>),
    Edit(Option<Editing>),
    Notice(Tone, String),
    MemoryOnly,
    OfflineReady,
    Review(Option<Review>),
    /// The draft with this id was moved to the reviewed version.
    Moved(String),
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PageAction::Loaded(user, unreadable) => {
                s.user = Shared(Rc::new(user));
                s.unreadable = unreadable;
            }
            PageAction::Edit(e) => s.editing = e,
            PageAction::Notice(tone, text) => s.notice = Some(Notice { tone, text }),
            PageAction::MemoryOnly => s.memory_only = true,
            PageAction::OfflineReady => s.offline_ready = true,
            PageAction::Review(r) => s.review = r,
            PageAction::Moved(id) => {
                if let Some(r) = &mut s.review {
                    for a in r.drafts.iter_mut().filter(|a| a.id == id) {
                        a.moved = true;
                    }
                }
            }
        }
        Rc::new(s)
    }
}

impl Default for Page {
    fn default() -> Page {
        Page {
            shipped: Shared(Rc::new(crate::core::sets::shipped())),
            user: Shared(Rc::new(Vec::new())),
            unreadable: Vec::new(),
            editing: None,
            notice: None,
            memory_only: false,
            offline_ready: false,
            review: None,
        }
    }
}
