//! An indicator's kind, unit and direction from everything its rows say: the cells ("≥ 80%",
//! "Đạt"), a unit column ("%", "% (hộ)", "triệu đồng/người/năm"), the threshold columns'
//! header ("(%)"), the wording ("Tỷ lệ hộ …" is a share of households; "… (triệu
//! đồng/người/năm)"), and, for an indicator the set has, what it is now.

use super::cells::Cell;
use super::grid::Row;
use crate::core::criteria::{Direction, Kind};
use crate::core::vn::to_lower;

/// What an indicator's rows say about its kind.
#[derive(Debug, Default)]
pub struct Evidence {
    pub met: bool,
    pub numbers: bool,
    /// A threshold cell of any kind (a figure, "Đạt", the decision's words, "-"): the rows
    /// give the indicator's thresholds, which replace the ones it has.
    pub touches: bool,
    /// The unit of the figures from cells, a unit column or the header ("%", "" for none).
    pub unit: Option<String>,
    /// The unit the wording ends with ("… (triệu đồng/người/năm)").
    pub wording_unit: Option<String>,
    /// The unit the wording suggests ("Tỷ lệ …" → "%"), for a new indicator only.
    pub guessed_unit: Option<String>,
    /// What a share counts ("hộ"), from a unit column.
    pub counted: Option<String>,
    pub direction: Option<Direction>,
}

/// A unit column's text: "%" (a share), "% (hộ)" or "% hộ" (a share of households), or a unit.
fn unit_column(text: &str) -> (Option<String>, Option<String>) {
    let t = text.trim();
    if t.is_empty() {
        return (None, None);
    }
    match t.strip_prefix('%') {
        Some(rest) => {
            let counted = rest
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .trim();
            let counted = counted.strip_prefix("số ").unwrap_or(counted);
            (
                Some("%".into()),
                (!counted.is_empty()).then(|| counted.to_string()),
            )
        }
        None => (Some(t.to_string()), None),
    }
}

/// A unit in parentheses at the end of the wording: "(%)", "(triệu đồng/người/năm)".
fn wording_unit(wording: &str) -> Option<String> {
    let t = wording.trim().trim_end_matches('.');
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let unit = inner[open + 1..].trim();
    let money = unit.contains("đồng") || unit.contains('/');
    (unit == "%" || (money && !unit.chars().any(|c| c.is_ascii_digit()) && unit.len() <= 60))
        .then(|| unit.to_string())
}

pub fn evidence(rows: &[&Row]) -> Result<Evidence, String> {
    let mut ev = Evidence::default();
    let mut cell_unit: Option<&str> = None;
    for (_, c) in rows.iter().flat_map(|r| &r.cells) {
        ev.touches |= *c != Cell::Applies;
        match c {
            Cell::Met => ev.met = true,
            Cell::Number {
                direction, unit, ..
            } => {
                ev.numbers = true;
                ev.direction = ev.direction.or(*direction);
                if !unit.is_empty() {
                    if cell_unit.is_some_and(|u| u != unit) {
                        return Err(format!(
                            "đơn vị khác nhau giữa các dòng của chỉ tiêu (“{}” và “{unit}”)",
                            cell_unit.unwrap_or_default()
                        ));
                    }
                    cell_unit = Some(unit);
                }
            }
            _ => {}
        }
    }
    if ev.met && ev.numbers {
        return Err(
            "“Đạt” và ngưỡng bằng số ở các dòng của một chỉ tiêu: một chỉ tiêu chỉ có một loại"
                .into(),
        );
    }
    let column = rows
        .iter()
        .map(|r| r.unit.trim())
        .find(|u| !u.is_empty())
        .unwrap_or("");
    let (column_unit, counted) = unit_column(column);
    ev.counted = counted;
    if let (Some(c), Some(u)) = (cell_unit, column_unit.as_deref()) {
        if c == "%" && u != "%" {
            // "≥ 80%" with "hộ" in the unit column: a share of households.
            ev.counted = Some(u.to_string());
        } else if c != u {
            return Err(format!(
                "ô ghi đơn vị “{c}” nhưng cột “Đơn vị” ghi “{u}”: sửa cho khớp"
            ));
        }
    }
    let header = Some(rows[0].header_unit.clone()).filter(|u| !u.is_empty());
    ev.unit = cell_unit
        .map(str::to_string)
        .or(column_unit.filter(|_| cell_unit.is_none()))
        .or(header);
    let wording = rows
        .iter()
        .map(|r| r.wording.as_str())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    ev.wording_unit = wording_unit(wording);
    ev.guessed_unit = to_lower(wording)
        .starts_with("tỷ lệ")
        .then(|| "%".to_string());
    Ok(ev)
}

