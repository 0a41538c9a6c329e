//! The stored and exported form of a draft: a self-describing envelope with its schema
//! version, and the criteria set it is scored with (so a draft scores the same forever, and a
//! file carries everything another device needs). Reading goes through `migrate`, which
//! brings every earlier schema version up to the current one.

use crate::core::criteria::CriteriaSet;
use crate::core::de::{ReadObject, WriteObject};
use crate::core::draft::Draft;
use crate::core::scoring::score;
use serde::Serialize;

/// The fields read before anything else, to know whose file it is and which schema. The
/// schema is read as any number, so a damaged one is named as such.
#[derive(ReadObject)]
#[serde(default)]
struct Probe {
    app: Option<String>,
    writer: Option<crate::core::json::Number>,
    schema: Option<crate::core::json::Number>,
}

/// Marks our files among other JSON.
pub const APP: &str = "tieuchi";
/// The schema this code writes. History: 1 — first release (2026-11); 2 — criteria set
/// format 2 embedded, the report's issuer (committee or board), threshold column instead of
/// region, the programme's name, judgements of whole criteria (2026-11); 3 — every
/// acknowledgement names what it was given for (the period, for something missing), the previous
/// period's entries kept apart, entries kept from it marked (2026-12).
pub const SCHEMA: u32 = 3;
/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, ReadObject, WriteObject)]
pub struct Envelope {
    pub app: String,
    /// The build that wrote it (`writer::WRITER`; absent, 0, before writers were counted). In
    /// memory always this build's, as `schema` is: reading brings an entry up to date.
    #[serde(default)]
    pub writer: u32,
    pub schema: u32,
    pub app_version: String,
    /// ISO 8601 time of saving, from the browser's clock.
    pub saved_at: String,
    /// Copied from the draft so a file is readable at a glance.
    pub commune: String,
    pub period: String,
    pub set_id: String,
    pub set_version: String,
    /// The set's name, so that a list can name an entry it cannot read whole (since writer 1).
    #[serde(default)]
    pub set_name: String,
    /// "đạt 10/N tiêu chí" at the time of saving, for lists.
    pub summary: String,
    pub draft: Draft,
    pub set: CriteriaSet,
}

impl Envelope {
    pub fn new(draft: Draft, set: CriteriaSet, saved_at: String) -> Envelope {
        let summary = score(&set, &draft).summary_vi();
        Envelope {
            app: APP.into(),
            writer: crate::core::writer::WRITER,
            schema: SCHEMA,
            app_version: env!("CARGO_PKG_VERSION").into(),
            saved_at,
            commune: draft.meta.commune.clone(),
            period: draft.meta.period_text(),
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            set_name: set.name.clone(),
            summary,
            draft,
            set,
        }
    }

    pub fn to_json(&self) -> String {
        crate::core::json::to_string(self)
    }

    pub fn to_json_pretty(&self) -> String {
        crate::core::json::pretty(&self.to_json())
    }
}

/// Why a stored entry or an imported file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge(usize),
    NotJson,
    Truncated,
    NotOurs,
    /// A criteria-set file offered as a draft.
    IsCriteriaSet,
    /// Bytes that were not UTF-8 (a file saved in another encoding): text would come out garbled.
    Encoding,
    /// Written by a newer build of the app (a writer or a schema above this build's).
    Newer,
    Damaged(String),
    BadSet(String),
}

impl ReadError {
    pub fn message_vi(&self) -> String {
        match self {
            ReadError::TooLarge(n) => format!("Tệp quá lớn ({} KB); tệp bản nháp hợp lệ không vượt quá 5 MB.", n / 1024),
            ReadError::NotJson => "Tệp không phải là tệp bản nháp (không đúng định dạng JSON).".into(),
            ReadError::Truncated => "Tệp bị cắt cụt hoặc chưa tải xong. Hãy xuất lại tệp từ máy gốc.".into(),
            ReadError::NotOurs => "Tệp JSON này không phải bản nháp của ứng dụng đánh giá tiêu chí nông thôn mới.".into(),
            ReadError::IsCriteriaSet => "Đây là tệp bộ tiêu chí, không phải bản nháp: hãy nhập ở mục “Bộ tiêu chí”.".into(),
            ReadError::Encoding => "Tệp bị lỗi mã hóa ký tự (không phải UTF-8), tiếng Việt sẽ bị sai. Hãy xuất lại tệp từ ứng dụng.".into(),
            ReadError::Newer => "Tệp do phiên bản mới hơn của ứng dụng tạo. Hãy tải lại trang để cập nhật ứng dụng rồi nhập lại.".into(),
            ReadError::Damaged(d) => format!("Tệp bản nháp bị hỏng: {d}."),
            ReadError::BadSet(d) => format!("Bộ tiêu chí trong tệp không hợp lệ: {d}."),
        }
    }
}

/// Upgrades an envelope of an earlier schema to the current one, step by step. The current
/// types read every earlier schema's fields (renamed fields carry serde aliases, new ones have
/// defaults), so each step is a pure function on the typed envelope that gives old data its
/// current meaning, tested with a frozen fixture of the schema it reads
/// (`tests/fixtures/envelope-v*.json`). Going through a generic tree of values instead would
/// read everything twice and compile a second reader of every type (see BENCHMARKS.md).
pub fn migrate(mut env: Envelope, from: u32) -> Envelope {
    if from < 2 {
        v1_to_v2(&mut env);
    }
    if from < 3 {
        v2_to_v3(&mut env);
    }
    // The embedded set is brought to the current set format whatever the envelope's schema.
    env.set.upgrade();
    env.schema = SCHEMA;
    // In memory an envelope is this build's, whoever wrote it: written again, it says so.
    env.writer = crate::core::writer::WRITER;
    if env.set_name.is_empty() {
        env.set_name = env.set.name.clone();
    }
    env
}

