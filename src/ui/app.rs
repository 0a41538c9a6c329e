//! The editor's top component: it holds the three reducers, wires the browser-event hooks,
//! and lays out the chrome, the banners, the summary and the current screen.

use crate::core::edit::Edit;
use crate::ui::banners::banners;
use crate::ui::chrome::{self, Header, Page};
use crate::ui::components::summary::Summary;
use crate::ui::editor::{Editor, Start};
use crate::ui::hooks::{use_autosave, use_browser_events};
use crate::ui::screen::screen;
use crate::ui::shared::Shared;
use crate::ui::state::{Document, SaveStatus, Shell, Tab};
use crate::web::clock;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The states start-up found (`Start::read`, before the first render).
    pub start: Shared<Start>,
}

#[function_component]
pub fn App(p: &AppProps) -> Html {
    let editor = Editor::new(
        use_reducer(|| (*p.start.library).clone()),
        use_reducer(|| (*p.start.document).clone()),
        use_reducer(|| (*p.start.shell).clone()),
    );
    use_browser_events(&editor);
    use_autosave(&editor);
    // Stable across renders: the criterion cards and indicator rows compare them.
    let on_edit = {
        let e = editor.clone();
        use_callback((), move |edit: Edit, _| e.edit(edit))
    };
    let on_jump = {
        let e = editor.clone();
        use_callback((), move |anchor: String, _| e.jump(anchor))
    };
    let (document, shell) = (editor.document(), editor.shell());
    let tab = shell.screen(document.doc.is_some());
    html! {
        <>
            { header(&editor, &document, &shell, tab) }
            { chrome::banners(banners(&document, &shell, &editor.callback(Editor::answer))) }
            if let Some(doc) = document.doc.as_ref().filter(|_| tab != Tab::Drafts) {
                <div class="no-print sticky-summary"><Summary set={doc.set.clone()} scores={doc.scores.clone()} {on_jump} /></div>
            }
            <main id="main">{ screen(&editor, tab, &on_edit) }</main>
            { chrome::footer(Some(chrome::version()), "Dữ liệu chỉ lưu trên máy này, không gửi đi đâu.") }
        </>
    }
}

fn save_label(s: &SaveStatus, memory_only: bool) -> (String, &'static str) {
    if memory_only {
        return (
            "Không lưu được vào trình duyệt — hãy xuất tệp".into(),
            "error",
        );
    }
    match s {
        SaveStatus::Idle => (String::new(), ""),
        SaveStatus::Pending => ("Đang lưu…".into(), "pending"),
        SaveStatus::Saved(at) => (format!("Đã lưu lúc {}", clock::local_hhmm(at)), "ok"),
        SaveStatus::Failed(_) => ("Chưa lưu được — xem thông báo bên dưới".into(), "error"),
    }
}

/// The header: the open draft's name, the network and save status, and the screens' tabs.
fn header(editor: &Editor, document: &Document, shell: &Shell, tab: Tab) -> Html {
    let doc = document.doc.as_ref();
    let (save_text, save_css) = save_label(&document.save, shell.memory_only);
    let status = html! {
        <>
            <span class={classes!("net", if shell.online { "online" } else { "offline" })} role="status">
                { if shell.online { "● Đang có mạng" } else { "○ Không có mạng — vẫn làm việc bình thường" } }
            </span>
            { chrome::offline_ready(shell.offline_ready) }
            if !save_text.is_empty() { <span class={classes!("save", save_css)} role="status" aria-live="polite" id="save-status">{ save_text }</span> }
        </>
    };
    let tabs = Tab::ALL
        .into_iter()
        .filter(|t| !t.needs_doc() || doc.is_some())
        .map(|t| {
            chrome::tab(
                t.label_vi(),
                tab == t,
                editor.callback(move |e, _| e.tab(t)),
            )
        })
        .collect::<Html>();
    let title = doc.map(|d| match d.draft.name.trim().is_empty() {
        true => format!(
            "Xã {} — {}",
            d.draft.meta.commune,
            d.draft.meta.period_text()
        ),
        false => d.draft.name.clone(),
    });
    chrome::header(Header {
        page: Page::Editor,
        title: "Tự đánh giá xã nông thôn mới",
        subtitle: title,
        status: Some(status),
        tabs: Some(tabs),
    })
}
