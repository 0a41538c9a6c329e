//! Threshold cells as officials write them: "≥ 80%", "Tối thiểu 90%", "Từ 80% trở lên",
//! "Không quá 5%", "Đạt ≥ 80%", "⩾ 90%", "≤26,7%", "Đạt", "Đạt chuẩn", "Có",
//! "39 triệu đồng/người/năm", "Theo quy định của UBND tỉnh", "-", "x"; and the quoting of a
//! CSV field.

use crate::core::criteria::Direction;
use crate::core::num::Dec;
use crate::core::vn::to_lower;

/// A threshold cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// "Đạt": the indicator is judged met or not, without a figure.
    Met,
    Number {
        direction: Option<Direction>,
        value: Dec,
        /// "%", a unit ("triệu đồng/người/năm") or nothing.
        unit: String,
    },
    /// The decision leaves the threshold to someone else: its words ("Theo quy định của UBND
    /// tỉnh").
    Open(String),
    /// "-", "không áp dụng": the indicator does not apply to this column's communes.
    NotApplicable,
    /// "x": the indicator applies, the table gives no threshold here.
    Applies,
}

/// What to write in a cell, said with every refusal.
const WRITE: &str =
    "ghi như “≥ 80%”, “≤ 5%”, “Đạt”, “-” (không áp dụng) hoặc “Theo quy định của UBND tỉnh”";

/// Reads one threshold cell; `None` for an empty cell.
pub fn cell(text: &str) -> Result<Option<Cell>, String> {
    let t = text.trim().trim_end_matches(['.', ';']).trim();
    if t.is_empty() {
        return Ok(None);
    }
    let lower = to_lower(t);
    if ["-", "–", "—", "không áp dụng", "k áp dụng", "kad"].contains(&lower.as_str()) {
        return Ok(Some(Cell::NotApplicable));
    }
    if lower == "x" {
        return Ok(Some(Cell::Applies));
    }
    if is_open(&lower) {
        return Ok(Some(Cell::Open(t.to_string())));
    }
    let signed = strip_any(&lower, &AT_LEAST)
        .or(strip_any(&lower, &AT_MOST))
        .is_some();
    if !t.chars().any(|c| c.is_ascii_digit()) && !signed {
        let met = ["đạt", "có", "hoàn thành", "đạt chuẩn", "đạt yêu cầu"];
        if met.contains(&lower.as_str()) || lower.starts_with("đạt ") {
            return Ok(Some(Cell::Met));
        }
        return Err(format!("ô “{t}”: không hiểu; {WRITE}"));
    }
    number(t, &lower).map(Some)
}

/// Words that leave the threshold to the province (or another body).
fn is_open(lower: &str) -> bool {
    lower.contains("tỉnh")
        || lower.contains("ubnd")
        || lower.starts_with("theo quy định")
        || (lower.starts_with("do ") && lower.contains("quy định"))
}

/// Words before a figure that say its direction, as decisions write them.
const AT_LEAST: [&str; 9] = [
    "≥",
    "⩾",
    "≧",
    ">=",
    "=>",
    "tối thiểu",
    "ít nhất",
    "từ",
    "không thấp hơn",
];
const AT_MOST: [&str; 8] = [
    "≤",
    "⩽",
    "≦",
    "<=",
    "=<",
    "không quá",
    "tối đa",
    "không vượt quá",
];

