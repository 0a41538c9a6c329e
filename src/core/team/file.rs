//! The part file: what a team member needs to do their part, and what comes back. Written by
//! `PartFile::to_json`, read strictly by `read_part` (an import), or as the app stored it by
//! `read_part_stored`. The format is described in `FORMAT.md` beside this file.

use super::check::{consistent, PartError};
use super::{scope, set_fingerprint, valid_id, PartRecord, KIND, PART_SCHEMA, WRITER};
use crate::core::criteria::CriteriaSet;
use crate::core::de::{ReadObject, WriteObject};
use crate::core::draft::{Draft, Entry, ReportMeta, SetRef, UserThreshold};
use crate::core::json::{from_str, Number};
use crate::core::store::{Envelope, APP, MAX_IMPORT_BYTES};
use crate::core::vecmap::VecMap;
use crate::core::vn::{slug, Date};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize, ReadObject, WriteObject)]
pub struct PartFile {
    pub app: String,
    /// `team::KIND`: "phan-viec".
    pub kind: String,
    /// `team::PART_SCHEMA` of the build that wrote it.
    pub schema: u32,
    /// `team::WRITER` of the build that wrote it.
    pub writer: u32,
    pub app_version: String,
    /// When the file was written, ISO 8601: handed out, or exported filled.
    pub saved_at: String,
    /// Copied from the draft so the file is readable at a glance.
    pub commune: String,
    pub period: String,
    /// The draft it belongs to.
    pub draft_id: String,
    #[serde(default)]
    pub draft_name: String,
    /// The draft's report metadata when handed out: its identity (commune, province, period,
    /// year, issuer) and what scoring needs (threshold column, rule).
    pub meta: ReportMeta,
    pub set_id: String,
    pub set_version: String,
    /// `team::set_fingerprint` of `set`.
    pub set_fingerprint: String,
    /// The part: its id in the draft's list, who does it, what, by when, since when.
    pub id: String,
    pub who: String,
    pub codes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    pub issued_at: String,
    /// The draft's own thresholds for the part's indicators (where the set has none), so the
    /// part scores as the draft does; the part does not change them.
    #[serde(default)]
    pub thresholds: VecMap<String, UserThreshold>,
    /// The part's entries as handed out: the starting point and the base of the merge.
    pub base: VecMap<String, Entry>,
    /// The part's entries as filled (equal to `base` when handed out), each with who and when.
    pub entries: VecMap<String, Entry>,
    /// The criteria set, whole, as the draft is scored with it.
    pub set: CriteriaSet,
}

impl PartFile {
    /// The file of a part of a draft (its entries are the base): what `hand_out` writes, and
    /// a part still out written again from the draft's record when its file was lost.
    pub fn new(draft: &Draft, set: &CriteriaSet, record: &PartRecord, saved_at: &str) -> PartFile {
        let keep = |code: &String| record.codes.contains(code);
        PartFile {
            app: APP.into(),
            kind: KIND.into(),
            schema: PART_SCHEMA,
            writer: WRITER,
            app_version: env!("CARGO_PKG_VERSION").into(),
            saved_at: saved_at.into(),
            commune: draft.meta.commune.clone(),
            period: draft.meta.period_text(),
            draft_id: draft.id.clone(),
            draft_name: draft.name.clone(),
            meta: draft.meta.clone(),
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            set_fingerprint: set_fingerprint(set),
            id: record.id.clone(),
            who: record.who.clone(),
            codes: record.codes.clone(),
            due: record.due,
            issued_at: record.issued_at.clone(),
            thresholds: draft
                .user_thresholds
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            base: record.base.clone(),
            entries: record.base.clone(),
            set: set.clone(),
        }
    }

    pub fn to_json(&self) -> String {
        crate::core::json::to_string(self)
    }

    pub fn to_json_pretty(&self) -> String {
        crate::core::json::pretty(&self.to_json())
    }

    /// "phan-viec-lien-son-cong-chuc-van-hoa-xa-hoi-tc5-tc6-ct17.8.json": the commune, the
    /// person and what the part covers, in ASCII.
    pub fn file_name(&self) -> String {
        self.named("phan-viec")
    }

    /// The filled part's name ("Xuất phần việc đã làm"): "phan-viec-da-lam-…".
    pub fn done_file_name(&self) -> String {
        self.named("phan-viec-da-lam")
    }

    fn named(&self, prefix: &str) -> String {
        let covered = scope(&self.set, &self.codes);
        let mut items: Vec<String> = covered.criteria.iter().map(|n| format!("tc{n}")).collect();
        items.extend(
            covered
                .indicators
                .iter()
                .map(|c| format!("ct{}", slug(c).replace('-', "."))),
        );
        const SHOWN: usize = 6;
        if items.len() > SHOWN {
            let more = items.len() - (SHOWN - 1);
            items.truncate(SHOWN - 1);
            items.push(format!("va-{more}-muc-khac"));
        }
        let parts = [
            prefix.to_string(),
            slug(&self.commune),
            slug(&self.who),
            items.join("-"),
        ];
        let name: Vec<&str> = parts
            .iter()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        format!("{}.json", name.join("-"))
    }

