//! What the inputs of an indicator are called, in the indicator's own words: a share's two
//! counts by the names the set gives them, with their unit ("Số hộ nghèo đa chiều (hộ)"), never
//! a placeholder unit ("đơn vị"). Where a set only has the generic names a table or the set
//! editor gives ("Số đạt yêu cầu", "Tổng số"), the names are taken from the indicator's
//! wording, so that what is counted is plain: under "Tỷ lệ hộ nghèo đa chiều ≤ 5,5 %" the
//! first count is "Số hộ nghèo đa chiều", not "Số đạt yêu cầu" (which invites the non-poor).

use super::{Direction, Indicator, Kind};

/// The generic names a set is given where nobody named what is counted.
const GENERIC_NUMERATOR: &str = "Số đạt yêu cầu";
const GENERIC_DENOMINATOR: &str = "Tổng số";

/// A unit worth saying: not empty, not the placeholder "đơn vị".
fn real_unit(unit: &str) -> Option<&str> {
    let unit = unit.trim();
    (!unit.is_empty() && unit != "đơn vị").then_some(unit)
}

/// "Tỷ lệ hộ nghèo đa chiều (theo chuẩn …)" → "hộ nghèo đa chiều": what a share's wording says
/// is counted, when it says it plainly.
fn counted(wording: &str) -> Option<String> {
    let rest = wording.trim().strip_prefix("Tỷ lệ ")?;
    let end = rest
        .find(['(', ',', ';', ':', '≥', '≤'])
        .unwrap_or(rest.len());
    let what = rest[..end].trim();
    (!what.is_empty()).then(|| what.to_string())
}

impl Indicator {
    /// The labels of a share's two counts (what is counted, and of how many), with the unit
    /// where there is one; `None` for other kinds.
    pub fn count_labels(&self) -> Option<(String, String)> {
        let Kind::Percent {
            numerator,
            denominator,
            unit,
        } = &self.kind
        else {
            return None;
        };
        let unit = real_unit(unit);
        let numerator = match numerator.trim() {
            n if n == GENERIC_NUMERATOR || n.is_empty() => {
                match (
                    counted(&self.wording).or_else(|| counted(&self.short)),
                    self.direction,
                ) {
                    (Some(what), _) => format!("Số {what}"),
                    (None, Some(Direction::AtMost)) => {
                        format!(
                            "Số được tính vào tỷ lệ “{}” (càng ít càng tốt)",
                            self.short.trim()
                        )
                    }
                    (None, _) => GENERIC_NUMERATOR.to_string(),
                }
            }
            n => n.to_string(),
        };
        let denominator = match (denominator.trim(), unit) {
            (d, Some(u)) if d == GENERIC_DENOMINATOR || d.is_empty() => format!("Tổng số {u}"),
            ("", None) => GENERIC_DENOMINATOR.to_string(),
            (d, _) => d.to_string(),
        };
        let with_unit = |label: String| match unit {
            Some(u) if !label.ends_with(&format!(" {u}")) => format!("{label} ({u})"),
            _ => label,
        };
        Some((with_unit(numerator), with_unit(denominator)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(wording: &str, num: &str, den: &str, unit: &str, dir: Direction) -> Indicator {
        let text = format!(
            r#"{{"code":"11","wording":"{wording}","short":"{wording}","kind":{{"type":"percent","numerator":"{num}","denominator":"{den}","unit":"{unit}"}},"direction":"{}","thresholds":[]}}"#,
            match dir {
                Direction::AtLeast => "at_least",
                Direction::AtMost => "at_most",
            }
        );
        crate::core::json::from_str(&text).expect("an indicator")
    }

    #[test]
    fn a_shares_counts_are_named_by_the_set_with_their_unit() {
        let i = share(
            "Tỷ lệ hộ nghèo đa chiều",
            "Số hộ nghèo đa chiều",
            "Tổng số hộ",
            "hộ",
            Direction::AtMost,
        );
        assert_eq!(
            i.count_labels(),
            Some(("Số hộ nghèo đa chiều (hộ)".into(), "Tổng số hộ".into()))
        );
    }

    #[test]
    fn generic_names_give_way_to_what_the_wording_counts_and_no_placeholder_unit() {
        let i = share(
            "Tỷ lệ hộ nghèo đa chiều",
            "Số đạt yêu cầu",
            "Tổng số",
            "đơn vị",
            Direction::AtMost,
        );
        assert_eq!(
            i.count_labels(),
            Some(("Số hộ nghèo đa chiều".into(), "Tổng số".into()))
        );
        let i = share(
            "Tỷ lệ hộ nghèo đa chiều (theo chuẩn 2026)",
            "Số đạt yêu cầu",
            "Tổng số",
            "hộ",
            Direction::AtMost,
        );
        assert_eq!(
            i.count_labels(),
            Some(("Số hộ nghèo đa chiều (hộ)".into(), "Tổng số hộ".into()))
        );
        let i = share(
            "Hộ nghèo",
            "Số đạt yêu cầu",
            "Tổng số",
            "",
            Direction::AtMost,
        );
        let (num, _) = i.count_labels().unwrap_or_default();
        assert!(num.contains("Hộ nghèo") && num.contains("càng ít"), "{num}");
        let i = share(
            "Đường được cứng hóa",
            "Số đạt yêu cầu",
            "Tổng số",
            "km",
            Direction::AtLeast,
        );
        assert_eq!(
            i.count_labels(),
            Some(("Số đạt yêu cầu (km)".into(), "Tổng số km".into()))
        );
    }
}
