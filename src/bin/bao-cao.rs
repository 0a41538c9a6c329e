//! The report worker: its own WASM module, built by trunk as a worker of `index.html` (see
//! `src/worker.rs` and ARCHITECTURE.md).

fn main() {
    #[cfg(target_arch = "wasm32")]
    tieuchi::worker::start();
}
