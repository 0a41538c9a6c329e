//! A file the commune received (on Zalo, by e-mail, on a USB stick), told apart before it is
//! read: a criteria set from the province, a draft report, or a part of the commune's team.
//! Each is then read strictly by its own reader (`CriteriaSet::from_json`, `store::read_import`,
//! `team::read_part`), which says in Vietnamese what is wrong with it.

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
    fn anything_else_is_other() {
        for text in ["", "[1,2]", "{\"a\":1}", "không phải JSON", "{"] {
            assert_eq!(received(text), Received::Other, "{text}");
        }
    }
}
