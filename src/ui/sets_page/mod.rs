//! The criteria-set page (`bo-tieu-chi/`): the shipped and the user's own sets, copying,
//! editing, importing and exporting them. It is its own page, in the tools module with the
//! roll-up (`ui::tools`, see ARCHITECTURE.md), so the commune's editor does not load it on a
//! first visit.
//! It shares storage with the editor: both read and write one key per set, and each follows
//! the other's writes through the `storage` event.

pub mod editor;
pub mod import;
pub mod indicator;
pub mod list;
pub mod ops;
pub mod page;
pub mod preview;
pub mod review;
pub mod table;
pub mod table_state;
pub mod word;

use crate::core::criteria::CriteriaSet;
use crate::ui::chrome::{self, Header, Tone};
use editor::SetEditor;
use gloo_events::EventListener;
use list::{sets, SetOp, SetsProps};
use ops::Dispatch;
use page::{Page, PageAction};
use yew::prelude::*;

/// Mounts the page, with the same panic page as the editor.
pub fn start() {
    crate::ui::mount::<SetsPage>();
}

#[function_component]
fn SetsPage() -> Html {
    let page = use_reducer(Page::default);
    let d = page.dispatcher();
    let update = chrome::use_update_ready();
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
    let header = chrome::header(Header {
        page: chrome::Page::Sets,
        title: "Bộ tiêu chí",
        subtitle: Some("Tự đánh giá xã nông thôn mới".into()),
        status: Some(chrome::offline_ready(page.offline_ready)),
        tabs: None,
    });
    html! {
        <>
            { header }
            { chrome::banners(html! { <>
                { chrome::update_banner(update, "Hãy lưu bộ tiêu chí đang sửa trước.") }
                { banner(&page) }
            </> }) }
            <main id="main">{ screen(&page, &d) }</main>
            { chrome::footer(None, "Dữ liệu chỉ lưu trên máy này, không gửi đi đâu.") }
        </>
    }
}

fn banner(page: &Page) -> Html {
    html! {
        <>
            if page.memory_only {
                { chrome::banner(Tone::Error, html! { "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu): bộ tiêu chí không lưu được ở đây. Hãy mở trang trong cửa sổ thường." }) }
            }
            if let Some(n) = &page.notice {
                { chrome::notice(n, None) }
            }
        </>
    }
}

type Handle = UseReducerHandle<Page>;

fn screen(page: &Handle, d: &Dispatch) -> Html {
    if let Some(e) = &page.editing {
        let (d1, p1) = (d.clone(), page.clone());
        let (d2, p2) = (d.clone(), page.clone());
        let on_save = Callback::from(move |set: CriteriaSet| {
            ops::set_op(&d1, &p1, SetOp::Save(Box::new(set)))
        });
        let on_cancel = Callback::from(move |_| ops::set_op(&d2, &p2, SetOp::Cancel));
        return html! { <SetEditor key={e.key.clone()} set={e.set.clone()} fresh={e.fresh} {on_save} {on_cancel} /> };
    }
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
        on_op: Callback::from(move |op| ops::set_op(&d1, &p1, op)),
        on_import: Callback::from(move |e: Event| import::import(&d2, e, &p2)),
    });
    html! { <>{ for review }{ list }</> }
}
