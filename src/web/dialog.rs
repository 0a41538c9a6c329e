//! The browser's own dialogs. A dialog that cannot be shown (blocked, no window) answers "no".

/// Asks a yes/no question; `false` when the dialog cannot be shown.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Asks for a line of text with a default; `None` when cancelled or impossible.
pub fn prompt(question: &str, default: &str) -> Option<String> {
    web_sys::window().and_then(|w| {
        w.prompt_with_message_and_default(question, default)
            .ok()
            .flatten()
    })
}
