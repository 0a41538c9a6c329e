//! Nothing stored is ever lost or out of reach: random sequences of writes by several builds
//! (an older one, this one in several tabs, a newer one), damage, deletes, start-ups and
//! listings, over an in-memory storage driven through `core::persist`'s decisions exactly as
//! the pages drive localStorage. After every step, every entry another build wrote is readable
//! where it is, listed as made by a newer version (untouched), or set aside byte for byte under
//! a key named by its content; this build writes only over what its page last read or wrote.

use proptest::prelude::*;
use std::collections::BTreeMap;
use tieuchi::core::edit::new_draft;
use tieuchi::core::persist::{
    aside_key, draft_key, list_drafts, list_sets, save_draft, save_set, start_up, AsideKind,
    Elsewhere, Fate, Head, Kv, Mem, Over, Refused, ASIDE_PREFIX, WRITER,
};
use tieuchi::core::set_store;
use tieuchi::core::store::{self, Envelope};

const IDS: usize = 3;
const SETS: usize = 2;
const TABS: usize = 3;

#[derive(Clone, Copy, Debug)]
enum Who {
    /// A build from before writers were counted.
    Older,
    /// The next build: a higher writer, a field and an indicator kind this one does not know.
    Newer,
    /// Bytes cut short.
    Damage,
    /// A readable draft of another id, under this key.
    Misplaced,
}

#[derive(Clone, Debug)]
enum Op {
    Foreign(Who, usize, u8),
    ForeignSet(Who, usize, u8),
    ForeignDelete(usize),
    /// Other bytes already where draft i's damaged text would be set aside (a hash collision,
    /// or an earlier build's entry of that name).
    Collision(usize, u8),
    Open(usize, usize),
    Edit(usize, u8),
    KeepMine(usize),
    TakeTheirs(usize),
    New(usize),
    Import(usize, usize),
    Delete(usize, usize),
    SaveSet(usize, u8),
    Reload(usize),
    Listing,
    Full(bool),
}

fn op() -> impl Strategy<Value = Op> {
    let who = prop_oneof![
        Just(Who::Older),
        Just(Who::Newer),
        Just(Who::Damage),
        Just(Who::Misplaced)
    ];
    let (id, tab, set) = (0..IDS, 0..TABS, 0..SETS);
    prop_oneof![
        3 => (who.clone(), id.clone(), 0u8..4).prop_map(|(w, i, n)| Op::Foreign(w, i, n)),
        1 => (who, set.clone(), 0u8..4).prop_map(|(w, j, n)| Op::ForeignSet(w, j, n)),
        1 => id.clone().prop_map(Op::ForeignDelete),
        1 => (id.clone(), 0u8..4).prop_map(|(i, n)| Op::Collision(i, n)),
        2 => (tab.clone(), id.clone()).prop_map(|(t, i)| Op::Open(t, i)),
        5 => (tab.clone(), any::<u8>()).prop_map(|(t, n)| Op::Edit(t, n)),
        1 => tab.clone().prop_map(Op::KeepMine),
        1 => tab.clone().prop_map(Op::TakeTheirs),
        1 => tab.clone().prop_map(Op::New),
        1 => (tab.clone(), id.clone()).prop_map(|(t, i)| Op::Import(t, i)),
        1 => (tab.clone(), id).prop_map(|(t, i)| Op::Delete(t, i)),
        1 => (set, any::<u8>()).prop_map(|(j, n)| Op::SaveSet(j, n)),
        2 => tab.prop_map(Op::Reload),
        1 => Just(Op::Listing),
        1 => any::<bool>().prop_map(Op::Full),
    ]
}

/// A small set (two criteria), so that thousands of steps read quickly.
fn small_set() -> tieuchi::core::criteria::CriteriaSet {
    let mut set = tieuchi::core::sets::shipped().swap_remove(1);
    set.criteria.truncate(2);
    set
}

