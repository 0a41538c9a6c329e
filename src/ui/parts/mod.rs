//! The commune's team in the editor (#28): "Giao phần việc" on the open draft (`HandOut`,
//! the one component here with state: the form), and the draft's list of the parts handed out
//! with their state (`parts_list`). What the form asks becomes a `core::team::hand_out`; the
//! draft with the part listed goes up (`on_handed`) to the open document's reducer and is saved
//! like any edit, the part file downloaded by the editor.

pub mod received;

pub use received::in_work;

use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, PartState};
use crate::core::edit::Edit;
use crate::core::team::{hand_out, PartFile, Request};
use crate::core::vn::Date;
use crate::ui::components::field::{text_field, TextProps};
use crate::ui::shared::Shared;
use crate::web::clock;
use yew::prelude::*;

/// What the list of parts asks of the editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOp {
    /// Write a part still out as a file again (its file was lost).
    Download,
    /// Take it off the draft's list ("Hủy phần việc").
    Withdraw,
}

#[derive(PartialEq)]
pub struct PartsProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    /// The draft with a part handed out, and its file.
    pub on_handed: Callback<(Draft, PartFile)>,
    pub on_op: Callback<(PartOp, String)>,
    /// The providers option of the report's annex (`Edit::ProvidersAnnex`).
    pub on_edit: Callback<Edit>,
}

/// The section: the parts handed out, then the form that hands one out.
pub fn parts(p: &PartsProps) -> Html {
    html! {
        <section class="parts" aria-labelledby="parts-title">
            <h2 id="parts-title">{ "Phần việc giao cho người khác" }</h2>
            <p class="hint">{ "Giao một số tiêu chí cho người nắm số liệu: ứng dụng tạo một tệp để gửi cho họ (Zalo, thư điện tử, USB). Họ mở tệp bằng ứng dụng này, nhập số liệu, rồi gửi lại tệp đã làm để gộp vào bản nháp." }</p>
            { parts_list(p) }
            { providers_option(p) }
            <HandOut draft={p.draft.clone()} set={p.set.clone()} on_handed={p.on_handed.clone()} />
        </section>
    }
}

/// "In người cung cấp số liệu trong phụ lục": off by default.
fn providers_option(p: &PartsProps) -> Html {
    let (on, checked) = (p.on_edit.clone(), p.draft.meta.providers_annex);
    let onchange = Callback::from(move |_: Event| on.emit(Edit::ProvidersAnnex(!checked)));
    html! {
        <div class="field check">
            <input type="checkbox" id="m-providers" {checked} {onchange} />
            <label for="m-providers">{ "Phụ lục báo cáo ghi người cung cấp số liệu của từng tiêu chí" }</label>
        </div>
    }
}

fn state_class(s: PartState) -> &'static str {
    match s {
        PartState::Out => "part-out",
        PartState::Returned => "part-returned",
        PartState::Merged => "part-merged",
    }
}

