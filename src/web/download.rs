//! Downloads a file the app made: a Blob, an object URL and a click on a temporary link.

use wasm_bindgen::JsCast;

fn fail(what: &str) -> String {
    format!("Không tải xuống được tệp ({what}). Hãy thử lại hoặc dùng trình duyệt khác.")
}

/// A link that downloads `bytes` as `name` when followed: it needs no script to work, so it
/// still works after the app has stopped (see `web::panic`).
pub fn link(name: &str, mime: &str, bytes: &[u8]) -> Result<web_sys::HtmlAnchorElement, String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|_| fail("Blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("URL"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("a"))?
        .dyn_into()
        .map_err(|_| fail("a"))?;
    a.set_href(&url);
    a.set_download(name);
    Ok(a)
}

/// A stored entry exactly as stored (one this build does not use: a newer version's, or
/// unreadable), as a file named for what it is (`persist::download_name`).
pub fn stored_entry(key: &str) -> Result<(), String> {
    let Some(raw) = crate::web::storage::read_raw(key) else {
        return Ok(());
    };
    let name = crate::core::persist::download_name(key, &raw);
    bytes(&name, JSON_MIME, raw.as_bytes())
}

/// Offers `bytes` as a download named `name`. Returns a Vietnamese message on failure.
pub fn bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let a = link(name, mime, bytes)?;
    let url = a.href();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    a.set_attribute("hidden", "").ok();
    let body = document.body().ok_or_else(|| fail("body"))?;
    body.append_child(&a).map_err(|_| fail("append"))?;
    a.click();
    a.remove();
    // Revoke later: some browsers read the URL after the click returns.
    let url_later = url.clone();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url_later);
    })
    .forget();
    Ok(())
}

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const JSON_MIME: &str = "application/json";
