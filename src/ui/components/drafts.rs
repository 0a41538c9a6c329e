//! The list of drafts: create, open, rename, next period, delete with undo, export, import.

use crate::core::persist::Kept;
use crate::core::store::DraftSummary;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DraftOp {
    Open,
    Rename,
    NextPeriod,
    Delete,
    Export,
    /// "Gửi cho tỉnh": the draft's file to the phone's share sheet.
    Send,
}

#[derive(PartialEq)]
pub struct DraftsProps {
    pub drafts: Vec<DraftSummary>,
    /// Stored entries kept without use: a newer version's drafts, unreadable data.
    pub kept: Vec<Kept>,
    /// (index in the library, name)
    pub sets: Vec<(usize, AttrValue)>,
    /// The set offered first: the one whose period covers this year.
    pub default_set: usize,
    /// The set received from the province: (index in the library, "name (version) · N chỉ
    /// tiêu"), offered first.
    pub received: Option<(usize, AttrValue)>,
    pub current: Option<AttrValue>,
    pub on_new: Callback<usize>,
    pub on_op: Callback<(DraftOp, String)>,
    /// A file picked in "Mở tệp nhận được": a set, a draft or a part of the team.
    pub on_import: Callback<Event>,
    /// (download it, key): download as it is, or drop (after asking).
    pub on_kept: Callback<(bool, String)>,
    pub persisted: Option<bool>,
    pub memory_only: bool,
}

/// The list of drafts. The set chosen for a new draft is the select's own value, read when
/// the button is pressed.
pub fn drafts(p: DraftsProps) -> Html {
    let create = {
        let (on, default) = (p.on_new.clone(), p.default_set);
        Callback::from(move |_| {
            let chosen = crate::web::dom::select_value("new-set").and_then(|v| v.parse().ok());
            on.emit(chosen.unwrap_or(default))
        })
    };
    let op = |o: DraftOp, id: &str| {
        let on = p.on_op.clone();
        let id = id.to_string();
        Callback::from(move |_| on.emit((o, id.clone())))
    };
    html! {
        <section class="drafts" aria-labelledby="drafts-title">
            { open_received(&p.on_import) }
            if let Some((i, name)) = p.received.clone() {
                { received_card(i, name, &p.on_new) }
            }
            <h2 id="drafts-title">{ "Bản nháp báo cáo" }</h2>
            <div class="new-draft">
                <div class="field">
                    <label for="new-set">{ "Bộ tiêu chí cho bản nháp mới" }</label>
                    <select id="new-set">
                        { for p.sets.iter().map(|(i, name)| html! { <option value={i.to_string()} selected={*i == p.default_set}>{ name.clone() }</option> }) }
                    </select>
                </div>
                <button type="button" class="primary" onclick={create}>{ "Tạo bản nháp mới" }</button>
            </div>
            if p.drafts.is_empty() {
                <p class="empty">{ "Chưa có bản nháp nào. Chọn bộ tiêu chí rồi bấm “Tạo bản nháp mới”, hoặc mở tệp bản nháp nhận từ máy khác bằng “Mở tệp nhận được”." }</p>
            } else {
                <ul class="draft-list">
                    { for p.drafts.iter().map(|d| draft_item(d, p.current.as_deref() == Some(d.id.as_str()), &op)) }
                </ul>
            }
            { kept_lists(&p.kept, &p.on_kept) }
            <div class="storage-info">
                <h3>{ "Lưu trữ" }</h3>
                if p.memory_only {
                    <p class="error">{ "Trình duyệt đang chặn lưu trữ: bản nháp chỉ nằm trong trang này và sẽ mất khi đóng trang. Hãy dùng “Xuất tệp” để sao lưu." }</p>
                } else {
                    <p>{ "Bản nháp được lưu tự động trong trình duyệt của máy này. Xóa dữ liệu duyệt web sẽ xóa cả bản nháp: hãy xuất tệp để sao lưu hoặc chuyển sang máy khác." }</p>
                    <p>{ match p.persisted {
                        Some(true) => "Trình duyệt đã nhận giữ dữ liệu của ứng dụng: không tự xóa khi máy thiếu dung lượng.",
                        Some(false) => "Trình duyệt có thể tự xóa dữ liệu của ứng dụng khi máy thiếu dung lượng. Hãy thường xuyên bấm “Xuất tệp” để lưu một bản ra máy.",
                        None => "Không rõ trình duyệt có tự xóa dữ liệu khi máy thiếu dung lượng hay không. Hãy thường xuyên bấm “Xuất tệp” để lưu một bản ra máy.",
                    } }</p>
                }
            </div>
        </section>
    }
}

/// "Mở tệp nhận được": one picker for a set file from the province, a draft file, or a part
/// of the commune's team.
fn open_received(on: &Callback<Event>) -> Html {
    html! {
        <div class="open-received">
            <label for="open-received" class="button primary">{ "Mở tệp nhận được" }</label>
            <input id="open-received" type="file" accept=".json,application/json" class="visually-hidden" onchange={on.clone()} />
            <p class="hint">{ "Tệp nhận qua Zalo hoặc thư: bộ tiêu chí do tỉnh gửi, bản nháp báo cáo, hoặc phần việc của một người trong tổ." }</p>
        </div>
    }
}

