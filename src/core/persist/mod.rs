//! The fate of every stored byte, decided in one place. The browser's storage is a map of
//! text by key (`Kv`); the pages only get, set, list and remove through it, and ask this
//! module what an entry is, whether a write may go ahead, and where an unreadable entry is set
//! aside.
//!
//! The rules:
//! - Every entry this build writes carries `WRITER`. An entry of a higher writer (or schema) was
//!   written by a newer build: it is never moved, never overwritten and never called damaged;
//!   it is listed as made by a newer version and offered as it is.
//! - An entry without a writer is from a build before writers were counted (writer 0) and is
//!   read with the migrations.
//! - A write over the open draft happens only over the text this page last read or wrote
//!   (`Over::Base`); anything else stored there meanwhile is another page's, and the verdict
//!   (`Elsewhere`) says what it means.
//! - An unreadable draft entry is set aside by the editor at start-up only (`list::start_up`),
//!   under a key named by its content, so setting the same bytes aside twice makes one copy
//!   and nothing is ever overwritten. Every other page only lists.

mod head;
mod list;
mod parts;

pub use head::Head;
pub use list::{added_from_storage_vi, download_name, list_drafts, list_sets, start_up, StartUp};
pub use parts::{
    classify_part, list_parts, merge_key, part_key, save_part, MERGE_PREFIX, PART_PREFIX,
    RECEIVED_KEY,
};

use crate::core::criteria::CriteriaSet;
use crate::core::set_store::{self, StoredSet};
use crate::core::store::{self, Envelope, ReadError};

pub use crate::core::writer::WRITER;

/// Every draft is stored under this prefix and its id.
pub const DRAFT_PREFIX: &str = "tieuchi.draft.";
/// Entries set aside (never overwritten): `ban-nhap-<hash>-<length>` for a draft,
/// `bo-tieu-chi-…` for the first releases' list of sets, `<draft id>` as earlier builds named
/// them.
pub const ASIDE_PREFIX: &str = "tieuchi.corrupt.";
/// Where the first releases kept every user set in one list.
pub const SETS_LIST_KEY: &str = "tieuchi.sets";

/// The browser's storage as this module sees it: text by key.
pub trait Kv {
    fn get(&self, key: &str) -> Option<String>;
    fn keys(&self) -> Vec<String>;
    /// All or nothing: on failure the previous value is untouched.
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&mut self, key: &str);
}

/// A storage in memory, for tests and benchmarks: a sorted map, and a quota in bytes (of keys
/// and values) past which a write fails as a full browser storage does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mem {
    pub map: std::collections::BTreeMap<String, String>,
    pub quota: Option<usize>,
}

impl Mem {
    fn used_without(&self, key: &str) -> usize {
        self.map
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Kv for Mem {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }
    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(q) = self.quota {
            if self.used_without(key) + key.len() + value.len() > q {
                return Err(SaveError::Quota);
            }
        }
        self.map.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
}

/// Why a write did not happen, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    Quota,
    Unavailable,
    /// A newer build stored the entry: this one never writes over it.
    Newer,
    Other(String),
}

impl SaveError {
    pub fn message_vi(&self) -> String {
        match self {
            SaveError::Quota => "Bộ nhớ trình duyệt đã đầy. Bản đã lưu trước đó vẫn còn nguyên; hãy xuất tệp để sao lưu, rồi xóa bớt bản nháp cũ.".into(),
            SaveError::Unavailable => "Trình duyệt đang chặn lưu trữ (cửa sổ ẩn danh hoặc đã tắt lưu dữ liệu trang web). Dữ liệu chỉ nằm trong trang này; hãy xuất tệp để không mất.".into(),
            SaveError::Newer => "Phiên bản mới hơn của ứng dụng đã lưu mục này (ở một thẻ khác); trang này không ghi đè lên. Hãy tải lại trang để cập nhật ứng dụng.".into(),
            SaveError::Other(e) => format!("Không lưu được ({e}). Bản đã lưu trước đó vẫn còn nguyên; hãy xuất tệp để sao lưu."),
        }
    }
}

/// What a person knows an entry by: "Xã Liên Sơn — 6 tháng đầu năm 2024", its set, when it
/// was saved (ISO 8601, shown in local time by the page). Empty parts were not readable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Label {
    pub what: String,
    pub detail: String,
    pub saved_at: String,
}

impl Label {
    fn draft(h: &Head) -> Label {
        let what = match (h.commune.trim(), h.period.trim()) {
            ("", "") => "Bản nháp (không rõ tên xã)".to_string(),
            ("", period) => format!("Bản nháp (chưa nhập tên xã) — {period}"),
            (commune, "") => format!("Xã {commune}"),
            (commune, period) => format!("Xã {commune} — {period}"),
        };
        let detail = match (h.set_name.trim(), h.set_id.trim()) {
            ("", "") => String::new(),
            ("", id) => format!("bộ tiêu chí {id} {}", h.set_version.trim()),
            (name, _) => name.to_string(),
        };
        Label {
            what,
            detail: detail.trim_end().to_string(),
            saved_at: h.saved_at.clone(),
        }
    }

