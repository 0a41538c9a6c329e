//! The page chrome the three pages share: the header with the site's navigation, the notices
//! and their tones, the "new version" notice, the footer. Plain functions of what each page
//! gives them.

use crate::web::sw;
use yew::prelude::*;

/// How a notice reads: what it tells, and how it is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

impl Tone {
    /// The notice's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Info => "info",
            Tone::Success => "success",
            Tone::Error => "error",
        }
    }

    /// An error interrupts a screen reader (`alert`); the rest waits its turn (`status`).
    pub fn role(self) -> &'static str {
        match self {
            Tone::Error => "alert",
            Tone::Info | Tone::Success => "status",
        }
    }
}

/// A message to the user about what just happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

/// The site's pages, in the order the navigation lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Editor,
    Sets,
    Rollup,
}

impl Page {
    const ALL: [Page; 3] = [Page::Editor, Page::Sets, Page::Rollup];

    fn label(self) -> &'static str {
        match self {
            Page::Editor => "Bản nháp",
            Page::Sets => "Bộ tiêu chí",
            Page::Rollup => "Tổng hợp",
        }
    }

    /// The link to this page from page `from` (the editor at the site's root, the other two
    /// in their folders).
    fn href(self, from: Page) -> &'static str {
        match (from, self) {
            (Page::Editor, Page::Sets) => "bo-tieu-chi/",
            (Page::Editor, Page::Rollup) => "tong-hop/",
            (_, Page::Editor) => "../",
            (_, Page::Sets) => "../bo-tieu-chi/",
            (_, Page::Rollup) => "../tong-hop/",
        }
    }
}

/// What a page puts in its header.
pub struct Header {
    pub page: Page,
    pub title: &'static str,
    /// Under the title: the open draft's name, or the site's.
    pub subtitle: Option<String>,
    /// What the page says of itself (network, offline use, saving); `None`: no status line.
    pub status: Option<Html>,
    /// The page's own tabs, in the navigation where its one link would be (the editor's
    /// screens); `None`: that link, marked current.
    pub tabs: Option<Html>,
}

/// The header: title, status line, and the navigation between the pages. The editor's is
/// `editor_header`.
pub fn header(h: Header) -> Html {
    if h.page == Page::Editor {
        return editor_header(h);
    }
    let Header {
        page,
        title,
        subtitle,
        status,
        tabs,
    } = h;
    let mut tabs = tabs;
    let nav: Vec<Html> = Page::ALL
        .into_iter()
        .map(|p| match p == page {
            true => tabs.take().unwrap_or_else(|| {
                html! { <a class="tab active" href="./" aria-current="page">{ p.label() }</a> }
            }),
            false => html! { <a class="tab" href={p.href(page)}>{ p.label() }</a> },
        })
        .collect();
    html! {
        <header class="app-header no-print">
            <div class="brand">
                <h1>{ title }</h1>
                if let Some(subtitle) = subtitle { <p class="doc-title">{ subtitle }</p> }
            </div>
            if let Some(status) = status { <div class="status-line">{ status }</div> }
            <nav aria-label="Các mục" class="tabs">{ for nav }</nav>
        </header>
    }
}

/// The editor's header, for a commune on a phone: one line (the open draft, what the page
/// says of itself, and a menu with the other pages, which a commune rarely needs), and its
/// screens' tabs in reach of the thumb (at the bottom of a phone's screen, `main.css`).
fn editor_header(h: Header) -> Html {
    let others = [Page::Sets, Page::Rollup];
    html! {
        <>
            <header class="app-header editor-header no-print">
                <div class="brand">
                    <h1 class={classes!(h.subtitle.is_some().then_some("phone-hidden"))}>{ h.title }</h1>
                    if let Some(subtitle) = h.subtitle { <p class="doc-title">{ subtitle }</p> }
                </div>
                if let Some(status) = h.status { <div class="status-line">{ status }</div> }
                <details class="more">
                    <summary>{ "Thêm" }</summary>
                    <nav aria-label="Trang khác" class="more-links">
                        { for others.into_iter().map(|p| html! { <a href={p.href(Page::Editor)}>{ p.label() }</a> }) }
                    </nav>
                </details>
            </header>
            if let Some(tabs) = h.tabs { <nav aria-label="Các mục" class="tabs bottom-tabs no-print">{ tabs }</nav> }
        </>
    }
}

