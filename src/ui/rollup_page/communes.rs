//! The province's list of communes on the page: typed or pasted once, kept in this browser
//! (`core::rollup::communes`, its own key), exported and imported as a file; and, once files
//! are read, who has sent for the period, who has not, and which file names a commune not on
//! the list, with the closest names.

use super::{download, Dispatch, ListState, Page, PageAction};
use crate::core::rollup::communes::{self, arrivals, CommuneList, ListError};
use crate::ui::chrome::Tone;
use crate::ui::components::field::{change_value, text_area, AreaProps};
use yew::prelude::*;

/// The list stored in this browser, if any; an entry that cannot be read stays stored and is
/// named (a newer version's is never written over).
pub fn load() -> ListState {
    let Some(raw) = crate::web::storage::read_raw(communes::STORAGE_KEY) else {
        return ListState::default();
    };
    match communes::read(&raw) {
        Ok(list) => ListState {
            list: Some(list),
            ..ListState::default()
        },
        Err(e) => ListState {
            newer: matches!(e, ListError::Newer(_)),
            problem: Some(e.message_vi()),
            ..ListState::default()
        },
    }
}

/// Keeps a list read from text (typed, pasted or a file): in this browser when it can, in the
/// page at least.
fn keep(d: &Dispatch, state: &ListState, names: Vec<String>, skipped: Vec<String>) {
    let list = CommuneList {
        names,
        saved_at: crate::web::clock::now_iso(),
    };
    let mut next = ListState {
        list: Some(list.clone()),
        skipped,
        ..state.clone()
    };
    next.editing = None;
    if state.problem.is_some() {
        d.dispatch(PageAction::Notice(Tone::Error, "Danh sách xã đang lưu trong trình duyệt không đọc được nên không bị ghi đè: danh sách mới chỉ dùng trong trang này.".into()));
    } else if let Err(e) =
        crate::web::storage::write_raw(communes::STORAGE_KEY, &communes::write(&list, false))
    {
        d.dispatch(PageAction::Notice(Tone::Error, e.message_vi()));
    }
    d.dispatch(PageAction::List(next));
}

fn import(d: &Dispatch, state: &ListState, e: Event) {
    let (d, state) = (d.clone(), state.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let read = crate::web::files::read_picked(e, 1_000_000).await;
        match read.and_then(|(_, text)| communes::read_file(&text)) {
            Ok(p) => keep(&d, &state, p.names, p.skipped),
            Err(why) => d.dispatch(PageAction::Notice(Tone::Error, why)),
        }
    });
}

/// The list: its editor, or what it holds and what can be done with it; then who has sent.
pub fn section(page: &Page, d: &Dispatch) -> Html {
    let state = &page.list;
    let set = |f: fn(&mut ListState, Option<String>), v: Option<String>| {
        let (d, state) = (d.clone(), state.clone());
        Callback::from(move |_| {
            let mut next = state.clone();
            f(&mut next, v.clone());
            d.dispatch(PageAction::List(next));
        })
    };
    let names = state.list.as_ref().map(|l| l.names.join("\n"));
    let on_import = {
        let (d, state) = (d.clone(), state.clone());
        Callback::from(move |e: Event| import(&d, &state, e))
    };
    let body = if let Some(text) = &state.editing {
        editor(d, state, text)
    } else if let Some(list) = &state.list {
        let on_export = {
            let (d, list) = (d.clone(), list.clone());
            Callback::from(move |_| {
                let text = communes::write(&list, true);
                download(&d, "danh-sach-xa.json", "application/json", text.as_bytes())
            })
        };
        let on_clear = {
            let (d, state) = (d.clone(), state.clone());
            Callback::from(move |_| {
                if state.problem.is_none() {
                    crate::web::storage::remove(communes::STORAGE_KEY);
                }
                d.dispatch(PageAction::List(ListState {
                    problem: state.problem.clone(),
                    newer: state.newer,
                    ..ListState::default()
                }));
            })
        };
        html! {
            <>
                <p>{ format!("Danh sách có {} xã.", list.names.len()) }</p>
                <details><summary>{ "Xem danh sách" }</summary><p class="commune-names">{ list.names.join(", ") }</p></details>
                <div class="row-actions">
                    <button type="button" class="secondary" onclick={set(|s, v| s.editing = v, names)}>{ "Sửa danh sách" }</button>
                    <button type="button" class="secondary" onclick={on_export}>{ "Tải danh sách (.json)" }</button>
                    <button type="button" class="secondary" onclick={on_clear}>{ "Xóa danh sách" }</button>
                </div>
            </>
        }
    } else {
        html! {
            <div class="row-actions">
                <button type="button" class="primary" onclick={set(|s, v| s.editing = v, Some(String::new()))}>{ "Nhập danh sách xã" }</button>
            </div>
        }
    };
    html! {
        <section class="rollup-list" aria-labelledby="list-title">
            <h2 id="list-title">{ "Danh sách xã của tỉnh" }</h2>
            if state.list.is_none() && state.editing.is_none() {
                <p class="hint">{ "Nhập một lần danh sách các xã của tỉnh (mỗi dòng một tên, hoặc dán một cột từ bảng tính) để biết xã nào đã gửi, xã nào chưa. Danh sách được lưu trong trình duyệt này." }</p>
            }
            if let Some(p) = &state.problem { { stored_problem(d, state, p) } }
            { body }
            <div class="row-actions no-print">
                <label for="list-file" class="button secondary">{ "Nhập danh sách từ tệp (.json, .txt, .csv)" }</label>
                <input id="list-file" type="file" accept=".json,.txt,.csv,application/json,text/plain,text/csv" class="visually-hidden" onchange={on_import} />
            </div>
            if !state.skipped.is_empty() {
                <p class="hint">{ format!("Đã bỏ qua: {}.", state.skipped.join("; ")) }</p>
            }
            { sent(page, d) }
        </section>
    }
}

