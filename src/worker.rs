//! The report worker: a Web Worker with its own WASM module (`src/bin/bao-cao.rs`) that turns
//! a draft into its report, the preview's HTML or the .docx. The editor sends it the draft's
//! envelope when the report tab opens or a download is asked for, so the report model and the
//! .docx writer are not part of the editor's first load, and the work runs off the page's
//! thread. `web::report_worker` is the editor's side.
//!
//! Once it listens, the worker says `{ready: true}`. A request is `{id, kind: "preview" |
//! "docx", envelope}`; the answer `{id, file_name, reasons, html}` or `{id, file_name, reasons,
//! bytes}`, or `{id, error}`.

use crate::core::{report, scoring, store};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &key.into(), value);
}

/// The answer to one request.
fn answer(data: &JsValue) -> Object {
    let out = Object::new();
    let field = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    set(&out, "id", &field("id"));
    let text = field("envelope").as_string().unwrap_or_default();
    let env = match store::read_stored(&text) {
        Ok(env) => env,
        Err(e) => {
            set(&out, "error", &e.message_vi().into());
            return out;
        }
    };
    let scores = scoring::score(&env.set, &env.draft);
    let r = report::build(&env.set, &env.draft, &scores);
    set(&out, "file_name", &r.file_name.as_str().into());
    let reasons: Array = r
        .draft_reasons
        .iter()
        .map(|s| JsValue::from(s.as_str()))
        .collect();
    set(&out, "reasons", &reasons);
    if field("kind").as_string().as_deref() == Some("docx") {
        let bytes = report::docx::render(&r);
        set(&out, "bytes", &Uint8Array::from(bytes.as_slice()));
    } else {
        set(&out, "html", &report::html::render(&r).into());
    }
    out
}

/// Answers every message the page sends.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let _ = replies.post_message(&answer(&e.data()));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point (while the module loaded) found no handler: the page
    // waits for this word before sending any.
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
