//! Small DOM helpers the UI needs outside Yew's tree.

use wasm_bindgen::JsCast;

/// Opens the `<details>` around the element with `id`, scrolls it into view and focuses its
/// first input, so a finding or an unmet criterion "jumps to its place".
pub fn jump_to(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(el) = doc.get_element_by_id(id) else {
        return;
    };
    let mut node = Some(el.clone());
    while let Some(n) = node {
        if n.tag_name().eq_ignore_ascii_case("details") {
            let _ = n.set_attribute("open", "");
        }
        node = n.parent_element();
    }
    let field = if el.matches("input, select, textarea").unwrap_or(false) {
        Some(el.clone())
    } else {
        el.query_selector("input, select, textarea").ok().flatten()
    };
    // The field in the middle of the screen, below the header and the summary and above a
    // phone's keyboard (the page's scroll-padding keeps it clear of the sticky parts); a card
    // without a field at its top.
    let opts = web_sys::ScrollIntoViewOptions::new();
    match field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(input) => {
            let _ = input.focus();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            input.scroll_into_view_with_scroll_into_view_options(&opts);
        }
        None => {
            opts.set_block(web_sys::ScrollLogicalPosition::Start);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

/// Sets `open` on every criterion card, or removes it.
pub fn set_all_open(open: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(list) = doc.query_selector_all("details.criterion") {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = if open {
                    el.set_attribute("open", "")
                } else {
                    el.remove_attribute("open")
                };
            }
        }
    }
}

/// Says in the static shell's failure box (`#boot-fail`, the one `boot.js` fills) why the page
/// cannot start, in place of its "loading" line.
pub fn boot_failure(reason: &str) {
    let (Some(status), Some(text), Some(box_)) = (
        element("boot-status"),
        element("boot-reason"),
        element("boot-fail"),
    ) else {
        return;
    };
    let _ = status.set_attribute("hidden", "");
    text.set_text_content(Some(reason));
    let _ = box_.remove_attribute("hidden");
}

/// Resolves once the browser has had the chance to paint and to handle input: after the next
/// animation frame, and after the tasks that follow it. Long work (a 1 MB table, thousands of
/// files) awaits it between chunks, so the page shows its progress and stays responsive. In a
/// hidden tab, where frames stop and timers are throttled, it resolves at once: nobody waits
/// there for a frame.
pub async fn yield_to_browser() {
    let Some(w) = web_sys::window() else { return };
    if w.document().is_none_or(|d| d.hidden()) {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let w2 = w.clone();
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = w2.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        if w.request_animation_frame(after_frame.unchecked_ref())
            .is_err()
        {
            // No frames here: the next task will do.
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                after_frame.unchecked_ref(),
                0,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// An element by its id.
pub fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The current value of a `<select>` by its id.
pub fn select_value(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlSelectElement>()
        .ok()
        .map(|s| s.value())
}

pub fn online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// Reloads the page (the worker serves the version it holds; see `sw.js`).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The content of `<meta name="…">`, which the build uses to hand the app a URL.
pub fn meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// Has the browser ask before the page is left (a `beforeunload` event): the standard way
/// (`preventDefault`) and the older one (a return value), which some browsers still need.
pub fn ask_before_unload(e: &web_sys::Event) {
    e.prevent_default();
    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
        e.set_return_value("Dữ liệu chưa được lưu.");
    }
}

/// Forgets the file picked in the input an event came from, so that picking it again is a
/// change again.
pub fn clear_file_input(e: &web_sys::Event) {
    if let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// Goes to another page of the site (`url` relative to this one), in this tab.
pub fn go_to(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}
