//! Browser effects, each in a small module. Nothing here decides anything: the core decides,
//! the UI asks these modules to store, download, read files or talk to the service worker.

pub mod clock;
pub mod dialog;
pub mod dom;
pub mod download;
pub mod fetch;
pub mod files;
pub mod panic;
pub mod report_worker;
pub mod share;
pub mod storage;
pub mod sw;
