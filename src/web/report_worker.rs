//! The editor's side of the report worker (`src/worker.rs`): started when first needed, from
//! the URL the build writes into index.html; each request answered through its callback, or
//! with a Vietnamese reason when the worker fails or does not answer in time.

use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// What the worker made of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub file_name: String,
    /// Why the report stays DỰ THẢO; empty for a final report.
    pub reasons: Vec<String>,
    /// The preview (for a "preview" request).
    pub html: String,
    /// The .docx (for a "docx" request).
    pub bytes: Vec<u8>,
}

pub type Answer = Result<Reply, String>;

/// A first answer may wait for the worker's module to download; after that it is milliseconds.
const TIMEOUT_MS: u32 = 60_000;

const FAILED: &str = "Không tạo được báo cáo: bộ phận dựng báo cáo không chạy được trên trình duyệt này hoặc chưa tải xong (cần mạng ở lần dùng đầu tiên). Bản nháp vẫn được lưu; hãy thử lại, hoặc xuất tệp bản nháp.";

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static PENDING: RefCell<Vec<(u32, Callback<Answer>)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(1) };
    /// Requests made before the worker said it listens (messages sent earlier would be lost).
    static QUEUE: RefCell<Option<Vec<Object>>> = const { RefCell::new(Some(Vec::new())) };
}

/// Sends a request now, or once the worker listens.
fn send(worker: &web_sys::Worker, message: Object) {
    let queued = QUEUE.with(|q| match &mut *q.borrow_mut() {
        Some(waiting) => {
            waiting.push(message.clone());
            true
        }
        None => false,
    });
    if !queued && worker.post_message(&message).is_err() {
        fail_all(FAILED);
    }
}

fn take(id: u32) -> Option<Callback<Answer>> {
    PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.iter().position(|(i, _)| *i == id)?;
        Some(p.remove(at).1)
    })
}

/// Every request waiting gets the failure; the next request starts a new worker.
fn fail_all(message: &str) {
    WORKER.with(|w| {
        if let Some(w) = w.borrow_mut().take() {
            w.terminate();
        }
    });
    QUEUE.with(|q| *q.borrow_mut() = Some(Vec::new()));
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for (_, cb) in pending {
        cb.emit(Err(message.to_string()));
    }
}

fn read_reply(data: &JsValue) -> (u32, Answer) {
    let field = |k: &str| Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let id = field("id").as_f64().unwrap_or(0.0) as u32;
    if let Some(e) = field("error").as_string() {
        return (id, Err(format!("Không tạo được báo cáo: {e}")));
    }
    let reasons = field("reasons")
        .dyn_into::<Array>()
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    let bytes = field("bytes")
        .dyn_into::<Uint8Array>()
        .map(|b| b.to_vec())
        .unwrap_or_default();
    let reply = Reply {
        file_name: field("file_name").as_string().unwrap_or_default(),
        reasons,
        html: field("html").as_string().unwrap_or_default(),
        bytes,
    };
    (id, Ok(reply))
}

fn start() -> Result<web_sys::Worker, String> {
    let url = crate::web::dom::meta("tieuchi-report-worker").ok_or(FAILED)?;
    let worker = web_sys::Worker::new(&url).map_err(|_| FAILED.to_string())?;
    let listening = worker.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if Reflect::get(&e.data(), &"ready".into()).is_ok_and(|v| v.is_truthy()) {
                let waiting = QUEUE.with(|q| q.borrow_mut().take()).unwrap_or_default();
                for m in waiting {
                    if listening.post_message(&m).is_err() {
                        return fail_all(FAILED);
                    }
                }
                return;
            }
            let (id, answer) = read_reply(&e.data());
            if let Some(cb) = take(id) {
                cb.emit(answer);
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| fail_all(FAILED));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(worker)
}

/// Asks the worker for a draft's report: `kind` is "preview" or "docx"; `envelope` the draft's
/// stored JSON. `answer` is called once.
pub fn request(kind: &str, envelope: String, answer: Callback<Answer>) {
    let worker = WORKER.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = start().ok();
        }
        w.clone()
    });
    let Some(worker) = worker else {
        return answer.emit(Err(FAILED.into()));
    };
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let _ = Reflect::set(&message, &"kind".into(), &kind.into());
    let _ = Reflect::set(&message, &"envelope".into(), &envelope.into());
    PENDING.with(|p| p.borrow_mut().push((id, answer)));
    send(&worker, message);
    gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || {
        if let Some(cb) = take(id) {
            cb.emit(Err(FAILED.into()));
        }
    })
    .forget();
}
