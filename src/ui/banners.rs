//! The banners above the screens: storage blocked, saving paused by another tab's change (a
//! conflict, a delete, a newer version's save, unreadable data), a failed save, a new version,
//! a notice, undo of a delete, and the question of an import that replaces a draft. A plain
//! function of the state: it holds nothing of its own.

use crate::ui::chrome::{self, Tone};
use crate::ui::hooks::SaveTracker;
use crate::ui::ops::{self, Dispatch};
use crate::ui::state::{Action, Paused, SaveStatus, State};
use crate::web::{clock, sw};
use yew::prelude::*;

fn button(class: &'static str, label: &'static str, on: impl Fn() + 'static) -> Html {
    html! { <button type="button" {class} onclick={Callback::from(move |_| on())}>{ label }</button> }
}

pub fn banners(state: &State, d: &Dispatch, tracker: &SaveTracker) -> Html {
    html! {
        <>
            if state.memory_only {
                { chrome::banner(Tone::Error, html! { "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu). Ứng dụng vẫn dùng được, nhưng dữ liệu chỉ nằm trong trang này: hãy “Xuất tệp” trước khi đóng." }) }
            }
            { paused(state, d) }
            if let (SaveStatus::Failed(msg), Some(doc)) = (&state.save, state.doc.clone()) {
                { chrome::banner(Tone::Error, html! { <>
                    <span>{ format!("Chưa lưu được: {msg}") }</span>
                    { button("primary", "Xuất tệp bản nháp", { let d = d.clone(); move || ops::export(&d, &doc.draft.id, Some(&doc)) }) }
                </> }) }
            }
            if state.update_ready {
                { chrome::update_notice("Dữ liệu đang nhập được lưu trước khi tải lại.", { let (d, t) = (d.clone(), tracker.clone()); Callback::from(move |_| { t.flush(&d); sw::apply_update(); }) }) }
            }
            if let Some(n) = &state.notice {
                { chrome::notice(n, Some({ let d = d.clone(); Callback::from(move |_| d.dispatch(Action::ClearNotice)) })) }
            }
            if let Some(env) = state.undo.clone() {
                { chrome::banner(Tone::Info, html! { <>
                    <span>{ format!("Đã xóa bản nháp xã {} — {}.", env.commune, env.period) }</span>
                    { button("primary small", "Hoàn tác", { let d = d.clone(); move || ops::undo_delete(&d, &env) }) }
                    { button("secondary small", "Đóng", { let d = d.clone(); move || d.dispatch(Action::ForgetUndo) }) }
                </> }) }
            }
            { replace(state, d) }
        </>
    }
}

/// Another page changed the open draft: saving is paused until the user chooses.
fn paused(state: &State, d: &Dispatch) -> Html {
    let (Some(paused), Some(doc)) = (state.paused.clone(), state.doc.clone()) else {
        return html! {};
    };
    let export = {
        let d = d.clone();
        move || ops::export(&d, &doc.draft.id, Some(&doc))
    };
    match paused {
        Paused::Conflict(env, stored) => chrome::banner(
            Tone::Error,
            html! {
                <>
                    <p>{ format!("Bản nháp này vừa được sửa ở một thẻ (cửa sổ) khác lúc {}. Tự động lưu đang tạm dừng để không ghi đè.", clock::local_hhmm(&env.saved_at)) }</p>
                    <div class="row-actions">
                        { button("primary", "Dùng bản ở thẻ kia", { let d = d.clone(); move || d.dispatch(Action::Open((*env).clone(), Some((*stored).clone()))) }) }
                        { button("secondary", "Giữ bản ở thẻ này", { let d = d.clone(); move || d.dispatch(Action::KeepMine) }) }
                    </div>
                </>
            },
        ),
        Paused::Deleted => chrome::banner(
            Tone::Error,
            html! {
                <>
                    <p>{ "Bản nháp đang mở vừa bị xóa ở một thẻ (cửa sổ) khác. Tự động lưu đang tạm dừng: giữ lại bản nháp này (lưu lại như trên màn hình), hoặc đóng nó." }</p>
                    <div class="row-actions">
                        { button("primary", "Giữ lại bản nháp này", { let d = d.clone(); move || d.dispatch(Action::KeepMine) }) }
                        { button("secondary", "Đóng bản nháp", { let d = d.clone(); move || d.dispatch(Action::Close) }) }
                    </div>
                </>
            },
        ),
        Paused::Newer => chrome::banner(
            Tone::Error,
            html! {
                <>
                    <p>{ "Bản nháp đang mở vừa được phiên bản mới hơn của ứng dụng lưu ở một thẻ (cửa sổ) khác. Thẻ này không lưu nữa để không ghi đè bản đó: hãy tải lại trang để dùng phiên bản mới. Những gì vừa gõ ở đây có thể xuất ra tệp để đối chiếu." }</p>
                    <div class="row-actions">
                        { button("primary", "Tải lại trang", crate::web::dom::reload) }
                        { button("secondary", "Xuất tệp bản đang sửa ở thẻ này", export) }
                    </div>
                </>
            },
        ),
        Paused::Unreadable => chrome::banner(
            Tone::Error,
            html! {
                <>
                    <p>{ "Bản lưu của bản nháp đang mở vừa bị thay bằng dữ liệu không đọc được (ở một thẻ khác). Thẻ này không ghi đè lên dữ liệu đó: hãy xuất tệp bản đang sửa ở đây, rồi tải lại trang (dữ liệu kia sẽ được để riêng, nguyên vẹn)." }</p>
                    <div class="row-actions">
                        { button("primary", "Xuất tệp bản đang sửa ở thẻ này", export) }
                    </div>
                </>
            },
        ),
    }
}

/// An imported draft that exists already: replace it, keep both, or cancel.
fn replace(state: &State, d: &Dispatch) -> Html {
    let Some(env) = state.replace.clone() else {
        return html! {};
    };
    let m = state.memory_only;
    html! {
        { chrome::question(html! { <>
            <p>{ format!("Bản nháp xã {} — {} đã có trên máy này. Thay bằng bản trong tệp, hay giữ cả hai?", env.commune, env.period) }</p>
            <div class="row-actions">
                { button("primary", "Thay bản trên máy", { let d = d.clone(); let env = env.clone(); move || ops::resolve_import(&d, &env, true, m) }) }
                { button("secondary", "Giữ cả hai", { let d = d.clone(); let env = env.clone(); move || ops::resolve_import(&d, &env, false, m) }) }
                { button("secondary", "Hủy", { let d = d.clone(); move || d.dispatch(Action::ForgetReplace) }) }
            </div>
        </> }) }
    }
}
