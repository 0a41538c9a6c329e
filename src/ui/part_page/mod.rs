//! "Phần việc" (#28): a page of the tools module (`phan-viec/`), loaded when first opened, so
//! the editor carries none of it. The editor recognises a part file picked with the cheap
//! `core::team::is_part` and hands its text over under `persist::RECEIVED_KEY`; this page
//! takes it (the key removed), reads it strictly (`team::read_part`, every refusal in
//! Vietnamese) and decides what it is: a part come back to a draft of this device (the draft,
//! through `core::persist`, lists it as returned; the part handed on to the merge page) or a
//! part to work on here (`desk`: stored as a part in work, opened). With nothing handed over,
//! the page lists the parts in work on this device (`list`), with a picker of its own.

pub mod desk;
mod list;
pub mod team;

use crate::core::persist::{
    classify_draft, classify_part, draft_key, merge_key, part_key, save_draft, set_aside,
    AsideKind, Fate, Kv, Over, Refused, SaveError, RECEIVED_KEY,
};
use crate::core::store::Envelope;
use crate::core::team::{mark_returned, read_part, PartFile};
use crate::ui::chrome::Tone;
use crate::ui::shared::Shared;
use crate::web::{clock, storage};
use yew::prelude::*;

/// What the page shows.
#[derive(Clone, PartialEq)]
pub enum View {
    /// The parts in work on this device, and the picker.
    List,
    /// A part being worked on.
    Work(Shared<PartFile>),
    /// A part come back, listed as returned on its draft and handed to the merge page.
    Returned { id: String, who: String },
    /// A part stored as a draft of its own (the editor opens it next).
    AsDraft,
    /// The parts of the draft of this id, and the form that hands one out.
    Team(AttrValue),
}

/// The page's state: what it shows and what just happened.
#[derive(Clone, PartialEq)]
pub struct Page {
    pub view: View,
    pub notice: Option<(Tone, String)>,
}

impl Page {
    fn told(view: View, tone: Tone, text: impl Into<String>) -> Page {
        Page {
            view,
            notice: Some((tone, text.into())),
        }
    }

    fn list() -> Page {
        Page {
            view: View::List,
            notice: None,
        }
    }

    /// The page as opened: a draft's parts (`#giao:<draft id>`), or the part file handed
    /// over by the editor, if any (taken once).
    pub fn start() -> Page {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok());
        if let Some(id) = hash.as_deref().and_then(|h| h.strip_prefix("#giao:")) {
            return Page {
                view: View::Team(AttrValue::from(id.to_string())),
                notice: None,
            };
        }
        match storage::read_raw(RECEIVED_KEY) {
            Some(text) => {
                storage::remove(RECEIVED_KEY);
                receive(&text)
            }
            None => Page::list(),
        }
    }
}

/// A part file's text, read strictly, as what it is on this device.
pub fn receive(text: &str) -> Page {
    let part = match read_part(text) {
        Ok(part) => part,
        Err(e) => {
            let why = format!("Không mở được tệp phần việc. {}", e.message_vi());
            return Page::told(View::List, Tone::Error, why);
        }
    };
    let key = draft_key(&part.draft_id);
    if let Some(stored) = storage::Local.get(&key) {
        if let Fate::Readable(env) = classify_draft(&key, &stored) {
            if env.draft.parts.iter().any(|r| r.id == part.id) {
                return returned(env, &stored, &part);
            }
        }
    }
    to_work(part)
}

/// A part come back: its draft, as stored (the editor wrote its edits before handing the
/// file over), lists it as returned; its text is handed to the merge page.
fn returned(env: Envelope, stored: &str, part: &PartFile) -> Page {
    let draft = match mark_returned(&env.draft, &env.set, part) {
        Ok(draft) => draft,
        Err(e) => {
            let why = format!("Không nhận được phần việc. {}", e.message_vi());
            return Page::told(View::List, Tone::Error, why);
        }
    };
    let env = Envelope::new(draft, env.set, clock::now_iso());
    let mut kv = storage::Local;
    let written = save_draft(&mut kv, &env, Over::Base(Some(stored)))
        .map_err(|r| match r {
            Refused::Failed(e) => e.message_vi(),
            Refused::Elsewhere(_) => {
                "Bản nháp vừa được lưu ở trang khác; hãy mở lại tệp phần việc.".into()
            }
        })
        .and_then(|_| {
            kv.set(&merge_key(&part.id), &part.to_json())
                .map_err(|e| e.message_vi())
        });
    match written {
        Ok(()) => Page::told(
            View::Returned {
                id: part.id.clone(),
                who: part.who.clone(),
            },
            Tone::Success,
            format!(
                "Đã nhận lại phần việc của {} ({}). Bấm “Gộp vào bản nháp” để xem lại và gộp.",
                part.who,
                part.scope_vi()
            ),
        ),
        Err(why) => Page::told(View::List, Tone::Error, why),
    }
}

