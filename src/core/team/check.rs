//! What a part file must be to be read as an import or taken into a draft, and why it is
//! refused otherwise (`PartError`, in Vietnamese). Nothing of a refused file is applied.

use super::{set_fingerprint, PartFile, PartRecord};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, ReportMeta};

/// Why a part file cannot be read, or cannot be taken into this draft. Nothing of such a file
/// is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartError {
    TooLarge(usize),
    NotJson,
    Truncated,
    Encoding,
    NotOurs,
    IsCriteriaSet,
    /// A draft file (our mark, no part kind) offered as a part.
    IsDraft,
    /// Written by a newer build (its part schema or writer number is larger than ours).
    Newer,
    Damaged(String),
    BadSet(String),
    /// Changed outside the app: what it says of itself does not hold together, or does not
    /// match what the draft handed out.
    Tampered(String),
    /// Of another commune than the open draft's (names: the part's, the draft's).
    OtherCommune {
        part: String,
        draft: String,
    },
    /// Of another draft of the same commune (the part's period).
    OtherDraft {
        part: String,
    },
    /// Handed out under another set or set version than the draft's now (names, versions).
    OtherSet {
        part: String,
        draft: String,
    },
    /// The same set id and version, but another content (thresholds, wordings).
    SetChanged,
    /// The draft does not list this part (withdrawn, or handed out from a copy of the draft).
    NotHandedOut,
}

impl PartError {
    pub fn message_vi(&self) -> String {
        match self {
            PartError::TooLarge(n) => format!("Tệp quá lớn ({} KB); tệp phần việc hợp lệ không vượt quá 5 MB.", n / 1000),
            PartError::NotJson => "Tệp không phải là tệp phần việc (không đúng định dạng JSON).".into(),
            PartError::Truncated => "Tệp bị cắt cụt hoặc chưa tải xong. Hãy nhờ người gửi gửi lại tệp.".into(),
            PartError::Encoding => "Tệp bị lỗi mã hóa ký tự (không phải UTF-8), tiếng Việt sẽ bị sai. Hãy xuất lại tệp từ ứng dụng.".into(),
            PartError::NotOurs => "Tệp JSON này không phải phần việc của ứng dụng đánh giá tiêu chí nông thôn mới.".into(),
            PartError::IsCriteriaSet => "Đây là tệp bộ tiêu chí, không phải phần việc: hãy nhập ở mục “Bộ tiêu chí”.".into(),
            PartError::IsDraft => "Đây là tệp bản nháp, không phải phần việc: hãy mở ở mục “Bản nháp”.".into(),
            PartError::Newer => "Tệp phần việc được tạo bởi phiên bản ứng dụng mới hơn. Hãy tải lại trang để cập nhật ứng dụng rồi mở lại tệp.".into(),
            PartError::Damaged(d) => format!("Tệp phần việc bị hỏng: {d}."),
            PartError::BadSet(d) => format!("Bộ tiêu chí trong tệp phần việc không hợp lệ: {d}."),
            PartError::Tampered(d) => format!("Tệp phần việc đã bị sửa ngoài ứng dụng nên không gộp được: {d}. Hãy nhờ người làm xuất lại tệp từ ứng dụng."),
            PartError::OtherCommune { part, draft } => format!("Phần việc này của {part}, không phải của {draft} (bản nháp đang mở)."),
            PartError::OtherDraft { part } => format!("Phần việc này được giao từ một bản nháp khác của xã ({part}), không phải bản nháp đang mở. Hãy mở bản nháp đó để gộp, hoặc mở phần việc thành bản nháp riêng."),
            PartError::OtherSet { part, draft } => format!("Phần việc được giao theo bộ tiêu chí {part}, nay bản nháp dùng {draft}: không gộp tự động được. Hãy đối chiếu và nhập lại số liệu, hoặc mở phần việc thành bản nháp riêng để xem."),
            PartError::SetChanged => "Bộ tiêu chí của bản nháp đã được sửa (ngưỡng hoặc nội dung) từ khi giao phần việc: không gộp tự động được. Hãy mở phần việc thành bản nháp riêng để đối chiếu.".into(),
            PartError::NotHandedOut => "Bản nháp đang mở không có phần việc này trong danh sách đã giao (có thể đã hủy). Có thể mở phần việc thành bản nháp riêng để xem.".into(),
        }
    }
}

