//! The criteria-set page (`bo-tieu-chi/`): the shipped and the user's own sets, copying,
//! editing, importing and exporting them. It is its own page and WASM module (a second trunk
//! build, see ARCHITECTURE.md), so the commune's editor does not load it on a first visit.
//! It shares storage with the editor: both read and write one key per set, and each follows
//! the other's writes through the `storage` event.

pub mod editor;
pub mod list;
pub mod ops;
pub mod review;
pub mod table;

use crate::core::criteria::CriteriaSet;
use crate::core::set_store::StoredSet;
use crate::core::store::Corrupt;
use crate::ui::state::{Notice, Shared, Tone};
use gloo_events::EventListener;
use list::{sets, SetsProps};
use ops::Dispatch;
use std::rc::Rc;
use yew::prelude::*;

/// The set open in the editor: its key and the time it was stored when opened, which tells
/// whether another tab saved it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editing {
    pub key: String,
    pub saved_at: String,
}

#[derive(Clone, PartialEq)]
pub struct Page {
    pub shipped: Shared<Vec<CriteriaSet>>,
    pub user: Shared<Vec<StoredSet>>,
    /// Stored entries that are not readable sets: listed, to download or delete.
    pub unreadable: Vec<Corrupt>,
    pub editing: Option<Editing>,
    pub notice: Option<Notice>,
    pub memory_only: bool,
    pub offline_ready: bool,
    /// A new version of a set was imported: its changes and the drafts it concerns.
    pub review: Option<review::Review>,
}

pub enum PageAction {
    Loaded(Vec<StoredSet>, Vec<Corrupt>),
    Edit(Option<Editing>),
    Notice(Tone, String),
    MemoryOnly,
    OfflineReady,
    Review(Option<review::Review>),
    /// The draft with this id was moved to the reviewed version.
    Moved(String),
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PageAction::Loaded(user, unreadable) => {
                s.user = Shared(Rc::new(user));
                s.unreadable = unreadable;
            }
            PageAction::Edit(e) => s.editing = e,
            PageAction::Notice(tone, text) => s.notice = Some(Notice { tone, text }),
            PageAction::MemoryOnly => s.memory_only = true,
            PageAction::OfflineReady => s.offline_ready = true,
            PageAction::Review(r) => s.review = r,
            PageAction::Moved(id) => {
                if let Some(r) = &mut s.review {
                    for a in r.drafts.iter_mut().filter(|a| a.id == id) {
                        a.moved = true;
                    }
                }
            }
        }
        Rc::new(s)
    }
}

impl Page {
    fn new() -> Page {
        Page {
            shipped: Shared(Rc::new(crate::core::sets::shipped())),
            user: Shared(Rc::new(Vec::new())),
            unreadable: Vec::new(),
            editing: None,
            notice: None,
            memory_only: false,
            offline_ready: false,
            review: None,
        }
    }
}

/// Mounts the page, with the same panic page as the editor.
pub fn start() {
    crate::ui::mount::<SetsPage>();
}

#[function_component]
fn SetsPage() -> Html {
    let page = use_reducer(Page::new);
    let d = page.dispatcher();
    let update = crate::ui::update::use_update_ready();
    {
        let (d, page) = (d.clone(), page.clone());
        use_effect_with((), move |_| {
            ops::load(&d);
            let d2 = d.clone();
            crate::web::sw::register(
                "../sw.js",
                Callback::from(move |e| {
                    if e == crate::web::sw::SwEvent::OfflineReady {
                        d2.dispatch(PageAction::OfflineReady)
                    }
                }),
            );
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "storage", move |e| {
                    use wasm_bindgen::JsCast;
                    if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
                        ops::on_storage(&d, &page, e.key());
                    }
                })
            });
            move || drop(listener)
        });
    }
    html! {
        <>
            <header class="app-header no-print">
                <div class="brand">
                    <h1>{ "Bộ tiêu chí" }</h1>
                    <p class="doc-title">{ "Tự đánh giá xã nông thôn mới" }</p>
                </div>
                <div class="status-line">
                    if page.offline_ready { <span class="ready" role="status">{ "✓ Sẵn sàng dùng khi không có mạng" }</span> }
                </div>
                <nav aria-label="Các mục" class="tabs">
                    <a class="tab" href="../">{ "Bản nháp" }</a>
                    <a class="tab active" href="./" aria-current="page">{ "Bộ tiêu chí" }</a>
                    <a class="tab" href="../tong-hop/">{ "Tổng hợp" }</a>
                </nav>
            </header>
            <div class="banners no-print">
                { crate::ui::update::banner(update, "Hãy lưu bộ tiêu chí đang sửa trước.") }
                { banner(&page) }
            </div>
            <main id="main">{ screen(&page, &d) }</main>
            <footer class="app-footer no-print">{ "Dữ liệu chỉ lưu trên máy này, không gửi đi đâu." }</footer>
        </>
    }
}

fn banner(page: &Page) -> Html {
    html! {
        <>
            if page.memory_only {
                <div class="notice error" role="alert">{ "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu): bộ tiêu chí không lưu được ở đây. Hãy mở trang trong cửa sổ thường." }</div>
            }
            if let Some(n) = &page.notice {
                <div class={classes!("notice", match n.tone { Tone::Error => "error", Tone::Success => "success", Tone::Info => "info" })}
                    role={if n.tone == Tone::Error { "alert" } else { "status" }}>{ n.text.clone() }</div>
            }
        </>
    }
}

type Handle = UseReducerHandle<Page>;

fn screen(page: &Handle, d: &Dispatch) -> Html {
    let (d1, p1) = (d.clone(), page.clone());
    let (d2, p2) = (d.clone(), page.clone());
    let review = page.review.as_ref().map(|r| {
        let (d3, set) = (d.clone(), r.set.clone());
        let d4 = d.clone();
        review::review_panel(
            r,
            Callback::from(move |id: String| ops::move_draft(&d3, &id, &set)),
            Callback::from(move |_| d4.dispatch(PageAction::Review(None))),
        )
    });
    let list = sets(SetsProps {
        shipped: page.shipped.clone(),
        user: page.user.clone(),
        unreadable: page.unreadable.clone(),
        editing: page.editing.as_ref().map(|e| e.key.clone()),
        on_op: Callback::from(move |op| ops::set_op(&d1, &p1, op)),
        on_import: Callback::from(move |e: Event| ops::import(&d2, e, &p2)),
    });
    html! { <>{ for review }{ list }</> }
}