fn envelope(id: &str, commune: &str) -> Envelope {
    let set = small_set();
    let mut d = new_draft(id.into(), &set, tieuchi::core::vn::Date::new(2024, 6, 26));
    d.meta.commune = commune.into();
    Envelope::new(
        d,
        set,
        format!("2026-11-30T10:00:{:02}.000Z", commune.len() % 60),
    )
}

fn id(i: usize) -> String {
    format!("d{i}")
}

/// What a build other than this one writes under draft `i`.
fn foreign(who: Who, i: usize, n: u8) -> String {
    let e = envelope(&id(i), &format!("{who:?} {n}"));
    let text = e.to_json();
    let w = format!("\"writer\":{WRITER},");
    match who {
        Who::Older => {
            text.replacen(&w, "", 1)
                .replacen(&format!("\"set_name\":\"{}\",", e.set_name), "", 1)
        }
        Who::Newer => text
            .replacen(
                &w,
                &format!("\"writer\":{},\"later\":[{n}],", WRITER + 1),
                1,
            )
            .replacen("\"type\":\"yes_no\"", "\"type\":\"anh_chup\"", 1),
        Who::Damage => cut(&text, (usize::from(n) + 1) * 397),
        Who::Misplaced => envelope(&format!("m{n}"), "Misplaced").to_json(),
    }
}

/// The text cut short (at a character: storage holds text).
fn cut(text: &str, at: usize) -> String {
    let mut at = at % text.len();
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].to_string()
}

fn foreign_set(who: Who, j: usize, n: u8) -> String {
    let mut set = small_set();
    set.id = format!("bo-{j}");
    set.name = format!("Bộ {who:?} {n}");
    let text = set_store::write(&set, "2026-11-30T10:00:00.000Z");
    match who {
        Who::Older | Who::Misplaced => text.replacen(&format!("\"writer\":{WRITER},"), "", 1),
        Who::Newer => text.replacen(
            &format!("\"writer\":{WRITER}"),
            &format!("\"writer\":{},\"later\":{n}", WRITER + 1),
            1,
        ),
        Who::Damage => cut(&text, (usize::from(n) + 1) * 211),
    }
}

fn set_key(j: usize) -> String {
    let mut set = small_set();
    set.id = format!("bo-{j}");
    set_store::key(&set)
}

/// A tab of this build with a draft open: what its copy is based on, and whether saving is
/// paused (with what was stored when it paused).
#[derive(Clone, Debug)]
struct Open {
    env: Envelope,
    base: Option<String>,
    paused: Option<(Elsewhere, Option<String>)>,
}

#[derive(Default)]
struct World {
    kv: Mem,
    tabs: [Option<Open>; TABS],
    /// Entries other builds wrote, by key, that must stay reachable.
    owed: BTreeMap<String, String>,
    /// Every entry ever set aside.
    aside: BTreeMap<String, String>,
    fresh: usize,
}

fn newer(text: &str) -> bool {
    Head::read(text).newer_than(WRITER, store::SCHEMA)
}

impl World {
    fn open_in(&mut self, t: usize, key: &str) {
        self.tabs[t] =
            self.kv.get(key).and_then(|text| {
                match tieuchi::core::persist::classify_draft(key, &text) {
                    Fate::Readable(env) => Some(Open {
                        env,
                        base: Some(text),
                        paused: None,
                    }),
                    _ => None,
                }
            });
    }

    /// This build writes the open draft of tab `t`, as its autosave does.
    fn save(&mut self, t: usize, commune: String) {
        let Some(open) = self.tabs[t].as_mut() else {
            return;
        };
        if open.paused.is_some() {
            return;
        }
        open.env.draft.meta.commune = commune;
        let key = draft_key(&open.env.draft.id);
        let prior = self.kv.get(&key);
        match save_draft(&mut self.kv, &open.env, Over::Base(open.base.as_deref())) {
            Ok(text) => {
                assert_eq!(prior, open.base, "wrote over what the tab had not seen");
                assert_eq!(Head::read(&text).writer, Some(u64::from(WRITER)));
                open.base = Some(text);
                self.owed.remove(&key);
            }
            Err(Refused::Elsewhere(v)) => {
                assert_eq!(self.kv.get(&key), prior);
                open.paused = Some((v, prior));
            }
            Err(Refused::Failed(_)) => assert_eq!(self.kv.get(&key), prior),
        }
    }

