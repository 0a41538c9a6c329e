//! Set files brought in: read strictly, named for what they are when they are not set files,
//! recognised when already here, given a version of their own when theirs is taken; and the
//! review of a new version (what changed, what each draft on another version would become).

use super::ops::{load, notice, Dispatch};
use super::page::{Page, PageAction};
use super::review::review;
use crate::core::criteria::CriteriaSet;
use crate::core::set_diff;
use crate::ui::chrome::Tone;
use crate::web::{clock, storage};
use yew::prelude::*;

/// Imports a set file, strictly: every problem is listed in Vietnamese and nothing is added.
/// A file that is not a set file is named for what it is; a set already here, identical, is
/// said so and not added again; a set whose id and version are taken by another becomes a
/// version of its own ("-nhap", "-nhap-2").
pub fn import(d: &Dispatch, event: Event, page: &Page) {
    let d = d.clone();
    let library: Vec<CriteriaSet> = page
        .shipped
        .iter()
        .chain(page.user.iter().map(|s| &s.set))
        .cloned()
        .collect();
    let Some(input) = event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
    else {
        return;
    };
    let files = crate::web::files::list(input.files());
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let (read, refused) = crate::web::files::read_all(files, 20).await;
        if let Some(r) = refused.first() {
            return notice(
                &d,
                Tone::Error,
                format!("Không đọc được tệp “{}”: {}", r.name, r.reason),
            );
        }
        let Some(file) = read.into_iter().next() else {
            return;
        };
        let set = match set_file(&file.name, &file.bytes) {
            Ok(set) => set,
            Err(m) => return notice(&d, Tone::Error, m),
        };
        if let Some(same) = library.iter().find(|s| set_diff::same_content(s, &set)) {
            let m = format!(
                "Bộ tiêu chí “{}” (phiên bản {}) đã có ở đây, giống hệt tệp này: không nhập thêm.",
                same.name, same.version
            );
            return notice(&d, Tone::Info, m);
        }
        let set = set_diff::versioned(set, &library);
        match storage::save_set(&set, &clock::now_iso()) {
            Ok(_) => {
                load(&d);
                notice(
                    &d,
                    Tone::Success,
                    format!(
                        "Đã nhập bộ tiêu chí “{}” (phiên bản {}).",
                        set.name, set.version
                    ),
                );
                let (drafts, _) = storage::load_drafts();
                let base = library
                    .iter()
                    .rev()
                    .find(|s| s.id == set.id && s.version != set.version);
                d.dispatch(PageAction::Review(review(set.clone(), base, &drafts)));
            }
            Err(e) => notice(&d, Tone::Error, e.message_vi()),
        }
    });
}

/// A picked file read as a set file, or why it is not one (a CSV table, a Word file…).
fn set_file(name: &str, bytes: &[u8]) -> Result<CriteriaSet, String> {
    use crate::core::set_table::decode;
    if let Some(what) = decode::not_text(bytes) {
        return Err(format!(
            "Tệp “{name}” không phải tệp bộ tiêu chí (.json). {what}"
        ));
    }
    let text = decode::decode(bytes)
        .map(|(t, _)| t)
        .map_err(|e| format!("Tệp “{name}”: {e}"))?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let table = body
        .lines()
        .take(3)
        .any(|l| l.contains(';') || l.contains('\t'))
        || crate::core::vn::to_lower(body).starts_with("mã chỉ tiêu");
    if !body.starts_with('{') && table {
        return Err(format!("Tệp “{name}” là bảng chỉ tiêu (CSV), không phải tệp bộ tiêu chí (.json): hãy mở một bộ tự tạo (“Chỉnh sửa”), rồi dùng “Nhập bảng từ tệp CSV”."));
    }
    CriteriaSet::from_json(&text)
        .map_err(|errors| crate::core::criteria::import_failure_vi(&errors))
}
