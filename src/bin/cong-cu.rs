//! The tools module ("công cụ"): the pages a commune does not need on a first visit (the set
//! page, the roll-up), one WASM module that picks its page by the URL (`ui::tools`). Built by
//! trunk from `tools.html` into `dist/cong-cu/`; each page's shell points at it (see
//! ARCHITECTURE.md).

fn main() {
    #[cfg(target_arch = "wasm32")]
    tieuchi::ui::tools::start();
}
