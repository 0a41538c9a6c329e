//! Criteria sets: see the shipped and own sets, copy one to edit (in `set_editor`), export and
//! import files.

use super::set_editor::SetEditor;
use crate::core::criteria::CriteriaSet;
use crate::ui::state::Shared;
use yew::prelude::*;

#[derive(Clone, PartialEq, Debug)]
pub enum SetOp {
    /// Copy library set `i` into the user's sets.
    Copy(usize),
    Export(usize),
    /// Replace user set `i` (index among user sets) with an edited version.
    Save(usize, Box<CriteriaSet>),
    Delete(usize),
}

#[derive(PartialEq)]
pub struct SetsProps {
    pub shipped: Shared<Vec<CriteriaSet>>,
    pub user: Shared<Vec<CriteriaSet>>,
    /// Which of the user's sets is open in the editor, by its index among them.
    pub editing: Option<usize>,
    pub on_editing: Callback<Option<usize>>,
    pub on_op: Callback<SetOp>,
    pub on_import: Callback<Event>,
}

/// A plain function, not a component: which set is open in the editor is app state (each
/// component costs its own copy of Yew's lifecycle code in the WASM).
pub fn sets(p: SetsProps) -> Html {
    let shipped_n = p.shipped.len();
    let all: Vec<(usize, &CriteriaSet, bool)> = p
        .shipped
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s, false))
        .chain(
            p.user
                .iter()
                .enumerate()
                .map(|(i, s)| (shipped_n + i, s, true)),
        )
        .collect();

    if let Some(ui) = p.editing {
        if let Some(set) = p.user.get(ui) {
            let on_save = {
                let (on, editing) = (p.on_op.clone(), p.on_editing.clone());
                Callback::from(move |set: CriteriaSet| {
                    on.emit(SetOp::Save(ui, Box::new(set)));
                    editing.emit(None);
                })
            };
            let on_cancel = {
                let editing = p.on_editing.clone();
                Callback::from(move |_| editing.emit(None))
            };
            let set = Shared(std::rc::Rc::new(set.clone()));
            return html! { <SetEditor key={ui} {set} {on_save} {on_cancel} /> };
        }
    }

    html! {
        <section class="sets" aria-labelledby="sets-title">
            <h2 id="sets-title">{ "Bộ tiêu chí" }</h2>
            <p class="hint">{ "Bộ tiêu chí có sẵn không sửa trực tiếp được: tạo bản sao rồi chỉnh ngưỡng theo văn bản của tỉnh. Bản nháp luôn giữ bộ tiêu chí đã dùng khi tạo, nên kết quả không đổi khi bộ tiêu chí được cập nhật." }</p>
            <ul class="set-list">
                { for all.iter().map(|(i, s, own)| {
                    let i = *i;
                    let copy = { let on = p.on_op.clone(); Callback::from(move |_| on.emit(SetOp::Copy(i))) };
                    let export = { let on = p.on_op.clone(); Callback::from(move |_| on.emit(SetOp::Export(i))) };
                    let edit = { let editing = p.on_editing.clone(); Callback::from(move |_| editing.emit(Some(i - shipped_n))) };
                    let delete = { let on = p.on_op.clone(); Callback::from(move |_| on.emit(SetOp::Delete(i - shipped_n))) };
                    let unknown = s.indicators().filter(|(_, ind)| ind.kind.is_numeric() && ind.thresholds.is_empty()).count();
                    html! {
                        <li key={format!("{}@{}", s.id, s.version)}>
                            <strong>{ s.name.clone() }</strong>
                            <small>{ format!("{} · phiên bản {} · {} {} · {} tiêu chí, {} chỉ tiêu ({} chỉ tiêu chưa có ngưỡng)",
                                if *own { "Bộ tự tạo" } else { "Có sẵn" }, s.version, s.legal_basis.number, s.legal_basis.issuer,
                                s.criteria.len(), s.indicators().count(), unknown) }</small>
                            <div class="row-actions">
                                <button type="button" class="secondary" onclick={copy}>{ "Tạo bản sao" }</button>
                                <button type="button" class="secondary" onclick={export}>{ "Xuất tệp" }</button>
                                if *own {
                                    <button type="button" class="primary" onclick={edit}>{ "Chỉnh sửa" }</button>
                                    <button type="button" class="danger" onclick={delete}>{ "Xóa" }</button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <div class="import">
                <label for="import-set" class="button secondary">{ "Nhập tệp bộ tiêu chí (.json)" }</label>
                <input id="import-set" type="file" accept=".json,application/json" class="visually-hidden" onchange={p.on_import.clone()} />
            </div>
        </section>
    }
}
