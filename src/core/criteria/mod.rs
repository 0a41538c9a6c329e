//! Criteria sets as data: the format, loading and validation.
//!
//! A set is a JSON document (see `criteria/FORMAT.md`). Loading checks both the syntax (with
//! line and column) and the meaning (codes, columns, thresholds), and every error names
//! its place in Vietnamese: "tiêu chí 17, chỉ tiêu 17.8: ngưỡng không hợp lệ".

mod fingerprint;
mod labels;
mod validate;

pub use fingerprint::fnv1a64;

use crate::core::de::{ReadName, ReadObject, WriteName, WriteObject};
use crate::core::json::{FromJson, JsonError, Reader, What};
use crate::core::num::Dec;
use serde::Serialize;
use std::fmt;

/// The format version this code writes. History: 1 — regions as the only threshold columns,
/// every criterion with indicators and a group (2026-11); 2 — threshold columns named by the
/// set ("Vùng kinh tế", "Nhóm xã") with definitions and an optional rule that sends some
/// communes to one column, the programme's name, criteria judged as a whole (2026-11);
/// 3 — thresholds the decision leaves open ("Theo quy định của UBND tỉnh") and columns an
/// indicator does not apply to (2026-12). Earlier formats are read and brought up to this one
/// by `upgrade`; a later one is named as the work of a newer version of the app.
pub const FORMAT: u32 = 3;

/// The programme every format-1 set was written under (2021–2025).
pub const PROGRAMME_2021_2025: &str = "Chương trình mục tiêu quốc gia xây dựng nông thôn mới";

#[derive(Clone, Debug, PartialEq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct CriteriaSet {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub name: String,
    pub level: Level,
    pub period: Period,
    pub legal_basis: LegalBasis,
    /// The programme a report under this set is written for: its title and closing name it.
    #[serde(default)]
    pub programme: String,
    /// The threshold columns; a threshold without a column is the general one ("chung").
    #[serde(default, skip_serializing_if = "Columns::is_empty")]
    pub columns: Columns,
    /// Communes that use one column whatever their own (318/QĐ-TTg: xã ĐBKK and ATK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_rule: Option<ColumnRule>,
    /// Format 1 only: the region columns, moved into `columns` on reading.
    #[serde(default, skip_serializing)]
    regions: Vec<Column>,
    /// Format 1 only: the column of disadvantaged communes, moved into `column_rule`.
    #[serde(default, skip_serializing)]
    disadvantaged_region: Option<String>,
    /// The decision's groups of criteria ("I Quy hoạch"); a set may have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    /// Free note about the set (where its figures come from, what is still missing).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadName, WriteName)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Xã nông thôn mới.
    Ntm,
    /// Xã nông thôn mới nâng cao.
    NtmNangCao,
    /// Xã nông thôn mới kiểu mẫu.
    NtmKieuMau,
}

impl Level {
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Ntm => "Xã nông thôn mới",
            Level::NtmNangCao => "Xã nông thôn mới nâng cao",
            Level::NtmKieuMau => "Xã nông thôn mới kiểu mẫu",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// "318/QĐ-TTg"
    pub number: String,
    /// ISO date of the decision, "2022-03-08".
    pub date: String,
    pub issuer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// The columns of the thresholds table, in the set's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// What a column is: "Vùng kinh tế", "Nhóm xã".
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub items: Vec<Column>,
}

impl Columns {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.label.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub id: String,
    pub name: String,
    /// Which communes belong to it, as the decision defines it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
}

/// A rule that sends some communes to one column whatever their own (318/QĐ-TTg: especially
/// disadvantaged and safe-zone communes use the northern midlands column).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct ColumnRule {
    /// Who the rule is for, as the decision says it.
    pub label: String,
    /// The column they use.
    pub column: String,
}

/// The label of format-1 region columns, and who the format-1 rule was for.
const REGIONS_LABEL: &str = "Vùng kinh tế";
const DISADVANTAGED_LABEL: &str = "Xã đặc biệt khó khăn, xã an toàn khu";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Roman numeral as the decision writes it: "I".
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub number: u8,
    pub name: String,
    /// Id of its group; empty when the set has no groups.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// May be empty: the commune then judges the criterion as a whole, with a written reason.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// "17.8"; a criterion with one indicator uses its own number: "5".
    pub code: String,
    /// The full official wording.
    pub wording: String,
    /// A short name for lists and the summary.
    pub short: String,
    pub kind: Kind,
    /// Required for every kind but yes/no.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<Threshold>,
    /// May be "không áp dụng" (nothing of the kind in the commune), counted as met.
    #[serde(default, skip_serializing_if = "is_false")]
    pub may_be_not_applicable: bool,
    /// How to assess, what evidence to keep.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// Thresholds the decision leaves to someone else (a column, or the general one), each with
    /// the decision's own words: "Theo quy định của UBND tỉnh".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_thresholds: Vec<OpenThreshold>,
    /// Ids of the columns whose communes the indicator does not apply to (a "-" or "không áp
    /// dụng" in the decision's table): it is then not applicable to them, by the set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applicable_in: Vec<String>,
}

