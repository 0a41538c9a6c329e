//! A part file received (#28): read strictly like any import, then either a part come back to
//! a draft of this device (the draft marks it returned) or a part to work on here (stored as a
//! part in work and opened). `open_received` is what "Mở tệp nhận được" calls with a part
//! file's text; `InWork` lists the parts in work on this device, with a picker of its own.

use super::work;
use crate::core::persist::{list_parts, Kept};
use crate::core::team::{mark_returned, read_part, PartFile};
use crate::ui::chrome::Tone;
use crate::ui::editor::Editor;
use crate::ui::ops;
use crate::ui::shared::Shared;
use crate::ui::state::ShellAction;
use crate::web::storage;
use yew::prelude::*;

/// What a part file received is to this device.
enum Received {
    /// Its draft is here and lists it: it has come back.
    Returned,
    /// Its draft is not here: a part to work on.
    ToWork,
}

fn received_as(part: &PartFile) -> Received {
    match ops::load(&part.draft_id) {
        Some((env, _)) if env.draft.parts.iter().any(|r| r.id == part.id) => Received::Returned,
        _ => Received::ToWork,
    }
}

/// Opens a part file's text as what it is: refused with its reason in Vietnamese (nothing
/// changed), a returned part marked as such on its draft (opened), or a part to work on
/// (stored, then opened; a part already in work here is opened as it stands, never replaced
/// by the file received again).
pub fn open_received(editor: &Editor, text: &str) {
    let part = match read_part(text) {
        Ok(part) => part,
        Err(e) => {
            let why = format!("Không mở được tệp phần việc. {}", e.message_vi());
            return editor.notice(Tone::Error, why);
        }
    };
    match received_as(&part) {
        Received::Returned => returned(editor, &part),
        Received::ToWork => to_work(editor, part),
    }
}

/// A part come back: its draft, opened, lists it as returned.
fn returned(editor: &Editor, part: &PartFile) {
    // The open draft as it stands (with edits not yet written), else the stored one, opened.
    let open = editor
        .document()
        .doc
        .clone()
        .filter(|d| d.draft.id == part.draft_id);
    let (draft, set) = match open {
        Some(doc) => ((*doc.draft).clone(), (*doc.set).clone()),
        None => match ops::load(&part.draft_id) {
            Some((env, _)) if editor.may_leave() => {
                editor.draft_op(crate::ui::components::drafts::DraftOp::Open, &env.draft.id);
                (env.draft, env.set)
            }
            _ => return,
        },
    };
    match mark_returned(&draft, &set, part) {
        Ok(draft) => {
            editor.tab(crate::ui::state::Tab::Setup);
            editor.team(draft);
            // Handed to the merge page, which removes it once merged or dismissed.
            let key = crate::core::persist::merge_key(&part.id);
            let (tone, done) = match storage::write_raw(&key, &part.to_json()) {
                Ok(()) => (Tone::Success, format!("Đã nhận lại phần việc của {} ({}). Bấm “Gộp vào bản nháp” trong danh sách phần việc để xem lại và gộp.", part.who, part.scope_vi())),
                Err(e) => (Tone::Error, e.message_vi()),
            };
            editor.notice(tone, done);
        }
        Err(e) => editor.notice(
            Tone::Error,
            format!("Không nhận được phần việc. {}", e.message_vi()),
        ),
    }
}

/// A part to work on: the one in work here if there is one, else the file received, stored.
fn to_work(editor: &Editor, part: PartFile) {
    use crate::core::persist::{classify_part, part_key, set_aside, AsideKind, Fate};
    let key = part_key(&part);
    let stored = storage::read_raw(&key);
    let open = match stored
        .as_deref()
        .map(|text| (text, classify_part(&key, text)))
    {
        Some((_, Fate::Readable(kept))) => {
            let msg =
                "Phần việc này đã có trên máy: mở bản đang làm (tệp vừa chọn không ghi đè lên).";
            editor.notice(Tone::Info, msg);
            kept
        }
        // A newer version's copy stays; the file received opens, its saves refused.
        Some((_, Fate::Newer(_))) => {
            editor.notice(
                Tone::Error,
                crate::core::persist::SaveError::Newer.message_vi(),
            );
            part
        }
        Some((text, Fate::Damaged { .. })) => {
            // The unreadable copy is kept aside, whole, to download from the list of drafts.
            set_aside(&mut storage::Local, &key, text, AsideKind::Draft);
            stored_or_told(editor, part)
        }
        None => stored_or_told(editor, part),
    };
    editor.shell_action(ShellAction::Part(Some(Shared::new(open))));
}

