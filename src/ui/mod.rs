//! The Yew user interface: one state (`state`), effects around it (`ops`), and components.

pub mod app;
pub mod components;
pub mod ops;
pub mod state;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
