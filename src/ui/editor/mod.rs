//! What the editor does when asked: each thing the user or the browser asks for, as effects
//! (`ui::ops`) and the actions they lead to on the three reducers. `App` holds the reducers
//! and makes every screen's callbacks from these methods; the hooks call them on browser
//! events. A reducer's handle reads its state as it is now, also in a listener or a timer.

use crate::core::criteria::CriteriaSet;
use crate::core::edit::Edit;
use crate::core::persist::{Elsewhere, Over, Refused};
use crate::core::store::Envelope;
use crate::ui::banners::Answer;
use crate::ui::chrome::Tone;
use crate::ui::ops;
use crate::ui::shared::Shared;
use crate::ui::state::{
    Base, Choice, DocAction, Document, Library, LibraryAction, Paused, Shell, ShellAction, Tab,
};
use crate::web::{clock, dialog};
use std::rc::Rc;
use yew::prelude::*;

mod drafts;
mod received;

/// The editor's states as start-up finds them, before the first render: what is stored,
/// and the draft last opened, already open.
#[derive(PartialEq)]
pub struct Start {
    pub library: Shared<Library>,
    pub document: Shared<Document>,
    pub shell: Shared<Shell>,
}

impl Start {
    /// Reads storage (the one place where unreadable entries are set aside:
    /// `persist::start_up`), through the reducers' own actions.
    pub fn read() -> Start {
        let library = Rc::new(Library::new(crate::core::sets::current()));
        let (mut document, mut shell) = (Rc::new(Document::default()), Rc::new(Shell::default()));
        let library = match ops::start_up() {
            None => {
                shell = shell.reduce(ShellAction::MemoryOnly);
                library
            }
            Some(found) => {
                if let Some((env, text)) = found.last {
                    document = document.reduce(DocAction::Open(env, Base::stored(text)));
                    shell = shell.reduce(ShellAction::Tab(Tab::Assess));
                    remember(&document);
                }
                // After the screen is chosen: choosing a screen clears the notice.
                if let Some((tone, text)) = found.notice {
                    shell = shell.reduce(ShellAction::Notice(tone, text));
                }
                let library = library
                    .reduce(LibraryAction::UserSets(found.sets))
                    .reduce(LibraryAction::Listed(found.drafts, found.kept));
                match found.received {
                    Some((id, version)) => library.reduce(LibraryAction::Received(id, version)),
                    None => library,
                }
            }
        };
        Start {
            library: Shared(library),
            document: Shared(document),
            shell: Shared(shell),
        }
    }
}

/// Should anything panic, the panic page offers the open draft as it is in `document`.
fn remember(document: &Document) {
    let open = document.doc.as_ref();
    crate::web::panic::remember(open.map(|d| (d.draft.0.clone(), d.set.0.clone())));
}

/// The editor's three reducers. Their states are read through `library()`, `document()` and
/// `shell()`: a handle kept by a callback holds every state it has read until it is dropped,
/// and these read through a fresh one.
#[derive(Clone)]
pub struct Editor {
    library: UseReducerHandle<Library>,
    document: UseReducerHandle<Document>,
    shell: UseReducerHandle<Shell>,
}

impl Editor {
    pub fn new(
        library: UseReducerHandle<Library>,
        document: UseReducerHandle<Document>,
        shell: UseReducerHandle<Shell>,
    ) -> Editor {
        Editor {
            library,
            document,
            shell,
        }
    }

    /// The library as it is now.
    pub fn library(&self) -> UseReducerHandle<Library> {
        self.library.clone()
    }

    /// The open document as it is now.
    pub fn document(&self) -> UseReducerHandle<Document> {
        self.document.clone()
    }

    /// The shell as it is now.
    pub fn shell(&self) -> UseReducerHandle<Shell> {
        self.shell.clone()
    }

    pub fn shell_action(&self, action: ShellAction) {
        self.shell.dispatch(action);
    }