/// The kind for figures in `unit`: the indicator's own kind when it fits (its numerator and
/// denominator names, its unit), else the kind the unit says.
pub fn numeric(unit: &str, old: Option<&Kind>, counted: &str) -> Kind {
    match (old, unit) {
        (
            Some(Kind::Percent {
                numerator,
                denominator,
                ..
            }),
            "%",
        ) => Kind::Percent {
            numerator: numerator.clone(),
            denominator: denominator.clone(),
            unit: counted.to_string(),
        },
        (_, "%") => Kind::Percent {
            numerator: "Số đạt yêu cầu".into(),
            denominator: "Tổng số".into(),
            unit: counted.to_string(),
        },
        (Some(k @ (Kind::Amount { unit: u } | Kind::Count { unit: u })), _) if u == unit => {
            k.clone()
        }
        (Some(k @ (Kind::Amount { .. } | Kind::Count { .. })), "") => k.clone(),
        (_, "") => Kind::Count {
            unit: String::new(),
        },
        (_, u) => Kind::Amount { unit: u.into() },
    }
}

/// What a share counts, read off its wording: "Tỷ lệ hộ …" → "hộ".
pub fn counted_from_wording(wording: &str) -> Option<String> {
    let lower = to_lower(wording);
    let rest = lower.strip_prefix("tỷ lệ")?.trim_start();
    const NOUNS: [(&str, &str); 14] = [
        ("hộ", "hộ"),
        ("người", "người"),
        ("lao động", "lao động"),
        ("trẻ", "trẻ"),
        ("học sinh", "học sinh"),
        ("trường", "trường"),
        ("thôn", "thôn"),
        ("ấp", "ấp"),
        ("bản", "bản"),
        ("km", "km"),
        ("diện tích", "ha"),
        ("cơ sở", "cơ sở"),
        ("hợp tác xã", "hợp tác xã"),
        ("cán bộ", "người"),
    ];
    NOUNS.iter().find_map(|(noun, unit)| {
        let after = rest.strip_prefix(noun)?;
        (after.is_empty() || after.starts_with(' ')).then(|| unit.to_string())
    })
}

/// The direction a wording suggests when no cell says it: "không vượt quá", "tối đa",
/// "giảm" are maxima.
pub fn direction_from_wording(wording: &str) -> Direction {
    let lower = to_lower(wording);
    let max = ["không quá", "không vượt quá", "tối đa", "dưới", "giảm"];
    if max.iter().any(|w| lower.contains(w)) {
        Direction::AtMost
    } else {
        Direction::AtLeast
    }
}

/// A short name from the wording: its first words, up to about 60 characters.
pub fn short_of(wording: &str) -> String {
    let mut out = String::new();
    for word in wording.split_whitespace() {
        if !out.is_empty() && out.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_wordings_say() {
        assert_eq!(
            counted_from_wording("Tỷ lệ hộ có nhà tiêu").as_deref(),
            Some("hộ")
        );
        assert_eq!(
            counted_from_wording("Tỷ lệ người dân tham gia").as_deref(),
            Some("người")
        );
        assert_eq!(counted_from_wording("Tỷ lệ thử nghiệm 1.1"), None);
        assert_eq!(
            counted_from_wording("Tỷ lệ hợp tác xã"),
            Some("hợp tác xã".into())
        );
        assert_eq!(
            wording_unit("Thu nhập bình quân (triệu đồng/người/năm)").as_deref(),
            Some("triệu đồng/người/năm")
        );
        assert_eq!(
            wording_unit("Tỷ lệ thử nghiệm (dữ liệu kiểm thử, không phải số liệu pháp lý)"),
            None
        );
        assert_eq!(
            direction_from_wording("Tỷ lệ hộ nghèo không vượt quá"),
            Direction::AtMost
        );
        assert_eq!(unit_column("% (hộ)"), (Some("%".into()), Some("hộ".into())));
        assert_eq!(
            unit_column("% số hộ"),
            (Some("%".into()), Some("hộ".into()))
        );
        assert_eq!(unit_column("km"), (Some("km".into()), None));
    }
}
