//! What the list of drafts asks of the editor: a new draft, opening, renaming, the next
//! period, deleting and its undo, exporting, importing, and the entries kept without use.
//! Whatever replaces the open draft first writes its pending edits (`Editor::may_leave`).

use super::Editor;
use crate::core::edit::{new_draft, Edit, MetaField};
use crate::core::persist::Over;
use crate::core::store::Envelope;
use crate::ui::chrome::Tone;
use crate::ui::components::drafts::DraftOp;
use crate::ui::ops;
use crate::ui::state::{Base, DocAction, LibraryAction, ShellAction, Tab};
use crate::web::share::Shared;
use crate::web::{clock, dialog};

impl Editor {
    /// A new draft with set `i` of the choices, on the set-up screen.
    pub fn new_draft(&self, i: usize) {
        let library = self.library();
        let Some(choice) = library.choices().get(i).copied() else {
            return;
        };
        if !self.may_leave() {
            return;
        }
        self.with_set(choice, |e, set| {
            let draft = new_draft(clock::new_id(), &set, clock::today());
            let env = Envelope::new(draft, set, clock::now_iso());
            e.store_and_show(env, Over::Base(None), Tab::Setup);
        });
    }

    /// What the list of drafts asks of one of them.
    pub fn draft_op(&self, op: DraftOp, id: &str) {
        match op {
            DraftOp::Open if self.may_leave() => self.open(id),
            DraftOp::NextPeriod if self.may_leave() => self.next_period(id),
            DraftOp::Open | DraftOp::NextPeriod => {}
            DraftOp::Rename => self.rename(id),
            DraftOp::Delete => self.delete(id),
            DraftOp::Export => self.export(id),
            DraftOp::Send => self.send(id),
        }
    }

    fn open(&self, id: &str) {
        match ops::load(id) {
            Some((env, text)) => self.show(env, Base::stored(text), Tab::Assess),
            None => self.notice(
                Tone::Error,
                "Không mở được bản nháp (dữ liệu không còn hoặc bị hỏng).",
            ),
        }
    }

    fn rename(&self, id: &str) {
        let document = self.document();
        let open = document.is_open(id);
        let stored = if open { None } else { ops::load(id) };
        let old = match (&document.doc, &stored) {
            (Some(doc), _) if open => doc.draft.name.clone(),
            (_, Some((env, _))) => env.draft.name.clone(),
            _ => return,
        };
        let Some(name) = dialog::prompt("Tên mới của bản nháp:", &old) else {
            return;
        };
        match stored {
            None => self.edit(Edit::Meta(MetaField::Name, name)),
            Some((env, text)) => match ops::rename_stored(env, &text, name) {
                Ok(()) => self.refresh_drafts(),
                Err(why) => self.notice(Tone::Error, why),
            },
        }
    }

    fn next_period(&self, id: &str) {
        let Some((env, _)) = ops::load(id) else {
            return;
        };
        let next = env.draft.next_period(clock::new_id());
        let period = next.meta.period_text();
        let next = Envelope::new(next, env.set, clock::now_iso());
        if self.store_and_show(next, Over::Base(None), Tab::Assess) {
            self.notice(Tone::Success, format!("Đã tạo bản nháp {period}, chép số liệu và nội dung từ kỳ trước. Hãy cập nhật số liệu mới."));
        }
    }

    /// Deletes a draft, which can be brought back. The open one's last edits are written
    /// first, so that "Hoàn tác" brings back all of it; when they cannot be, the user is asked.
    fn delete(&self, id: &str) {
        if self.document().is_open(id) && !self.may_leave() {
            return;
        }
        if let Some(env) = ops::delete(id) {
            self.library
                .dispatch(LibraryAction::Removed(id.to_string()));
            self.doc(DocAction::Deleted(env));
        }
    }

    pub(super) fn undo_delete(&self) {
        let Some(env) = self.document().undo.clone() else {
            return;
        };
        match ops::restore(&env) {
            Ok(()) => {
                self.refresh_drafts();
                self.doc(DocAction::ForgetUndo);
            }
            Err(why) => self.notice(Tone::Error, why),
        }
    }

    /// A draft as it would be sent: the open one as it is on screen, another as stored.
    fn envelope_of(&self, id: &str) -> Option<Envelope> {
        match &self.document().doc {
            Some(doc) if doc.draft.id == id => Some(doc.envelope(clock::now_iso())),
            _ => ops::load(id).map(|(env, _)| env),
        }
    }

