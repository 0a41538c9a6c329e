//! The parts of the state that screens hold on their own: the open draft with its scores,
//! the sets offered, the tabs.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
use crate::core::scoring::{score, Scores};
use crate::core::store::Envelope;
use crate::ui::shared::Shared;
use std::rc::Rc;

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