/// The draft's parts: who, what, by when, and their state.
fn parts_list(p: &PartsProps) -> Html {
    if p.draft.parts.is_empty() {
        return html! { <p id="parts-none">{ "Chưa giao phần việc nào." }</p> };
    }
    let op = |op: PartOp, id: &str| {
        let (on, id) = (p.on_op.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| on.emit((op, id.clone())))
    };
    html! {
        <ul class="parts-list" aria-label="Các phần việc đã giao">
            { for p.draft.parts.iter().map(|r| html! {
                <li class={classes!("part", state_class(r.state))}>
                    <strong>{ r.who.clone() }</strong>{ " — " }{ r.scope_vi(&p.set) }
                    if let Some(d) = r.due { <span>{ format!(" — hạn {}", d.long_vi()) }</span> }
                    { " " }<span class="part-state">{ r.state.label_vi() }</span>
                    if r.state == PartState::Returned {
                        { " " }<a class="button primary" href={format!("gop-phan-viec/#{}", r.id)} target="_blank"
                            aria-label={format!("Gộp vào bản nháp phần việc của {}", r.who)}>{ "Gộp vào bản nháp" }</a>
                    }
                    if r.state == PartState::Out {
                        { " " }<button type="button" onclick={op(PartOp::Download, &r.id)}
                            aria-label={format!("Tải lại tệp phần việc của {}", r.who)}>{ "Tải lại tệp" }</button>
                    }
                    { " " }<button type="button" onclick={op(PartOp::Withdraw, &r.id)}
                        aria-label={format!("Hủy phần việc của {}", r.who)}>{ "Hủy" }</button>
                </li>
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct HandOutProps {
    pub draft: Shared<Draft>,
    pub set: Shared<CriteriaSet>,
    pub on_handed: Callback<(Draft, PartFile)>,
}

/// What the form holds while it is filled.
#[derive(Clone, Default, PartialEq)]
struct Form {
    who: String,
    /// Criterion numbers ticked.
    criteria: Vec<u8>,
    /// Single indicators, typed: "9.2, 17.8".
    indicators: String,
    /// yyyy-mm-dd, or empty.
    due: String,
    error: Option<String>,
}

impl Form {
    fn request(&self) -> Result<Request, String> {
        let due = match self.due.trim() {
            "" => None,
            d => Some(Date::parse_iso(d).ok_or("Ngày hạn không hợp lệ.")?),
        };
        let mut picks: Vec<String> = self.criteria.iter().map(u8::to_string).collect();
        picks.extend(
            self.indicators
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from),
        );
        Ok(Request {
            who: self.who.clone(),
            picks,
            due,
        })
    }
}

/// "Giao phần việc": criteria ticked (or single indicators), who, and a date by which.
#[function_component]
pub fn HandOut(p: &HandOutProps) -> Html {
    let form = use_state(Form::default);
    let set_with = |f: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            next.error = None;
            form.set(next);
        })
    };
    let submit = {
        let (form, p_draft, p_set, on) = (
            form.clone(),
            p.draft.clone(),
            p.set.clone(),
            p.on_handed.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let handed = form.request().and_then(|r| {
                let at = clock::now_iso();
                let id = clock::new_id().replacen('d', "p", 1);
                hand_out(&p_draft, &p_set, r, id, &at).map_err(|e| e.message_vi())
            });
            match handed {
                Ok(done) => {
                    form.set(Form::default());
                    on.emit(done);
                }
                Err(error) => form.set(Form {
                    error: Some(error),
                    ..(*form).clone()
                }),
            }
        })
    };
    let tick = |n: u8| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            match next.criteria.iter().position(|c| *c == n) {
                Some(i) => drop(next.criteria.remove(i)),
                None => next.criteria.push(n),
            }
            form.set(next);
        })
    };
    html! {
        <form class="hand-out" onsubmit={submit} aria-labelledby="hand-out-title">
            <h3 id="hand-out-title">{ "Giao phần việc" }</h3>
            <fieldset class="hand-out-criteria">
                <legend>{ "Tiêu chí giao" }</legend>
                { for p.set.criteria.iter().map(|c| {
                    let id = format!("part-tc-{}", c.number);
                    html! {
                        <div class="field check">
                            <input type="checkbox" id={id.clone()} checked={form.criteria.contains(&c.number)} onchange={tick(c.number)} />
                            <label for={id}>{ format!("Tiêu chí {}: {}", c.number, c.name) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            { text_field(TextProps { id: "part-codes".into(), label: "Hoặc từng chỉ tiêu (mã, cách nhau bởi dấu phẩy)".into(), value: form.indicators.clone().into(), on_input: set_with(|f, v| f.indicators = v), placeholder: Some("VD: 9.2, 17.8".into()), ..Default::default() }) }
            { text_field(TextProps { id: "part-who".into(), label: "Người được giao".into(), value: form.who.clone().into(), on_input: set_with(|f, v| f.who = v), placeholder: Some("VD: Công chức Văn hóa - Xã hội".into()), ..Default::default() }) }
            { text_field(TextProps { id: "part-due".into(), label: "Hạn gửi lại (không bắt buộc)".into(), kind: "date".into(), value: form.due.clone().into(), on_input: set_with(|f, v| f.due = v), ..Default::default() }) }
            if let Some(e) = &form.error { <p class="error" role="alert">{ e.clone() }</p> }
            <button type="submit" class="primary">{ "Giao phần việc và tải tệp" }</button>
        </form>
    }
}

/// What the editor does for the parts section.
impl crate::ui::editor::Editor {
    /// A part handed out: the draft lists it (saved like any edit), its file is downloaded.
    pub fn handed(&self, (draft, file): (Draft, PartFile)) {
        self.team(draft);
        self.download_part(&file, false);
    }

    /// An operation on a part of the open draft's list.
    pub fn part_op(&self, (op, id): (PartOp, String)) {
        let Some(doc) = self.document().doc.clone() else {
            return;
        };
        let Some(record) = doc.draft.parts.iter().find(|r| r.id == id) else {
            return;
        };
        match op {
            PartOp::Download => {
                let file = PartFile::new(&doc.draft, &doc.set, record, &clock::now_iso());
                self.download_part(&file, false);
            }
            PartOp::Withdraw => {
                let ask = format!("Hủy phần việc của {}? Nếu tệp của phần việc này được gửi lại, ứng dụng sẽ không gộp nó vào bản nháp này nữa.", record.who);
                if crate::web::dialog::confirm(&ask) {
                    self.team(crate::core::team::withdraw(&doc.draft, &id));
                }
            }
        }
    }

    /// Writes a part file as a download (`done`: the filled part, "phan-viec-da-lam-…").
    pub fn download_part(&self, file: &PartFile, done: bool) {
        let name = if done {
            file.done_file_name()
        } else {
            file.file_name()
        };
        let text = file.to_json_pretty();
        let mime = crate::web::download::JSON_MIME;
        match crate::web::download::bytes(&name, mime, text.as_bytes()) {
            Ok(()) => self.notice(
                crate::ui::chrome::Tone::Success,
                format!("Đã tải tệp “{name}”: hãy gửi tệp này cho {}.", file.who),
            ),
            Err(why) => self.notice(crate::ui::chrome::Tone::Error, why),
        }
    }
}