    /// A callback that runs `f` on the editor with what the event carries.
    pub fn callback<T: 'static>(&self, f: impl Fn(&Editor, T) + 'static) -> Callback<T> {
        let editor = self.clone();
        Callback::from(move |x| f(&editor, x))
    }

    pub fn notice(&self, tone: Tone, text: impl Into<String>) {
        self.shell.dispatch(ShellAction::Notice(tone, text.into()));
    }

    /// An action on the open document, remembered for the panic page.
    fn doc(&self, action: DocAction) {
        self.document.dispatch(action);
        remember(&self.document());
    }

    /// Opens a draft, its saves going over `base`, on screen `tab`.
    fn show(&self, env: Envelope, base: Base, tab: Tab) {
        self.doc(DocAction::Open(env, base));
        self.shell.dispatch(ShellAction::Tab(tab));
    }

    pub fn refresh_drafts(&self) {
        let (drafts, kept) = ops::drafts();
        self.library.dispatch(LibraryAction::Listed(drafts, kept));
    }

    pub fn refresh_sets(&self) {
        let (sets, _) = ops::user_sets();
        self.library.dispatch(LibraryAction::UserSets(sets));
    }

    /// Writes the open draft's pending edits now, if any. False when they could not be
    /// written (a full storage, another page's change found just before writing).
    pub fn flush(&self) -> bool {
        let Some(p) = self.document().pending() else {
            return true;
        };
        match ops::save(&p.doc, &p.base) {
            Ok((summary, text)) => {
                let at = summary.saved_at.clone();
                let revision = p.revision;
                self.doc(DocAction::Saved { revision, text, at });
                self.library.dispatch(LibraryAction::Saved(summary));
                true
            }
            Err(Refused::Elsewhere(verdict)) => {
                self.doc(DocAction::Elsewhere(verdict));
                false
            }
            Err(Refused::Failed(e)) => {
                self.doc(DocAction::SaveFailed(e.message_vi()));
                false
            }
        }
    }

    /// Writes what is pending; true when nothing would be lost by leaving the open draft now.
    /// Paused, failing or memory-only saving has nothing to write, and stays at risk.
    pub fn settle(&self) -> bool {
        let document = self.document();
        if !document.at_risk() {
            return true;
        }
        document.pending().is_some() && self.flush()
    }

    /// Before the open draft is replaced (another opened, a new one, the next period, an
    /// import): what is pending is written first; if that cannot be done, the user decides.
    pub fn may_leave(&self) -> bool {
        self.settle() || dialog::confirm("Bản nháp đang mở còn thay đổi chưa lưu được vào trình duyệt (bộ nhớ đầy, lưu đang tạm dừng vì thẻ khác, hoặc trình duyệt chặn lưu). Tiếp tục thì các thay đổi đó sẽ mất. Bấm “Hủy” để ở lại và “Xuất tệp” trước.\n\nVẫn tiếp tục?")
    }

    /// Stores a draft about to be opened (in memory only: keeps it in the page) and opens it.
    fn store_and_show(&self, env: Envelope, over: Over, tab: Tab) -> bool {
        if self.shell().memory_only {
            self.show(env, Base::Memory, tab);
            return true;
        }
        match ops::store(&env, over) {
            Ok(text) => {
                self.refresh_drafts();
                self.show(env, Base::stored(text), tab);
                true
            }
            Err(why) => {
                self.notice(Tone::Error, why);
                false
            }
        }
    }

    pub fn edit(&self, edit: Edit) {
        self.doc(DocAction::Edit(edit, clock::now_iso()));
    }

    pub fn tab(&self, tab: Tab) {
        self.shell.dispatch(ShellAction::Tab(tab));
    }

    /// Jumps to a finding's place: the screen it is on, then the field or card.
    pub fn jump(&self, anchor: String) {
        // Narrative fields are "n-…", set-up fields "m-…"; criteria and indicators live on
        // the assessment.
        self.tab(if anchor.starts_with("n-") {
            Tab::Narrative
        } else if anchor.starts_with("m-") {
            Tab::Setup
        } else {
            Tab::Assess
        });
        gloo_timers::callback::Timeout::new(0, move || crate::web::dom::jump_to(&anchor)).forget();
    }

    /// Runs `then` with the chosen set: at once if it is read, else once its file is read.
    fn with_set(&self, choice: Choice, then: impl FnOnce(&Editor, CriteriaSet) + 'static) {
        let listed = match choice {
            Choice::Read(set) => return then(self, set.clone()),
            Choice::Listed(l) => l,
        };
        self.notice(Tone::Info, format!("Đang mở “{}”…", listed.name));
        let then = std::cell::Cell::new(Some(then));
        let done = self.callback(move |e, read: Result<CriteriaSet, String>| match read {
            Ok(set) => {
                e.shell.dispatch(ShellAction::ClearNotice);
                e.library.dispatch(LibraryAction::Shipped(set.clone()));
                if let Some(then) = then.take() {
                    then(e, set);
                }
            }
            Err(why) => e.notice(Tone::Error, why),
        });
        ops::fetch_set(listed, done);
    }

    /// Scores the open draft with set `i` of the choices from now on, once the user confirms.
    pub fn change_set(&self, i: usize) {
        let library = self.library();
        let Some(choice) = library.choices().get(i).copied() else {
            return;
        };
        self.with_set(choice, |e, set| {
            let question = format!("Chấm điểm bản nháp này theo “{}”? Số liệu đã nhập được giữ theo mã chỉ tiêu; chỉ tiêu không có trong bộ mới sẽ không được tính.", set.name);
            if dialog::confirm(&question) {
                let name = set.name.clone();
                e.doc(DocAction::ChangeSet(set));
                e.notice(Tone::Success, format!("Bản nháp đã chuyển sang “{name}”."));
            }
        });
    }

    pub fn download_report(&self) {
        if let Some(doc) = &self.document().doc {
            ops::download_report(doc, self.callback(|e, (tone, text)| e.notice(tone, text)));
        }
    }

    /// What the user answers in a banner.
    pub fn answer(&self, answer: Answer) {
        match answer {
            Answer::Export => self.export_open(),
            Answer::Reload => crate::web::dom::reload(),
            Answer::UseTheirs => {
                if let Some(Paused::Conflict(env, stored)) = self.document().paused.clone() {
                    let base = Base::Stored(stored);
                    self.show((*env).clone(), base, Tab::Assess);
                }
            }
            Answer::KeepMine => self.doc(DocAction::KeepMine),
            Answer::Close => {
                self.doc(DocAction::Close);
                self.tab(Tab::Drafts);
            }
            Answer::Update => {
                if self.may_leave() {
                    crate::web::sw::apply_update();
                }
            }
            Answer::ClearNotice => self.shell.dispatch(ShellAction::ClearNotice),
            Answer::Undo => self.undo_delete(),
            Answer::ForgetUndo => self.doc(DocAction::ForgetUndo),
            Answer::Import(replace) => {
                if let Some(env) = self.document().replace.clone() {
                    self.keep_import((*env).clone(), replace);
                }
            }
            Answer::CancelImport => self.doc(DocAction::ForgetReplace),
        }
    }

    /// Another page's change to what is stored under the open draft's key (`stored`, `None`
    /// when deleted), judged against what this page last read or wrote.
    pub fn elsewhere(&self, key: &str, stored: Option<&str>) {
        let document = self.document();
        let verdict = crate::core::persist::elsewhere(key, stored, document.base.text());
        if verdict != Elsewhere::Nothing {
            self.doc(DocAction::Elsewhere(verdict));
        }
    }
}
