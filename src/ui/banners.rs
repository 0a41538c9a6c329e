//! The editor's banners above the screens: storage blocked, saving paused by another page's
//! change (a conflict, a delete, a newer version's save, unreadable data), a failed save, a
//! new version, the notice, the undo of a delete, and the question of an import that
//! replaces a draft. What the user answers goes up as an `Answer`.

use crate::ui::chrome::{self, Tone};
use crate::ui::state::{Document, Paused, SaveStatus, Shell};
use crate::web::clock;
use yew::prelude::*;

/// What the user answers in a banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Download the open draft as it is on screen.
    Export,
    /// Reload the page (to the newer version that saved the draft).
    Reload,
    /// Saving paused by another tab's save: open that tab's version.
    UseTheirs,
    /// Saving paused by another tab's save or delete: this page's version is saved over it.
    KeepMine,
    /// Close the open draft.
    Close,
    /// Write the draft, then reload to the new version.
    Update,
    ClearNotice,
    Undo,
    ForgetUndo,
    /// The imported draft replaces the stored one (`true`), or is kept beside it.
    Import(bool),
    CancelImport,
}

fn button(class: &'static str, label: &'static str, on: &Callback<Answer>, a: Answer) -> Html {
    let on = on.clone();
    html! { <button type="button" {class} onclick={Callback::from(move |_| on.emit(a))}>{ label }</button> }
}

pub fn banners(doc: &Document, shell: &Shell, on: &Callback<Answer>) -> Html {
    html! {
        <>
            if shell.memory_only {
                { chrome::banner(Tone::Error, html! { "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu). Ứng dụng vẫn dùng được, nhưng dữ liệu chỉ nằm trong trang này: hãy “Xuất tệp” trước khi đóng." }) }
            }
            { paused(doc, on) }
            if let (SaveStatus::Failed(msg), Some(_)) = (&doc.save, &doc.doc) {
                { chrome::banner(Tone::Error, html! { <>
                    <span>{ format!("Chưa lưu được: {msg}") }</span>
                    { button("primary", "Xuất tệp bản nháp", on, Answer::Export) }
                </> }) }
            }
            if shell.update_ready {
                { chrome::update_notice("Dữ liệu đang nhập được lưu trước khi tải lại.", { let on = on.clone(); Callback::from(move |_| on.emit(Answer::Update)) }) }
            }
            if let Some(n) = &shell.notice {
                { chrome::notice(n, Some({ let on = on.clone(); Callback::from(move |_| on.emit(Answer::ClearNotice)) })) }
            }
            if let Some(env) = &doc.undo {
                { chrome::banner(Tone::Info, html! { <>
                    <span>{ format!("Đã xóa bản nháp xã {} — {}.", env.commune, env.period) }</span>
                    { button("primary small", "Hoàn tác", on, Answer::Undo) }
                    { button("secondary small", "Đóng", on, Answer::ForgetUndo) }
                </> }) }
            }
            if let Some(env) = &doc.replace {
                { chrome::question(html! { <>
                    <p>{ format!("Bản nháp xã {} — {} đã có trên máy này. Thay bằng bản trong tệp, hay giữ cả hai?", env.commune, env.period) }</p>
                    <div class="row-actions">
                        { button("primary", "Thay bản trên máy", on, Answer::Import(true)) }
                        { button("secondary", "Giữ cả hai", on, Answer::Import(false)) }
                        { button("secondary", "Hủy", on, Answer::CancelImport) }
                    </div>
                </> }) }
            }
        </>
    }
}

/// Another page changed the open draft: saving is paused until the user chooses.
fn paused(doc: &Document, on: &Callback<Answer>) -> Html {
    let (Some(paused), Some(_)) = (&doc.paused, &doc.doc) else {
        return Html::default();
    };
    let (text, actions) = match paused {
        Paused::Conflict(env, _) => (
            format!("Bản nháp này vừa được sửa ở một thẻ (cửa sổ) khác lúc {}. Tự động lưu đang tạm dừng để không ghi đè.", clock::local_hhmm(&env.saved_at)),
            html! { <>
                { button("primary", "Dùng bản ở thẻ kia", on, Answer::UseTheirs) }
                { button("secondary", "Giữ bản ở thẻ này", on, Answer::KeepMine) }
            </> },
        ),
        Paused::Deleted => (
            "Bản nháp đang mở vừa bị xóa ở một thẻ (cửa sổ) khác. Tự động lưu đang tạm dừng: giữ lại bản nháp này (lưu lại như trên màn hình), hoặc đóng nó.".to_string(),
            html! { <>
                { button("primary", "Giữ lại bản nháp này", on, Answer::KeepMine) }
                { button("secondary", "Đóng bản nháp", on, Answer::Close) }
            </> },
        ),
        Paused::Newer => (
            "Bản nháp đang mở vừa được phiên bản mới hơn của ứng dụng lưu ở một thẻ (cửa sổ) khác. Thẻ này không lưu nữa để không ghi đè bản đó: hãy tải lại trang để dùng phiên bản mới. Những gì vừa gõ ở đây có thể xuất ra tệp để đối chiếu.".to_string(),
            html! { <>
                { button("primary", "Tải lại trang", on, Answer::Reload) }
                { button("secondary", "Xuất tệp bản đang sửa ở thẻ này", on, Answer::Export) }
            </> },
        ),
        Paused::Unreadable => (
            "Bản lưu của bản nháp đang mở vừa bị thay bằng dữ liệu không đọc được (ở một thẻ khác). Thẻ này không ghi đè lên dữ liệu đó: hãy xuất tệp bản đang sửa ở đây, rồi tải lại trang (dữ liệu kia sẽ được để riêng, nguyên vẹn).".to_string(),
            button("primary", "Xuất tệp bản đang sửa ở thẻ này", on, Answer::Export),
        ),
    };
    chrome::banner(
        Tone::Error,
        html! { <><p>{ text }</p><div class="row-actions">{ actions }</div></> },
    )
}
