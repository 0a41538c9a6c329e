//! The last resort: should anything panic, the page says so in Vietnamese and offers the open
//! draft, as it was in memory, as a file to download, instead of a dead page.
//!
//! With `panic = "abort"` the module stops right after the hook returns, so the hook builds
//! everything the user needs before that: the file (a Blob) and plain links that work without
//! any script (download the draft; reload the page). `ui::start` installs it through
//! `yew::set_custom_panic_hook`: Yew's renderer replaces any other hook with its own.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
use crate::core::store::Envelope;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The open draft and its set, shared (not copied) with the app's state.
    static OPEN: RefCell<Option<(Rc<Draft>, Rc<CriteriaSet>)>> = const { RefCell::new(None) };
}

/// Remembers the open draft for the hook; `None` when no draft is open.
pub fn remember(open: Option<(Rc<Draft>, Rc<CriteriaSet>)>) {
    OPEN.with(|o| {
        if let Ok(mut o) = o.try_borrow_mut() {
            *o = open;
        }
    });
}

/// The envelope of the open draft as JSON, if one is open and can be read now.
fn open_draft_file() -> Option<(String, String)> {
    let (draft, set) = OPEN
        .try_with(|o| o.try_borrow().ok().and_then(|o| o.clone()))
        .ok()??;
    let env = Envelope::new((*draft).clone(), (*set).clone(), super::clock::now_iso());
    let name = format!(
        "ban-nhap-khan-cap-{}.json",
        crate::core::vn::slug(&format!("{} {}", env.commune, env.period))
    );
    Some((name, env.to_json_pretty()))
}

/// Puts the message, and the links, over the page.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id("crash");
    panel.set_class_name("crash");
    let _ = panel.set_attribute("role", "alert");
    let Ok(text) = document.create_element("p") else {
        return;
    };
    text.set_text_content(Some("Ứng dụng gặp lỗi và đã dừng. Các bản nháp đã lưu trong trình duyệt vẫn còn nguyên. Hãy tải về bản nháp đang mở (gồm cả những gì vừa nhập), rồi tải lại trang."));
    let _ = panel.append_child(&text);
    if let Some((name, json)) = open_draft_file() {
        if let Ok(a) = super::download::link(&name, super::download::JSON_MIME, json.as_bytes()) {
            a.set_text_content(Some("Tải về bản nháp đang mở (.json)"));
            a.set_class_name("button primary");
            let _ = panel.append_child(&a);
        }
    }
    if let Ok(reload) = document.create_element("a") {
        let _ = reload.set_attribute("href", "./");
        reload.set_text_content(Some("Tải lại trang"));
        reload.set_class_name("button secondary");
        let _ = panel.append_child(&reload);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&panel);
    }
}
