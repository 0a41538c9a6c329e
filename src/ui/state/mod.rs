//! The editor's state, by concern, each with its own reducer: the `Library` (what is stored
//! and offered), the `Document` (the open draft and its saving) and the `Shell` (the page
//! around them). Every change of the editor's state is one of their `reduce`s; effects
//! (storage, files, the clock) happen around them, in `ui::editor`, and come in as actions.

mod document;
mod library;
mod shell;

pub use document::{Base, Doc, DocAction, Document, Paused, Pending, SaveStatus};
pub use library::{Choice, Library, LibraryAction};
pub use shell::{Shell, ShellAction, Tab};