impl Indicator {
    /// Whether its threshold depends on the column: some threshold, open threshold or "not
    /// applicable" names one.
    pub fn answers_by_column(&self) -> bool {
        self.thresholds.iter().any(|t| t.column.is_some())
            || self.open_thresholds.iter().any(|o| o.column.is_some())
            || !self.not_applicable_in.is_empty()
    }
}

/// A threshold the decision does not give: for a column (or the general one when `column` is
/// absent), the decision's words about who sets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct OpenThreshold {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// "Theo quy định của UBND tỉnh", as the decision writes it.
    pub note: String,
    /// Where the words come from, like a threshold's source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Written as `{"type": "percent", "numerator": …}`. Read through `RawKind`, a flat struct
/// checked into a `Kind` (serde's internally tagged enums buffered every value into a generic
/// tree first, which cost about 13 KB of WASM for this one type; see BENCHMARKS.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// A condition the commune judges: met or not.
    YesNo,
    /// A percentage computed from two counts ("146/185 hộ"). The counts' names say what is
    /// counted; `unit` is what both are counted in.
    Percent {
        numerator: String,
        denominator: String,
        unit: String,
    },
    /// An amount with its unit ("triệu đồng/người/năm").
    Amount { unit: String },
    /// A whole count ("số nhà tạm").
    Count { unit: String },
}

/// A kind as the file writes it, checked into a `Kind`.
#[derive(ReadObject)]
#[serde(deny_unknown_fields)]
struct RawKind {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    numerator: Option<String>,
    #[serde(default)]
    denominator: Option<String>,
    #[serde(default)]
    unit: Option<String>,
}

impl TryFrom<RawKind> for Kind {
    type Error = String;

    fn try_from(r: RawKind) -> Result<Kind, String> {
        let counts = r.numerator.is_some() || r.denominator.is_some();
        match (r.kind.as_str(), r.numerator, r.denominator, r.unit) {
            ("yes_no", None, None, None) => Ok(Kind::YesNo),
            ("percent", Some(numerator), Some(denominator), Some(unit)) => Ok(Kind::Percent {
                numerator,
                denominator,
                unit,
            }),
            ("amount", None, None, Some(unit)) => Ok(Kind::Amount { unit }),
            ("count", None, None, Some(unit)) => Ok(Kind::Count { unit }),
            ("yes_no" | "percent" | "amount" | "count", ..) => Err(format!(
                "loại chỉ tiêu \"{}\" cần {}",
                r.kind,
                match r.kind.as_str() {
                    "yes_no" => "không có tử số, mẫu số, đơn vị",
                    "percent" => "đủ tử số (numerator), mẫu số (denominator) và đơn vị (unit)",
                    _ if counts => "đơn vị (unit), không có tử số, mẫu số",
                    _ => "đơn vị (unit)",
                }
            )),
            (other, ..) => Err(format!(
                "loại chỉ tiêu \"{other}\" không có (yes_no, percent, amount hoặc count)"
            )),
        }
    }
}

/// `{"type":"percent","numerator":…,"denominator":…,"unit":…}`, as serde's internally tagged
/// enum wrote it: the tag first, then the variant's fields in their order.
impl crate::core::json::ToJson for Kind {
    fn write_json(&self, w: &mut crate::core::json::Writer) {
        w.begin_object();
        w.key("\"type\":");
        let fields: &[(&str, &String)] = match self {
            Kind::YesNo => {
                w.string("yes_no");
                &[]
            }
            Kind::Percent {
                numerator,
                denominator,
                unit,
            } => {
                w.string("percent");
                &[
                    ("\"numerator\":", numerator),
                    ("\"denominator\":", denominator),
                    ("\"unit\":", unit),
                ]
            }
            Kind::Amount { unit } => {
                w.string("amount");
                &[("\"unit\":", unit)]
            }
            Kind::Count { unit } => {
                w.string("count");
                &[("\"unit\":", unit)]
            }
        };
        for (key, value) in fields {
            w.key(key);
            w.string(value);
        }
        w.end_object();
    }
}

/// A kind that is not one is refused with `try_from`'s reason, placed at the kind's object.
impl FromJson for Kind {
    fn read(r: &mut Reader<'_>) -> Result<Kind, JsonError> {
        let start = r.value_start()?;
        Kind::try_from(RawKind::read(r)?).map_err(|why| r.error(start, What::Own(why)))
    }
}

impl Kind {
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Kind::YesNo)
    }

    pub fn unit(&self) -> &str {
        match self {
            Kind::YesNo => "",
            Kind::Percent { .. } => "%",
            Kind::Amount { unit } | Kind::Count { unit } => unit,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ReadName, WriteName)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    AtLeast,
    AtMost,
}