/// The stored entry that cannot be read: to download, and (unless a newer version's) to delete.
fn stored_problem(d: &Dispatch, state: &ListState, problem: &str) -> Html {
    let on_download = {
        let d = d.clone();
        Callback::from(move |_| {
            if let Err(e) = crate::web::download::stored_entry(communes::STORAGE_KEY) {
                d.dispatch(PageAction::Notice(Tone::Error, e));
            }
        })
    };
    let on_delete = {
        let (d, state) = (d.clone(), state.clone());
        Callback::from(move |_| {
            crate::web::storage::remove(communes::STORAGE_KEY);
            d.dispatch(PageAction::List(ListState {
                problem: None,
                newer: false,
                ..state.clone()
            }));
        })
    };
    html! {
        <div class="notice error">
            <p>{ problem.to_string() }</p>
            <div class="row-actions">
                <button type="button" class="secondary" onclick={on_download}>{ "Tải bản đang lưu" }</button>
                if !state.newer { <button type="button" class="secondary" onclick={on_delete}>{ "Xóa bản đang lưu" }</button> }
            </div>
        </div>
    }
}

fn editor(d: &Dispatch, state: &ListState, text: &str) -> Html {
    let on_input = {
        let (d, state) = (d.clone(), state.clone());
        Callback::from(move |t: String| {
            d.dispatch(PageAction::List(ListState {
                editing: Some(t),
                ..state.clone()
            }))
        })
    };
    let on_save = {
        let (d, state, text) = (d.clone(), state.clone(), text.to_string());
        Callback::from(move |_| {
            let p = communes::parse(&text);
            if p.names.is_empty() {
                d.dispatch(PageAction::Notice(
                    Tone::Error,
                    "Danh sách chưa có tên xã nào.".into(),
                ));
            } else {
                keep(&d, &state, p.names, p.skipped);
            }
        })
    };
    let on_cancel = {
        let (d, state) = (d.clone(), state.clone());
        Callback::from(move |_| {
            d.dispatch(PageAction::List(ListState {
                editing: None,
                ..state.clone()
            }))
        })
    };
    let n = communes::parse(text).names.len();
    html! {
        <>
            { text_area(AreaProps {
                id: "commune-list".into(),
                label: "Tên các xã (mỗi dòng một tên, hoặc dán một cột từ bảng tính)".into(),
                value: text.to_string().into(),
                on_input,
                rows: 10,
                hint: Some(format!("Đọc được {n} tên xã. Số thứ tự, dòng tiêu đề và tên trùng được bỏ qua.").into()),
            }) }
            <div class="row-actions">
                <button type="button" class="primary" onclick={on_save}>{ "Lưu danh sách" }</button>
                <button type="button" class="secondary" onclick={on_cancel}>{ "Hủy" }</button>
            </div>
        </>
    }
}

/// Who has sent for the period (the first section's unless another is chosen).
fn sent(page: &Page, d: &Dispatch) -> Html {
    let (Some(list), Some(first)) = (&page.list.list, page.rollup.sections.first()) else {
        return html! {};
    };
    let mut periods: Vec<&String> = Vec::new();
    for s in &page.rollup.sections {
        if !periods.contains(&&s.period) {
            periods.push(&s.period);
        }
    }
    let period = page.period.clone().unwrap_or_else(|| first.period.clone());
    let a = arrivals(list, &page.rollup, &period);
    let on_period = {
        let d = d.clone();
        Callback::from(move |e: Event| d.dispatch(PageAction::Period(change_value(&e))))
    };
    html! {
        <div class="arrivals" aria-live="polite">
            if periods.len() > 1 {
                <div class="field narrow"><label for="arrivals-period">{ "Kỳ báo cáo" }</label>
                    <select id="arrivals-period" onchange={on_period}>
                        { for periods.iter().map(|p| html! { <option value={(*p).clone()} selected={**p == period}>{ (*p).clone() }</option> }) }
                    </select></div>
            }
            <p id="arrivals-summary"><strong>{ a.summary_vi() }</strong></p>
            if !a.unlisted.is_empty() {
                <div class="notice error" id="arrivals-unlisted">
                    <p>{ format!("{} tệp ghi tên xã không có trong danh sách (viết sai tên, hoặc xã đã sáp nhập, đổi tên):", a.unlisted.len()) }</p>
                    <ul>{ for a.unlisted_vi().into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                </div>
            }
            if !a.unnamed.is_empty() {
                <p class="notice error">{ format!("Tệp không ghi tên xã: {}.", a.unnamed.join(", ")) }</p>
            }
        </div>
    }
}
