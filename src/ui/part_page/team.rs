//! "Giao phần việc" (#28) on the parts page (`phan-viec/#giao:<draft id>`): the draft's parts
//! with what can be done to each ("Tải lại tệp", "Hủy", the merge page for a returned one) and
//! `HandOut`, the form that hands one out (`core::team::hand_out`). The draft is read from
//! storage and every change written back through `core::persist::save_draft`, only over the
//! text read or last written (another tab's save is reloaded, never overwritten); the editor
//! reads the stored draft when it opens, or hears the write from another tab.

use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, PartState};
use crate::core::persist::{classify_draft, draft_key, save_draft, Fate, Kv, Over, Refused};
use crate::core::store::Envelope;
use crate::core::team::{hand_out, withdraw, PartFile, Request};
use crate::core::vn::Date;
use crate::ui::chrome::Tone;
use crate::ui::components::field::{text_field, TextProps};
use crate::ui::shared::Shared;
use crate::web::{clock, download, storage};
use yew::prelude::*;

/// The draft as stored, with the text it was read from or last written as.
#[derive(Clone, PartialEq)]
pub struct Held {
    pub env: Shared<Envelope>,
    pub text: Shared<String>,
}

/// The stored draft `id`, or why it cannot be used here.
pub fn load(id: &str) -> Result<Held, String> {
    let key = draft_key(id);
    let text = storage::Local.get(&key).unwrap_or_default();
    match classify_draft(&key, &text) {
        Fate::Readable(env) => Ok(Held {
            env: Shared::new(env),
            text: Shared::new(text),
        }),
        _ => Err("Bản nháp này không còn trên máy (hoặc không đọc được): hãy mở lại từ trang soạn báo cáo.".into()),
    }
}

/// Writes `draft` over the text held; the draft as now stored, or why not (another tab's save
/// is read again, so nothing of it is lost).
fn write(held: &Held, draft: Draft) -> (Result<Held, String>, Option<(Tone, String)>) {
    let env = Envelope::new(draft, held.env.set.clone(), clock::now_iso());
    match save_draft(&mut storage::Local, &env, Over::Base(Some(&held.text))) {
        Ok(text) => (
            Ok(Held {
                env: Shared::new(env),
                text: Shared::new(text),
            }),
            None,
        ),
        Err(Refused::Failed(e)) => (Ok(held.clone()), Some((Tone::Error, e.message_vi()))),
        Err(Refused::Elsewhere(_)) => {
            let why = "Bản nháp vừa được lưu ở trang khác: đã đọc lại bản mới nhất, hãy làm lại thao tác.";
            (load(&held.env.draft.id), Some((Tone::Error, why.into())))
        }
    }
}

/// Writes a part file as a download ("phan-viec-…").
fn download_part(file: &PartFile) -> (Tone, String) {
    let name = file.file_name();
    let text = file.to_json_pretty();
    match download::bytes(&name, download::JSON_MIME, text.as_bytes()) {
        Ok(()) => (
            Tone::Success,
            format!("Đã tải tệp “{name}”: hãy gửi tệp này cho {}.", file.who),
        ),
        Err(why) => (Tone::Error, why),
    }
}

#[derive(Properties, PartialEq)]
pub struct TeamProps {
    /// The draft's id.
    pub id: AttrValue,
}

/// What the section holds: the draft (or why it cannot be shown) and the last notice.
#[derive(Clone, PartialEq)]
struct TeamState {
    held: Result<Held, String>,
    notice: Option<(Tone, String)>,
}

/// The draft's parts and the form that hands one out.
#[function_component]
pub fn Team(p: &TeamProps) -> Html {
    let state = use_state(|| TeamState {
        held: load(&p.id),
        notice: None,
    });
    let held = match &state.held {
        Ok(held) => held.clone(),
        Err(why) => return html! { <p class="notice error" role="alert">{ why.clone() }</p> },
    };
    let on_handed = {
        let (state, held) = (state.clone(), held.clone());
        Callback::from(move |(draft, file): (Draft, PartFile)| {
            let (held, notice) = write(&held, draft);
            let notice = notice.or_else(|| Some(download_part(&file)));
            state.set(TeamState { held, notice });
        })
    };
    let on_op = {
        let (state, held) = (state.clone(), held.clone());
        Callback::from(move |(op, id): (PartOp, String)| {
            if let Some(next) = part_op(&held, op, &id) {
                state.set(next);
            }
        })
    };
    let (draft, set) = (
        Shared::new(held.env.draft.clone()),
        Shared::new(held.env.set.clone()),
    );
    html! {
        <section class="parts" aria-labelledby="parts-title">
            <h2 id="parts-title">{ "Phần việc giao cho người khác" }</h2>
            <p class="part-about">{ format!("Bản nháp: {}", held.env.draft.name) }</p>
            <p class="hint">{ "Giao một số tiêu chí cho người nắm số liệu: ứng dụng tạo một tệp để gửi cho họ (Zalo, thư điện tử, USB). Họ mở tệp bằng ứng dụng này, nhập số liệu, rồi gửi lại tệp đã làm để gộp vào bản nháp." }</p>
            if let Some((tone, text)) = &state.notice {
                <p class={classes!("notice", tone.class())} role={tone.role()}>{ text.clone() }</p>
            }
            { parts_list(&draft, &set, &on_op) }
            <HandOut {draft} {set} {on_handed} />
        </section>
    }
}

/// What the list of parts asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOp {
    /// Write a part still out as a file again (its file was lost).
    Download,
    /// Take it off the draft's list ("Hủy phần việc").
    Withdraw,
}

/// An operation on a part of the draft's list: the section's next state (`None`: nothing).
fn part_op(held: &Held, op: PartOp, id: &str) -> Option<TeamState> {
    let (draft, set) = (&held.env.draft, &held.env.set);
    let record = draft.parts.iter().find(|r| r.id == id)?;
    match op {
        PartOp::Download => {
            let file = PartFile::new(draft, set, record, &clock::now_iso());
            Some(TeamState {
                held: Ok(held.clone()),
                notice: Some(download_part(&file)),
            })
        }
        PartOp::Withdraw => {
            let ask = format!("Hủy phần việc của {}? Nếu tệp của phần việc này được gửi lại, ứng dụng sẽ không gộp nó vào bản nháp này nữa.", record.who);
            if !crate::web::dialog::confirm(&ask) {
                return None;
            }
            let (held, notice) = write(held, withdraw(draft, id));
            Some(TeamState { held, notice })
        }
    }
}

/// The draft's parts: who, what, by when, their state, and what can be done to each.
fn parts_list(draft: &Draft, set: &CriteriaSet, on_op: &Callback<(PartOp, String)>) -> Html {
    if draft.parts.is_empty() {
        return html! { <p id="parts-none">{ "Chưa giao phần việc nào." }</p> };
    }
    let op = |op: PartOp, id: &str| {
        let (on, id) = (on_op.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| on.emit((op, id.clone())))
    };
    html! {
        <ul class="parts-list" aria-label="Các phần việc đã giao">
            { for draft.parts.iter().map(|r| html! {
                <li class={classes!("part", crate::ui::parts::state_class(r.state))}>
                    <strong>{ r.who.clone() }</strong>{ " — " }{ r.scope_vi(set) }
                    if let Some(d) = r.due { <span>{ format!(" — hạn {}", d.long_vi()) }</span> }
                    { " " }<span class="part-state">{ r.state.label_vi() }</span>
                    if r.state == PartState::Returned {
                        { " " }<a class="button primary" href={format!("../gop-phan-viec/#{}", r.id)}
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