impl Direction {
    pub fn symbol(self) -> &'static str {
        match self {
            Direction::AtLeast => "≥",
            Direction::AtMost => "≤",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ReadObject, WriteObject)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Column id; absent for the general column. Format 1 called it `region`.
    #[serde(default, alias = "region", skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Year the figure applies to; absent when it applies to the whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub value: Dec,
    /// Where the figure comes from: "QĐ 1494/QĐ-UBND", "báo cáo mẫu", …
    pub source: String,
}

/// An error found while loading a set, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetError {
    /// "tiêu chí 17, chỉ tiêu 17.8" or "tệp" for the file as a whole.
    pub place: String,
    pub message: String,
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// How a set file made by a newer version is described (never "không hợp lệ").
const NEWER_FILE: &str = "tệp do phiên bản mới hơn của ứng dụng tạo";

#[derive(ReadObject)]
#[serde(default)]
struct FormatProbe {
    format: Option<u32>,
}

/// Why a set file was not imported, in one Vietnamese sentence: made by a newer version, or
/// its first problems.
pub fn import_failure_vi(errors: &[SetError]) -> String {
    if let Some(newer) = errors.iter().find(|e| e.message.starts_with(NEWER_FILE)) {
        return format!("Không nhập được: {}.", newer.message);
    }
    let list: Vec<String> = errors.iter().take(5).map(|e| e.to_string()).collect();
    let more = match errors.len() {
        n if n > 5 => format!(" (và {} lỗi khác)", n - 5),
        _ => String::new(),
    };
    format!("Tệp bộ tiêu chí không hợp lệ: {}{more}.", list.join("; "))
}

impl CriteriaSet {
    /// Reads and validates a set file. Returns every problem found, not only the first.
    pub fn from_json(text: &str) -> Result<CriteriaSet, Vec<SetError>> {
        use crate::core::json::{error_vi, file_kind, FileKind};
        if file_kind(text) == Some(FileKind::Draft) {
            return Err(vec![SetError {
                place: "tệp".into(),
                message:
                    "đây là tệp bản nháp báo cáo, không phải bộ tiêu chí: hãy nhập ở mục “Bản nháp”"
                        .into(),
            }]);
        }
        // A newer format is said to be newer, whatever else this build would find in it.
        if let Ok(FormatProbe { format: Some(f) }) = crate::core::json::from_str(text) {
            if f > FORMAT {
                let message = format!("{NEWER_FILE} (định dạng {f}); hãy tải lại trang để cập nhật ứng dụng rồi nhập lại");
                return Err(vec![SetError {
                    place: "tệp".into(),
                    message,
                }]);
            }
        }
        let mut set: CriteriaSet = crate::core::json::from_str(text).map_err(|e| {
            vec![SetError {
                place: "tệp".into(),
                message: format!("không đọc được tệp bộ tiêu chí: {}", error_vi(&e)),
            }]
        })?;
        set.upgrade();
        let errors = set.validate();
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    pub fn to_json(&self) -> String {
        crate::core::json::pretty(&crate::core::json::to_string(self))
    }

    /// Brings an earlier format up to the current one. Format 1: regions become columns, the
    /// rule for disadvantaged communes a column rule, and the programme the one of 2021–2025;
    /// format 2 needs nothing. A set of the current format is left as it is; a later or unknown
    /// format is left to `validate`.
    pub fn upgrade(&mut self) {
        if self.format == 2 {
            // Format 3 only adds optional fields.
            self.format = FORMAT;
        }
        if self.format == 1 {
            self.format = FORMAT;
            if self.columns.items.is_empty() {
                self.columns = Columns {
                    label: REGIONS_LABEL.into(),
                    items: std::mem::take(&mut self.regions),
                };
            }
            if let Some(column) = self.disadvantaged_region.take() {
                self.column_rule = Some(ColumnRule {
                    label: DISADVANTAGED_LABEL.into(),
                    column,
                });
            }
            if self.programme.trim().is_empty() {
                self.programme = PROGRAMME_2021_2025.into();
            }
        }
    }

    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.items.iter().find(|c| c.id == id)
    }

    /// Whether the set covers a report of this year.
    pub fn covers(&self, year: u16) -> bool {
        (self.period.from..=self.period.to).contains(&year)
    }

    /// Whether some indicator's threshold depends on the commune's column.
    pub fn answers_by_column(&self) -> bool {
        !self.columns.items.is_empty() && self.indicators().any(|(_, i)| i.answers_by_column())
    }

    pub fn indicators(&self) -> impl Iterator<Item = (&Criterion, &Indicator)> {
        self.criteria
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
    }

    pub fn indicator(&self, code: &str) -> Option<(&Criterion, &Indicator)> {
        self.indicators().find(|(_, i)| i.code == code)
    }
}
