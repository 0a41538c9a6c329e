//! tieuchi: self-assessment of a commune against the NTM criteria, and its report.
//!
//! `core` is plain Rust (tested natively); `web` and `ui` exist only on wasm32.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod worker;

/// Every WASM module's allocator (the editor, the report worker, the tools module): talc, which
/// is smaller than Rust's default dlmalloc (DECISIONS.md, Dependencies). The pages and the worker
/// are single-threaded, as the `atomics` condition states.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
