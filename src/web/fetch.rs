//! Reads a file of the site (a shipped criteria set): from the service worker's cache when it
//! has it, else the network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub async fn text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("không có cửa sổ trình duyệt")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "không tải được tệp".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "không tải được tệp")?;
    if !response.ok() {
        return Err(format!("máy chủ trả lời {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "không đọc được tệp")?)
        .await
        .map_err(|_| "không đọc được tệp".to_string())?;
    text.as_string().ok_or_else(|| "không đọc được tệp".into())
}
