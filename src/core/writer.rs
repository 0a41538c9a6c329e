//! The number of this build's way of writing what it stores, written as `writer` in every stored
//! entry and every file it makes (draft envelopes, stored sets, part files, the province's list
//! of communes). It grows with every change of what is stored, additive ones included (see
//! ARCHITECTURE.md, "A new field"), so an older build can tell an entry it would lose something
//! of, and leaves it alone (`core::persist`).
//!
//! History: 0 — no writer field (until 2026-11). 1 — the writer itself; the set's name beside a
//! draft; a stored set's name and version at its top level; acknowledgements naming what they
//! were given for, the previous period's entries and entries kept from it; who entered each entry
//! and when; the parts handed out and part files; the province's list of communes; criteria-set
//! format 3 (2026-12).
pub const WRITER: u32 = 1;

/// The writer an entry or file says it was made by: 0 when it says none (before writers were
/// counted); `None` when it is no whole number that fits in 32 bits, which the readers call
/// damage, never "newer".
pub fn read(writer: Option<crate::core::json::Number>) -> Option<u32> {
    match writer {
        None => Some(0),
        Some(w) => w.as_u64().and_then(|w| u32::try_from(w).ok()),
    }
}
