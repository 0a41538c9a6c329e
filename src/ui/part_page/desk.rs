//! Working on a part received (#28), on a phone, offline: only its criteria, the summary of
//! its own indicators, the editor's own inputs and checks (`components::assess` over the
//! part's sub-set, compiled into the tools module), every change stored at once as a part in
//! work (`core::persist`'s own kind of entry), and "Xuất phần việc đã làm", the filled part as
//! a file to send back.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
use crate::core::edit::Edit;
use crate::core::scoring::Scores;
use crate::core::team::PartFile;
use crate::ui::components::assess::{assessment, AssessProps};
use crate::ui::components::summary::Summary;
use crate::ui::shared::Shared;
use crate::web::{clock, download, storage};
use std::rc::Rc;
use yew::prelude::*;

/// The part in work with what its screens show, always consistent: its sub-set, its working
/// draft and scores are made again by every edit, in the reducer.
#[derive(Clone, PartialEq)]
pub struct Desk {
    pub part: Shared<PartFile>,
    pub set: Shared<CriteriaSet>,
    pub draft: Shared<Draft>,
    pub scores: Shared<Scores>,
    /// Counts the edits; each is stored when it is made.
    pub revision: u64,
    /// Why the last change could not be stored, in Vietnamese.
    pub failed: Option<String>,
}

impl Desk {
    pub fn new(part: PartFile) -> Desk {
        let (set, draft) = (part.sub_set(), part.working_draft());
        let scores = part.scores_of(&draft);
        Desk {
            set: Shared::new(set),
            draft: Shared::new(draft),
            scores: Shared::new(scores),
            part: Shared::new(part),
            revision: 0,
            failed: None,
        }
    }
}

pub enum DeskAction {
    /// An edit of the part, at this ISO time (stamped with the part's person).
    Edit(Edit, String),
    /// What went wrong with the last change stored or the file exported (`None`: nothing).
    Problem(Option<String>),
}

impl Reducible for Desk {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        match action {
            DeskAction::Edit(edit, at) => {
                let mut part = (*self.part).clone();
                if !part.edit(edit, &part.stamp(at.clone())) || part.entries == self.part.entries {
                    return self;
                }
                part.saved_at = at;
                let revision = self.revision + 1;
                Rc::new(Desk {
                    revision,
                    failed: self.failed.clone(),
                    ..Desk::new(part)
                })
            }
            DeskAction::Problem(failed) if failed == self.failed => self,
            DeskAction::Problem(failed) => Rc::new(Desk {
                failed,
                ..(*self).clone()
            }),
        }
    }
}

/// Stores a part in work (never over a newer build's entry); the message when it cannot be.
pub fn store(part: &PartFile) -> Result<(), String> {
    crate::core::persist::save_part(&mut storage::Local, part)
        .map(|_| ())
        .map_err(|e| e.message_vi())
}

#[derive(Properties, PartialEq)]
pub struct PartDeskProps {
    /// The part as opened (received, or stored on this device).
    pub part: Shared<PartFile>,
    pub on_close: Callback<()>,
    /// "Mở thành bản nháp riêng": the part as it stands, as a draft of its own.
    pub on_as_draft: Callback<Shared<PartFile>>,
}

/// The part editor: what the part is, its summary, its criteria, export and close.
#[function_component]
pub fn PartDesk(p: &PartDeskProps) -> Html {
    let desk = use_reducer(|| Desk::new((*p.part).clone()));
    {
        // Every change is stored as it is made (a part is small beside a draft's set, and a
        // phone may close the page at any moment).
        let desk = desk.clone();
        use_effect_with(desk.revision, move |revision| {
            if *revision > 0 {
                desk.dispatch(DeskAction::Problem(store(&desk.part).err()));
            }
        });
    }
    let on_edit = {
        let desk = desk.clone();
        use_callback((), move |edit: Edit, _| {
            desk.dispatch(DeskAction::Edit(edit, clock::now_iso()))
        })
    };
    let on_jump = Callback::from(|anchor: String| crate::web::dom::jump_to(&anchor));
    let export = {
        let desk = desk.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, text) = desk.part.export_done(&clock::now_iso());
            let sent = download::bytes(&name, download::JSON_MIME, text.as_bytes());
            desk.dispatch(DeskAction::Problem(sent.err()));
        })
    };
    let close = p.on_close.reform(|_: MouseEvent| ());
    let as_draft = {
        let part = desk.part.clone();
        p.on_as_draft.reform(move |_: MouseEvent| part.clone())
    };
    let part = &desk.part;
    let changed = part.changed_codes().len();
    html! {
        <section class="part-desk" aria-labelledby="part-title">
            <h2 id="part-title">{ format!("Phần việc của {}", part.who) }</h2>
            <p class="part-about">
                { format!("Xã {} — {} — {}", part.commune, part.period, part.scope_vi()) }
                if let Some(d) = part.due { <br />{ format!("Hạn gửi lại: {}", d.long_vi()) } }
            </p>
            if let Some(why) = &desk.failed { <p class="error" role="alert">{ why.clone() }</p> }
            <div class="no-print sticky-summary"><Summary set={desk.set.clone()} scores={desk.scores.clone()} {on_jump} /></div>
            { assessment(&AssessProps { set: desk.set.clone(), scores: desk.scores.clone(), draft: desk.draft.clone(), on_edit }) }
            <div class="part-actions">
                <p class="hint">{ format!("Đã thay đổi {changed} mục. Xong thì bấm “Xuất phần việc đã làm” rồi gửi tệp cho người soạn báo cáo.") }</p>
                <button type="button" class="primary" onclick={export}>{ "Xuất phần việc đã làm" }</button>
                { " " }<button type="button" onclick={close}>{ "Đóng phần việc" }</button>
                <p class="hint">{ "Máy này không có bản nháp của phần việc; nếu cần, có thể mở phần việc thành một bản nháp riêng (chỉ gồm các chỉ tiêu của phần việc)." }</p>
                <button type="button" onclick={as_draft}>{ "Mở thành bản nháp riêng" }</button>
            </div>
        </section>
    }
}
