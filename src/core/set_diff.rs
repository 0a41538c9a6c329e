//! What changed between two versions of a criteria set, in words an official checks against
//! the new decision: indicators added or removed, wordings, kinds and thresholds changed; and
//! what a draft's result becomes if it moves to the new version.

use crate::core::criteria::{CriteriaSet, Indicator};
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

/// An indicator's thresholds (or "đạt/không đạt") in one line, each with its column and year.
fn thresholds_text(set: &CriteriaSet, i: &Indicator) -> String {
    if !i.kind.is_numeric() {
        return "đạt/không đạt".into();
    }
    if i.thresholds.is_empty() {
        return "chưa có".into();
    }
    let parts: Vec<String> = i
        .thresholds
        .iter()
        .map(|t| {
            let column = t
                .column
                .as_ref()
                .and_then(|c| set.columns.items.iter().find(|x| x.id == *c))
                .map(|c| format!("{}: ", c.name))
                .unwrap_or_default();
            let year = t.year.map(|y| format!(" (năm {y})")).unwrap_or_default();
            let value = crate::core::set_table::write_number(i.direction, t.value, i.kind.unit());
            format!("{column}{value}{year}")
        })
        .collect();
    parts.join("; ")
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
