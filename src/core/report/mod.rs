//! The report: a model built from the draft and its scores, and its .docx rendering.

pub mod docx;
pub mod html;
pub mod model;
pub(crate) mod zip;

pub use model::{build, Report};
