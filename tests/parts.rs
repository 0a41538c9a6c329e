//! The commune's team (`core::team`): parts handed out, worked on, read back strictly and
//! merged entry by entry against what was handed out. The modules under `tests/parts/` hold
//! the cases; the helpers here build a draft, hand parts out and carry files as bytes.

#[path = "parts/file.rs"]
mod file;
#[path = "parts/merge.rs"]
mod merge;
#[path = "parts/props.rs"]
mod props;
#[path = "parts/stored.rs"]
mod stored;
#[path = "parts/work.rs"]
mod work;

use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::draft::Draft;
use tieuchi::core::edit::{apply, new_draft, Edit, Stamp};
use tieuchi::core::scoring::score;
use tieuchi::core::sets;
use tieuchi::core::team::{hand_out, read_part, PartFile, Request};
use tieuchi::core::vn::Date;

pub const HANDED: &str = "2024-06-01T01:00:00.000Z";
pub const LATER: &str = "2024-06-10T08:30:00.000Z";
pub const MERGED: &str = "2024-06-20T03:00:00.000Z";
pub const CULTURE: &str = "Công chức Văn hóa - Xã hội";
pub const LAND: &str = "Công chức Địa chính - Xây dựng";

pub fn set() -> CriteriaSet {
    sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .unwrap()
}

/// The Liên Sơn draft of the first half of 2024, with a few figures typed by its compiler.
pub fn draft(set: &CriteriaSet) -> Draft {
    let mut d = new_draft("d-lien-son".into(), set, Date::new(2024, 6, 26));
    d.meta.commune = "Liên Sơn".into();
    d.meta.province = "Lạng Sơn".into();
    for edit in [
        Edit::Numerator("9.2".into(), "146".into()),
        Edit::Denominator("9.2".into(), "185".into()),
        Edit::Value("10".into(), "38".into()),
        Edit::Note("16".into(), "Có 9/9 thôn có nhà văn hóa.".into()),
    ] {
        d = typed(&d, set, edit, "2024-05-30T02:00:00.000Z");
    }
    d
}

/// The compiler's edit of the draft at `at`.
pub fn typed(d: &Draft, set: &CriteriaSet, edit: Edit, at: &str) -> Draft {
    let mut d = d.clone();
    let scores = score(set, &d);
    apply(&mut d, edit, set, &scores, &Stamp::compiler(at));
    d
}

/// Hands a part out, or fails the test.
pub fn hand(
    d: &Draft,
    set: &CriteriaSet,
    who: &str,
    picks: &[&str],
    id: &str,
) -> (Draft, PartFile) {
    let request = Request {
        who: who.into(),
        picks: picks.iter().map(|p| p.to_string()).collect(),
        due: Date::new(2024, 6, 15),
    };
    hand_out(d, set, request, id.into(), HANDED).unwrap()
}

/// A part as it travels: exported by its holder at `LATER`, received as bytes, read strictly.
pub fn send(part: &PartFile) -> PartFile {
    let (_, text) = part.export_done(LATER);
    read_part(&String::from_utf8(text.into_bytes()).unwrap()).unwrap()
}

/// The part with its holder's edits, each stamped with their name at `LATER`.
pub fn worked(part: &PartFile, edits: Vec<Edit>) -> PartFile {
    let mut part = part.clone();
    let stamp = part.stamp(LATER);
    for edit in edits {
        assert!(part.edit(edit, &stamp));
    }
    part
}