/// The set received from the province, with the way to start a draft from it.
fn received_card(i: usize, name: AttrValue, on_new: &Callback<usize>) -> Html {
    let on = on_new.clone();
    html! {
        <div class="received-set card">
            <p><strong>{ "Bộ tiêu chí do tỉnh gửi" }</strong></p>
            <p>{ name }</p>
            <button type="button" class="primary" onclick={Callback::from(move |_| on.emit(i))}>{ "Tạo bản nháp từ bộ này" }</button>
        </div>
    }
}

/// One stored draft: its name, commune and period, score, set and time of saving, and what
/// can be done with it.
fn draft_item(
    d: &DraftSummary,
    is_current: bool,
    op: &dyn Fn(DraftOp, &str) -> Callback<MouseEvent>,
) -> Html {
    let title = if d.commune.trim().is_empty() {
        "Xã (chưa nhập tên)".to_string()
    } else {
        format!("Xã {}", d.commune)
    };
    html! {
        <li key={d.id.clone()} class={classes!("draft-item", is_current.then_some("current"))}>
            <div class="draft-info">
                if !d.name.trim().is_empty() { <strong>{ d.name.clone() }</strong> }
                <span class={if d.name.trim().is_empty() { "draft-title" } else { "draft-sub" }}>{ title }{ " — " }{ d.period.clone() }</span>
                <span>{ d.summary.clone() }</span>
                <small>{ format!("{} · Lưu lúc {}", d.set_name, crate::web::clock::local_datetime(&d.saved_at)) }</small>
            </div>
            <div class="row-actions">
                <button type="button" class="primary" onclick={op(DraftOp::Open, &d.id)} aria-label={format!("Mở bản nháp xã {} {}", d.commune, d.period)}>{ "Mở" }</button>
                <button type="button" class="secondary" onclick={op(DraftOp::Rename, &d.id)}>{ "Đổi tên" }</button>
                <button type="button" class="secondary" onclick={op(DraftOp::NextPeriod, &d.id)}>{ "Tạo kỳ báo cáo tiếp theo" }</button>
                <button type="button" class="primary" onclick={op(DraftOp::Send, &d.id)} aria-label={format!("Gửi cho tỉnh bản nháp xã {} {}", d.commune, d.period)}>{ "Gửi cho tỉnh" }</button>
                <button type="button" class="secondary" onclick={op(DraftOp::Export, &d.id)}>{ "Xuất tệp" }</button>
                <button type="button" class="danger" onclick={op(DraftOp::Delete, &d.id)} aria-label={format!("Xóa bản nháp xã {} {}", d.commune, d.period)}>{ "Xóa" }</button>
            </div>
        </li>
    }
}

/// "Xã Liên Sơn — 6 tháng đầu năm 2024 · Bộ tiêu chí … · lưu lúc 30/11/2026 10:00".
fn label_text(k: &Kept) -> String {
    let mut parts = vec![k.label.what.clone()];
    if !k.label.detail.is_empty() {
        parts.push(k.label.detail.clone());
    }
    let at = crate::web::clock::local_datetime(&k.label.saved_at);
    if !at.is_empty() {
        parts.push(format!("lưu lúc {at}"));
    }
    parts.join(" · ")
}

/// Stored entries this version does not use: drafts made by a newer version (kept where they
/// are: reload to update, or download as they are), and unreadable data (kept byte for byte:
/// download, or drop).
fn kept_lists(kept: &[Kept], on: &Callback<(bool, String)>) -> Html {
    let act = |download: bool, key: &str| {
        let (on, key) = (on.clone(), key.to_string());
        Callback::from(move |_| on.emit((download, key.clone())))
    };
    let newer: Vec<&Kept> = kept.iter().filter(|k| k.newer).collect();
    let other: Vec<&Kept> = kept.iter().filter(|k| !k.newer).collect();
    html! {
        <>
            if !newer.is_empty() {
                <div class="notice info kept-newer">
                    <p><strong>{ "Bản nháp do phiên bản mới hơn của ứng dụng tạo — được giữ nguyên; tải lại trang để cập nhật ứng dụng rồi mở:" }</strong></p>
                    <ul>
                        { for newer.iter().map(|k| html! {
                            <li key={k.key.clone()}>
                                <span>{ label_text(k) }</span>
                                <button type="button" class="primary small" onclick={Callback::from(|_| crate::web::dom::reload())}>{ "Tải lại trang" }</button>
                                <button type="button" class="secondary small" onclick={act(true, &k.key)}>{ "Tải về nguyên trạng" }</button>
                            </li>
                        }) }
                    </ul>
                </div>
            }
            if !other.is_empty() {
                <div class="notice warning kept-unreadable">
                    <p><strong>{ "Dữ liệu bản nháp không đọc được — được giữ nguyên từng byte:" }</strong></p>
                    <ul>
                        { for other.iter().map(|k| html! {
                            <li key={k.key.clone()}>
                                { format!("{} ({} KB): {}", label_text(k), k.size.div_ceil(1000), k.reason) }
                                <button type="button" class="secondary" onclick={act(true, &k.key)}>{ "Tải dữ liệu gốc" }</button>
                                <button type="button" class="danger" onclick={act(false, &k.key)}>{ "Bỏ" }</button>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </>
    }
}