/// A part to work on: the one in work here if there is one, else the file received, stored.
fn to_work(part: PartFile) -> Page {
    let key = part_key(&part);
    let stored = storage::read_raw(&key);
    let (open, notice) = match stored.as_deref().map(|t| (t, classify_part(&key, t))) {
        Some((_, Fate::Readable(kept))) => {
            let msg =
                "Phần việc này đã có trên máy: mở bản đang làm (tệp vừa chọn không ghi đè lên).";
            (kept, Some((Tone::Info, msg.to_string())))
        }
        // A newer version's copy stays; the file received opens, its saves refused.
        Some((_, Fate::Newer(_))) => (part, Some((Tone::Error, SaveError::Newer.message_vi()))),
        Some((text, Fate::Damaged { .. })) => {
            // The unreadable copy is kept aside, whole, to download from the list of drafts.
            set_aside(&mut storage::Local, &key, text, AsideKind::Draft);
            stored_or_told(part)
        }
        None => stored_or_told(part),
    };
    Page {
        view: View::Work(Shared::new(open)),
        notice,
    }
}

/// Stores a part received as a part in work; it opens even when it cannot be stored (the user
/// can fill and export it from this page).
fn stored_or_told(part: PartFile) -> (PartFile, Option<(Tone, String)>) {
    let told = desk::store(&part).err().map(|why| (Tone::Error, why));
    (part, told)
}

/// "Mở thành bản nháp riêng": the part as it stands as a draft of its own
/// (`PartFile::to_envelope`), stored and marked as the draft the editor opens next; the part
/// in work stays as it is.
fn as_draft(part: &Shared<PartFile>) -> Page {
    let env = part.to_envelope(clock::new_id(), clock::now_iso());
    match save_draft(&mut storage::Local, &env, Over::Base(None)) {
        Ok(_) => {
            crate::ui::ops::remember_last(&env.draft.id);
            Page::told(
                View::AsDraft,
                Tone::Success,
                "Đã mở phần việc thành một bản nháp riêng.",
            )
        }
        Err(Refused::Failed(e)) => {
            Page::told(View::Work(part.clone()), Tone::Error, e.message_vi())
        }
        Err(Refused::Elsewhere(_)) => Page::told(
            View::Work(part.clone()),
            Tone::Error,
            "Bản nháp này đã có trên máy.",
        ),
    }
}

/// The page: mounted by the tools module at `phan-viec/`.
pub fn start() {
    crate::ui::mount::<PartPage>();
}

#[function_component]
pub fn PartPage() -> Html {
    let page = use_state(Page::start);
    let to = |f: fn(&Shared<PartFile>) -> Page| {
        let page = page.clone();
        Callback::from(move |part: Shared<PartFile>| page.set(f(&part)))
    };
    let on_open = to(|part| Page {
        view: View::Work(part.clone()),
        notice: None,
    });
    let on_as_draft = to(as_draft);
    let on_close = {
        let page = page.clone();
        Callback::from(move |()| page.set(Page::list()))
    };
    let on_text = {
        let page = page.clone();
        Callback::from(move |text: String| page.set(receive(&text)))
    };
    let on_error = {
        let page = page.clone();
        Callback::from(move |why: String| page.set(Page::told(View::List, Tone::Error, why)))
    };
    let body = match &page.view {
        View::List => html! { <list::InWork {on_open} {on_text} {on_error} /> },
        View::Work(part) => {
            let (key, part) = (part.id.clone(), part.clone());
            html! { <desk::PartDesk {key} {part} {on_close} {on_as_draft} /> }
        }
        View::Returned { id, who } => html! {
            <p><a class="button primary" href={format!("../gop-phan-viec/#{id}")}
                aria-label={format!("Gộp vào bản nháp phần việc của {who}")}>{ "Gộp vào bản nháp" }</a></p>
        },
        View::Team(id) => html! { <team::Team id={id.clone()} /> },
        View::AsDraft => html! {
            <p><a class="button primary" href="../">{ "Mở bản nháp ở trang soạn báo cáo" }</a></p>
        },
    };
    html! {
        <>
            <header class="app-header"><div class="brand"><h1>{ "Phần việc" }</h1><p class="doc-title">{ "Tự đánh giá xã nông thôn mới" }</p></div></header>
            <main id="main" class="part-page">
                if let Some((tone, text)) = &page.notice {
                    <p class={classes!("notice", tone.class())} role={tone.role()}>{ text.clone() }</p>
                }
                { body }
                <p><a href="../" class="button">{ "Về trang soạn báo cáo" }</a></p>
            </main>
        </>
    }
}