/// Stores a part received as a part in work; it opens even when it cannot be stored (the user
/// can fill and export it from this page).
fn stored_or_told(editor: &Editor, part: PartFile) -> PartFile {
    if let Err(why) = work::store(&part) {
        editor.notice(Tone::Error, why);
    }
    part
}

#[derive(Properties, PartialEq)]
pub struct InWorkProps {
    pub on_open: Callback<Shared<PartFile>>,
    /// A part file picked.
    pub on_file: Callback<Event>,
}

/// The parts in work on this device (newest first) and the picker for a part file received.
#[function_component]
pub fn InWork(p: &InWorkProps) -> Html {
    let listed = use_state(|| {
        let (parts, kept): (Vec<PartFile>, Vec<Kept>) = list_parts(&storage::Local);
        (parts.into_iter().map(Shared::new).collect::<Vec<_>>(), kept)
    });
    let (parts, kept) = &*listed;
    html! {
        <section class="parts-in-work" aria-labelledby="in-work-title">
            <h2 id="in-work-title">{ "Phần việc được giao" }</h2>
            if parts.is_empty() {
                <p>{ "Chưa có phần việc nào trên máy này. Khi nhận được tệp phần việc (phan-viec-….json), hãy mở tệp đó tại đây." }</p>
            } else {
                <ul aria-label="Phần việc đang làm trên máy này">
                    { for parts.iter().map(|part| {
                        let (on, part2) = (p.on_open.clone(), part.clone());
                        html! {
                            <li>
                                { format!("{} — Xã {} — {} ", part.who, part.commune, part.scope_vi()) }
                                <button type="button" onclick={Callback::from(move |_| on.emit(part2.clone()))}
                                    aria-label={format!("Mở phần việc của {} (xã {})", part.who, part.commune)}>{ "Mở" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
            { for kept.iter().map(|k| {
                let key = k.key.clone();
                let download = Callback::from(move |_: MouseEvent| {
                    let _ = crate::web::download::stored_entry(&key);
                });
                html! {
                    <p class="hint">{ k.reason.clone() }{ " " }
                        <button type="button" onclick={download}>{ "Tải về nguyên trạng" }</button>
                    </p>
                }
            }) }
            <div class="import">
                <label for="import-part" class="button secondary">{ "Mở tệp phần việc (.json)" }</label>
                <input id="import-part" type="file" accept=".json,application/json" class="visually-hidden" onchange={p.on_file.clone()} />
            </div>
        </section>
    }
}

impl Editor {
    /// A part file picked: read, then opened as what it is.
    pub fn part_file(&self, event: Event) {
        let editor = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let limit = crate::core::store::MAX_IMPORT_BYTES;
            match crate::web::files::read_picked(event, limit).await {
                Ok((_, text)) => open_received(&editor, &text),
                Err(why) => editor.notice(Tone::Error, why),
            }
        });
    }

    /// A part in work as a draft of its own (`PartFile::to_envelope`), stored and opened; the
    /// part in work stays as it is.
    pub fn part_as_draft(&self, part: Shared<PartFile>) {
        if !self.may_leave() {
            return;
        }
        let env = part.to_envelope(crate::web::clock::new_id(), crate::web::clock::now_iso());
        match ops::store(&env, crate::core::persist::Over::Base(None)) {
            Ok(_) => {
                self.shell_action(ShellAction::Part(None));
                self.refresh_drafts();
                self.draft_op(crate::ui::components::drafts::DraftOp::Open, &env.draft.id);
                self.notice(Tone::Success, "Đã mở phần việc thành một bản nháp riêng.");
            }
            Err(why) => self.notice(Tone::Error, why),
        }
    }

    /// Opens a part in work stored on this device.
    pub fn open_part(&self, part: Shared<PartFile>) {
        self.shell_action(ShellAction::Part(Some(part)));
    }
}
