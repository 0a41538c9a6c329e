//! The criteria-set page: its own WASM module, built by trunk from `sets.html` into
//! `dist/bo-tieu-chi/` (see ARCHITECTURE.md).

fn main() {
    #[cfg(target_arch = "wasm32")]
    tieuchi::ui::sets_page::start();
}
