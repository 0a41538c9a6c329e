//! Reads the files the user picked or dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The first file of an `<input type="file">` change event, as text. Its bytes must be UTF-8
/// (`store::decode`): a file in another encoding is refused rather than read with garbled
/// letters. Files over `limit` bytes are refused before reading.
pub async fn read_picked(event: web_sys::Event, limit: usize) -> Result<(String, String), String> {
    let input: web_sys::HtmlInputElement = event
        .target()
        .and_then(|t| t.dyn_into().ok())
        .ok_or_else(|| "Không đọc được tệp đã chọn.".to_string())?;
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| "Chưa chọn tệp nào.".to_string())?;
    // Let the same file be picked again later.
    input.set_value("");
    let name = file.name();
    if file.size() > limit as f64 {
        return Err(crate::core::store::ReadError::TooLarge(file.size() as usize).message_vi());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "Không đọc được nội dung tệp.".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = crate::core::store::decode(&bytes)
        .map_err(|e| format!("Không nhập được tệp. {}", e.message_vi()))?;
    Ok((name, text))
}

/// The files of a file list (an `<input type="file" multiple>` or a drop), in order.
pub fn list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// Reads the files' bytes, all at once (the browser reads them in parallel). A file over
/// `max_mb` megabytes (MiB), or one that cannot be read, is refused with its reason; the others
/// are read.
pub async fn read_all(
    files: Vec<web_sys::File>,
    max_mb: u32,
) -> (
    Vec<crate::core::rollup::Input>,
    Vec<crate::core::rollup::Rejected>,
) {
    use crate::core::rollup::{Input, Rejected};
    let mut refused = Vec::new();
    let (files, too_large): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| f.size() <= f64::from(max_mb) * 1024.0 * 1024.0);
    refused.extend(too_large.into_iter().map(|f| Rejected {
        name: f.name(),
        reason: format!("Tệp quá lớn (trên {max_mb} MB)."),
    }));
    // Each read settles to its bytes or to `undefined`, so one unreadable file does not stop
    // the others.
    let fallback = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
    let reads = js_sys::Array::new();
    for f in &files {
        reads.push(&f.array_buffer().catch(&fallback));
    }
    let buffers = match JsFuture::from(js_sys::Promise::all(&reads)).await {
        Ok(b) => js_sys::Array::from(&b),
        Err(_) => js_sys::Array::new(),
    };
    drop(fallback);
    let mut out = Vec::new();
    for (k, f) in files.iter().enumerate() {
        let buf = buffers.get(k as u32);
        if buf.is_undefined() {
            refused.push(Rejected {
                name: f.name(),
                reason: "Không đọc được nội dung tệp.".into(),
            });
        } else {
            out.push(Input {
                name: f.name(),
                bytes: js_sys::Uint8Array::new(&buf).to_vec(),
            });
        }
    }
    (out, refused)
}