    /// A stored set: its name, else what its key says (`id@version`).
    fn set(h: &Head, key: &str) -> Label {
        let (id, version) = key
            .strip_prefix(set_store::PREFIX)
            .and_then(|rest| rest.split_once('@'))
            .unwrap_or(("", ""));
        let what = match h.name.trim() {
            "" => format!("Bộ tiêu chí {id}"),
            name => format!("Bộ tiêu chí “{name}”"),
        };
        let version = if h.version.trim().is_empty() {
            version
        } else {
            h.version.trim()
        };
        Label {
            what,
            detail: format!("phiên bản {version}"),
            saved_at: h.saved_at.clone(),
        }
    }
}

/// A stored entry this build does not use, kept as it is: made by a newer version (in place),
/// or unreadable (in place until the editor's start-up, then set aside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// Where it is now.
    pub key: String,
    pub label: Label,
    /// Why it is not used, in Vietnamese: a newer version wrote it, or what is damaged.
    pub reason: String,
    /// Its length in bytes (of its UTF-8 text).
    pub size: usize,
    pub newer: bool,
}

/// What a stored entry is to this build.
#[derive(Clone, Debug, PartialEq)]
pub enum Fate<T> {
    Readable(T),
    /// Written by a newer build: never moved, overwritten or called damaged.
    Newer(Label),
    /// Not readable; `reason` is the true one, in Vietnamese.
    Damaged {
        reason: String,
        label: Label,
    },
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// What `reason` of a damaged draft says: the reader's finding in words about stored data.
fn damage_vi(e: &ReadError) -> String {
    match e {
        ReadError::TooLarge(n) => format!("quá lớn ({} KB)", n / 1000),
        ReadError::NotJson => "không phải dữ liệu JSON".into(),
        ReadError::Truncated => "bị cắt cụt".into(),
        ReadError::NotOurs => "không phải bản nháp của ứng dụng này".into(),
        ReadError::IsCriteriaSet => "là một bộ tiêu chí, không phải bản nháp".into(),
        ReadError::Encoding => "lỗi mã hóa ký tự".into(),
        ReadError::Newer => "do phiên bản mới hơn của ứng dụng tạo".into(),
        ReadError::Damaged(d) | ReadError::BadSet(d) => d.clone(),
    }
}

/// What a stored draft entry is, found under `key`.
pub fn classify_draft(key: &str, text: &str) -> Fate<Envelope> {
    let head = Head::read(text);
    if head.newer_than(WRITER, store::SCHEMA) {
        return Fate::Newer(Label::draft(&head));
    }
    match store::read_stored(text) {
        Ok(env) if draft_key(&env.draft.id) == key => Fate::Readable(env),
        Ok(env) => Fate::Damaged {
            reason: format!("lưu sai chỗ (mã bản nháp “{}” khác chỗ lưu)", env.draft.id),
            label: Label::draft(&head),
        },
        Err(ReadError::Newer) => Fate::Newer(Label::draft(&head)),
        Err(e) => Fate::Damaged {
            reason: damage_vi(&e),
            label: Label::draft(&head),
        },
    }
}

/// What a stored set entry is, found under `key`.
pub fn classify_set(key: &str, text: &str) -> Fate<StoredSet> {
    let head = Head::read(text);
    match set_store::read(key, text) {
        Ok(s) => Fate::Readable(s),
        Err(set_store::StoredError::Newer) => Fate::Newer(Label::set(&head, key)),
        Err(set_store::StoredError::Damaged(reason)) => Fate::Damaged {
            reason,
            label: Label::set(&head, key),
        },
    }
}

/// What is stored under the open draft's key, compared with what this page last read or wrote
/// there (`base`).
#[derive(Clone, Debug, PartialEq)]
pub enum Elsewhere {
    /// The same (or nothing, where nothing was): this page may write.
    Nothing,
    /// Another page saved a version this build reads (`stored` is its text): the user chooses
    /// which to keep.
    Conflict { env: Box<Envelope>, stored: String },
    /// Another page deleted it: nothing is written back unless the user chooses.
    Deleted,
    /// A newer build saved it: this page never writes over it.
    Newer,
    /// Something unreadable replaced it: never written over (the editor's next start sets it
    /// aside).
    Unreadable,
}

/// The verdict on what is stored under `key` now (`stored`), for a page whose copy is based
/// on `base`. The same decision serves another tab's write (a `storage` event) and the check
/// before each save, so a save never depends on an event having arrived.
pub fn elsewhere(key: &str, stored: Option<&str>, base: Option<&str>) -> Elsewhere {
    let Some(text) = stored else {
        return match base {
            Some(_) => Elsewhere::Deleted,
            None => Elsewhere::Nothing,
        };
    };
    // First, whatever the base: a newer build's entry is never written over.
    if Head::read(text).newer_than(WRITER, store::SCHEMA) {
        return Elsewhere::Newer;
    }
    if base == Some(text) {
        return Elsewhere::Nothing;
    }
    match classify_draft(key, text) {
        Fate::Readable(env) => Elsewhere::Conflict {
            env: Box::new(env),
            stored: text.to_string(),
        },
        Fate::Newer(_) => Elsewhere::Newer,
        Fate::Damaged { .. } => Elsewhere::Unreadable,
    }
}

/// Over what a draft may be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over<'a> {
    /// Only over exactly this text (`None`: only where nothing is stored): the open draft.
    Base(Option<&'a str>),
    /// Over anything but a newer build's entry: what the user chose to replace (an import, a
    /// draft moved to another version of its set).
    AnyButNewer,
}

/// Why a draft was not written.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Something else is stored there (never `Elsewhere::Nothing`).
    Elsewhere(Elsewhere),
    Failed(SaveError),
}

