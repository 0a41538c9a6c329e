//! What a row's text says: a code at the start of a cell ("1.1. Có quy hoạch"), a group's
//! Roman numeral, a criterion named in words; the code and wording of a row from its columns;
//! the checks a row's code and threshold cells must pass, each refusal saying what to write.

use super::cells::Cell;
use crate::core::criteria::CriteriaSet;
use crate::core::vn::to_lower;

/// Text with every run of white space (line breaks included) made one space, trimmed.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Code "5" or "5.2" (up to three digits a part).
pub fn is_code(text: &str) -> bool {
    let mut parts = text.split('.');
    parts.all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// A code at the start of a text, and the text after it: "1.1. Có quy hoạch" → ("1.1", "Có
/// quy hoạch"), "5" → ("5", ""). A criterion's number has at most two digits; the code must
/// end the text or be followed by a space.
pub fn split_code(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (head, rest) = t.split_at(end);
    let code = head.trim_end_matches('.');
    let first = code.split('.').next().unwrap_or("");
    let fits = is_code(code) && first.len() <= 2;
    (fits && (rest.is_empty() || rest.starts_with(char::is_whitespace)))
        .then(|| (code.to_string(), rest.trim().to_string()))
}

/// A group's Roman numeral at the start of a text: "II", "IV.", "III HẠ TẦNG".
pub fn is_roman(text: &str) -> bool {
    let t = text.trim();
    let word = t.split([' ', '.', '\t']).next().unwrap_or("");
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| "IVXL".contains(c))
}

/// The code (from its column, or from the start of the wording) and the wording without it.
pub fn code_and_wording(
    code_f: &str,
    word_f: &str,
    name_f: &str,
) -> Result<(String, String), String> {
    let in_code = split_code(code_f);
    let in_word = split_code(word_f);
    match (in_code, in_word) {
        (Some((a, ra)), Some((w, rw))) => {
            let criterion = w.split('.').next().unwrap_or("");
            if w == a || (w.contains('.') && criterion == a) {
                Ok((w, rw))
            } else if w.contains('.') {
                Err(format!("mã ở cột mã ({a}) khác mã ở đầu nội dung ({w}): sửa một trong hai cho khớp"))
            } else {
                Ok((a, if word_f.is_empty() { ra } else { word_f.to_string() }))
            }
        }
        (Some((a, ra)), None) => Ok((a, if word_f.is_empty() { ra } else { word_f.to_string() })),
        (None, Some((w, rw))) if code_f.is_empty() => Ok((w, rw)),
        (None, _) if !code_f.is_empty() => Err(format!(
            "mã chỉ tiêu “{code_f}” không đọc được (cần dạng 5 hoặc 5.2)"
        )),
        _ => match criterion_words(name_f).or_else(|| criterion_words(word_f)) {
            Some(n) => Ok((n, String::new())),
            None => Err("không có mã chỉ tiêu: ghi mã (dạng 5 hoặc 5.2) ở cột mã hoặc ở đầu nội dung; nếu là ghi chú ngoài bảng, hãy xóa dòng này".into()),
        },
    }
}

/// "Tiêu chí số 3", "TIÊU CHÍ 3. …": a criterion's heading in words.
fn criterion_words(text: &str) -> Option<String> {
    let lower = to_lower(text);
    let rest = lower.strip_prefix("tiêu chí")?.trim_start();
    let rest = rest.strip_prefix("số").unwrap_or(rest).trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && digits.len() <= 2).then_some(digits)
}

pub fn check_code(code: &str, set: &CriteriaSet) -> Result<(), String> {
    let number = code.split('.').next().unwrap_or("");
    let criterion = number.parse::<u8>().ok();
    if !set.criteria.iter().any(|c| Some(c.number) == criterion) {
        return Err(format!("bộ tiêu chí không có tiêu chí {number}"));
    }
    if code.matches('.').count() > 1 {
        return Err(format!(
            "mã chỉ tiêu “{code}” có quá nhiều cấp (cần dạng 5 hoặc 5.2)"
        ));
    }
    Ok(())
}

/// The cells of one row must speak of one kind of indicator, in one direction, one unit.
pub fn check_cells(cells: &[(Option<String>, Cell)], columns: usize) -> Result<(), String> {
    let met = cells.iter().any(|(_, c)| *c == Cell::Met);
    let numbers = cells.iter().any(|(_, c)| matches!(c, Cell::Number { .. }));
    if met && numbers {
        return Err("“Đạt” và ngưỡng bằng số cùng một dòng: một chỉ tiêu chỉ có một loại; ghi cả dòng bằng số (VD: “≥ 100%”) hoặc cả dòng “Đạt”".into());
    }
    let not_applicable = cells
        .iter()
        .filter(|(_, c)| *c == Cell::NotApplicable)
        .count();
    if not_applicable > 0 && not_applicable == columns {
        return Err("“-” (không áp dụng) ở mọi cột: chỉ tiêu không áp dụng cho xã nào; để trống ô nếu văn bản chưa có ngưỡng".into());
    }
    if cells
        .iter()
        .any(|(col, c)| col.is_none() && *c == Cell::NotApplicable)
    {
        return Err(
            "“-” (không áp dụng) ở cột chung: ghi “-” ở cột của nhóm (vùng) không áp dụng".into(),
        );
    }
    let mut direction = None;
    let mut unit: Option<&str> = None;
    for (_, c) in cells {
        if let Cell::Number {
            direction: d,
            unit: u,
            ..
        } = c
        {
            if d.is_some() && direction.is_some() && *d != direction {
                return Err("có ô “≥” và ô “≤” cùng một dòng".into());
            }
            direction = direction.or(*d);
            if !u.is_empty() && unit.is_some_and(|x| x != u) {
                return Err(format!(
                    "đơn vị khác nhau trong một dòng (“{}” và “{u}”)",
                    unit.unwrap_or_default()
                ));
            }
            if !u.is_empty() {
                unit = Some(u);
            }
        }
    }
    Ok(())
}
