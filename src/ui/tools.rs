//! The tools module: the pages a commune does not need on a first visit share one WASM module
//! (the core and Yew once), and each is the module started at its own URL. A page is its
//! folder (`dist/<folder>/index.html`, a shell written by `scripts/post_build.py` from its own
//! HTML file), a line in `PAGES` here, and the same line in `TOOL_PAGES` of post_build.py.

use super::{merge_page, part_page, rollup_page, sets_page};

/// Each page: the folder of its URL, and what mounts it.
const PAGES: &[(&str, fn())] = &[
    ("bo-tieu-chi", sets_page::start),
    ("tong-hop", rollup_page::start),
    ("gop-phan-viec", merge_page::start),
    ("phan-viec", part_page::start),
];

/// The page's folder in a URL's path: "/ntm/bo-tieu-chi/" and "/bo-tieu-chi/index.html" are
/// both "bo-tieu-chi".
fn folder(path: &str) -> &str {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    path.trim_end_matches('/').rsplit('/').next().unwrap_or("")
}

/// Mounts the page this URL is for. A URL of no page (a host that renamed the folder) says
/// so in the shell's failure box rather than showing another page.
pub fn start() {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match PAGES.iter().find(|(f, _)| *f == folder(&path)) {
        Some((_, mount)) => mount(),
        None => crate::web::dom::boot_failure(&format!(
            "Địa chỉ “{path}” không phải trang nào của ứng dụng."
        )),
    }
}