/// Writes a draft under its key if `over` allows; returns the text written.
pub fn save_draft(kv: &mut impl Kv, env: &Envelope, over: Over) -> Result<String, Refused> {
    let key = draft_key(&env.draft.id);
    let stored = kv.get(&key);
    let verdict = match over {
        Over::Base(base) => elsewhere(&key, stored.as_deref(), base),
        Over::AnyButNewer => match stored {
            Some(t) if Head::read(&t).newer_than(WRITER, store::SCHEMA) => Elsewhere::Newer,
            _ => Elsewhere::Nothing,
        },
    };
    if verdict != Elsewhere::Nothing {
        return Err(Refused::Elsewhere(verdict));
    }
    let text = env.to_json();
    kv.set(&key, &text).map_err(Refused::Failed)?;
    Ok(text)
}

/// Writes one set under its key, never over a newer build's entry; returns the text written.
pub fn save_set(kv: &mut impl Kv, set: &CriteriaSet, saved_at: &str) -> Result<String, SaveError> {
    let key = set_store::key(set);
    if let Some(t) = kv.get(&key) {
        if Head::read(&t).newer_than(WRITER, set_store::SCHEMA) {
            return Err(SaveError::Newer);
        }
    }
    let text = set_store::write(set, saved_at);
    kv.set(&key, &text)?;
    Ok(text)
}

/// Saves a set edited from the entry under `from` (its key when the editor opened): under the
/// set's own key, then, when that is another key (its version changed), the entry it came from
/// is removed, unless a newer build has written it since, which stays where it is.
pub fn save_set_from(
    kv: &mut impl Kv,
    set: &CriteriaSet,
    saved_at: &str,
    from: &str,
) -> Result<String, SaveError> {
    let text = save_set(kv, set, saved_at)?;
    if from != set_store::key(set) {
        let newer = kv
            .get(from)
            .is_some_and(|t| Head::read(&t).newer_than(WRITER, set_store::SCHEMA));
        if !newer {
            kv.remove(from);
        }
    }
    Ok(text)
}

/// Why a set was not saved, said of the set: a newer version of the app stored it since the
/// editor opened (the working copy stays on the page, to be exported), or the storage's reason.
pub fn set_save_failure_vi(e: &SaveError) -> String {
    match e {
        SaveError::Newer => "Bộ tiêu chí này vừa được phiên bản mới hơn của ứng dụng lưu (ở một thẻ khác); trang này không ghi đè lên. Các thay đổi vẫn còn trên trang: hãy “Xuất bảng chỉ tiêu (.csv)” để giữ lại, tải lại trang để cập nhật ứng dụng, rồi dán lại bảng.".into(),
        other => other.message_vi(),
    }
}

/// What an entry set aside was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsideKind {
    Draft,
    /// The first releases' list of sets (`tieuchi.sets`).
    SetList,
}

const ASIDE_DRAFT: &str = "ban-nhap-";
const ASIDE_SETS: &str = "bo-tieu-chi-";

/// 64-bit FNV-1a: a content name that needs no crate and no table.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The `n`-th place an entry of `text` may be set aside: named by a hash of its bytes and
/// their length; `n > 0` only when another text holds the place already (a hash collision, or
/// an earlier build's entry of that name).
pub fn aside_key(kind: AsideKind, text: &str, n: u32) -> String {
    let what = match kind {
        AsideKind::Draft => ASIDE_DRAFT,
        AsideKind::SetList => ASIDE_SETS,
    };
    let base = format!(
        "{ASIDE_PREFIX}{what}{:016x}-{}",
        fnv1a(text.as_bytes()),
        text.len()
    );
    match n {
        0 => base,
        n => format!("{base}.{n}"),
    }
}

/// Sets `text` (found under `from`) aside, then removes `from`. Idempotent: where the same
/// bytes are aside already, only `from` goes. Nothing is overwritten: a place holding other
/// bytes is passed over. Returns whether it was done (a full storage leaves `from` in place).
pub fn set_aside(kv: &mut impl Kv, from: &str, text: &str, kind: AsideKind) -> bool {
    for n in 0..1000 {
        let to = aside_key(kind, text, n);
        match kv.get(&to) {
            Some(there) if there == text => {}
            Some(_) => continue,
            None => {
                if kv.set(&to, text).is_err() {
                    return false;
                }
            }
        }
        kv.remove(from);
        return true;
    }
    false
}

#[cfg(test)]
mod tests;
