//! A set's content as one short, stable number: two files whose sets print the same name and
//! version but were edited in place (the set page saves under the same id and version) score
//! differently, and the fingerprint tells them apart.

use super::CriteriaSet;

/// FNV-1a, 64 bits, of `bytes`: the same number on every platform, build and run (unlike the
/// standard library's hashers, which may change or be seeded). Not for security: two different
/// inputs with one hash are unlikely for honest data, not impossible for crafted data.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

impl CriteriaSet {
    /// The set's content as 16 hex digits: FNV-1a of its JSON (the app's own, compact, fields in
    /// their fixed order) with the name and version left empty, so renaming a set or giving it a
    /// new version number keeps the fingerprint, and any change of criteria, indicators,
    /// thresholds, columns or the rest changes it.
    pub fn fingerprint(&self) -> String {
        let mut content = self.clone();
        content.name.clear();
        content.version.clear();
        let json = crate::core::json::to_string(&content);
        format!("{:016x}", fnv1a64(json.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::num::Dec;

    #[test]
    fn fnv1a64_is_the_published_function() {
        // The reference values of FNV-1a 64 (Fowler, Noll, Vo: the empty string, "a", "foobar").
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_fingerprint_follows_content_not_name_or_version() {
        let set = CriteriaSet::from_json(include_str!(
            "../../../criteria/quoc-gia-xa-ntm-2021-2025.json"
        ))
        .expect("a shipped set");
        let fp = set.fingerprint();
        assert_eq!(fp.len(), 16);
        assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(set.clone().fingerprint(), fp, "stable");
        let mut renamed = set.clone();
        renamed.name = "Bộ tiêu chí của tỉnh".into();
        renamed.version = "2027.1".into();
        assert_eq!(renamed.fingerprint(), fp);
        let mut fewer = set.clone();
        fewer.criteria.pop();
        assert_ne!(fewer.fingerprint(), fp);
        let mut threshold = set.clone();
        let t = threshold
            .criteria
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
            .flat_map(|i| i.thresholds.iter_mut())
            .next()
            .expect("a threshold");
        t.value = Dec::from_int(1);
        assert_ne!(threshold.fingerprint(), fp);
        let mut column = set.clone();
        if let Some(c) = column.columns.items.first_mut() {
            c.name.push_str(" (sửa)");
            assert_ne!(column.fingerprint(), fp);
        }
    }
}
