//! The commune's team in the editor (#28): the draft's list of the parts handed out with their
//! state (`parts_list`, the link to the merge page for a returned one), the report annex's
//! providers option, and "Giao phần việc", which goes to the parts page of the tools module
//! (`phan-viec/#giao:<draft id>`, loaded on demand) once the draft's edits are written: the
//! hand-out form, "Tải lại tệp" and "Hủy" live there and write the draft through
//! `core::persist`; the editor reads it when it opens again.

pub mod received;

pub use received::in_work;

use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, PartState};
use crate::core::edit::Edit;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(PartialEq)]
pub struct PartsProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    /// "Giao phần việc": to the parts page.
    pub on_hand_out: Callback<MouseEvent>,
    /// The providers option of the report's annex (`Edit::ProvidersAnnex`).
    pub on_edit: Callback<Edit>,
}

/// The section: the parts handed out, then the way to hand one out.
pub fn parts(p: &PartsProps) -> Html {
    html! {
        <section class="parts" aria-labelledby="parts-title">
            <h2 id="parts-title">{ "Phần việc giao cho người khác" }</h2>
            { parts_list(p) }
            { providers_option(p) }
            <button type="button" class="primary" onclick={p.on_hand_out.clone()}>{ "Giao phần việc" }</button>
        </section>
    }
}

/// "In người cung cấp số liệu trong phụ lục": off by default.
fn providers_option(p: &PartsProps) -> Html {
    let (on, checked) = (p.on_edit.clone(), p.draft.meta.providers_annex);
    let onchange = Callback::from(move |_: Event| on.emit(Edit::ProvidersAnnex(!checked)));
    html! {
        <div class="field check">
            <input type="checkbox" id="m-providers" {checked} {onchange} />
            <label for="m-providers">{ "Phụ lục báo cáo ghi người cung cấp số liệu của từng tiêu chí" }</label>
        </div>
    }
}

pub fn state_class(s: PartState) -> &'static str {
    match s {
        PartState::Out => "part-out",
        PartState::Returned => "part-returned",
        PartState::Merged => "part-merged",
    }
}

/// The draft's parts: who, what, by when, and their state.
fn parts_list(p: &PartsProps) -> Html {
    if p.draft.parts.is_empty() {
        return html! { <p id="parts-none">{ "Chưa giao phần việc nào." }</p> };
    }
    html! {
        <ul class="parts-list" aria-label="Các phần việc đã giao">
            { for p.draft.parts.iter().map(|r| html! {
                <li class={classes!("part", state_class(r.state))}>
                    <strong>{ r.who.clone() }</strong>{ " — " }{ r.scope_vi(&p.set) }
                    if let Some(d) = r.due { <span>{ format!(" — hạn {}", d.long_vi()) }</span> }
                    { " " }<span class="part-state">{ r.state.label_vi() }</span>
                    if r.state == PartState::Returned {
                        { " " }<a class="button primary" href={format!("gop-phan-viec/#{}", r.id)} target="_blank"
                            aria-label={format!("Gộp vào bản nháp phần việc của {}", r.who)}>{ "Gộp vào bản nháp" }</a>
                    }
                </li>
            }) }
        </ul>
    }
}

impl crate::ui::editor::Editor {
    /// "Giao phần việc": the draft's edits written, to the parts page for this draft.
    pub fn hand_out(&self) {
        let Some(id) = self.document().doc.as_ref().map(|d| d.draft.id.clone()) else {
            return;
        };
        if self.may_leave() {
            crate::web::dom::go_to(&format!("phan-viec/#giao:{id}"));
        }
    }
}