/// Schema 1 → 2: the embedded set becomes format 2; a draft whose issuing body was typed was
/// issued by a board (schema 1 left it empty for the commune's People's Committee).
fn v1_to_v2(env: &mut Envelope) {
    env.set.upgrade();
    let meta = &mut env.draft.meta;
    if !meta.issuing_body.trim().is_empty() {
        meta.issuer = crate::core::draft::Issuer::Board;
    }
}

/// Schema 2 → 3: an acknowledgement of something missing (not assessed, judged without
/// figures) was given for an empty text, which matched in every period; it now names the
/// report's period it was given for, which is what it meant.
fn v2_to_v3(env: &mut Envelope) {
    let period = env.draft.meta.period_text();
    for e in env.draft.entries.values_mut() {
        for a in e.acks.iter_mut().filter(|a| a.about.is_empty()) {
            match a.kind.as_str() {
                "not_assessed" => a.about = period.clone(),
                "judged_without_figures" => a.about = format!("{period}|đạt"),
                _ => {}
            }
        }
    }
}

/// The text of a file's bytes, which must be UTF-8 as the app writes them. A file saved in
/// another encoding is refused here, by its bytes; text the user typed (even U+FFFD) is never
/// a reason to refuse a file.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        // JSON saved in another encoding starts like JSON; anything else (a .docx renamed,
        // a picture) is simply not a draft file.
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => ReadError::Encoding,
            _ => ReadError::NotJson,
        }
    })
}

/// Reads a file from outside (an import): everything `read` checks, and the report's own
/// fields in range. What the app itself stored is read with `read_stored`, leniently: a draft the app
/// saved is never refused for its content.
pub fn read_import(text: &str) -> Result<Envelope, ReadError> {
    let env = read(text)?;
    if !crate::core::edit::YEARS.contains(&env.draft.meta.year) {
        return Err(ReadError::Damaged("năm báo cáo không hợp lệ".into()));
    }
    Ok(env)
}

/// Reads an entry strictly: everything `read_stored` checks, and the embedded set must be valid.
pub fn read(text: &str) -> Result<Envelope, ReadError> {
    let env = read_stored(text)?;
    if let Some(first) = env.set.validate().first() {
        return Err(ReadError::BadSet(first.to_string()));
    }
    Ok(env)
}

/// Reads what the app itself stored, leniently: a draft whose embedded set fails today's
/// validation still opens (its report stays a draft and names the problem); nothing the app
/// wrote is hidden for its content.
///
/// It still checks the envelope itself: our mark, a known schema (brought to its current
/// meaning), a valid draft id. Anything that is not a complete envelope of this or an earlier
/// schema is rejected with a Vietnamese reason.
pub fn read_stored(text: &str) -> Result<Envelope, ReadError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge(text.len()));
    }
    let text = text.trim_start_matches('\u{feff}');
    use crate::core::json::{file_kind, FileKind};
    let kind = file_kind(text);
    if kind == Some(FileKind::CriteriaSet) {
        return Err(ReadError::IsCriteriaSet);
    }
    use crate::core::json::{from_str, Category};
    let probe: Probe = from_str(text).map_err(|e| match e.category() {
        Category::Eof => ReadError::Truncated,
        // Our app's mark, with a schema that is not a number.
        Category::Data if kind == Some(FileKind::Draft) => {
            ReadError::Damaged("phiên bản định dạng không hợp lệ".into())
        }
        Category::Data => ReadError::NotOurs,
        _ => ReadError::NotJson,
    })?;
    if probe.app.as_deref() != Some(APP) {
        return Err(ReadError::NotOurs);
    }
    let schema = probe
        .schema
        .ok_or(ReadError::Damaged("thiếu phiên bản định dạng".into()))?;
    let schema = schema
        .as_u64()
        .and_then(|s| u32::try_from(s).ok())
        .filter(|s| *s > 0)
        .ok_or(ReadError::Damaged(
            "phiên bản định dạng không hợp lệ".into(),
        ))?;
    // A writer or a schema above this build's: a newer build wrote it.
    let writer = crate::core::writer::read(probe.writer).ok_or(ReadError::Damaged(
        "số hiệu bản ghi (writer) không hợp lệ".into(),
    ))?;
    if schema > SCHEMA || writer > crate::core::writer::WRITER {
        return Err(ReadError::Newer);
    }
    let env: Envelope =
        from_str(text).map_err(|e| ReadError::Damaged(crate::core::json::error_vi(&e)))?;
    let env = migrate(env, schema);
    if !valid_id(&env.draft.id) {
        return Err(ReadError::Damaged("mã bản nháp không hợp lệ".into()));
    }
    Ok(env)
}

/// A draft id as the app makes them: ASCII letters, digits, '-' and '_', at most 100.
pub fn valid_id(id: &str) -> bool {
    !id.trim().is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A summary line for the list of drafts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    /// The name the user gave the draft, if any.
    pub name: String,
    pub commune: String,
    pub period: String,
    pub saved_at: String,
    pub summary: String,
    pub set_name: String,
}

impl From<&Envelope> for DraftSummary {
    fn from(e: &Envelope) -> Self {
        DraftSummary {
            id: e.draft.id.clone(),
            name: e.draft.name.clone(),
            commune: e.commune.clone(),
            period: e.period.clone(),
            saved_at: e.saved_at.clone(),
            summary: e.summary.clone(),
            set_name: e.set.name.clone(),
        }
    }
}
