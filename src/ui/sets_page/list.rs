//! The list of criteria sets: the shipped and the user's own, with their actions.

use crate::core::criteria::CriteriaSet;
use crate::core::persist::Kept as Corrupt;
use crate::core::set_store::StoredSet;
use crate::ui::shared::Shared;
use yew::prelude::*;

/// A set of the list: shipped (by index) or the user's own (by index among them).
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Src {
    Shipped(usize),
    Own(usize),
}

#[derive(Clone, PartialEq, Debug)]
pub enum SetOp {
    /// Copy a set into the user's own, to edit.
    Copy(Src),
    Export(Src),
    /// Open user set `i` in the editor.
    Edit(usize),
    Cancel,
    /// Store the edited version of the set open in the editor.
    Save(Box<CriteriaSet>),
    Delete(usize),
    /// An unreadable stored entry, by key: download it as it is, or discard it.
    Download(String),
    Discard(String),
}

#[derive(PartialEq)]
pub struct SetsProps {
    pub shipped: Shared<Vec<CriteriaSet>>,
    pub user: Shared<Vec<StoredSet>>,
    pub unreadable: Vec<Corrupt>,
    pub on_op: Callback<SetOp>,
    pub on_import: Callback<Event>,
}

fn op_button(class: &'static str, label: &'static str, on: &Callback<SetOp>, op: SetOp) -> Html {
    let on = on.clone();
    html! { <button type="button" {class} onclick={Callback::from(move |_| on.emit(op.clone()))}>{ label }</button> }
}

/// The shipped sets and the user's own, each with what can be done with it.
pub fn sets(p: SetsProps) -> Html {
    let shipped = p
        .shipped
        .iter()
        .enumerate()
        .map(|(i, s)| (Src::Shipped(i), s, None));
    let own = p
        .user
        .iter()
        .enumerate()
        .map(|(i, s)| (Src::Own(i), &s.set, Some(s)));
    let all: Vec<(Src, &CriteriaSet, Option<&StoredSet>)> = shipped.chain(own).collect();
    html! {
        <section class="sets" aria-labelledby="sets-title">
            <h2 id="sets-title">{ "Bộ tiêu chí" }</h2>
            <p class="hint">{ "Bộ tiêu chí có sẵn không sửa trực tiếp được: tạo bản sao rồi chỉnh ngưỡng theo văn bản của tỉnh. Bản nháp luôn giữ bộ tiêu chí đã dùng khi tạo, nên kết quả không đổi khi bộ tiêu chí được cập nhật." }</p>
            <ul class="set-list">
                { for all.iter().map(|&(src, s, own)| set_item(src, s, own, &p.on_op)) }
            </ul>
            { unreadable_list(&p.unreadable, &p.on_op) }
            <div class="import">
                <label for="import-set" class="button secondary">{ "Nhập tệp bộ tiêu chí (.json)" }</label>
                <input id="import-set" type="file" accept=".json,application/json" class="visually-hidden" onchange={p.on_import.clone()} />
            </div>
        </section>
    }
}

fn set_item(src: Src, s: &CriteriaSet, own: Option<&StoredSet>, on: &Callback<SetOp>) -> Html {
    let unknown = s
        .indicators()
        .filter(|(_, ind)| ind.kind.is_numeric() && ind.thresholds.is_empty())
        .count();
    let open = s
        .indicators()
        .filter(|(_, ind)| !ind.open_thresholds.is_empty())
        .count();
    let open = match open {
        0 => String::new(),
        n => format!(", {n} chỉ tiêu có ngưỡng để tỉnh quy định"),
    };
    let problems = own.map(|o| o.problems.as_slice()).unwrap_or_default();
    html! {
        <li key={format!("{}@{}", s.id, s.version)}>
            <strong>{ s.name.clone() }</strong>
            <small>{ format!("{} · phiên bản {} · {} {} · {} tiêu chí, {} chỉ tiêu ({} chỉ tiêu chưa có ngưỡng{open})",
                if own.is_some() { "Bộ tự tạo" } else { "Có sẵn" }, s.version, s.legal_basis.number, s.legal_basis.issuer,
                s.criteria.len(), s.indicators().count(), unknown) }</small>
            if !problems.is_empty() {
                <p class="error">{ format!("Chưa dùng được cho bản nháp mới, cần sửa: {}", problems.join("; ")) }</p>
            }
            <div class="row-actions">
                { op_button("secondary", "Tạo bản sao", on, SetOp::Copy(src)) }
                { op_button("secondary", "Xuất tệp", on, SetOp::Export(src)) }
                if let Src::Own(i) = src {
                    { op_button("primary", "Chỉnh sửa", on, SetOp::Edit(i)) }
                    { op_button("danger", "Xóa", on, SetOp::Delete(i)) }
                }
            </div>
        </li>
    }
}

/// Stored entries that are not readable sets: kept where they are, to download or discard.
fn unreadable_list(list: &[Corrupt], on: &Callback<SetOp>) -> Html {
    if list.is_empty() {
        return html! {};
    }
    html! {
        <div class="notice error corrupt">
            <p><strong>{ "Dữ liệu bộ tiêu chí không đọc được (được giữ nguyên):" }</strong></p>
            <ul>
                { for list.iter().map(|c| html! {
                    <li key={c.key.clone()}>
                        <span>{ format!("{} ({} KB)", c.reason, c.size.div_ceil(1000)) }</span>
                        { op_button("secondary small", "Tải dữ liệu gốc", on, SetOp::Download(c.key.clone())) }
                        { op_button("danger small", "Bỏ", on, SetOp::Discard(c.key.clone())) }
                    </li>
                }) }
            </ul>
        </div>
    }
}