    /// "Gửi cho tỉnh": the draft's file to the phone's share sheet, or saved where downloads
    /// go, with what to do next. What is said belongs to this action: it is not shown once
    /// another draft has been opened since.
    pub fn send(&self, id: &str) {
        let Some(env) = self.envelope_of(id) else {
            return self.notice(Tone::Error, "Không đọc được bản nháp để gửi.");
        };
        let open = |e: &Editor| e.document().doc.as_ref().map(|d| d.draft.id.clone());
        let before = open(self);
        let then = self.callback(move |e, (done, name): (Result<Shared, String>, String)| {
            // Another draft opened meanwhile: what is said here is not about it.
            if open(e) != before {
                return;
            }
            match done {
                Ok(Shared::Shared) => e.notice(Tone::Success, format!("Đã gửi tệp “{name}”. Ở tỉnh, người nhận mở tệp này trong ứng dụng bằng “Mở tệp nhận được” (hoặc ở trang Tổng hợp).")),
                Ok(Shared::Cancelled) => e.shell_action(ShellAction::ClearNotice),
                Ok(Shared::Downloaded) => e.notice(Tone::Info, format!("Trình duyệt này không gửi thẳng được tệp, nên tệp “{name}” đã được lưu vào thư mục Tải xuống (Download) của máy. Để gửi cho tỉnh: mở Zalo hoặc thư điện tử, chọn gửi tệp, rồi chọn tệp này trong thư mục Tải xuống.")),
                Err(why) => e.notice(Tone::Error, why),
            }
        });
        ops::share(&env, then);
    }

    /// Downloads a draft: the open one as it is on screen, another as stored.
    fn export(&self, id: &str) {
        let done = match self.envelope_of(id) {
            Some(env) => ops::export(&env),
            None => Err("Không đọc được bản nháp để xuất.".to_string()),
        };
        if let Err(why) = done {
            self.notice(Tone::Error, why);
        }
    }

    pub fn export_open(&self) {
        let id = self.document().doc.as_ref().map(|d| d.draft.id.clone());
        if let Some(id) = id {
            self.export(&id);
        }
    }

    /// A draft file received: stored and opened; a draft that exists asks first.
    pub(super) fn imported(&self, env: Envelope) {
        let there = match self.shell().memory_only {
            true => ops::There::Nothing,
            false => ops::there(&env.draft.id),
        };
        match there {
            // A newer version's draft of that id stays as it is: the file is kept beside it.
            ops::There::Newer => self.keep_import(env, false),
            ops::There::Taken => self.doc(DocAction::AskReplace(env)),
            ops::There::Nothing => {
                if self.store_and_show(env, Over::Base(None), Tab::Assess) {
                    self.notice(Tone::Success, "Đã nhập bản nháp.");
                }
            }
        }
    }

    /// Answers the "replace or keep both" question of an import.
    pub(super) fn keep_import(&self, mut env: Envelope, replace: bool) {
        // Typing may have gone on while the question was shown.
        if !self.may_leave() {
            return;
        }
        if !replace {
            env.draft.id = clock::new_id();
            let name = match env.draft.name.is_empty() {
                true => env.commune.clone(),
                false => env.draft.name.clone(),
            };
            env.draft.name = format!("{name} (bản nhập)");
        }
        self.doc(DocAction::ForgetReplace);
        let over = match replace {
            true => Over::AnyButNewer,
            false => Over::Base(None),
        };
        if self.store_and_show(env, over, Tab::Assess) {
            self.notice(
                Tone::Success,
                match replace {
                    true => "Đã thay bản nháp bằng bản nhập.",
                    false => "Đã giữ cả hai bản nháp.",
                },
            );
        }
    }

    /// A stored entry kept without use (a newer version's, or unreadable): downloaded as it
    /// is, or dropped when the user confirms.
    pub fn kept(&self, download: bool, key: &str) {
        if download {
            if let Err(why) = ops::download_kept(key) {
                self.notice(Tone::Error, why);
            }
        } else if dialog::confirm("Bỏ hẳn dữ liệu này? Sau khi bỏ sẽ không khôi phục được. Nếu chưa chắc, hãy “Tải dữ liệu gốc” trước.") {
            ops::remove_kept(key);
            self.refresh_drafts();
        }
    }
}