    fn step(&mut self, op: &Op) {
        match *op {
            Op::Foreign(who, i, n) => {
                let text = foreign(who, i, n);
                self.kv.map.insert(draft_key(&id(i)), text.clone());
                self.owed.insert(draft_key(&id(i)), text);
            }
            Op::ForeignSet(who, j, n) => {
                let text = foreign_set(who, j, n);
                self.kv.map.insert(set_key(j), text.clone());
                self.owed.insert(set_key(j), text);
            }
            Op::ForeignDelete(i) => {
                self.kv.map.remove(&draft_key(&id(i)));
                self.owed.remove(&draft_key(&id(i)));
            }
            Op::Collision(i, n) => {
                let damaged = foreign(Who::Damage, i, n);
                let place = aside_key(AsideKind::Draft, &damaged, 0);
                self.kv
                    .map
                    .entry(place)
                    .or_insert(format!("other bytes {n}"));
            }
            Op::Open(t, i) => self.open_in(t, &draft_key(&id(i))),
            Op::Edit(t, n) => self.save(t, format!("tab {t}: {n}")),
            Op::KeepMine(t) => {
                if let Some(open) = self.tabs[t].as_mut() {
                    if let Some((Elsewhere::Conflict { .. } | Elsewhere::Deleted, seen)) =
                        open.paused.take()
                    {
                        open.base = seen;
                    } else {
                        open.paused = open.paused.take();
                    }
                }
            }
            Op::TakeTheirs(t) => {
                let conflict = self.tabs[t].as_ref().and_then(|o| match &o.paused {
                    Some((Elsewhere::Conflict { env, .. }, _)) => Some(draft_key(&env.draft.id)),
                    _ => None,
                });
                if let Some(key) = conflict {
                    self.open_in(t, &key);
                }
            }
            Op::New(t) => {
                self.fresh += 1;
                let env = envelope(&format!("n{}", self.fresh), "Mới");
                if let Ok(text) = save_draft(&mut self.kv, &env, Over::Base(None)) {
                    self.tabs[t] = Some(Open {
                        env,
                        base: Some(text),
                        paused: None,
                    });
                }
            }
            Op::Import(t, i) => {
                // The user chose to replace draft i with a file's.
                let key = draft_key(&id(i));
                let prior = self.kv.get(&key);
                let env = envelope(&id(i), "Nhập");
                match save_draft(&mut self.kv, &env, Over::AnyButNewer) {
                    Ok(text) => {
                        assert!(
                            !prior.as_deref().is_some_and(newer),
                            "an import replaced a newer build's draft"
                        );
                        self.owed.remove(&key);
                        self.tabs[t] = Some(Open {
                            env,
                            base: Some(text),
                            paused: None,
                        });
                    }
                    Err(_) => assert_eq!(self.kv.get(&key), prior),
                }
            }
            Op::Delete(t, i) => {
                // Offered only for a draft listed as readable.
                let key = draft_key(&id(i));
                let (drafts, _) = list_drafts(&self.kv);
                if drafts.iter().any(|e| e.draft.id == id(i)) {
                    self.kv.remove(&key);
                    self.owed.remove(&key);
                    if self.tabs[t]
                        .as_ref()
                        .is_some_and(|o| o.env.draft.id == id(i))
                    {
                        self.tabs[t] = None;
                    }
                }
            }
            Op::SaveSet(j, n) => {
                let key = set_key(j);
                let prior = self.kv.get(&key);
                let mut set = small_set();
                set.id = format!("bo-{j}");
                set.name = format!("Bộ của trang này {n}");
                match save_set(&mut self.kv, &set, "2026-11-30T11:00:00.000Z") {
                    Ok(_) => {
                        assert!(
                            !prior.as_deref().is_some_and(newer),
                            "a set page wrote over a newer build's set"
                        );
                        self.owed.remove(&key);
                    }
                    Err(_) => assert_eq!(self.kv.get(&key), prior),
                }
            }
            Op::Reload(t) => {
                let was = self.tabs[t].take().map(|o| draft_key(&o.env.draft.id));
                let s = start_up(&mut self.kv);
                if self.kv.quota.is_none() {
                    for key in self
                        .kv
                        .keys()
                        .iter()
                        .filter(|k| k.starts_with("tieuchi.draft."))
                    {
                        let text = self.kv.get(key).unwrap();
                        assert!(
                            !matches!(
                                tieuchi::core::persist::classify_draft(key, &text),
                                Fate::Damaged { .. }
                            ),
                            "{key} is damaged after a start-up"
                        );
                    }
                }
                assert!(s
                    .kept
                    .iter()
                    .filter(|k| k.newer)
                    .all(|k| !k.reason.contains("hỏng") && !k.reason.contains("không hợp lệ")));
                if let Some(key) = was {
                    self.open_in(t, &key);
                }
            }
            Op::Listing => {
                let before = self.kv.clone();
                let _ = list_drafts(&self.kv);
                let _ = list_sets(&self.kv);
                assert_eq!(self.kv, before, "a listing changed storage");
            }
            Op::Full(full) => {
                self.kv.quota =
                    full.then(|| self.kv.map.iter().map(|(k, v)| k.len() + v.len()).sum());
            }
        }
    }

