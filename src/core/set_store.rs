//! The user's own criteria sets as the app stores them: one entry per set, keyed by the set's
//! id and version, in a small versioned envelope (like drafts), so that two tabs or pages
//! writing different sets never overwrite each other, and one damaged entry affects only
//! itself.
//!
//! Reading is lenient, as for everything the app itself wrote: a set stored in format 1 is
//! brought up to date, and a set that fails today's validation is still read, with its
//! problems, so it can be repaired, exported or deleted instead of disappearing.

use crate::core::criteria::CriteriaSet;
use crate::core::de::{ReadObject, WriteObject};
use serde::Serialize;

/// Every stored set's key starts with this; the rest is `id@version`.
pub const PREFIX: &str = "tieuchi.set.";
/// The envelope schema this code writes. History: 1 — one entry per set (2026-11; before,
/// every set was in one list under `tieuchi.sets`).
pub const SCHEMA: u32 = 1;
/// What marks an entry as a stored set.
const KIND: &str = "bo-tieu-chi";

#[derive(Serialize, WriteObject)]
struct Out<'a> {
    app: &'a str,
    kind: &'a str,
    writer: u32,
    schema: u32,
    saved_at: &'a str,
    /// The set's name and version beside it, so that a list can name an entry it cannot read
    /// whole (since writer 1).
    name: &'a str,
    version: &'a str,
    set: &'a CriteriaSet,
}

#[derive(ReadObject)]
#[serde(default)]
struct Probe {
    kind: Option<String>,
    writer: Option<crate::core::json::Number>,
    schema: Option<u64>,
}

#[derive(ReadObject)]
struct In {
    saved_at: String,
    set: CriteriaSet,
}

/// One of the user's sets as read from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredSet {
    pub key: String,
    pub set: CriteriaSet,
    /// When it was written (ISO 8601): how a page tells that another one changed it.
    pub saved_at: String,
    /// Why it cannot be used for a new draft now (today's validation), in Vietnamese; empty
    /// when it can.
    pub problems: Vec<String>,
}

impl StoredSet {
    pub fn usable(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The key of a set: its id and version, so that two versions of one set live side by side.
pub fn key(set: &CriteriaSet) -> String {
    format!("{PREFIX}{}@{}", set.id, set.version)
}

/// The stored text of a set.
pub fn write(set: &CriteriaSet, saved_at: &str) -> String {
    crate::core::json::to_string(&out(set, saved_at))
}

fn out<'a>(set: &'a CriteriaSet, saved_at: &'a str) -> Out<'a> {
    Out {
        app: crate::core::store::APP,
        kind: KIND,
        writer: crate::core::writer::WRITER,
        schema: SCHEMA,
        saved_at,
        name: &set.name,
        version: &set.version,
        set,
    }
}

/// Why a stored entry is not a set this code can read. The entry stays where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredError {
    /// Written by a newer version of the app (a writer or a schema above this build's): left
    /// for that version.
    Newer,
    Damaged(String),
}

impl StoredError {
    pub fn message_vi(&self) -> String {
        match self {
            StoredError::Newer => "Bộ tiêu chí do phiên bản mới hơn của ứng dụng lưu, được giữ nguyên; hãy tải lại trang để cập nhật ứng dụng.".into(),
            StoredError::Damaged(why) => format!("Bộ tiêu chí lưu trong trình duyệt bị hỏng ({why}); được giữ nguyên để tải về."),
        }
    }
}

/// Reads a stored set leniently (see the module's note). `key` is where it was found.
pub fn read(key: &str, text: &str) -> Result<StoredSet, StoredError> {
    use crate::core::json::{error_vi, from_str, JsonError};
    let damaged = |e: JsonError| StoredError::Damaged(error_vi(&e));
    let probe: Probe = from_str(text).map_err(damaged)?;
    if probe.kind.as_deref() != Some(KIND) {
        return Err(StoredError::Damaged("không phải bộ tiêu chí".into()));
    }
    let writer = crate::core::writer::read(probe.writer).ok_or(StoredError::Damaged(
        "số hiệu bản ghi (writer) không hợp lệ".into(),
    ))?;
    match probe.schema {
        Some(s) if s > u64::from(SCHEMA) => return Err(StoredError::Newer),
        _ if writer > crate::core::writer::WRITER => return Err(StoredError::Newer),
        Some(s) if s > 0 => {}
        _ => return Err(StoredError::Damaged("thiếu phiên bản định dạng".into())),
    }
    let stored: In = from_str(text).map_err(damaged)?;
    Ok(stored_set(key.into(), stored.set, stored.saved_at))
}

/// A set as the app holds it: format brought up to date, problems listed.
pub fn stored_set(key: String, mut set: CriteriaSet, saved_at: String) -> StoredSet {
    set.upgrade();
    let problems = set.validate().iter().map(|e| e.to_string()).collect();
    StoredSet {
        key,
        set,
        saved_at,
        problems,
    }
}

/// The list every set was stored in before this schema (`tieuchi.sets`), read leniently: the
/// sets to write under their own keys, or `None` when the list is not readable as a whole
/// (then it is kept aside as it is, never dropped).
pub fn read_legacy_list(text: &str) -> Option<Vec<CriteriaSet>> {
    crate::core::json::from_str::<Vec<CriteriaSet>>(text).ok()
}

/// An id for a copy of set `base` that no set in `taken` has. `salt` (the time and a random
/// number, from the browser) keeps two tabs copying the same set at once from choosing the
/// same id.
pub fn copy_id(base: &str, salt: &str, taken: &[&str]) -> String {
    let base = base.split("-ban-sao-").next().unwrap_or(base);
    let mut id = format!("{base}-ban-sao-{salt}");
    while taken.contains(&id.as_str()) {
        id.push('x');
    }
    id
}

#[cfg(test)]
mod tests {
    /// The stored text is what serde_json wrote of it (entries of earlier builds compare equal).
    #[test]
    fn a_stored_set_is_written_as_serde_wrote_it() {
        for set in crate::core::sets::shipped() {
            let out = super::out(&set, "2026-12-02T00:00:00.000Z");
            assert_eq!(
                crate::core::json::to_string(&out),
                serde_json::to_string(&out).unwrap()
            );
        }
    }

