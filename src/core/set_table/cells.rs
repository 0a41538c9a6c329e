//! The pieces of a table: records split by a separator (quotes honoured, as Excel and Word
//! copy cells that hold a line break or the separator), and threshold cells as officials
//! write them: "≥ 80%", "≤26,7%", "100%", "Đạt", "39 triệu đồng/người/năm", "-".

use crate::core::criteria::Direction;
use crate::core::num::Dec;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sep {
    Tab,
    Semicolon,
    Comma,
    /// Two or more spaces, as text copied from a PDF comes.
    Spaces,
}

impl Sep {
    /// The separator of a table, from its first line: a tab (Word, Excel), a ";" (CSV of
    /// Vietnamese Excel), a "," only in a CSV with our header, else runs of spaces.
    pub fn detect(first_line: &str) -> Sep {
        if first_line.contains('\t') {
            Sep::Tab
        } else if first_line.contains(';') {
            Sep::Semicolon
        } else if crate::core::vn::to_lower(first_line).starts_with("mã chỉ tiêu,") {
            Sep::Comma
        } else {
            Sep::Spaces
        }
    }

    fn char(self) -> Option<char> {
        match self {
            Sep::Tab => Some('\t'),
            Sep::Semicolon => Some(';'),
            Sep::Comma => Some(','),
            Sep::Spaces => None,
        }
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Sep::Tab => "dấu tab",
            Sep::Semicolon => "dấu chấm phẩy",
            Sep::Comma => "dấu phẩy",
            Sep::Spaces => "nhiều dấu cách",
        }
    }

    /// Another separator that a line holds, if it is not split by this one.
    pub fn other_in(self, line: &str) -> Option<Sep> {
        [Sep::Tab, Sep::Semicolon]
            .into_iter()
            .find(|s| *s != self && s.char().is_some_and(|c| line.contains(c)))
    }
}

/// One record of the table: the line it starts on (from 1), its fields, and its text.
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    pub text: String,
}

/// Splits a table into records. A quoted field may hold the separator, a line break and
/// doubled quotes; an unbalanced quote is an error naming its line.
pub fn records(text: &str, sep: Sep) -> Result<Vec<Record>, (usize, String)> {
    let text = text.trim_start_matches('\u{feff}');
    let Some(sep_char) = sep.char() else {
        return Ok(text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| Record {
                line: i + 1,
                fields: split_spaces(l),
                text: l.to_string(),
            })
            .collect());
    };
    let mut out = Vec::new();
    let (mut fields, mut field, mut raw) = (Vec::new(), String::new(), String::new());
    let (mut line, mut start, mut quoted, mut at_start) = (1, 1, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if at_start => quoted = true,
            c if quoted => field.push(c),
            c if c == sep_char => fields.push(std::mem::take(&mut field)),
            '\r' => continue,
            '\n' => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut out, start, std::mem::take(&mut fields), &raw);
                raw.clear();
                start = line;
                at_start = true;
                continue;
            }
            c => field.push(c),
        }
        raw.push(c);
        at_start = c == sep_char;
    }
    if quoted {
        return Err((start, "dấu ngoặc kép (\") không được đóng".into()));
    }
    fields.push(field);
    push_record(&mut out, start, fields, &raw);
    Ok(out)
}

fn push_record(out: &mut Vec<Record>, line: usize, fields: Vec<String>, raw: &str) {
    if fields.iter().any(|f| !f.trim().is_empty()) {
        let fields = fields.into_iter().map(|f| unguard(f.trim())).collect();
        out.push(Record {
            line,
            fields,
            text: raw.to_string(),
        });
    }
}

fn split_spaces(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut spaces = 0;
    for c in line.trim().chars() {
        if c == ' ' || c == '\u{a0}' {
            spaces += 1;
            continue;
        }
        if spaces >= 2 {
            out.push(std::mem::take(&mut field));
        } else if spaces == 1 {
            field.push(' ');
        }
        spaces = 0;
        field.push(c);
    }
    out.push(field);
    out
}

/// Spreadsheets run a cell that starts with "=", "+", "-" or "@" as a formula: the export
/// writes such text behind a "'", which reading removes.
pub fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A CSV field: quoted (quotes doubled) when it holds the separator, a quote or a line break.
pub fn csv_field(text: String, sep: char) -> String {
    if text.contains([sep, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn unguard(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => text.to_string(),
    }
}

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
}

/// Reads one threshold cell; `None` for an empty cell or "-" (no threshold in this column).
pub fn cell(text: &str) -> Result<Option<Cell>, String> {
    let t = text.trim();
    if t.is_empty() || ["-", "–", "—", "x", "X"].contains(&t) {
        return Ok(None);
    }
    if crate::core::vn::to_lower(t) == "đạt" {
        return Ok(Some(Cell::Met));
    }
    let (direction, rest) = if let Some(r) = strip_any(t, &["≥", ">=", "=>"]) {
        (Some(Direction::AtLeast), r)
    } else if let Some(r) = strip_any(t, &["≤", "<=", "=<"]) {
        (Some(Direction::AtMost), r)
    } else if t.starts_with(['>', '<']) {
        return Err(format!(
            "ô “{t}”: ghi “≥” (từ … trở lên) hoặc “≤” (không quá …); dấu “>”, “<” không dùng cho ngưỡng"
        ));
    } else {
        (None, t)
    };
    let rest = rest.trim_start();
    let split = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '-')))
        .map_or(rest.len(), |(i, _)| i);
    let (number, unit) = rest.split_at(split);
    if number.trim().is_empty() {
        let m = crate::core::num::NumError::NotANumber.message_vi();
        return Err(format!("ô “{t}”: {}", m.trim_end_matches('.')));
    }
    let value = Dec::parse_vn(number)
        .map_err(|e| format!("ô “{t}”: {}", e.message_vi().trim_end_matches('.')))?;
    if value.is_negative() {
        return Err(format!("ô “{t}”: ngưỡng không được âm"));
    }
    let unit = unit.trim().to_string();
    // "1 234,5" is one number; a unit never starts with a figure (it would not read back).
    if unit.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '-')) {
        return Err(format!("ô “{t}”: không tách được số và đơn vị"));
    }
    if unit == "%" && value > Dec::HUNDRED {
        return Err(format!("ô “{t}”: tỷ lệ không quá 100%"));
    }
    Ok(Some(Cell::Number {
        direction,
        value,
        unit,
    }))
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
        assert_eq!(cell(" - "), Ok(None));
        assert!(cell("≥ abc").unwrap_err().contains("Không phải là số"));
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
    fn records_honour_quotes_and_name_the_line() {
        let r = records("a;\"b;c\";\"d \"\"e\"\"\nf\"\n\n1;2;3\n", Sep::Semicolon).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].fields, ["a", "b;c", "d \"e\"\nf"]);
        assert_eq!((r[1].line, r[1].fields.len()), (4, 3));
        assert_eq!(records("a;\"b\n", Sep::Semicolon).err().unwrap().0, 1);
        let s = records("1.1  Có quy hoạch chung  ≥ 80%  Nguồn A", Sep::Spaces).unwrap();
        assert_eq!(
            s[0].fields,
            ["1.1", "Có quy hoạch chung", "≥ 80%", "Nguồn A"]
        );
        assert_eq!(
            records("'-x;'=1", Sep::Semicolon).unwrap()[0].fields,
            ["-x", "=1"]
        );
    }
}
