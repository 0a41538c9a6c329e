//! The functional core: plain Rust, no web-sys or yew. Everything here is tested natively.

pub mod crc32;
pub mod criteria;
pub mod de;
pub mod draft;
pub mod edit;
pub mod json;
pub mod num;
pub mod persist;
pub mod received;
pub mod report;
pub mod rollup;
pub mod scoring;
pub mod set_diff;
pub mod set_edit;
pub mod set_store;
pub mod set_table;
pub mod sets;
pub mod store;
pub mod team;
pub mod unzip;
pub mod vecmap;
pub mod vn;
pub mod writer;
