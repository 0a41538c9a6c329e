//! "Gộp vào bản nháp" (#28): a page of the tools module (`gop-phan-viec/`), loaded when first
//! opened, so the editor carries none of it. The editor hands it a returned part's text under
//! `tieuchi.gop.<part id>` (`merge_key`) and links here with the part's id after `#`. The page
//! reviews the part against the stored draft (`core::team::review`: every change before →
//! after with who and when; every conflict with both values and notes, decided one by one),
//! changes nothing until "Gộp vào bản nháp", then writes the merged draft through
//! `core::persist` like any save (only over the text it reviewed), removes the handed-over key,
//! and offers to undo (the previous draft written back over the merged one). The editor open in
//! another tab hears the write through the storage event.

mod view;

use crate::core::persist::{
    classify_draft, draft_key, merge_key, save_draft, Fate, Kv, Over, Refused,
};
use crate::core::store::Envelope;
use crate::core::team::{read_part, review, Choice, PartFile, Plan};
use crate::web::{clock, storage};
use std::rc::Rc;
use yew::prelude::*;

/// A returned part ready to merge: the part, the draft as stored (with the text read, the
/// only text the merge may be written over) and the plan with the choices made so far.
#[derive(Clone, PartialEq)]
pub struct Loaded {
    pub part: Rc<PartFile>,
    pub env: Rc<Envelope>,
    pub text: Rc<String>,
    pub plan: Plan,
}

#[derive(Clone, PartialEq)]
pub enum Merge {
    /// Nothing to merge, or refused: why, in Vietnamese.
    Failed(String),
    Review(Loaded, Option<String>),
    /// Merged: the draft before (to undo) and the text written.
    Done {
        loaded: Loaded,
        merged: Rc<String>,
    },
    /// Undone: the draft is as before the merge; the part can be reviewed again.
    Undone,
    /// Dismissed: nothing changed, the part's hand-over removed.
    Dismissed,
}

pub enum MergeAction {
    Decide(String, Choice),
    Apply,
    Undo,
    Dismiss,
}

/// The part id the page is opened for: the URL's fragment.
fn part_id() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

impl Merge {
    /// Reads the part handed over and the draft it belongs to, and reviews them.
    pub fn load(id: &str) -> Merge {
        let kv = storage::Local;
        let Some(text) = kv.get(&merge_key(id)) else {
            return Merge::Failed("Không có phần việc nào chờ gộp ở đây (đã gộp hoặc đã bỏ qua). Hãy mở tệp phần việc đã làm ở trang soạn báo cáo (mục Bản nháp).".into());
        };
        let part = match read_part(&text) {
            Ok(p) => p,
            Err(e) => {
                return Merge::Failed(format!("Không đọc được tệp phần việc. {}", e.message_vi()))
            }
        };
        let key = draft_key(&part.draft_id);
        let stored = kv.get(&key).unwrap_or_default();
        let env = match classify_draft(&key, &stored) {
            Fate::Readable(env) => env,
            _ => {
                return Merge::Failed(
                    "Bản nháp của phần việc này không còn trên máy (hoặc không đọc được).".into(),
                )
            }
        };
        match review(&env.draft, &env.set, &part) {
            Ok(plan) => Merge::Review(
                Loaded {
                    part: Rc::new(part),
                    env: Rc::new(env),
                    text: Rc::new(stored),
                    plan,
                },
                None,
            ),
            Err(e) => Merge::Failed(e.message_vi()),
        }
    }

    fn apply(loaded: Loaded) -> Merge {
        let at = clock::now_iso();
        let draft = match loaded.plan.apply(&loaded.env.draft, &at) {
            Ok(d) => d,
            Err(e) => return Merge::Review(loaded, Some(e.message_vi())),
        };
        let env = Envelope::new(draft, loaded.env.set.clone(), at);
        match save_draft(&mut storage::Local, &env, Over::Base(Some(&loaded.text))) {
            Ok(merged) => {
                storage::Local.remove(&merge_key(&loaded.part.id));
                Merge::Done {
                    loaded,
                    merged: Rc::new(merged),
                }
            }
            Err(Refused::Failed(e)) => Merge::Review(loaded, Some(e.message_vi())),
            Err(Refused::Elsewhere(_)) => {
                let why = "Bản nháp vừa được lưu ở trang khác; đã xem lại phần việc theo bản mới nhất, hãy kiểm tra rồi gộp lại.";
                match Merge::load(&loaded.part.id) {
                    Merge::Review(l, _) => Merge::Review(l, Some(why.into())),
                    other => other,
                }
            }
        }
    }

    /// Writes the draft as it was before the merge over the merged one, and hands the part
    /// over again so it can be reviewed anew.
    fn undo(loaded: Loaded, merged: Rc<String>) -> Merge {
        let mut env = (*loaded.env).clone();
        env.saved_at = clock::now_iso();
        let mut kv = storage::Local;
        match save_draft(&mut kv, &env, Over::Base(Some(&merged))) {
            Ok(_) => {
                let _ = kv.set(&merge_key(&loaded.part.id), &loaded.part.to_json());
                Merge::Undone
            }
            Err(e) => {
                let why = match e {
                    Refused::Failed(e) => e.message_vi(),
                    Refused::Elsewhere(_) => "Bản nháp đã được sửa tiếp sau khi gộp, nên không hoàn tác ở đây được; hãy sửa trực tiếp trong bản nháp.".into(),
                };
                Merge::Failed(why)
            }
        }
    }
}

impl Reducible for Merge {
    type Action = Merge;

    /// The page's state is what its effects (`on_action`) made of the last one.
    fn reduce(self: Rc<Self>, next: Merge) -> Rc<Self> {
        if *self == next {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What an action makes of the page: a choice is recorded; applying, undoing and dismissing
/// write to storage (through `core::persist`) and say what came of it.
fn on_action(now: &Merge, action: MergeAction) -> Merge {
    match (now.clone(), action) {
        (Merge::Review(mut loaded, _), MergeAction::Decide(code, choice)) => {
            loaded.plan.decide(&code, choice);
            Merge::Review(loaded, None)
        }
        (Merge::Review(loaded, _), MergeAction::Apply) => Merge::apply(loaded),
        (Merge::Review(loaded, _), MergeAction::Dismiss) => {
            storage::Local.remove(&merge_key(&loaded.part.id));
            Merge::Dismissed
        }
        (Merge::Done { loaded, merged }, MergeAction::Undo) => Merge::undo(loaded, merged),
        (same, _) => same,
    }
}

/// The page: mounted by the tools module at `gop-phan-viec/`.
pub fn start() {
    crate::ui::mount::<MergePage>();
}

#[function_component]
pub fn MergePage() -> Html {
    let merge = use_reducer(|| Merge::load(&part_id()));
    let on = {
        let merge = merge.clone();
        Callback::from(move |a: MergeAction| merge.dispatch(on_action(&merge, a)))
    };
    view::page(&merge, &on)
}
