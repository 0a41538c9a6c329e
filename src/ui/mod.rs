//! The Yew user interface. The editor (`ui::start`): its top component `app`, which composes
//! the state by concern (`state`), what the editor does when asked (`editor`, over the effects
//! in `ops`), the browser's events (`hooks`), and the screens (`screen`, `components`). The
//! set page and the roll-up are pages of their own (`sets_page`, `rollup_page`); the three
//! share `mount`, the page `chrome` and `Shared`.

pub mod anchors;
pub mod app;
pub mod banners;
pub mod chrome;
pub mod components;
pub mod editor;
pub mod hooks;
pub mod merge_page;
pub mod ops;
pub mod part_page;
pub mod parts;
pub mod rollup_page;
pub mod screen;
pub mod sets_page;
pub mod shared;
pub mod state;
pub mod tools;

/// The editor: what is stored is read first (`editor::Start`), so the first render shows the
/// draft last opened.
pub fn start() {
    panic_page();
    let start = shared::Shared::new(editor::Start::read());
    render::<app::App>(app::AppProps { start });
}

/// Installs the panic page, then mounts page component `C` (a page of the tools module) once
/// the static shell has been painted: a module already cached starts within the first frame,
/// and replacing the shell before it is on screen left the browser's largest paint to what
/// the page draws after its module, as late as the module (Lighthouse scored the set page and
/// the roll-up 0.93 on such runs).
pub fn mount<C: yew::BaseComponent<Properties = ()>>() {
    panic_page();
    wasm_bindgen_futures::spawn_local(async {
        crate::web::dom::yield_to_browser().await;
        render::<C>(());
    });
}

/// The panic page, installed through Yew: its renderer replaces a hook set with
/// `std::panic::set_hook` by its own console logger.
fn panic_page() {
    yew::set_custom_panic_hook(Box::new(|_| crate::web::panic::show()));
}

fn render<C: yew::BaseComponent>(props: C::Properties) {
    // Into its own element: Yew clears the element it mounts in, and the page keeps what
    // boot.js shows outside it (the note for in-app browsers).
    match crate::web::dom::element("app") {
        Some(root) => yew::Renderer::<C>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<C>::with_props(props).render(),
    };
    // The page stands where its static shell stood: the shell goes.
    if let Some(shell) = crate::web::dom::element("shell") {
        shell.remove();
    }
}
