//! Hands a file the app made to the phone's share sheet (Web Share API, so Zalo or e-mail can
//! take it), or saves it where the browser keeps downloads when the browser cannot share files.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What became of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet took it (the user picked an app).
    Shared,
    /// The share sheet opened and the user closed it without picking an app.
    Cancelled,
    /// The browser cannot share files: the file was saved as a download instead.
    Downloaded,
}

/// Shares `bytes` as a file named `file_name` where the browser can share files
/// (`navigator.canShare({files})`, then `navigator.share`), otherwise downloads it. A share the
/// browser refuses for another reason than the user closing the sheet also falls back to the
/// download, so the file is never only lost in a failed share. Returns a Vietnamese message if
/// neither worked.
pub async fn share_or_download(
    file_name: &str,
    mime: &str,
    bytes: &[u8],
    title: &str,
) -> Result<Shared, String> {
    if let Some(promise) = start_share(file_name, mime, bytes, title) {
        match JsFuture::from(promise).await {
            Ok(_) => return Ok(Shared::Shared),
            Err(e) if is_abort(&e) => return Ok(Shared::Cancelled),
            Err(_) => {}
        }
    }
    crate::web::download::bytes(file_name, mime, bytes).map(|()| Shared::Downloaded)
}

/// Starts the share (synchronously, while the tap's user activation holds), or `None` where the
/// browser has no `canShare`/`share` or cannot share this file.
fn start_share(file_name: &str, mime: &str, bytes: &[u8], title: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    // Calling a method the browser lacks would throw: ask first.
    let has = |name: &str| {
        js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).is_ok_and(|f| f.is_function())
    };
    if !has("canShare") || !has("share") {
        return None;
    }
    let array = js_sys::Uint8Array::from(bytes);
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(mime);
    let file = web_sys::File::new_with_u8_array_sequence_and_options(
        &js_sys::Array::of1(&array),
        file_name,
        &opts,
    )
    .ok()?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    data.set_title(title);
    if !navigator.can_share_with_data(&data) {
        return None;
    }
    Some(navigator.share_with_data(&data))
}

/// The user closed the share sheet (`AbortError`), as opposed to the browser refusing.
fn is_abort(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| e.name() == "AbortError")
        .unwrap_or(false)
}
