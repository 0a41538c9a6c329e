//! Handing parts out ("Giao phần việc") and the draft's list of them.

use super::check::check;
use super::{valid_id, PartError, PartFile, PartRecord, PartState};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
use crate::core::vn::Date;

/// What the compiler asks for: who, which entries, by when.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Request {
    /// Free text: "Công chức Văn hóa - Xã hội", "Trưởng Công an xã".
    pub who: String,
    /// Indicator codes ("17.8") and criterion numbers ("5": all of its indicators, or the
    /// criterion itself when it is judged as a whole), in any order; repeats are ignored.
    pub picks: Vec<String>,
    pub due: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandOutError {
    NoWho,
    NoCodes,
    /// A pick that is neither an indicator code nor a criterion number of the set.
    UnknownCode(String),
    /// The part's id is not one the app writes, or is already in the draft's list.
    BadId,
    /// The set given is not the one the draft is scored with.
    OtherSet,
}

impl HandOutError {
    pub fn message_vi(&self) -> String {
        match self {
            HandOutError::NoWho => {
                "Hãy ghi người được giao phần việc (ví dụ: Công chức Văn hóa - Xã hội).".into()
            }
            HandOutError::NoCodes => "Hãy chọn ít nhất một tiêu chí hoặc chỉ tiêu để giao.".into(),
            HandOutError::UnknownCode(c) => {
                format!("Bộ tiêu chí của bản nháp không có tiêu chí hay chỉ tiêu “{c}”.")
            }
            HandOutError::BadId => "Mã phần việc không hợp lệ hoặc đã dùng; hãy thử lại.".into(),
            HandOutError::OtherSet => {
                "Bộ tiêu chí không phải bộ bản nháp đang dùng; hãy mở lại bản nháp rồi giao.".into()
            }
        }
    }
}

/// The entries of a criterion: its indicators' codes, or its own number when the set lists no
/// indicators (the criterion is judged as a whole). Empty for a number the set does not have.
pub fn codes_of(set: &CriteriaSet, number: u8) -> Vec<String> {
    match set.criteria.iter().find(|c| c.number == number) {
        Some(c) if c.indicators.is_empty() => vec![c.number.to_string()],
        Some(c) => c.indicators.iter().map(|i| i.code.clone()).collect(),
        None => Vec::new(),
    }
}

/// Every entry code of a set, in its order: what a part may cover.
pub fn entry_codes(set: &CriteriaSet) -> Vec<String> {
    set.criteria
        .iter()
        .flat_map(|c| codes_of(set, c.number))
        .collect()
}

/// The entries picks cover, in the set's order, each once: an indicator code is itself, a
/// criterion number is all its entries.
pub fn resolve_codes(set: &CriteriaSet, picks: &[String]) -> Result<Vec<String>, HandOutError> {
    let mut chosen: Vec<String> = Vec::new();
    for pick in picks {
        let pick = pick.trim();
        let codes = if set.indicator(pick).is_some() {
            vec![pick.to_string()]
        } else {
            pick.parse::<u8>()
                .map(|n| codes_of(set, n))
                .unwrap_or_default()
        };
        if codes.is_empty() {
            return Err(HandOutError::UnknownCode(pick.to_string()));
        }
        chosen.extend(codes);
    }
    let order = entry_codes(set);
    Ok(order.into_iter().filter(|c| chosen.contains(c)).collect())
}

/// Hands a part out: the draft with the part in its list (state "out") and the file to send.
/// The part's base is the draft's entries of its codes now. `id` is the part's id (fresh,
/// like a draft's), `at` the time, ISO 8601. Several parts may be out at once, even over the
/// same indicators: their merges then meet as conflicts where both changed a figure.
pub fn hand_out(
    draft: &Draft,
    set: &CriteriaSet,
    request: Request,
    id: String,
    at: &str,
) -> Result<(Draft, PartFile), HandOutError> {
    if draft
        .set
        .as_ref()
        .is_some_and(|s| s.id != set.id || s.version != set.version)
    {
        return Err(HandOutError::OtherSet);
    }
    let who = request.who.trim();
    if who.is_empty() {
        return Err(HandOutError::NoWho);
    }
    if !valid_id(&id) || draft.parts.iter().any(|p| p.id == id) {
        return Err(HandOutError::BadId);
    }
    let codes = resolve_codes(set, &request.picks)?;
    if codes.is_empty() {
        return Err(HandOutError::NoCodes);
    }
    let record = PartRecord {
        id,
        who: who.to_string(),
        base: super::file::held(&draft.entries, &codes),
        codes,
        due: request.due,
        issued_at: at.to_string(),
        ..PartRecord::default()
    };
    let file = PartFile::new(draft, set, &record, at);
    let mut next = draft.clone();
    next.parts.push(record);
    Ok((next, file))
}

/// The draft with a part marked as come back (its file read and checked, not merged): "out"
/// becomes "returned"; a merged part that brings something new since is "returned" again.
/// Refused, with the reason, when the part does not belong to this draft as handed out.
pub fn mark_returned(
    draft: &Draft,
    set: &CriteriaSet,
    part: &PartFile,
) -> Result<Draft, PartError> {
    let record = check(draft, set, part)?;
    let new_since_merge = !super::same_map(record.merge_base(), &part.entries, &record.codes);
    let returned = match record.state {
        PartState::Out | PartState::Returned => true,
        PartState::Merged => new_since_merge,
    };
    let mut next = draft.clone();
    if returned {
        if let Some(r) = next.parts.iter_mut().find(|r| r.id == part.id) {
            r.state = PartState::Returned;
            r.returned_at.clone_from(&part.saved_at);
        }
    }
    Ok(next)
}

/// The draft without a part in its list ("Hủy phần việc"): its file, if it comes back, is
/// then refused as not handed out (it can still be opened as a draft of its own).
pub fn withdraw(draft: &Draft, id: &str) -> Draft {
    let mut next = draft.clone();
    next.parts.retain(|p| p.id != id);
    next
}
