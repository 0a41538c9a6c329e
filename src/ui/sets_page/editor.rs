//! The editor of one of the user's criteria sets: names, legal basis, period (the technical id
//! and version under "Nâng cao"), each indicator, and the table panel that reads the
//! decision's table.
//!
//! One state, one reducer: the working copy changes only through `core::set_edit::apply`
//! or a table applied (one undoable step); a typed value that cannot be read is kept out of
//! the set and its message shown by the field. Nothing is dropped without asking: "Hủy", a
//! link away or closing the tab ask while the working copy differs from the stored one or a
//! table is given but not applied; saving with a table given applies it, or asks.

use super::indicator::{indicator_editor, refused_for, AddIndicator, Refused, ADD_ID};
use super::table::{Pending, TablePanel};
use crate::core::criteria::CriteriaSet;
use crate::core::set_edit::{apply, SetEdit};
use crate::ui::components::field::input_value;
use crate::ui::shared::Shared;
use crate::web::dialog;
use gloo_events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use yew::prelude::*;

/// The working copy, the messages of fields whose typed value was refused (by field id), and
/// the set as it was before a table was applied (for its one undo), and the indicators whose
/// editor is open: only those draw their fields, so a large set opens as one line per
/// indicator (BENCHMARKS.md).
#[derive(Clone)]
pub struct Working {
    /// Shared with the views, which compare it by pointer; copied on write.
    pub set: Rc<CriteriaSet>,
    pub refused: Refused,
    pub before_table: Option<Rc<CriteriaSet>>,
    pub opened: Vec<String>,
}

pub enum WorkingAction {
    /// An edit, and the id of the field it came from (where a refusal is shown).
    Field(String, SetEdit),
    /// A pasted or imported table applied: the set it gave.
    Table(Rc<CriteriaSet>),
    /// Back to the set as it was before the table.
    UndoTable,
    /// An indicator's editor opened (`true`) or closed, by its code.
    Toggle(String, bool),
}

impl Reducible for Working {
    type Action = WorkingAction;

    fn reduce(self: Rc<Self>, action: WorkingAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            WorkingAction::Field(field, edit) => {
                let result = apply(Rc::make_mut(&mut next.set), edit);
                next.refused.retain(|(f, _)| *f != field);
                if let Err(message) = result {
                    next.refused.push((field, message));
                }
            }
            WorkingAction::Table(set) => {
                next.before_table = Some(std::mem::replace(&mut next.set, set));
            }
            WorkingAction::UndoTable => {
                if let Some(before) = next.before_table.take() {
                    next.set = before;
                }
            }
            WorkingAction::Toggle(code, open) => {
                next.opened.retain(|c| *c != code);
                if open {
                    next.opened.push(code);
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The set as stored when the editor opened; compared by pointer.
    pub set: Shared<CriteriaSet>,
    /// A copy just made: its name field is focused, to be named.
    pub fresh: bool,
    pub on_save: Callback<CriteriaSet>,
    pub on_cancel: Callback<()>,
}

/// While there is work that is not saved, leaving the page asks first.
#[hook]
fn use_ask_before_leaving(dirty: bool) {
    use_effect_with(dirty, |dirty| {
        let listener = dirty.then(web_sys::window).flatten().map(|w| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "beforeunload", options, |e| {
                e.prevent_default();
                let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"unsaved".into());
            })
        });
        move || drop(listener)
    });
}

