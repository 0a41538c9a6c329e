//! "A new version is ready": the one notice the three pages show when the service worker has
//! installed a new version of the site, which waits until the user reloads.

use crate::web::sw;
use yew::prelude::*;

/// The notice, with what reloading does to the page's own work (`after`), and its button. The
/// editor, which writes its draft first, calls it from its banners.
pub fn notice(after: &str, on_reload: Callback<MouseEvent>) -> Html {
    html! {
        <div class="notice info" role="status">
            <span>{ "Đã có phiên bản mới — tải lại để dùng." }{ if after.is_empty() { String::new() } else { format!(" {after}") } }</span>
            <button type="button" class="primary" onclick={on_reload}>{ "Tải lại" }</button>
        </div>
    }
}

/// Whether a new version is ready, for a page whose worker is registered on its own (the set
/// page, the roll-up): a hook, not a component, so a page pays no component of its own for it.
#[hook]
pub fn use_update_ready() -> bool {
    let ready = use_state(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| {
            sw::on_update(Callback::from(move |()| ready.set(true)));
        });
    }
    *ready
}

/// The notice of such a page, when `ready`: reloading applies the new version.
pub fn banner(ready: bool, after: &str) -> Html {
    if !ready {
        return html! {};
    }
    notice(after, Callback::from(|_| sw::apply_update()))
}