/// What a part file says of itself holds together; else what does not, in Vietnamese.
pub(super) fn consistent(part: &PartFile) -> Result<(), String> {
    if part.set_id != part.set.id || part.set_version != part.set.version {
        return Err("bộ tiêu chí trong tệp không phải bộ tiêu chí tệp ghi".into());
    }
    if set_fingerprint(&part.set) != part.set_fingerprint {
        return Err("bộ tiêu chí trong tệp khác với bộ tiêu chí đã giao".into());
    }
    if part.who.trim().is_empty() {
        return Err("thiếu tên người được giao".into());
    }
    if part.codes.is_empty() {
        return Err("phần việc không có chỉ tiêu nào".into());
    }
    let known = super::handout::entry_codes(&part.set);
    for (i, code) in part.codes.iter().enumerate() {
        if !known.contains(code) {
            return Err(format!("chỉ tiêu “{code}” không có trong bộ tiêu chí"));
        }
        if part.codes[..i].contains(code) {
            return Err(format!("chỉ tiêu “{code}” được ghi hai lần"));
        }
    }
    let maps = [
        part.entries.keys().collect::<Vec<_>>(),
        part.base.keys().collect(),
        part.thresholds.keys().collect(),
    ];
    if let Some(outside) = maps.iter().flatten().find(|k| !part.codes.contains(k)) {
        return Err(format!(
            "có số liệu của chỉ tiêu “{outside}” không thuộc phần việc"
        ));
    }
    Ok(())
}

/// Whether a part belongs to this draft as it was handed out: the same draft (else another
/// commune's, or another draft's), the same set and content, listed among the parts handed
/// out, with the same person, codes, date and base. Gives the draft's record of it.
pub(super) fn check<'a>(
    draft: &'a Draft,
    set: &CriteriaSet,
    part: &PartFile,
) -> Result<&'a PartRecord, PartError> {
    use crate::core::vn::fold;
    consistent(part).map_err(PartError::Tampered)?;
    if part.draft_id != draft.id {
        let place = |m: &ReportMeta| {
            let province = match m.province.trim() {
                "" => String::new(),
                p => format!(", tỉnh {p}"),
            };
            format!("xã {}{province}", m.commune.trim())
        };
        let same = |a: &str, b: &str| fold(a.trim()) == fold(b.trim());
        if !same(&part.meta.commune, &draft.meta.commune)
            || !same(&part.meta.province, &draft.meta.province)
        {
            return Err(PartError::OtherCommune {
                part: place(&part.meta),
                draft: place(&draft.meta),
            });
        }
        return Err(PartError::OtherDraft {
            part: part.meta.period_text(),
        });
    }
    if part.set_id != set.id || part.set_version != set.version {
        let named = |name: &str, version: &str| format!("“{name}” (phiên bản {version})");
        return Err(PartError::OtherSet {
            part: named(&part.set.name, &part.set_version),
            draft: named(&set.name, &set.version),
        });
    }
    // The part's set is its fingerprint's (checked above): the draft's, if equal, is too.
    if part.set != *set && part.set_fingerprint != set_fingerprint(set) {
        return Err(PartError::SetChanged);
    }
    let record = draft
        .parts
        .iter()
        .find(|r| r.id == part.id)
        .ok_or(PartError::NotHandedOut)?;
    let tampered = |what: &str| Err(PartError::Tampered(what.into()));
    if record.who != part.who || record.due != part.due || record.issued_at != part.issued_at {
        return tampered("người được giao, hạn hoặc ngày giao khác với khi giao");
    }
    if record.codes != part.codes {
        return tampered("các chỉ tiêu của phần việc khác với khi giao");
    }
    if !super::same_map(&record.base, &part.base, &record.codes) {
        return tampered("số liệu ban đầu khác với số liệu đã giao");
    }
    Ok(record)
}
