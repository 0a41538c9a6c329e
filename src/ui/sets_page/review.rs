//! After importing a new version of a set, or saving one that drafts use: what changed, and
//! what each draft on another version would become. The user moves a draft to the new version
//! or keeps the old; a draft keeps its embedded set either way until moved.

use crate::core::criteria::CriteriaSet;
use crate::core::set_diff::{self, Change};
use std::rc::Rc;
use yew::prelude::*;

/// A stored draft that uses another version of the imported set.
#[derive(Clone, Debug, PartialEq)]
pub struct Affected {
    pub id: String,
    /// "Xã Liên Sơn — 6 tháng đầu năm 2026".
    pub label: String,
    pub version: String,
    pub before: String,
    pub after: String,
    pub moved: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub set: Rc<CriteriaSet>,
    /// The version the changes are counted from.
    pub from_version: String,
    pub changes: Vec<Change>,
    pub drafts: Vec<Affected>,
}

/// The review of a new version: changes from `base` (else from the set a draft embeds), and
/// every stored draft on another version.
pub fn review(
    set: CriteriaSet,
    base: Option<&CriteriaSet>,
    drafts: &[crate::core::store::Envelope],
) -> Option<Review> {
    let affected: Vec<&crate::core::store::Envelope> = drafts
        .iter()
        .filter(|e| e.set.id == set.id && e.set.version != set.version)
        .collect();
    let base = base.or_else(|| affected.first().map(|e| &e.set))?;
    let drafts = affected
        .iter()
        .map(|e| {
            let (before, after) = set_diff::results(&e.set, &set, &e.draft);
            Affected {
                id: e.draft.id.clone(),
                label: format!("Xã {} — {}", e.commune, e.period),
                version: e.set.version.clone(),
                before,
                after,
                moved: false,
            }
        })
        .collect();
    Some(Review {
        changes: set_diff::diff(base, &set),
        from_version: base.version.clone(),
        set: Rc::new(set),
        drafts,
    })
}

pub fn review_panel(r: &Review, on_move: Callback<String>, on_close: Callback<()>) -> Html {
    html! {
        <section class="review notice info" aria-labelledby="review-title">
            <h2 id="review-title">{ format!("Phiên bản {} của “{}”: những gì thay đổi so với phiên bản {}", r.set.version, r.set.name, r.from_version) }</h2>
            if r.changes.is_empty() {
                <p>{ "Không có thay đổi nào về chỉ tiêu và ngưỡng." }</p>
            } else {
                <ul class="changes">{ for r.changes.iter().map(|c| html! { <li>{ c.text_vi() }</li> }) }</ul>
            }
            if !r.drafts.is_empty() {
                <div class="scroll"><table>
                    <caption>{ "Bản nháp đang dùng phiên bản khác của bộ này" }</caption>
                    <thead><tr><th scope="col">{ "Bản nháp" }</th><th scope="col">{ "Phiên bản đang dùng" }</th>
                        <th scope="col">{ "Kết quả hiện tại" }</th><th scope="col">{ "Theo phiên bản mới" }</th><th scope="col">{ "Chuyển" }</th></tr></thead>
                    <tbody>{ for r.drafts.iter().map(|a| {
                        let on = on_move.clone();
                        let id = a.id.clone();
                        html! {
                            <tr key={a.id.clone()}>
                                <td>{ a.label.clone() }</td><td>{ a.version.clone() }</td><td>{ a.before.clone() }</td><td>{ a.after.clone() }</td>
                                <td>if a.moved { { "Đã chuyển" } } else {
                                    <button type="button" class="primary small" aria-label={format!("Chuyển bản nháp {} sang phiên bản mới", a.label)}
                                        onclick={Callback::from(move |_| on.emit(id.clone()))}>{ "Chuyển sang phiên bản mới" }</button>
                                }</td>
                            </tr>
                        }
                    }) }</tbody>
                </table></div>
                <p class="hint">{ "Bản nháp không chuyển vẫn giữ phiên bản cũ và kết quả như hiện tại." }</p>
            }
            <button type="button" class="secondary" onclick={Callback::from(move |_| on_close.emit(()))}>{ "Đóng (giữ nguyên các bản nháp còn lại)" }</button>
        </section>
    }
}
