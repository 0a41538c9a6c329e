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
