//! What changed between two versions of a criteria set, in words an official checks against
//! the new decision: indicators added or removed, wordings, kinds and thresholds changed
//! (with what is left to the province and where an indicator does not apply); what a draft's
//! result becomes if it moves to the new version; the next free version of a user's set.

use crate::core::criteria::{CriteriaSet, Indicator, Kind};
use crate::core::draft::{Draft, SetRef};
use crate::core::scoring::score;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added {
        code: String,
        wording: String,
    },
    Removed {
        code: String,
        wording: String,
    },
    Wording {
        code: String,
    },
    /// The kind or what it counts: "tỷ lệ % (hộ)" → "giá trị (triệu đồng)".
    Kind {
        code: String,
        before: String,
        after: String,
    },
    Thresholds {
        code: String,
        before: String,
        after: String,
    },
}

impl Change {
    pub fn text_vi(&self) -> String {
        match self {
            Change::Added { code, wording } => format!("Thêm chỉ tiêu {code}: {wording}"),
            Change::Removed { code, wording } => format!("Bỏ chỉ tiêu {code}: {wording}"),
            Change::Wording { code } => format!("Chỉ tiêu {code}: sửa nội dung"),
            Change::Kind {
                code,
                before,
                after,
            } => format!("Chỉ tiêu {code}: loại {before} → {after}"),
            Change::Thresholds {
                code,
                before,
                after,
            } => {
                format!("Chỉ tiêu {code}: ngưỡng {before} → {after}")
            }
        }
    }
}

/// An indicator's kind in words: "đạt/chưa đạt", "tỷ lệ % (hộ)", "giá trị (triệu đồng)".
pub fn kind_text(kind: &Kind) -> String {
    let with = |what: &str, unit: &str| match unit.trim() {
        "" => what.to_string(),
        u => format!("{what} ({u})"),
    };
    match kind {
        Kind::YesNo => "đạt/chưa đạt".into(),
        Kind::Percent { unit, .. } => with("tỷ lệ %", unit),
        Kind::Amount { unit } => with("giá trị", unit),
        Kind::Count { unit } => with("số lượng", unit),
    }
}

fn column_name(set: &CriteriaSet, column: &Option<String>) -> Option<String> {
    column
        .as_ref()
        .map(|c| set.column(c).map_or_else(|| c.clone(), |x| x.name.clone()))
}

/// An indicator's thresholds (or "đạt/không đạt") in one line, each with its column and year,
/// with what the decision leaves open and where the indicator does not apply.
pub fn thresholds_text(set: &CriteriaSet, i: &Indicator) -> String {
    let mut parts: Vec<String> = i
        .thresholds
        .iter()
        .map(|t| {
            let column = column_name(set, &t.column)
                .map(|c| format!("{c}: "))
                .unwrap_or_default();
            let year = t.year.map(|y| format!(" (năm {y})")).unwrap_or_default();
            let value = crate::core::set_table::write_number(i.direction, t.value, i.kind.unit());
            format!("{column}{value}{year}")
        })
        .collect();
    parts.extend(
        i.open_thresholds
            .iter()
            .map(|o| match column_name(set, &o.column) {
                Some(c) => format!("{c}: {}", o.note),
                None => o.note.clone(),
            }),
    );
    if !i.not_applicable_in.is_empty() {
        let names: Vec<String> = i
            .not_applicable_in
            .iter()
            .filter_map(|c| column_name(set, &Some(c.clone())))
            .collect();
        parts.push(format!("không áp dụng: {}", names.join(", ")));
    }
    match (i.kind.is_numeric(), parts.is_empty()) {
        (false, true) => "đạt/không đạt".into(),
        (false, false) => format!("đạt/không đạt; {}", parts.join("; ")),
        (true, true) => "chưa có".into(),
        (true, false) => parts.join("; "),
    }
}

fn find<'a>(set: &'a CriteriaSet, code: &str) -> Option<&'a Indicator> {
    set.indicators()
        .find(|(_, i)| i.code == code)
        .map(|(_, i)| i)
}

/// The changes from `old` to `new`, in the new set's order (removed indicators last).
pub fn diff(old: &CriteriaSet, new: &CriteriaSet) -> Vec<Change> {
    let mut out = Vec::new();
    for (_, n) in new.indicators() {
        let Some(o) = find(old, &n.code) else {
            out.push(Change::Added {
                code: n.code.clone(),
                wording: n.wording.clone(),
            });
            continue;
        };
        if o.wording != n.wording {
            out.push(Change::Wording {
                code: n.code.clone(),
            });
        }
        if kind_text(&o.kind) != kind_text(&n.kind) {
            out.push(Change::Kind {
                code: n.code.clone(),
                before: kind_text(&o.kind),
                after: kind_text(&n.kind),
            });
        }
        let (before, after) = (thresholds_text(old, o), thresholds_text(new, n));
        if before != after {
            out.push(Change::Thresholds {
                code: n.code.clone(),
                before,
                after,
            });
        }
    }
    for (_, o) in old.indicators() {
        if find(new, &o.code).is_none() {
            out.push(Change::Removed {
                code: o.code.clone(),
                wording: o.wording.clone(),
            });
        }
    }
    out
}

