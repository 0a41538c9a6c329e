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

#[derive(Properties, PartialEq)]
pub struct TextProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "decimal" for numbers: the phone shows a number pad with a comma.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
}

#[function_component]
pub fn TextField(p: &TextProps) -> Html {
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
            <input id={p.id.clone()} type={p.kind.clone()} value={p.value.clone()} {oninput}
                inputmode={p.inputmode.clone()} placeholder={p.placeholder.clone()}
                aria-invalid={p.error.as_ref().map(|_| "true")}
                aria-describedby={(!described.is_empty()).then_some(described)} autocomplete="off" />
            if let Some(h) = &p.hint { <small id={hint_id} class="hint">{ h.clone() }</small> }
            if let Some(e) = &p.error { <small id={err_id} class="error" role="alert">{ e.clone() }</small> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AreaProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or(3)]
    pub rows: u32,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component]
pub fn TextArea(p: &AreaProps) -> Html {
    let on_input = p.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| on_input.emit(input_value(&e)));
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <textarea id={p.id.clone()} value={p.value.clone()} {oninput} rows={p.rows.to_string()}
                aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())} />
            if let Some(h) = &p.hint { <small id={hint_id} class="hint">{ h.clone() }</small> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text)
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

#[function_component]
pub fn SelectField(p: &SelectProps) -> Html {
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
