//! The criteria sets shipped with the app, embedded at build time from `criteria/` (minified
//! by `build.rs`).

use crate::core::criteria::CriteriaSet;

/// The raw files, in the order the app offers them: the set in force first.
pub const SHIPPED: [(&str, &str); 3] = [
    (
        "quoc-gia-xa-ntm-2026-2030",
        include_str!(concat!(env!("OUT_DIR"), "/quoc-gia-xa-ntm-2026-2030.json")),
    ),
    (
        "lang-son-xa-ntm-2022-2025",
        include_str!(concat!(env!("OUT_DIR"), "/lang-son-xa-ntm-2022-2025.json")),
    ),
    (
        "quoc-gia-xa-ntm-2021-2025",
        include_str!(concat!(env!("OUT_DIR"), "/quoc-gia-xa-ntm-2021-2025.json")),
    ),
];

/// Every shipped set, parsed. A shipped file that fails validation is a build defect caught by
/// the native tests; at run time it is skipped rather than taking the app down.
pub fn shipped() -> Vec<CriteriaSet> {
    SHIPPED
        .iter()
        .filter_map(|(_, text)| CriteriaSet::from_json(text).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::criteria::FORMAT;

    #[test]
    fn every_shipped_set_is_valid_current_and_numbered_from_one() {
        for (id, text) in SHIPPED {
            let set = CriteriaSet::from_json(text).unwrap_or_else(|e| panic!("{id}: {e:?}"));
            assert_eq!(set.id, id);
            assert_eq!(
                set.format, FORMAT,
                "{id}: shipped files are written in the current format"
            );
            let numbers: Vec<u8> = set.criteria.iter().map(|c| c.number).collect();
            let expected: Vec<u8> = (1..).take(numbers.len()).collect();
            assert_eq!(numbers, expected, "{id}");
        }
    }
}
