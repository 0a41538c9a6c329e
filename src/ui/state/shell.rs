//! The shell: what the page around the open draft shows of the browser and of itself: the
//! screen, the network, the service worker, storage, and the last notice.

use crate::ui::chrome::{Notice, Tone};
use std::rc::Rc;
use yew::Reducible;

/// The editor's screens, as its tabs list them.
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

    /// Whether the screen shows the open draft (and so exists only while one is open).
    pub fn needs_doc(self) -> bool {
        matches!(
            self,
            Tab::Setup | Tab::Assess | Tab::Narrative | Tab::Report
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shell {
    /// The screen chosen; see `screen` for the one shown.
    pub tab: Tab,
    pub online: bool,
    /// The service worker holds the site: it opens without network.
    pub offline_ready: bool,
    /// A new version is installed and waits for a reload.
    pub update_ready: bool,
    /// Storage is blocked: drafts live in this page only.
    pub memory_only: bool,
    /// The browser's answer to keeping this site's storage (`None`: not known).
    pub persisted: Option<bool>,
    pub notice: Option<Notice>,
}

pub enum ShellAction {
    Tab(Tab),
    Online(bool),
    OfflineReady,
    UpdateReady,
    MemoryOnly,
    Persisted(Option<bool>),
    Notice(Tone, String),
    ClearNotice,
}

impl Default for Shell {
    fn default() -> Shell {
        Shell {
            tab: Tab::Drafts,
            online: true,
            offline_ready: false,
            update_ready: false,
            memory_only: false,
            persisted: None,
            notice: None,
        }
    }
}

impl Shell {
    /// The screen shown: the one chosen, or the list of drafts when it needs a draft and none
    /// is open.
    pub fn screen(&self, open: bool) -> Tab {
        if self.tab.needs_doc() && !open {
            Tab::Drafts
        } else {
            self.tab
        }
    }
}

impl Reducible for Shell {
    type Action = ShellAction;

    fn reduce(self: Rc<Self>, action: ShellAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            ShellAction::Tab(t) => s.tab = t,
            ShellAction::Online(b) => s.online = b,
            ShellAction::OfflineReady => s.offline_ready = true,
            ShellAction::UpdateReady => s.update_ready = true,
            ShellAction::MemoryOnly => s.memory_only = true,
            ShellAction::Persisted(p) => s.persisted = p,
            ShellAction::Notice(tone, text) => s.notice = Some(Notice { tone, text }),
            ShellAction::ClearNotice => s.notice = None,
        }
        Rc::new(s)
    }
}
