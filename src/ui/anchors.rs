//! The DOM ids the editor's places are found by: a criterion's card, an indicator's row. The
//! summary jumps to them; the assessment gives them.

/// DOM id of an indicator's row: "ind-17-8".
pub fn indicator(code: &str) -> String {
    format!("ind-{}", code.replace('.', "-"))
}

/// DOM id of a criterion's card: "crit-7".
pub fn criterion(n: u8) -> String {
    format!("crit-{n}")
}