#[function_component]
pub fn SetEditor(p: &EditorProps) -> Html {
    let state = use_reducer(|| Working {
        set: p.set.0.clone(),
        refused: Vec::new(),
        before_table: None,
        opened: Vec::new(),
    });
    let errors = use_state(Vec::<String>::new);
    let pending = use_state(|| None::<Pending>);
    let dirty = *state.set != *p.set.0 || pending.is_some();
    use_ask_before_leaving(dirty);
    use_effect_with(p.fresh, |fresh| {
        if *fresh {
            focus_name();
        }
    });
    let dispatch = state.dispatcher();
    // Stable across renders: the list of indicators compares them.
    let on_toggle = {
        let d = dispatch.clone();
        use_callback((), move |(code, open): (String, bool), _| {
            d.dispatch(WorkingAction::Toggle(code, open))
        })
    };
    let on_edit = {
        let d = dispatch.clone();
        use_callback((), move |(field, edit): (String, SetEdit), _| {
            d.dispatch(WorkingAction::Field(field, edit))
        })
    };
    let on_apply = {
        let d = dispatch.clone();
        Callback::from(move |(set, _summary): (Rc<CriteriaSet>, String)| {
            d.dispatch(WorkingAction::Table(set))
        })
    };
    let on_undo = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(WorkingAction::UndoTable))
    };
    let on_pending = {
        let pending = pending.clone();
        Callback::from(move |p: Option<Pending>| pending.set(p))
    };
    let save = save(&state, &pending, &errors, &p.on_save);
    let cancel = {
        let on = p.on_cancel.clone();
        Callback::from(move |_| {
            let q = "Bỏ mọi thay đổi chưa lưu của bộ tiêu chí này (kể cả bảng vừa dán hoặc vừa áp dụng)?";
            if !dirty || dialog::confirm(q) {
                on.emit(());
            }
        })
    };
    let set = &state.set;
    html! {
        <section class="sets" aria-labelledby="sets-title">
            <h2 id="sets-title">{ format!("Chỉnh sửa bộ tiêu chí: {}", set.name) }</h2>
            { meta_fields(set, &state.refused, &on_edit) }
            <p class="hint">{ "Mở từng chỉ tiêu để sửa nội dung và ngưỡng. Mỗi ngưỡng ghi rõ nguồn; để trống cột là cột chung, để trống năm là áp dụng cả giai đoạn. Số nhập xong được kiểm tra khi rời ô." }</p>
            <IndicatorList set={Shared(state.set.clone())} refused={state.refused.clone()} opened={state.opened.clone()} on_edit={on_edit.clone()} {on_toggle} />
            <AddIndicator set={Shared(state.set.clone())} refused={refused_for(&state.refused, ADD_ID).cloned()} on_edit={on_edit.clone()} />
            <TablePanel set={Shared(state.set.clone())} can_undo={state.before_table.is_some()} {on_apply} {on_undo} {on_pending} />
            if !errors.is_empty() {
                <div class="notice error" role="alert"><p><strong>{ "Chưa lưu được, bộ tiêu chí có lỗi:" }</strong></p>
                    <ul>{ for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul></div>
            }
            <div class="row-actions">
                <button type="button" class="primary" onclick={save}>{ "Lưu bộ tiêu chí" }</button>
                <button type="button" class="secondary" onclick={cancel}>{ "Hủy" }</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    set: Shared<CriteriaSet>,
    refused: Refused,
    opened: Vec<String>,
    on_edit: Callback<(String, SetEdit)>,
    on_toggle: Callback<(String, bool)>,
}

/// Every indicator of the set, each open or closed: drawn again only when one of these
/// changes, not when the table panel below reports how its reading goes (500 indicators took
/// a phone's thread for about half a second each time).
#[function_component]
fn IndicatorList(p: &ListProps) -> Html {
    html! {
        <div class="set-editor">
            { for p.set.indicators().map(|(_, ind)| {
                let open = p.opened.contains(&ind.code);
                indicator_editor(ind, &p.set, &p.refused, &p.on_edit, open, &p.on_toggle)
            }) }
        </div>
    }
}

/// Saving: a table given but not applied is applied first when it can be, or the user says
/// whether to save without it; then the set must validate.
fn save(
    state: &UseReducerHandle<Working>,
    pending: &UseStateHandle<Option<Pending>>,
    errors: &UseStateHandle<Vec<String>>,
    on_save: &Callback<CriteriaSet>,
) -> Callback<MouseEvent> {
    let (d, on, errors) = (state.dispatcher(), on_save.clone(), errors.clone());
    let (set, pending) = (state.set.clone(), (**pending).clone());
    Callback::from(move |_| {
        let mut set = set.clone();
        match &pending {
            Some(Pending {
                result: Ok(next), ..
            }) => {
                d.dispatch(WorkingAction::Table(next.clone()));
                set = next.clone();
            }
            Some(Pending {
                rows,
                result: Err(why),
            }) => {
                let q = format!("Bảng đã dán ({rows} dòng đọc được) chưa áp dụng được: {why}. Lưu bộ tiêu chí mà không có bảng này?");
                if !dialog::confirm(&q) {
                    return;
                }
            }
            None => {}
        }
        let errs = set.validate();
        if errs.is_empty() {
            errors.set(vec![]);
            on.emit((*set).clone());
        } else {
            errors.set(errs.iter().map(|e| e.to_string()).collect());
        }
    })
}

/// The set's own fields; the technical id and version under "Nâng cao".
fn meta_fields(set: &CriteriaSet, refused: &Refused, on: &Callback<(String, SetEdit)>) -> Html {
    let field = |label: &'static str,
                 id: &'static str,
                 value: String,
                 edit: fn(String) -> SetEdit| {
        let on = on.clone();
        let oninput =
            Callback::from(move |e: InputEvent| on.emit((id.into(), edit(input_value(&e)))));
        let refused = refused_for(refused, id).cloned();
        html! {
            <div class="field"><label for={id}>{ label }</label><input {id} {value} {oninput} />
                if let Some(m) = refused { <p class="error" role="alert">{ format!("{label}: {m}") }</p> }</div>
        }
    };
    html! {
        <>
            { field("Tên bộ tiêu chí", "s-name", set.name.clone(), SetEdit::Name) }
            <div class="pair">
                { field("Số văn bản căn cứ", "s-lb-number", set.legal_basis.number.clone(), SetEdit::LegalNumber) }
                { field("Ngày ban hành (năm-tháng-ngày)", "s-lb-date", set.legal_basis.date.clone(), SetEdit::LegalDate) }
                { field("Cơ quan ban hành", "s-lb-issuer", set.legal_basis.issuer.clone(), SetEdit::LegalIssuer) }
            </div>
            <div class="pair">
                { field("Giai đoạn từ năm", "s-from", set.period.from.to_string(), SetEdit::PeriodFrom) }
                { field("đến năm", "s-to", set.period.to.to_string(), SetEdit::PeriodTo) }
            </div>
            { field("Tên chương trình", "s-programme", set.programme.clone(), SetEdit::Programme) }
            <details class="advanced">
                <summary>{ "Nâng cao: mã và phiên bản của bộ" }</summary>
                <p class="hint">{ "Bản nháp ghi mã và phiên bản của bộ đã dùng. Khi lưu thay đổi về chỉ tiêu hoặc ngưỡng của một bộ mà bản nháp đang dùng, ứng dụng tự lưu thành phiên bản mới." }</p>
                <div class="pair">
                    { field("Mã (chữ không dấu)", "s-id", set.id.clone(), SetEdit::Id) }
                    { field("Phiên bản", "s-version", set.version.clone(), SetEdit::Version) }
                </div>
            </details>
        </>
    }
}

/// A copy just made: its name field focused and selected, to be named at once.
fn focus_name() {
    use wasm_bindgen::JsCast;
    crate::web::dom::jump_to("s-name");
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("s-name"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        input.select();
    }
}