    /// Everything owed is where a person finds it; what is set aside stays as it was.
    fn check(&mut self) {
        let (drafts, kept) = list_drafts(&self.kv);
        let (sets, unused) = list_sets(&self.kv);
        let mut listed: Vec<String> = drafts.iter().map(|e| draft_key(&e.draft.id)).collect();
        listed.extend(kept.iter().map(|k| k.key.clone()));
        listed.extend(sets.iter().map(|s| s.key.clone()));
        listed.extend(unused.iter().map(|k| k.key.clone()));
        for k in kept.iter().chain(&unused).filter(|k| k.newer) {
            assert!(
                !k.reason.contains("hỏng") && !k.reason.contains("không hợp lệ"),
                "{}",
                k.reason
            );
        }
        for (key, text) in &self.owed {
            if newer(text) {
                assert_eq!(
                    self.kv.get(key).as_ref(),
                    Some(text),
                    "a newer build's entry moved or changed"
                );
            }
            let at = self
                .kv
                .map
                .iter()
                .find(|(_, v)| *v == text)
                .map(|(k, _)| k.clone());
            let at = at.unwrap_or_else(|| panic!("{key}: lost ({text:.60}…)"));
            assert!(listed.contains(&at), "{key}: at {at}, not listed");
        }
        for (key, text) in &self.aside {
            match self.kv.get(key) {
                Some(now) => assert_eq!(&now, text, "{key} was overwritten"),
                // Only a draft that reads is put back where it belongs.
                None => {
                    assert!(drafts
                        .iter()
                        .any(|e| self.kv.get(&draft_key(&e.draft.id)).as_ref() == Some(text)))
                }
            }
        }
        for (k, v) in self
            .kv
            .map
            .iter()
            .filter(|(k, _)| k.starts_with(ASIDE_PREFIX))
        {
            self.aside.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nothing_stored_is_lost_or_out_of_reach(ops in prop::collection::vec(op(), 1..40)) {
        let mut w = World::default();
        for op in &ops {
            w.step(op);
            w.check();
        }
    }
}
