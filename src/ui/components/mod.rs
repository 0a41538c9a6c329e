//! Components: each gets data and callbacks through props, and owns no app state.

pub mod ack;
pub mod assess;
pub mod badge;
pub mod drafts;
pub mod field;
pub mod indicator;
pub mod narrative;
pub mod report_view;
pub mod setup;
pub mod summary;
