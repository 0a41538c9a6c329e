//! A part file picked in the editor (#28): recognised with the cheap `core::team::is_part`
//! (no strict reading here), handed over under `persist::RECEIVED_KEY` to the parts page of
//! the tools module (`phan-viec/`), which reads it strictly and decides what it is (a part to
//! work on, or one come back to merge). The editor's own edits are written first.

use crate::core::json::{file_kind, FileKind};
use crate::core::team::{is_part, PartError};
use crate::ui::chrome::Tone;
use crate::ui::editor::Editor;
use crate::web::storage;
use yew::prelude::*;

/// Why a file picked is no part file, in Vietnamese.
fn not_part_vi(text: &str) -> String {
    let why = match file_kind(text.trim_start_matches('\u{feff}')) {
        Some(FileKind::CriteriaSet) => PartError::IsCriteriaSet,
        Some(FileKind::Draft) => PartError::IsDraft,
        _ => PartError::NotOurs,
    };
    format!("Không mở được tệp phần việc. {}", why.message_vi())
}

/// "Phần việc được giao": the parts page, and the picker for a part file received.
pub fn in_work(editor: &Editor) -> Html {
    html! {
        <section class="parts-in-work" aria-labelledby="in-work-title">
            <h2 id="in-work-title">{ "Phần việc được giao" }</h2>
            <p>{ "Tệp phần việc nhận được hay gửi về (phan-viec-….json): mở tại đây." }{ " " }<a href="phan-viec/">{ "Các phần việc đang làm trên máy này" }</a></p>
            <div class="import">
                <label for="import-part" class="button secondary">{ "Mở tệp phần việc (.json)" }</label>
                <input id="import-part" type="file" accept=".json,application/json" class="visually-hidden" onchange={editor.callback(Editor::part_file)} />
            </div>
        </section>
    }
}

impl Editor {
    /// A part file picked: read, then handed to the parts page.
    pub fn part_file(&self, event: Event) {
        let then = self.callback(|e, read: Result<String, String>| match read {
            Ok(text) => e.hand_part(&text),
            Err(why) => e.notice(Tone::Error, why),
        });
        crate::ui::ops::read_text(event, then);
    }

    /// A part file's text to the parts page, once the open draft's edits are written.
    pub(crate) fn hand_part(&self, text: &str) {
        if !is_part(text) {
            return self.notice(Tone::Error, not_part_vi(text));
        }
        if !self.may_leave() {
            return;
        }
        match storage::write_raw(crate::core::persist::RECEIVED_KEY, text) {
            Ok(()) => crate::web::dom::go_to("phan-viec/"),
            Err(e) => self.notice(Tone::Error, e.message_vi()),
        }
    }
}
