//! Reads a file the user picked.

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
