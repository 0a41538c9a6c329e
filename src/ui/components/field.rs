//! Labelled form fields. Every input has a real `<label for>`; errors are tied to the input
//! with `aria-describedby`, so screen readers (and tests) find them by label.

use wasm_bindgen::JsCast;
use yew::prelude::*;

fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| {
                    t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                        .map(|i| i.value())
                })
                .or_else(|| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|i| i.value()))
        })
        .unwrap_or_default()
}

/// The value of the element an input event came from.
pub fn input_value(e: &InputEvent) -> String {
    value_of(e)
}

pub fn change_value(e: &Event) -> String {
    value_of(e)
}

// Call the fields with `..Default::default()` for what is not given.

#[derive(PartialEq, Default)]
pub struct TextProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    pub hint: Option<AttrValue>,
    pub error: Option<AttrValue>,
    /// "decimal" for numbers: the phone shows a number pad with a comma.
    pub inputmode: Option<AttrValue>,
    /// The input's type; empty is "text".
    pub kind: AttrValue,
    pub class: Classes,
    pub placeholder: Option<AttrValue>,
}

pub fn text_field(p: TextProps) -> Html {
    let on_input = p.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| on_input.emit(input_value(&e)));
    let hint_id = format!("{}-hint", p.id);
    let err_id = format!("{}-err", p.id);
    let described = [
        p.hint.as_ref().map(|_| hint_id.clone()),
        p.error.as_ref().map(|_| err_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class={classes!("field", p.class.clone(), p.error.as_ref().map(|_| "invalid"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input id={p.id.clone()} type={if p.kind.is_empty() { AttrValue::from("text") } else { p.kind.clone() }} value={p.value.clone()} {oninput}
                inputmode={p.inputmode.clone()} placeholder={p.placeholder.clone()}
                aria-invalid={p.error.as_ref().map(|_| "true")}
                aria-describedby={(!described.is_empty()).then_some(described)} autocomplete="off" />
            if let Some(h) = &p.hint { <small id={hint_id} class="hint">{ h.clone() }</small> }
            if let Some(e) = &p.error { <small id={err_id} class="error" role="alert">{ e.clone() }</small> }
        </div>
    }
}

#[derive(PartialEq, Default)]
pub struct AreaProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    /// Visible lines; 0 is 3.
    pub rows: u32,
    pub hint: Option<AttrValue>,
}

pub fn text_area(p: AreaProps) -> Html {
    let on_input = p.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| on_input.emit(input_value(&e)));
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <textarea id={p.id.clone()} value={p.value.clone()} {oninput} rows={if p.rows == 0 { 3 } else { p.rows }.to_string()}
                aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())} />
            if let Some(h) = &p.hint { <small id={hint_id} class="hint">{ h.clone() }</small> }
        </div>
    }
}

#[derive(PartialEq, Default)]
pub struct SelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text)
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

pub fn select_field(p: SelectProps) -> Html {
    let on_change = p.on_change.clone();
    let onchange = Callback::from(move |e: Event| on_change.emit(change_value(&e)));
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <select id={p.id.clone()} {onchange}>
                { for p.options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == p.value}>{ t.clone() }</option>
                }) }
            </select>
        </div>
    }
}
