//! "A new version is ready": the one notice the three pages show when the service worker has
//! installed a new version of the site, which waits until the user reloads.

use crate::web::sw;
use yew::prelude::*;

/// The notice, with what reloading does to the page's own work (`after`), and its button. A
/// plain function: the editor, which writes its draft first, calls it from its banners.
pub fn notice(after: &str, on_reload: Callback<MouseEvent>) -> Html {
    html! {
        <div class="notice info" role="status">
            <span>{ "Đã có phiên bản mới — tải lại để dùng." }{ if after.is_empty() { String::new() } else { format!(" {after}") } }</span>
            <button type="button" class="primary" onclick={on_reload}>{ "Tải lại" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UpdateProps {
    /// What reloading does to the page's own work, in a sentence (or nothing).
    #[prop_or_default]
    pub after: AttrValue,
}

/// The notice for a page with nothing of its own to write first (the set page, the roll-up):
/// it follows the service worker itself.
#[function_component]
pub fn UpdateNotice(p: &UpdateProps) -> Html {
    let ready = use_state(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| {
            sw::on_update(Callback::from(move |()| ready.set(true)));
        });
    }
    if !*ready {
        return html! {};
    }
    notice(&p.after, Callback::from(|_| sw::apply_update()))
}