/// A draft moved to `set`: figures kept by indicator code, as switching sets always does.
pub fn moved(draft: &Draft, set: &CriteriaSet) -> Draft {
    let mut d = draft.clone();
    d.set = Some(SetRef {
        id: set.id.clone(),
        version: set.version.clone(),
    });
    d
}

/// "đạt 6/10 tiêu chí" now, and what it would be under `new`.
pub fn results(old: &CriteriaSet, new: &CriteriaSet, draft: &Draft) -> (String, String) {
    (
        score(old, draft).summary_vi(),
        score(new, &moved(draft, new)).summary_vi(),
    )
}

/// A set brought in, never over a set already here: one whose id and version are taken
/// becomes a version of its own ("-nhap", then "-nhap-2"…).
pub fn versioned(mut set: CriteriaSet, library: &[CriteriaSet]) -> CriteriaSet {
    let taken: Vec<&str> = library
        .iter()
        .filter(|s| s.id == set.id)
        .map(|s| s.version.as_str())
        .collect();
    if taken.contains(&set.version.as_str()) {
        let imported = format!("{}-nhap", set.version);
        set.version = match taken.contains(&imported.as_str()) {
            true => next_version(&imported, &taken),
            false => imported,
        };
    }
    set
}

/// The next version after `version` that no version in `taken` is: its last number counted
/// up ("1" → "2", "2022.1" → "2022.2"), or "-2" added when it ends with no number.
pub fn next_version(version: &str, taken: &[&str]) -> String {
    let bump = |v: &str| {
        let digits = v.chars().rev().take_while(char::is_ascii_digit).count();
        match v.split_at(v.len() - digits) {
            (head, "") => format!("{head}-2"),
            (head, n) => format!("{head}{}", n.parse::<u64>().unwrap_or(0).saturating_add(1)),
        }
    };
    let mut next = bump(version);
    while taken.contains(&next.as_str()) {
        next = bump(&next);
    }
    next
}

/// Whether two sets say the same thing, whatever their versions.
pub fn same_content(a: &CriteriaSet, b: &CriteriaSet) -> bool {
    a.id == b.id && {
        let mut b = b.clone();
        b.version.clone_from(&a.version);
        *a == b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::num::Dec;
    use crate::core::sets::shipped;

    #[test]
    fn added_removed_and_changed_thresholds_are_named() {
        let old = shipped()
            .into_iter()
            .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
            .unwrap();
        let mut new = old.clone();
        new.version = "2025.1".into();
        let ind = new
            .criteria
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
            .find(|i| i.code == "3.1")
            .unwrap();
        ind.thresholds[0].value = Dec::parse_vn("90").unwrap();
        new.criteria[12].indicators.retain(|i| i.code != "13.5");
        let changes = diff(&old, &new);
        let texts: Vec<String> = changes.iter().map(|c| c.text_vi()).collect();
        assert!(
            texts.contains(&"Chỉ tiêu 3.1: ngưỡng ≥ 85% → ≥ 90%".to_string()),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("Bỏ chỉ tiêu 13.5")),
            "{texts:?}"
        );
        assert_eq!(changes.len(), 2);
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn versions_count_up_past_the_ones_taken() {
        assert_eq!(next_version("1", &[]), "2");
        assert_eq!(next_version("2022.1", &["2022.2"]), "2022.3");
        assert_eq!(next_version("2022.1-nhap", &[]), "2022.1-nhap-2");
        assert_eq!(next_version("9", &[]), "10");
        let set = shipped().remove(0);
        let mut other = set.clone();
        other.version = "khác".into();
        assert!(same_content(&set, &other));
        other.name.push('!');
        assert!(!same_content(&set, &other));
    }

    #[test]
    fn kinds_and_what_is_left_to_the_province_are_named() {
        use crate::core::criteria::OpenThreshold;
        let old = shipped()
            .into_iter()
            .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
            .unwrap();
        let mut new = old.clone();
        let ind = new
            .criteria
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
            .find(|i| i.code == "9.2")
            .unwrap();
        ind.kind = Kind::Amount {
            unit: "hộ".into()
        };
        ind.open_thresholds.push(OpenThreshold {
            column: None,
            note: "Theo quy định của UBND tỉnh".into(),
            source: String::new(),
        });
        let texts: Vec<String> = diff(&old, &new).iter().map(Change::text_vi).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Chỉ tiêu 9.2: loại tỷ lệ % (hộ) → giá trị (hộ)")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("Theo quy định của UBND tỉnh")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_draft_moved_to_a_stricter_version_shows_what_it_would_become() {
        let env = crate::core::store::read(include_str!("../../tests/fixtures/envelope-v1.json"))
            .unwrap();
        let mut stricter = env.set.clone();
        stricter.version = "2".into();
        for i in stricter
            .criteria
            .iter_mut()
            .flat_map(|c| c.indicators.iter_mut())
        {
            for t in &mut i.thresholds {
                if i.kind.unit() == "%"
                    && i.direction == Some(crate::core::criteria::Direction::AtLeast)
                {
                    t.value = Dec::HUNDRED;
                }
            }
        }
        let (now, then) = results(&env.set, &stricter, &env.draft);
        assert_eq!(now, score(&env.set, &env.draft).summary_vi());
        assert_ne!(now, then, "a stricter version changes the result");
        assert_eq!(moved(&env.draft, &stricter).set.unwrap().version, "2");
    }
}
