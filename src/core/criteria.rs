//! Criteria sets as data: the format, loading and validation.
//!
//! A set is a JSON document (see `criteria/FORMAT.md`). Loading checks both the syntax (serde,
//! with line and column) and the meaning (codes, regions, thresholds), and every error names
//! its place in Vietnamese: "tiêu chí 17, chỉ tiêu 17.8: ngưỡng không hợp lệ".

use crate::core::num::Dec;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The format version this code reads and writes.
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaSet {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub name: String,
    pub level: Level,
    pub period: Period,
    pub legal_basis: LegalBasis,
    /// Region columns; thresholds without a region are the general column ("chung").
    pub regions: Vec<Region>,
    /// Region whose column especially disadvantaged and safe-zone communes use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disadvantaged_region: Option<String>,
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
    /// Free note about the set (where its figures come from, what is still missing).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Roman numeral as the decision writes it: "I".
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub number: u8,
    pub name: String,
    pub group: String,
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Region id; absent for the general column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
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

impl CriteriaSet {
    /// Reads and validates a set file. Returns every problem found, not only the first.
    pub fn from_json(text: &str) -> Result<CriteriaSet, Vec<SetError>> {
        let set: CriteriaSet = serde_json::from_str(text).map_err(|e| {
            vec![SetError {
                place: format!("tệp, dòng {} cột {}", e.line(), e.column()),
                message: format!("không đọc được tệp bộ tiêu chí ({})", syntax_vi(&e)),
            }]
        })?;
        let errors = set.validate();
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    pub fn to_json(&self) -> String {
        crate::core::json::pretty(&serde_json::to_string(self).unwrap_or_default())
    }

    pub fn indicators(&self) -> impl Iterator<Item = (&Criterion, &Indicator)> {
        self.criteria
            .iter()
            .flat_map(|c| c.indicators.iter().map(move |i| (c, i)))
    }

    pub fn indicator(&self, code: &str) -> Option<(&Criterion, &Indicator)> {
        self.indicators().find(|(_, i)| i.code == code)
    }

    pub fn region_name(&self, id: &str) -> Option<&str> {
        self.regions
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.name.as_str())
    }

    /// Every semantic problem of the set, each with its place.
    pub fn validate(&self) -> Vec<SetError> {
        let mut errors = Vec::new();
        let mut err = |place: String, message: &str| {
            errors.push(SetError {
                place,
                message: message.to_string(),
            })
        };
        let file = || "tệp".to_string();
        if self.format != FORMAT {
            err(
                file(),
                &format!(
                    "phiên bản định dạng {} không được hỗ trợ (cần {})",
                    self.format, FORMAT
                ),
            );
        }
        if self.id.trim().is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            err(
                file(),
                "mã bộ tiêu chí (id) phải gồm chữ không dấu, số, '-' hoặc '_'",
            );
        }
        if self.version.trim().is_empty() {
            err(file(), "thiếu phiên bản (version)");
        }
        if self.name.trim().is_empty() {
            err(file(), "thiếu tên bộ tiêu chí");
        }
        if self.period.from > self.period.to || self.period.from < 2000 {
            err(file(), "giai đoạn không hợp lệ");
        }
        if self.legal_basis.number.trim().is_empty() {
            err(file(), "thiếu số văn bản căn cứ");
        }
        if crate::core::vn::Date::parse_iso(&self.legal_basis.date).is_none() {
            err(
                file(),
                "ngày ban hành văn bản căn cứ không hợp lệ (dạng 2022-03-08)",
            );
        }
        let mut region_ids = BTreeSet::new();
        for r in &self.regions {
            if r.id.trim().is_empty() || !region_ids.insert(r.id.as_str()) {
                err(format!("vùng \"{}\"", r.id), "mã vùng trống hoặc trùng");
            }
        }
        if let Some(d) = &self.disadvantaged_region {
            if !region_ids.contains(d.as_str()) {
                err(
                    file(),
                    &format!("vùng cho xã đặc biệt khó khăn \"{d}\" không có trong danh sách vùng"),
                );
            }
        }
        let groups: BTreeSet<&str> = self.groups.iter().map(|g| g.id.as_str()).collect();
        if self.criteria.is_empty() {
            err(file(), "bộ tiêu chí không có tiêu chí nào");
        }
        let mut numbers = BTreeSet::new();
        let mut codes = BTreeSet::new();
        for c in &self.criteria {
            let cplace = format!("tiêu chí {}", c.number);
            if c.number == 0 || !numbers.insert(c.number) {
                err(cplace.clone(), "số tiêu chí trùng hoặc bằng 0");
            }
            if c.name.trim().is_empty() {
                err(cplace.clone(), "thiếu tên tiêu chí");
            }
            if !groups.contains(c.group.as_str()) {
                err(
                    cplace.clone(),
                    &format!("nhóm \"{}\" không có trong danh sách nhóm", c.group),
                );
            }
            if c.indicators.is_empty() {
                err(cplace.clone(), "tiêu chí không có chỉ tiêu nào");
            }
            for i in &c.indicators {
                let place = format!("{cplace}, chỉ tiêu {}", i.code);
                let own = c.number.to_string();
                let prefix = format!("{}.", c.number);
                let code_ok = i.code == own
                    || i.code
                        .strip_prefix(&prefix)
                        .is_some_and(|r| !r.is_empty() && r.chars().all(|ch| ch.is_ascii_digit()));
                if !code_ok {
                    err(
                        place.clone(),
                        &format!("mã chỉ tiêu phải là {own} hoặc {prefix}n"),
                    );
                }
                if !codes.insert(i.code.as_str()) {
                    err(place.clone(), "mã chỉ tiêu bị trùng");
                }
                if i.wording.trim().is_empty() || i.short.trim().is_empty() {
                    err(place.clone(), "thiếu nội dung hoặc tên ngắn của chỉ tiêu");
                }
                match (&i.kind, i.direction) {
                    (Kind::YesNo, Some(_)) => err(
                        place.clone(),
                        "chỉ tiêu đạt/không đạt không có chiều so sánh",
                    ),
                    (Kind::YesNo, None) if !i.thresholds.is_empty() => {
                        err(place.clone(), "chỉ tiêu đạt/không đạt không có ngưỡng số")
                    }
                    (k, None) if k.is_numeric() => {
                        err(place.clone(), "thiếu chiều so sánh (at_least hoặc at_most)")
                    }
                    _ => {}
                }
                if let Kind::Percent {
                    numerator,
                    denominator,
                    ..
                } = &i.kind
                {
                    if numerator.trim().is_empty() || denominator.trim().is_empty() {
                        err(place.clone(), "thiếu tên tử số hoặc mẫu số");
                    }
                }
                let mut seen = BTreeSet::new();
                for t in &i.thresholds {
                    let bad = t.value.is_negative()
                        || (matches!(i.kind, Kind::Percent { .. })
                            && t.value > crate::core::num::Dec::HUNDRED);
                    if bad {
                        err(place.clone(), "ngưỡng không hợp lệ");
                    }
                    if t.source.trim().is_empty() {
                        err(place.clone(), "ngưỡng thiếu nguồn (văn bản quy định)");
                    }
                    if let Some(r) = &t.region {
                        if !region_ids.contains(r.as_str()) {
                            err(
                                place.clone(),
                                &format!("ngưỡng cho vùng \"{r}\" không có trong danh sách vùng"),
                            );
                        }
                    }
                    if let Some(y) = t.year {
                        if y < self.period.from || y > self.period.to {
                            err(
                                place.clone(),
                                &format!("ngưỡng năm {y} nằm ngoài giai đoạn của bộ tiêu chí"),
                            );
                        }
                    }
                    if !seen.insert((t.region.clone(), t.year)) {
                        err(place.clone(), "hai ngưỡng cho cùng một vùng và năm");
                    }
                }
            }
        }
        errors
    }
}

fn syntax_vi(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax => "sai cú pháp JSON".to_string(),
        Category::Eof => "tệp bị cắt cụt".to_string(),
        Category::Io => "lỗi đọc".to_string(),
        // serde's own text names the field ("missing field `code`"): keep it for the expert.
        Category::Data => format!("sai cấu trúc: {e}"),
    }
}
