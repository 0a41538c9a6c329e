//! The roll-up page: its own WASM module, built by trunk from `rollup.html` into
//! `dist/tong-hop/` (see ARCHITECTURE.md).

fn main() {
    #[cfg(target_arch = "wasm32")]
    tieuchi::ui::rollup_page::start();
}