fn number(t: &str, lower: &str) -> Result<Cell, String> {
    // "Đạt ≥ 80%", "Đạt 100%": the figure is the threshold.
    let mut rest = lower
        .strip_prefix("đạt")
        .map(str::trim_start)
        .unwrap_or(lower);
    let mut direction = None;
    if let Some(r) = strip_any(rest, &AT_LEAST) {
        (direction, rest) = (Some(Direction::AtLeast), r.trim_start());
    } else if let Some(r) = strip_any(rest, &AT_MOST) {
        (direction, rest) = (Some(Direction::AtMost), r.trim_start());
    } else if rest.starts_with(['>', '<']) || rest.starts_with("trên") || rest.starts_with("dưới")
    {
        return Err(format!(
            "ô “{t}”: ngưỡng chỉ ghi “≥” (từ … trở lên) hoặc “≤” (không quá …); dấu “>”, “<”, “trên”, “dưới” không dùng cho ngưỡng"
        ));
    }
    // "Từ 80% trở lên".
    let rest = rest.strip_suffix("trở lên").unwrap_or(rest).trim_end();
    let split = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '-')))
        .map_or(rest.len(), |(i, _)| i);
    let (figure, unit) = rest.split_at(split);
    if figure.trim().is_empty() {
        return Err(format!("ô “{t}”: không tìm thấy số; {WRITE}"));
    }
    let value = Dec::parse_vn(figure)
        .map_err(|e| format!("ô “{t}”: {}", e.message_vi().trim_end_matches('.')))?;
    if value.is_negative() {
        return Err(format!("ô “{t}”: ngưỡng không được âm"));
    }
    // The unit as the cell writes it: `lower` has the same byte offsets as `t`.
    let unit_lower = unit.trim();
    let start = unit_lower.as_ptr() as usize - lower.as_ptr() as usize;
    let unit = t
        .get(start..start + unit_lower.len())
        .unwrap_or(unit_lower)
        .to_string();
    // "1 234,5" is one number; a unit never starts with a figure (it would not read back).
    if unit.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')) {
        return Err(format!("ô “{t}”: không tách được số và đơn vị"));
    }
    if unit.starts_with('%') && unit != "%" {
        return Err(format!(
            "ô “{t}”: ghi “{}%” và đơn vị đếm ở cột “Đơn vị” (VD: “% (hộ)”)",
            value.fmt_vn_short(6)
        ));
    }
    if unit == "%" && value > Dec::HUNDRED {
        return Err(format!("ô “{t}”: tỷ lệ không quá 100%"));
    }
    Ok(Cell::Number {
        direction,
        value,
        unit,
    })
}

fn strip_any<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| text.strip_prefix(p))
}

/// A threshold as the table writes it: "≥ 80%", "≤ 26,7%", "≥ 39 triệu đồng/người/năm".
pub fn write_number(direction: Option<Direction>, value: Dec, unit: &str) -> String {
    let sign = direction
        .map(|d| format!("{} ", d.symbol()))
        .unwrap_or_default();
    let value = value.fmt_vn_short(6);
    match unit {
        "" => format!("{sign}{value}"),
        "%" => format!("{sign}{value}%"),
        u => format!("{sign}{value} {u}"),
    }
}

/// Spreadsheets run a cell that starts with "=", "+", "-" or "@" as a formula: the export
/// writes such text behind a "'", which reading removes.
pub fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) && text != "-" {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// What `guard` wrote, and a code a spreadsheet kept as text (`="17.10"`), read back.
pub fn unguard(text: &str) -> String {
    if let Some(inner) = text
        .strip_prefix("=\"")
        .and_then(|r| r.strip_suffix('"'))
        .filter(|r| !r.contains('"'))
    {
        return inner.to_string();
    }
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => text.to_string(),
    }
}

/// A code written so that no spreadsheet reads it as a number (17.10 → 17.1) or a date
/// (1.1 → 1 January): `="17.10"`, a formula whose value is the text.
pub fn protect_code(code: &str) -> String {
    format!("=\"{code}\"")
}

