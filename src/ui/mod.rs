//! The Yew user interface: one state (`state`), effects around it (`ops`), and components.

pub mod app;
pub mod banners;
pub mod components;
pub mod hooks;
pub mod ops;
pub mod state;

/// Installs the panic page, then mounts the app on `<body>`.
pub fn start() {
    crate::web::panic::install();
    yew::Renderer::<app::App>::new().render();
}