    use super::*;
    use crate::core::sets::shipped;

    #[test]
    fn a_written_set_reads_back_with_its_time_and_no_problems() {
        let set = shipped()[1].clone();
        let text = write(&set, "2026-11-30T10:00:00Z");
        let back = read(&key(&set), &text).unwrap();
        assert_eq!(back.set, set);
        assert_eq!(back.saved_at, "2026-11-30T10:00:00Z");
        assert!(back.usable());
        assert_eq!(back.key, "tieuchi.set.lang-son-xa-ntm-2022-2025@2024.1");
    }

    #[test]
    fn an_invalid_set_is_read_with_its_problems_not_refused() {
        let mut set = shipped()[2].clone();
        set.name.clear();
        let back = read("k", &write(&set, "t")).unwrap();
        assert!(!back.usable());
        assert!(back.problems[0].contains("tên"), "{:?}", back.problems);
    }

    #[test]
    fn a_newer_or_damaged_entry_is_named_and_the_reason_is_vietnamese() {
        let set = shipped()[0].clone();
        let newer = write(&set, "t").replace("\"schema\":1", "\"schema\":7");
        assert_eq!(read("k", &newer), Err(StoredError::Newer));
        let newer = write(&set, "t").replace("\"writer\":1", "\"writer\":2");
        assert_eq!(read("k", &newer), Err(StoredError::Newer));
        let cut = write(&set, "t");
        let cut = &cut[..cut.len() / 2];
        let e = read("k", cut).unwrap_err();
        assert!(e
            .message_vi()
            .starts_with("Bộ tiêu chí lưu trong trình duyệt bị hỏng"));
        assert!(!e.message_vi().contains("EOF"), "{}", e.message_vi());
        assert!(matches!(
            read("k", "{\"kind\":\"x\",\"schema\":1}"),
            Err(StoredError::Damaged(_))
        ));
    }

    #[test]
    fn a_format_1_set_in_the_old_list_is_upgraded_when_read() {
        let old = include_str!("../../tests/fixtures/set-format-1.json");
        let list = read_legacy_list(&format!("[{old}]")).unwrap();
        let s = stored_set("k".into(), list[0].clone(), "t".into());
        assert_eq!(s.set.format, crate::core::criteria::FORMAT);
        assert!(s.usable(), "{:?}", s.problems);
        assert!(read_legacy_list("[{\"format\": 2,").is_none());
    }

    #[test]
    fn copies_get_ids_of_their_own() {
        let taken = ["a-ban-sao-x1"];
        assert_eq!(copy_id("a", "x2", &taken), "a-ban-sao-x2");
        assert_eq!(copy_id("a", "x1", &taken), "a-ban-sao-x1x");
        // A copy of a copy does not grow its id.
        assert_eq!(copy_id("a-ban-sao-x1", "y", &taken), "a-ban-sao-y");
    }
}
