//! What a column of a table holds (`Role`), and the role a header's words give ("TT", "Tên
//! tiêu chí", "Nội dung chỉ tiêu", a column of the set such as "Xã nhóm 1" or "Nhóm 1",
//! "Chung", "Nguồn", "Năm", "Đơn vị tính", "Ghi chú") with the unit in its parentheses.

use super::codes::squash;
use crate::core::criteria::CriteriaSet;
use crate::core::vn::to_lower;

/// What a column of the table holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// Read past.
    Ignore,
    /// A header this reader does not know: refused if the column holds anything.
    Unknown,
    /// "TT", "Mã": an indicator's code, or the criterion's number.
    Code,
    /// "Tên tiêu chí": the criterion's name (read past: the set names its criteria).
    CriterionName,
    Wording,
    /// Thresholds of a column of the set (`Some(id)`) or of every column (`None`).
    Threshold(Option<String>),
    Source,
    Year,
    /// "Đơn vị tính": "%", "% (hộ)", "triệu đồng/người/năm".
    Unit,
}

impl Role {
    /// The roles a column may be given, for the set's threshold columns.
    pub fn choices(set: &CriteriaSet) -> Vec<Role> {
        let mut out = vec![Role::Ignore, Role::Code, Role::CriterionName, Role::Wording];
        out.push(Role::Threshold(None));
        out.extend(
            set.columns
                .items
                .iter()
                .map(|c| Role::Threshold(Some(c.id.clone()))),
        );
        out.extend([Role::Source, Role::Year, Role::Unit]);
        out
    }

    pub fn label_vi(&self, set: &CriteriaSet) -> String {
        match self {
            Role::Ignore => "Bỏ qua".into(),
            Role::Unknown => "Chưa rõ".into(),
            Role::Code => "Mã chỉ tiêu (TT)".into(),
            Role::CriterionName => "Tên tiêu chí".into(),
            Role::Wording => "Nội dung chỉ tiêu".into(),
            Role::Threshold(None) if set.columns.items.is_empty() => "Ngưỡng".into(),
            Role::Threshold(None) => "Ngưỡng chung (mọi cột)".into(),
            Role::Threshold(Some(id)) => match set.column(id) {
                Some(c) => format!("Ngưỡng: {}", c.name),
                None => format!("Ngưỡng: {id}"),
            },
            Role::Source => "Nguồn".into(),
            Role::Year => "Năm".into(),
            Role::Unit => "Đơn vị".into(),
        }
    }

    /// A key for a `<select>`'s value.
    pub fn key(&self) -> String {
        let key = match self {
            Role::Threshold(Some(id)) => return format!("t:{id}"),
            Role::Threshold(None) => "t",
            Role::Ignore => "ignore",
            Role::Unknown => "unknown",
            Role::Code => "code",
            Role::CriterionName => "criterion",
            Role::Wording => "wording",
            Role::Source => "source",
            Role::Year => "year",
            Role::Unit => "unit",
        };
        key.to_string()
    }
}

/// A unit in parentheses: "%", money, something per something, a short measure.
fn is_unit(t: &str) -> bool {
    let t = t.trim();
    t == "%"
        || t.contains("đồng")
        || (t.contains('/') && t.chars().count() <= 40 && !t.chars().any(|c| c.is_ascii_digit()))
        || ["km", "ha", "m2", "m²", "hộ", "người"].contains(&t)
}

/// The role a header's words name, and the unit in its parentheses.
pub fn role_of(header: &str, set: &CriteriaSet) -> (Option<Role>, String) {
    let mut name = to_lower(&squash(header));
    let mut unit = String::new();
    while let Some(open) = name.rfind('(') {
        let Some(close) = name[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inside = name[open + 1..close].trim().to_string();
        if !is_unit(&inside) {
            break;
        }
        unit = original(header, &inside);
        name = squash(&format!("{} {}", &name[..open], &name[close + 1..]));
    }
    (named(&name, set), unit)
}

/// `lower` as `text` writes it (its case).
fn original(text: &str, lower: &str) -> String {
    let squashed = squash(text);
    let l = to_lower(&squashed);
    match l.find(lower) {
        Some(at) => squashed[at..at + lower.len()].to_string(),
        None => lower.to_string(),
    }
}

fn named(name: &str, set: &CriteriaSet) -> Option<Role> {
    if name.is_empty() {
        return None;
    }
    if let Some(id) = column_of(name, set) {
        return Some(Role::Threshold(Some(id)));
    }
    let is = |w: &[&str]| w.contains(&name);
    let starts = |w: &[&str]| w.iter().any(|p| name.starts_with(p));
    Some(
        if is(&["tt", "stt", "số tt", "số thứ tự", "mã", "mã số"]) || starts(&["mã chỉ tiêu"])
        {
            Role::Code
        } else if name.contains("tên tiêu chí") {
            Role::CriterionName
        } else if name.contains("nội dung")
            || is(&["chỉ tiêu", "tên chỉ tiêu", "tiêu chí, chỉ tiêu"])
        {
            Role::Wording
        } else if starts(&["chung", "ngưỡng", "mức"]) || name.contains("chỉ tiêu chung") {
            Role::Threshold(None)
        } else if starts(&["nguồn", "căn cứ", "văn bản"]) {
            Role::Source
        } else if is(&["năm", "năm áp dụng"]) {
            Role::Year
        } else if starts(&["đơn vị", "đvt"]) {
            Role::Unit
        } else if starts(&["ghi chú"]) {
            Role::Ignore
        } else {
            return None;
        },
    )
}

/// The set's column a header names ("Xã nhóm 1", "Nhóm 1", a region's name): the longest
/// name found, whole words only.
fn column_of(name: &str, set: &CriteriaSet) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for c in &set.columns.items {
        let full = to_lower(&squash(&c.name));
        let short = full.strip_prefix("xã ").unwrap_or(&full).to_string();
        for n in [full.clone(), short] {
            let whole = name.match_indices(&n).any(|(at, _)| {
                let after = name[at + n.len()..].chars().next();
                let before = name[..at].chars().next_back();
                !after.is_some_and(is_letter_or_digit) && !before.is_some_and(is_letter_or_digit)
            });
            if whole && best.as_ref().is_none_or(|(l, _)| n.len() > *l) {
                best = Some((n.len(), c.id.clone()));
            }
        }
    }
    best.map(|(_, id)| id)
}

/// A letter or a digit, Vietnamese letters included (without Unicode's tables, which the
/// set page's module would carry for this alone).
fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c as u32 >= 0xC0 && crate::core::vn::lower(c) != crate::core::vn::upper(c))
}

/// A column as read: what it holds, its header's words, the unit its header gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub role: Role,
    pub header: String,
    pub unit: String,
}

impl Column {
    pub fn of(role: Role) -> Column {
        Column {
            role,
            header: String::new(),
            unit: String::new(),
        }
    }
}
