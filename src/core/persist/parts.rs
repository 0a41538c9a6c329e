//! Parts in work (#28): a part file received on this device and being filled, stored as its
//! own kind of entry, one key per part (`tieuchi.part.<draft id>.<part id>`). The entry is the
//! part file itself: our mark, `kind: "phan-viec"`, `writer` and `schema` (the part format's)
//! and `saved_at`, `commune`, `period` at the top, which `Head` reads from any entry.

use super::{Fate, Head, Kept, Kv, Label, SaveError, WRITER};
use crate::core::team::{read_part_stored, PartError, PartFile, PART_SCHEMA};

/// Every part in work is stored under this prefix, its draft's id and its own.
pub const PART_PREFIX: &str = "tieuchi.part.";

/// Where the editor hands a returned part's text to the merge page (`gop-phan-viec/`), one
/// key per part, removed once it is merged or dismissed.
pub const MERGE_PREFIX: &str = "tieuchi.gop.";

/// Where the editor hands a part file picked to the parts page (`phan-viec/`), which reads
/// it strictly and removes the key once taken.
pub const RECEIVED_KEY: &str = "tieuchi.phan-viec-nhan";

pub fn merge_key(part_id: &str) -> String {
    format!("{MERGE_PREFIX}{part_id}")
}

/// Where a part in work is stored.
pub fn part_key(part: &PartFile) -> String {
    format!("{PART_PREFIX}{}.{}", part.draft_id, part.id)
}

impl Label {
    /// "Phần việc — Xã Liên Sơn", "6 tháng đầu năm 2024".
    fn part(h: &Head) -> Label {
        let what = match h.commune.trim() {
            "" => "Phần việc".to_string(),
            c => format!("Phần việc — Xã {c}"),
        };
        Label {
            what,
            detail: h.period.clone(),
            saved_at: h.saved_at.clone(),
        }
    }
}

/// What a stored part entry is, found under `key`.
pub fn classify_part(key: &str, text: &str) -> Fate<PartFile> {
    let head = Head::read(text);
    if head.newer_than(WRITER, PART_SCHEMA) {
        return Fate::Newer(Label::part(&head));
    }
    match read_part_stored(text) {
        Ok(part) if part_key(&part) == key => Fate::Readable(part),
        Ok(part) => Fate::Damaged {
            reason: format!("lưu sai chỗ (mã phần việc “{}” khác chỗ lưu)", part.id),
            label: Label::part(&head),
        },
        Err(PartError::Newer) => Fate::Newer(Label::part(&head)),
        Err(PartError::Damaged(d)) => Fate::Damaged {
            reason: d,
            label: Label::part(&head),
        },
        Err(e) => Fate::Damaged {
            reason: e.message_vi(),
            label: Label::part(&head),
        },
    }
}

/// Writes a part in work under its key, never over a newer build's entry; returns the text
/// written.
pub fn save_part(kv: &mut impl Kv, part: &PartFile) -> Result<String, SaveError> {
    let key = part_key(part);
    if let Some(t) = kv.get(&key) {
        if Head::read(&t).newer_than(WRITER, PART_SCHEMA) {
            return Err(SaveError::Newer);
        }
    }
    let text = part.to_json();
    kv.set(&key, &text)?;
    Ok(text)
}

/// Every stored part in work this build reads (newest first), and every part entry it keeps
/// without using, in place (a newer version's, or unreadable). Reads only.
pub fn list_parts(kv: &impl Kv) -> (Vec<PartFile>, Vec<Kept>) {
    let mut parts = Vec::new();
    let mut unused = Vec::new();
    for key in kv.keys() {
        if !key.starts_with(PART_PREFIX) {
            continue;
        }
        let Some(text) = kv.get(&key) else { continue };
        let (label, reason, newer) = match classify_part(&key, &text) {
            Fate::Readable(p) => {
                parts.push(p);
                continue;
            }
            Fate::Newer(label) => {
                let reason = format!("{} ({}) do phiên bản mới hơn của ứng dụng lưu, được giữ nguyên; hãy tải lại trang để cập nhật ứng dụng.", label.what, label.detail);
                (label, reason, true)
            }
            Fate::Damaged { reason, label } => {
                let reason = format!(
                    "{} ({}) lưu trong trình duyệt bị hỏng ({reason}); được giữ nguyên để tải về.",
                    label.what, label.detail
                );
                (label, reason, false)
            }
        };
        unused.push(Kept {
            key,
            label,
            reason,
            size: text.len(),
            newer,
        });
    }
    super::list::by_saved_at(&mut parts, |p| &p.saved_at, true);
    (parts, unused)
}
