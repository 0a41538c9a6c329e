//! "Mở tệp nhận được": one picker for what a commune receives. A set file from the province is
//! stored as the user's set and offered first for a new draft; a draft file is imported as
//! from the list of drafts; a part of the commune's team goes to the parts page (`ui::parts`).

use super::Editor;
use crate::core::criteria::{import_failure_vi, CriteriaSet};
use crate::core::received::{received, Received, OTHER_VI};
use crate::core::set_diff;
use crate::core::store;
use crate::ui::chrome::Tone;
use crate::ui::state::LibraryAction;
use crate::web::{clock, storage};
use yew::prelude::*;

impl Editor {
    /// Reads the file picked in `event` and does with it what its kind asks.
    pub fn open_received(&self, event: Event) {
        let done = self.callback(|e, read: Result<String, String>| match read {
            Ok(text) => e.received_text(text),
            Err(why) => e.notice(Tone::Error, why),
        });
        crate::ui::ops::read_text(event, done);
    }

    fn received_text(&self, text: String) {
        match received(&text) {
            Received::Set => self.received_set(&text),
            Received::Draft => match store::read_import(&text) {
                Ok(env) if self.may_leave() => self.imported(env),
                Ok(_) => {}
                Err(e) => self.notice(
                    Tone::Error,
                    format!("Không mở được tệp. {}", e.message_vi()),
                ),
            },
            // To the parts page, which reads it strictly: a part to work on, or one come back.
            Received::Part => self.hand_part(&text),
            Received::Other => self.notice(Tone::Error, format!("Không mở được tệp. {OTHER_VI}")),
        }
    }

    /// A set file: read strictly, stored as the user's set (under a version of its own when
    /// its version is taken), and offered first for a new draft. The same set already here is
    /// offered as it is.
    fn received_set(&self, text: &str) {
        let set = match CriteriaSet::from_json(text) {
            Ok(set) => set,
            Err(errors) => {
                let why = import_failure_vi(&errors);
                return self.notice(Tone::Error, format!("Không mở được tệp. {why}"));
            }
        };
        let library = self.library();
        let here: Vec<CriteriaSet> = library
            .shipped
            .iter()
            .chain(library.user_sets.iter())
            .cloned()
            .collect();
        let set = match here.iter().find(|s| same_content(s, &set)) {
            Some(same) => same.clone(),
            None => {
                let set = set_diff::versioned(set, &here);
                if let Err(e) = storage::save_set(&set, &clock::now_iso()) {
                    return self.notice(Tone::Error, e.message_vi());
                }
                self.refresh_sets();
                set
            }
        };
        crate::ui::ops::remember_received(&set);
        self.library
            .dispatch(LibraryAction::Received(set.id.clone(), set.version.clone()));
        self.notice(
            Tone::Success,
            format!(
                "Đã nhận bộ tiêu chí “{}” do tỉnh gửi. Bấm “Tạo bản nháp từ bộ này” để bắt đầu báo cáo theo bộ này.",
                set.name
            ),
        );
    }
}

/// `set_diff::same_content`, compared as written by the set's serializer (which the editor
/// has anyway) rather than through a comparison of whole sets compiled for this alone.
fn same_content(a: &CriteriaSet, b: &CriteriaSet) -> bool {
    a.id == b.id && {
        let mut b = b.clone();
        b.version.clone_from(&a.version);
        crate::core::json::to_string(a) == crate::core::json::to_string(&b)
    }
}
