//! A file the commune received (on Zalo, by e-mail, on a USB stick), told apart before it is
//! read: a criteria set from the province, a draft report, or a part of the commune's team.
//! Each is then read strictly by its own reader (`CriteriaSet::from_json`, `store::read_import`,
//! `team::read_part`), which says in Vietnamese what is wrong with it.

use crate::core::criteria::CriteriaSet;
use crate::core::json::{file_kind, FileKind};

/// What a received file is, from a few top-level fields only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Received {
    /// A criteria-set file (`format` and `criteria`).
    Set,
    /// A draft of this app (our mark, not a part).
    Draft,
    /// A part of the commune's team (`core::team`), which also carries our mark.
    Part,
    /// Anything else: not a JSON object, or a JSON file of another kind.
    Other,
}

/// What `text` is. A part is asked first: it carries the app's mark as a draft does.
pub fn received(text: &str) -> Received {
    // A byte-order mark (Notepad on Windows writes one) changes nothing.
    let text = text.trim_start_matches('\u{feff}');
    if crate::core::team::is_part(text) {
        return Received::Part;
    }
    match file_kind(text) {
        Some(FileKind::CriteriaSet) => Received::Set,
        Some(FileKind::Draft) => Received::Draft,
        Some(FileKind::Other) | None => Received::Other,
    }
}

/// How the set received from the province is remembered across reloads: its content's
/// fingerprint, id and version ("fingerprint@id@version"; neither a fingerprint nor an id has
/// an '@', a version may).
pub fn mark(set: &CriteriaSet) -> String {
    format!("{}@{}@{}", set.fingerprint(), set.id, set.version)
}

/// The set `mark` names (id, version), if it is still the set received: one of the user's
/// `sets` of that id, version and content (the set page edits a set in place, keeping both; a
/// set deleted and another saved under its id and version is not the one received), or a
/// shipped set, which never changes.
pub fn marked(mark: &str, sets: &[CriteriaSet]) -> Option<(String, String)> {
    let (fingerprint, rest) = mark.split_once('@')?;
    let (id, version) = rest.split_once('@')?;
    let same = |s: &CriteriaSet| s.id == id && s.version == version;
    let still = sets
        .iter()
        .any(|s| same(s) && s.fingerprint() == fingerprint)
        || (crate::core::sets::CATALOGUE.iter()).any(|l| l.id == id && l.version == version);
    still.then(|| (id.to_string(), version.to_string()))
}

/// Why a file is none of the three, in Vietnamese.
pub const OTHER_VI: &str = "Tệp này không phải tệp của ứng dụng: ứng dụng mở được bộ tiêu chí do tỉnh gửi, bản nháp báo cáo của xã, hoặc phần việc của một người trong tổ. Nếu là tệp Word hoặc Excel, hãy xin người gửi tệp xuất từ ứng dụng.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::new_draft;
    use crate::core::store::Envelope;
    use crate::core::team::{hand_out, Request};

    fn set() -> crate::core::criteria::CriteriaSet {
        crate::core::sets::current()
            .into_iter()
            .next()
            .expect("a shipped set")
    }

    #[test]
    fn a_set_a_draft_and_a_part_are_told_apart() {
        let s = set();
        let set_text = serde_json::to_string(&s).unwrap_or_default();
        assert_eq!(received(&set_text), Received::Set);
        let d = new_draft("d-1".into(), &s, None);
        let env = Envelope::new(d.clone(), s.clone(), "2026-06-01T00:00:00Z".into());
        assert_eq!(received(&env.to_json()), Received::Draft);
        assert_eq!(
            received(&format!("\u{feff}{}", env.to_json())),
            Received::Draft
        );
        let code = s.criteria[0].number.to_string();
        let request = Request {
            who: "Công chức văn hóa".into(),
            picks: vec![code],
            due: None,
        };
        let handed = hand_out(&d, &s, request, "p-1".into(), "2026-06-01T00:00:00Z");
        let Ok((_, part)) = handed else {
            panic!("a part is handed out: {handed:?}");
        };
        assert_eq!(received(&part.to_json_pretty()), Received::Part);
    }

    #[test]
    fn the_received_set_is_remembered_while_it_is_the_same_set() {
        let mut s = set();
        s.id = "tinh-gui".into();
        s.version = "2026@1".into();
        let m = mark(&s);
        let named = Some(("tinh-gui".to_string(), "2026@1".to_string()));
        assert_eq!(marked(&m, std::slice::from_ref(&s)), named);
        // Renamed on the set page: still the same content, still the set received.
        let mut renamed = s.clone();
        renamed.name = "Bộ của tỉnh (đổi tên)".into();
        assert_eq!(marked(&m, &[renamed]), named);
        // Edited in place (same id and version, another content), or gone: no longer it.
        let mut edited = s.clone();
        edited.legal_basis.title.push_str(" (sửa)");
        assert_ne!(edited.fingerprint(), s.fingerprint());
        assert_eq!(marked(&m, &[edited]), None);
        assert_eq!(marked(&m, &[]), None);
        // A shipped set is named by id and version alone: it never changes.
        let shipped = &crate::core::sets::CATALOGUE[0];
        let m = format!("0000000000000000@{}@{}", shipped.id, shipped.version);
        let expected = Some((shipped.id.to_string(), shipped.version.to_string()));
        assert_eq!(marked(&m, &[]), expected);
        // Anything else stored there names nothing.
        for junk in ["", "abc", "a@b", "@@"] {
            assert_eq!(marked(junk, std::slice::from_ref(&s)), None, "{junk}");
        }
    }

    #[test]
    fn anything_else_is_other() {
        for text in ["", "[1,2]", "{\"a\":1}", "không phải JSON", "{"] {
            assert_eq!(received(text), Received::Other, "{text}");
        }
    }
}
