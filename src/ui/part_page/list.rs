//! The parts in work on this device (newest first), each opened with "Mở", the entries this
//! build does not use offered whole for download, and the picker for a part file received.

use crate::core::persist::{list_parts, Kept};
use crate::core::team::PartFile;
use crate::ui::shared::Shared;
use crate::web::storage;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InWorkProps {
    pub on_open: Callback<Shared<PartFile>>,
    /// The text of a part file picked.
    pub on_text: Callback<String>,
    /// Why a file picked could not be read.
    pub on_error: Callback<String>,
}

/// A file picked: its text up, or why it could not be read.
fn picked(p: &InWorkProps) -> Callback<Event> {
    let (on_text, on_error) = (p.on_text.clone(), p.on_error.clone());
    Callback::from(move |event: Event| {
        let (on_text, on_error) = (on_text.clone(), on_error.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let limit = crate::core::store::MAX_IMPORT_BYTES;
            match crate::web::files::read_picked(event, limit).await {
                Ok((_, text)) => on_text.emit(text),
                Err(why) => on_error.emit(why),
            }
        });
    })
}

#[function_component]
pub fn InWork(p: &InWorkProps) -> Html {
    let listed = use_state(|| {
        let (parts, kept): (Vec<PartFile>, Vec<Kept>) = list_parts(&storage::Local);
        (parts.into_iter().map(Shared::new).collect::<Vec<_>>(), kept)
    });
    let (parts, kept) = &*listed;
    html! {
        <section class="parts-in-work" aria-labelledby="in-work-title">
            <h2 id="in-work-title">{ "Phần việc được giao" }</h2>
            if parts.is_empty() {
                <p>{ "Chưa có phần việc nào trên máy này. Khi nhận được tệp phần việc (phan-viec-….json), hãy mở tệp đó tại đây." }</p>
            } else {
                <ul aria-label="Phần việc đang làm trên máy này">
                    { for parts.iter().map(|part| {
                        let (on, part2) = (p.on_open.clone(), part.clone());
                        html! {
                            <li>
                                { format!("{} — Xã {} — {} ", part.who, part.commune, part.scope_vi()) }
                                <button type="button" onclick={Callback::from(move |_| on.emit(part2.clone()))}
                                    aria-label={format!("Mở phần việc của {} (xã {})", part.who, part.commune)}>{ "Mở" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            { for kept.iter().map(|k| {
                let key = k.key.clone();
                let download = Callback::from(move |_: MouseEvent| {
                    let _ = crate::web::download::stored_entry(&key);
                });
                html! {
                    <p class="hint">{ k.reason.clone() }{ " " }
                        <button type="button" onclick={download}>{ "Tải về nguyên trạng" }</button>
                    </p>
                }
            }) }
            <div class="import">
                <label for="import-part" class="button secondary">{ "Mở tệp phần việc (.json)" }</label>
                <input id="import-part" type="file" accept=".json,application/json" class="visually-hidden" onchange={picked(p)} />
            </div>
        </section>
    }
}
