//! The Yew user interface: one state (`state`), effects around it (`ops`), and components.

pub mod anchors;
pub mod app;
pub mod banners;
pub mod components;
pub mod hooks;
pub mod ops;
pub mod rollup_page;
pub mod sets_page;
pub mod state;
pub mod tools;
pub mod update;

/// The editor: see `mount`.
pub fn start() {
    mount::<app::App>();
}

/// Installs the panic page, then mounts page component `C` (the editor, the set page or the
/// roll-up). The hook goes through Yew: its renderer replaces a hook set with
/// `std::panic::set_hook` by its own console logger.
pub fn mount<C: yew::BaseComponent<Properties = ()>>() {
    yew::set_custom_panic_hook(Box::new(|_| crate::web::panic::show()));
    // Into its own element: Yew clears the element it mounts in, and the page keeps what
    // boot.js shows outside it (the note for in-app browsers).
    match crate::web::dom::element("app") {
        Some(root) => yew::Renderer::<C>::with_root(root).render(),
        None => yew::Renderer::<C>::new().render(),
    };
    // The page now stands where its static shell stood.
    if let Some(shell) = crate::web::dom::element("shell") {
        shell.remove();
    }
}
