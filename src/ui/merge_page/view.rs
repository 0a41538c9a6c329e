//! The merge page's view: the review (changes before → after with who and when; conflicts with
//! both sides, each decided by a pair of radio buttons), then what came of applying.

use super::{Loaded, Merge, MergeAction};
use crate::core::draft::{Entry, Judgement};
use crate::core::team::{Choice, Conflict, Side};
use crate::web::clock;
use yew::prelude::*;

/// An entry as a person reads it: figures, judgement, data year; "(trống)" when nothing.
pub fn entry_text(e: Option<&Entry>) -> String {
    let Some(e) = e else {
        return "(trống)".into();
    };
    let mut out: Vec<String> = Vec::new();
    match (e.numerator.trim(), e.denominator.trim()) {
        ("", "") => {}
        (n, "") => out.push(format!("tử số {n}")),
        ("", d) => out.push(format!("mẫu số {d}")),
        (n, d) => out.push(format!("{n}/{d}")),
    }
    if !e.value.trim().is_empty() {
        out.push(e.value.trim().to_string());
    }
    match e.judgement {
        Judgement::None => {}
        Judgement::Met => out.push("Đạt".into()),
        Judgement::NotMet => out.push("Không đạt".into()),
        Judgement::NotApplicable => out.push("Không áp dụng".into()),
    }
    if !e.data_year.trim().is_empty() {
        out.push(format!("số liệu năm {}", e.data_year.trim()));
    }
    if out.is_empty() {
        "(trống)".into()
    } else {
        out.join("; ")
    }
}

fn who_when(s: &Side) -> String {
    match s.at.trim() {
        "" => s.by.clone(),
        at => format!("{}, {}", s.by, clock::local_datetime(at)),
    }
}

fn note(e: Option<&Entry>) -> Html {
    match e.map(|e| e.note.trim()).filter(|n| !n.is_empty()) {
        Some(n) => html! { <small class="hint note">{ format!("Ghi chú: {n}") }</small> },
        None => Html::default(),
    }
}

/// The indicator's code and short name, from the set.
fn title(l: &Loaded, code: &str) -> String {
    match l.env.set.indicator(code) {
        Some((_, i)) => format!("Chỉ tiêu {code}: {}", i.short),
        None => format!("Tiêu chí {code}"),
    }
}

fn conflict(l: &Loaded, c: &Conflict, on: &Callback<MergeAction>) -> Html {
    let pick = |choice: Choice| {
        let (on, code) = (on.clone(), c.code.clone());
        Callback::from(move |_: Event| on.emit(MergeAction::Decide(code.clone(), choice)))
    };
    let id = |side: &str| format!("c-{}-{side}", c.code.replace('.', "-"));
    let name = title(l, &c.code);
    html! {
        <fieldset class="conflict">
            <legend>{ format!("{name} — cả hai bên đã sửa, hãy chọn") }</legend>
            <div class="field check">
                <input type="radio" name={id("choice")} id={id("draft")} checked={c.choice == Some(Choice::Draft)} onchange={pick(Choice::Draft)} />
                <label for={id("draft")}>{ format!("{} — giữ của bản nháp: {} ({})", c.code, entry_text(c.draft.entry.as_ref()), who_when(&c.draft)) }</label>
            </div>
            { note(c.draft.entry.as_ref()) }
            <div class="field check">
                <input type="radio" name={id("choice")} id={id("part")} checked={c.choice == Some(Choice::Part)} onchange={pick(Choice::Part)} />
                <label for={id("part")}>{ format!("{} — lấy của phần việc: {} ({})", c.code, entry_text(c.part.entry.as_ref()), who_when(&c.part)) }</label>
            </div>
            { note(c.part.entry.as_ref()) }
            <small class="hint">{ format!("Khi giao: {}", entry_text(c.base.as_ref())) }</small>
        </fieldset>
    }
}