    /// A draft of its own from this part, for a device that does not have the draft it
    /// belongs to: the part's entries and thresholds, the draft's report metadata, the set;
    /// `new_id` is the new draft's id. Nothing a person sent is refused.
    pub fn to_envelope(&self, new_id: String, saved_at: String) -> Envelope {
        let draft = Draft {
            id: new_id,
            name: format!("Phần việc của {} ({})", self.who.trim(), self.period),
            set: Some(SetRef {
                id: self.set.id.clone(),
                version: self.set.version.clone(),
            }),
            meta: self.meta.clone(),
            entries: held(&self.entries, &self.codes),
            user_thresholds: self.thresholds.clone(),
            ..Draft::default()
        };
        Envelope::new(draft, self.set.clone(), saved_at)
    }
}

/// The non-blank entries of `map` under the given codes.
pub(super) fn held(map: &VecMap<String, Entry>, codes: &[String]) -> VecMap<String, Entry> {
    map.iter()
        .filter(|(k, e)| codes.contains(k) && !e.is_blank())
        .map(|(k, e)| (k.clone(), e.clone()))
        .collect()
}

/// The fields read first, to know whose file it is, what kind, and which format.
#[derive(ReadObject)]
#[serde(default)]
struct Probe {
    app: Option<String>,
    kind: Option<String>,
    schema: Option<Number>,
    writer: Option<Number>,
}

/// Reads a part file from outside (an import, a returned part): everything
/// `read_part_stored` checks, a valid embedded set, and a file that holds together: its set is
/// the one it names and fingerprints, its codes are the set's, and it carries no entry outside
/// them. Every refusal says why in Vietnamese.
pub fn read_part(text: &str) -> Result<PartFile, PartError> {
    let part = read_part_stored(text)?;
    if let Some(first) = part.set.validate().first() {
        return Err(PartError::BadSet(first.to_string()));
    }
    if !(2000..=2100).contains(&part.meta.year) {
        return Err(PartError::Damaged("năm báo cáo không hợp lệ".into()));
    }
    consistent(&part).map_err(PartError::Tampered)?;
    Ok(part)
}

/// The text of a file's bytes, which must be UTF-8 as the app writes them.
pub fn decode_part(bytes: &[u8]) -> Result<String, PartError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => PartError::Encoding,
            _ => PartError::NotJson,
        }
    })
}

/// Whether a text is a part file (our mark and the part kind), for routing a file received:
/// a part, a draft or a set.
pub fn is_part(text: &str) -> bool {
    from_str::<Probe>(text.trim_start_matches('\u{feff}'))
        .is_ok_and(|p| p.app.as_deref() == Some(APP) && p.kind.as_deref() == Some(KIND))
}

/// Reads a part file as the app itself stored it (a part being worked on): our mark, the part
/// kind, a format this build knows, complete fields and valid ids; the set is not judged.
pub fn read_part_stored(text: &str) -> Result<PartFile, PartError> {
    use crate::core::json::{error_vi, file_kind, Category, FileKind};
    if text.len() > MAX_IMPORT_BYTES {
        return Err(PartError::TooLarge(text.len()));
    }
    let text = text.trim_start_matches('\u{feff}');
    let file = file_kind(text);
    if file == Some(FileKind::CriteriaSet) {
        return Err(PartError::IsCriteriaSet);
    }
    let probe: Probe = from_str(text).map_err(|e| match e.category() {
        Category::Eof => PartError::Truncated,
        // Our app's mark, with a kind or version that is not what it should be.
        Category::Data if file == Some(FileKind::Draft) => {
            PartError::Damaged("phiên bản định dạng không hợp lệ".into())
        }
        Category::Data => PartError::NotOurs,
        _ => PartError::NotJson,
    })?;
    if probe.app.as_deref() != Some(APP) {
        return Err(PartError::NotOurs);
    }
    let number = |n: Option<Number>, what: &str| {
        n.and_then(|n| n.as_u64())
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n > 0)
            .ok_or_else(|| PartError::Damaged(format!("{what} không hợp lệ")))
    };
    let kind = probe.kind.ok_or(PartError::IsDraft)?;
    let writer = number(probe.writer, "số phiên bản ghi tệp")?;
    if kind != KIND {
        // A kind this build does not know: a newer build's, or not a part at all.
        return Err(if writer > WRITER {
            PartError::Newer
        } else {
            PartError::NotOurs
        });
    }
    let schema = number(probe.schema, "phiên bản định dạng")?;
    if schema > PART_SCHEMA || writer > WRITER {
        return Err(PartError::Newer);
    }
    let part: PartFile = from_str(text).map_err(|e| PartError::Damaged(error_vi(&e)))?;
    if !valid_id(&part.draft_id) {
        return Err(PartError::Damaged("mã bản nháp không hợp lệ".into()));
    }
    if !valid_id(&part.id) {
        return Err(PartError::Damaged("mã phần việc không hợp lệ".into()));
    }
    Ok(part)
}