/// A CSV field: quoted (quotes doubled) when it holds the separator, a quote or a line break.
pub fn csv_field(text: String, sep: char) -> String {
    if text.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(d: Option<Direction>, v: &str, unit: &str) -> Option<Cell> {
        Some(Cell::Number {
            direction: d,
            value: Dec::parse_vn(v).unwrap(),
            unit: unit.into(),
        })
    }

    #[test]
    fn cells_as_officials_write_them() {
        use Direction::*;
        assert_eq!(cell("≥ 80%"), Ok(n(Some(AtLeast), "80", "%")));
        assert_eq!(cell("≤26,7%"), Ok(n(Some(AtMost), "26,7", "%")));
        assert_eq!(cell("100%"), Ok(n(None, "100", "%")));
        assert_eq!(cell("Đạt"), Ok(Some(Cell::Met)));
        assert_eq!(cell("đạt"), Ok(Some(Cell::Met)));
        assert_eq!(
            cell("39 triệu đồng/người/năm"),
            Ok(n(None, "39", "triệu đồng/người/năm"))
        );
        assert_eq!(cell(">= 70"), Ok(n(Some(AtLeast), "70", "")));
        assert_eq!(cell(""), Ok(None));
        assert_eq!(cell(" - "), Ok(Some(Cell::NotApplicable)));
        assert!(cell("≥ abc").unwrap_err().contains("không tìm thấy số"));
        assert!(cell("> 80%").unwrap_err().contains("“>”"));
        assert!(cell("120%").unwrap_err().contains("100%"));
        assert!(cell("-5").unwrap_err().contains("âm"));
        assert!(cell("≥ -5%").unwrap_err().contains("âm"));
        // A control character between figures (copied from a PDF) is not a unit.
        assert!(cell("≥ 1\u{b}234,5")
            .unwrap_err()
            .contains("không tách được"));
    }

    #[test]
    fn the_words_of_decisions() {
        use Direction::*;
        for (text, d, v) in [
            ("Tối thiểu 90%", Some(AtLeast), "90"),
            ("Từ 80% trở lên", Some(AtLeast), "80"),
            ("Không quá 5%", Some(AtMost), "5"),
            ("Tối đa 5%", Some(AtMost), "5"),
            ("Đạt ≥ 80%", Some(AtLeast), "80"),
            ("⩾ 90%", Some(AtLeast), "90"),
            ("⩽ 10%", Some(AtMost), "10"),
            ("≥ 90%.", Some(AtLeast), "90"),
            ("Đạt 100%", None, "100"),
        ] {
            assert_eq!(cell(text), Ok(n(d, v, "%")), "{text}");
        }
        for met in ["Đạt chuẩn", "Có", "ĐẠT", "Đạt yêu cầu"] {
            assert_eq!(cell(met), Ok(Some(Cell::Met)), "{met}");
        }
        for open in [
            "Theo quy định của UBND tỉnh",
            "Do UBND tỉnh quy định",
            "Theo quy định",
        ] {
            assert_eq!(cell(open), Ok(Some(Cell::Open(open.into()))), "{open}");
        }
        assert_eq!(cell("Không áp dụng"), Ok(Some(Cell::NotApplicable)));
        assert_eq!(cell("x"), Ok(Some(Cell::Applies)));
        let dưới = cell("Dưới 5%").unwrap_err();
        assert!(dưới.contains("“dưới”"), "{dưới}");
        let word = cell("Tốt").unwrap_err();
        assert!(word.contains("ghi như “≥ 80%”"), "{word}");
        let share_of = cell("≥ 80% số hộ").unwrap_err();
        assert!(share_of.contains("cột “Đơn vị”"), "{share_of}");
    }

    #[test]
    fn a_written_threshold_reads_back() {
        for (d, v, u) in [
            (Some(Direction::AtMost), "26,7", "%"),
            (Some(Direction::AtLeast), "1234,5", "triệu đồng"),
            (None, "70", ""),
        ] {
            let value = Dec::parse_vn(v).unwrap();
            let text = write_number(d, value, u);
            assert_eq!(cell(&text), Ok(n(d, v, u)), "{text}");
        }
    }

    #[test]
    fn guarded_text_and_protected_codes_read_back() {
        for text in ["-x", "=1", "+2", "@a", "17.10", "Đạt", "-"] {
            assert_eq!(unguard(&guard(text)), text);
        }
        assert_eq!(unguard(&protect_code("17.10")), "17.10");
        assert_eq!(
            guard("-"),
            "-",
            "a dash is a cell of its own, not a formula"
        );
    }
}