fn review(l: &Loaded, error: Option<&String>, on: &Callback<MergeAction>) -> Html {
    let plan = &l.plan;
    let undecided = plan.undecided();
    let apply = on.reform(|_: MouseEvent| MergeAction::Apply);
    let dismiss = on.reform(|_: MouseEvent| MergeAction::Dismiss);
    html! {
        <>
            <h2>{ format!("Gộp phần việc của {} vào bản nháp", plan.who) }</h2>
            <p>{ format!("Xã {} — {} — {}", l.part.commune, l.part.period, l.part.scope_vi()) }</p>
            if plan.already_merged || plan.is_empty() {
                <p id="merge-nothing">{ "Phần việc này không thay đổi gì so với bản nháp: gộp chỉ ghi nhận là đã gộp." }</p>
            }
            if !plan.changes.is_empty() {
                <h3 id="changes-title">{ format!("{} chỉ tiêu được cập nhật từ phần việc", plan.changes.len()) }</h3>
                <ul class="merge-changes" aria-labelledby="changes-title">
                    { for plan.changes.iter().map(|c| html! {
                        <li>
                            <strong>{ title(l, &c.code) }</strong><br />
                            { format!("Trước: {} → Sau: {}", entry_text(c.before.as_ref()), entry_text(c.after.entry.as_ref())) }<br />
                            <small class="hint">{ format!("Người nhập: {}", who_when(&c.after)) }</small>
                            { note(c.after.entry.as_ref()) }
                        </li>
                    }) }
                </ul>
            }
            { for plan.conflicts.iter().map(|c| conflict(l, c, on)) }
            if !plan.kept.is_empty() {
                <p>{ format!("Giữ nguyên như bản nháp (chỉ người soạn đã sửa): {}.", plan.kept.join(", ")) }</p>
            }
            if !undecided.is_empty() {
                <p class="hint" id="merge-undecided">{ format!("Còn {} chỉ tiêu chưa chọn bản giữ lại: {}.", undecided.len(), undecided.join(", ")) }</p>
            }
            if let Some(e) = error { <p class="error" role="alert">{ e.clone() }</p> }
            <p class="hint">{ "Chưa có gì thay đổi cho đến khi bấm “Gộp vào bản nháp”; gộp xong vẫn hoàn tác được." }</p>
            <button type="button" class="primary" disabled={!undecided.is_empty()} onclick={apply}>{ "Gộp vào bản nháp" }</button>
            { " " }<button type="button" onclick={dismiss}>{ "Bỏ qua, không gộp" }</button>
        </>
    }
}

fn back() -> Html {
    html! { <p><a href="../" class="button">{ "Về trang soạn báo cáo" }</a></p> }
}

/// The whole page for the state `m`.
pub fn page(m: &Merge, on: &Callback<MergeAction>) -> Html {
    let body = match m {
        Merge::Failed(why) => {
            html! { <><p class="notice error" role="alert">{ why.clone() }</p>{ back() }</> }
        }
        Merge::Review(l, error) => review(l, error.as_ref(), on),
        Merge::Done { loaded, .. } => html! {
            <>
                <p class="notice success" role="status">{ format!("Đã gộp phần việc của {} vào bản nháp. Trang soạn báo cáo đang mở ở thẻ khác sẽ hỏi để dùng bản vừa gộp.", loaded.plan.who) }</p>
                <button type="button" onclick={on.reform(|_: MouseEvent| MergeAction::Undo)}>{ "Hoàn tác việc gộp" }</button>
                { back() }
            </>
        },
        Merge::Undone => {
            html! { <><p class="notice info" role="status">{ "Đã hoàn tác: bản nháp trở lại như trước khi gộp. Tải lại trang này để xem lại phần việc." }</p>{ back() }</> }
        }
        Merge::Dismissed => {
            html! { <><p class="notice info" role="status">{ "Đã bỏ qua phần việc; bản nháp không thay đổi." }</p>{ back() }</> }
        }
    };
    html! {
        <>
            <header class="app-header"><div class="brand"><h1>{ "Gộp phần việc" }</h1><p class="doc-title">{ "Tự đánh giá xã nông thôn mới" }</p></div></header>
            <main id="main" class="merge-page">{ body }</main>
        </>
    }
}