/// One of a page's own tabs, a button.
pub fn tab(label: &'static str, current: bool, on_click: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class={classes!("tab", current.then_some("active"))} aria-current={current.then_some("page")} onclick={on_click}>{ label }</button>
    }
}

/// "Ready for offline use", once the service worker says so.
pub fn offline_ready(ready: bool) -> Html {
    if !ready {
        return Html::default();
    }
    html! { <span class="ready" role="status">{ "✓ Sẵn sàng dùng khi không có mạng" }</span> }
}

/// The place of the banners, between the header and the page's content.
pub fn banners(body: Html) -> Html {
    html! { <div class="banners no-print">{ body }</div> }
}

/// A banner of `tone` around `body` (its text, paragraphs, buttons).
pub fn banner(tone: Tone, body: Html) -> Html {
    html! { <div class={classes!("notice", tone.class())} role={tone.role()}>{ body }</div> }
}

/// A question the page waits on before it goes on: informative, announced at once.
pub fn question(body: Html) -> Html {
    html! { <div class="notice info" role="alert">{ body }</div> }
}

/// A notice, with a button that closes it when `on_close` is given.
pub fn notice(n: &Notice, on_close: Option<Callback<MouseEvent>>) -> Html {
    banner(
        n.tone,
        html! {
            <>
                <span>{ n.text.clone() }</span>
                if let Some(on_close) = on_close {
                    <button type="button" class="secondary small" aria-label="Đóng thông báo" onclick={on_close}>{ "Đóng" }</button>
                }
            </>
        },
    )
}

/// "A new version is ready": the service worker has installed one, which waits until the
/// user reloads. `after` says what reloading does to the page's own work.
pub fn update_notice(after: &str, on_reload: Callback<MouseEvent>) -> Html {
    banner(
        Tone::Info,
        html! {
            <>
                <span>{ "Đã có phiên bản mới — tải lại để dùng." }{ if after.is_empty() { String::new() } else { format!(" {after}") } }</span>
                <button type="button" class="primary" onclick={on_reload}>{ "Tải lại" }</button>
            </>
        },
    )
}

/// Whether a new version is ready, on a page whose service worker is registered without
/// following updates itself (the set page, the roll-up).
#[hook]
pub fn use_update_ready() -> bool {
    let ready = use_state(|| false);
    {
        let ready = ready.setter();
        use_effect_with((), move |_| {
            sw::on_update(Callback::from(move |()| ready.set(true)));
        });
    }
    *ready
}

/// The update notice of such a page, when `ready`: reloading applies the new version.
pub fn update_banner(ready: bool, after: &str) -> Html {
    if !ready {
        return Html::default();
    }
    update_notice(after, Callback::from(|_| sw::apply_update()))
}

/// "Phiên bản 0.1.0", with the build label when the build sets `TIEUCHI_BUILD` (a date or a
/// commit), so an official can say which version they run.
pub fn version() -> String {
    match option_env!("TIEUCHI_BUILD") {
        Some(build) if !build.is_empty() => {
            format!("Phiên bản {} ({build})", env!("CARGO_PKG_VERSION"))
        }
        _ => format!("Phiên bản {}", env!("CARGO_PKG_VERSION")),
    }
}

/// The footer: where the data stays (`note`), after the `version` when given.
pub fn footer(version: Option<String>, note: &'static str) -> Html {
    html! {
        <footer class="app-footer no-print">
            if let Some(version) = version {
                <span id="app-version">{ version }</span>{ " · " }
            }
            { note }
        </footer>
    }
}
