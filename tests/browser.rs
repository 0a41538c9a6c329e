//! Browser tests (wasm-bindgen-test, headless Chromium) of the storage module against real
//! localStorage: quota, corrupted entries, migrations of every frozen fixture.
#![cfg(target_arch = "wasm32")]

use tieuchi::core::persist;
use tieuchi::core::set_store;
use tieuchi::core::store::{self, Envelope};
use tieuchi::web::storage::{self, SaveError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
}

fn example() -> Envelope {
    store::read(include_str!("fixtures/envelope-v1.json")).expect("fixture")
}

#[wasm_bindgen_test]
fn storage_is_available_and_round_trips_a_draft() {
    clear();
    assert!(storage::available());
    let env = example();
    let text = storage::save_draft(&env).expect("saved");
    assert_eq!(
        storage::read_raw(&storage::draft_key(&env.draft.id)).as_deref(),
        Some(text.as_str())
    );
    let (drafts, corrupt) = storage::load_drafts();
    assert_eq!(drafts, vec![env]);
    assert!(corrupt.is_empty());
    clear();
}

#[wasm_bindgen_test]
fn quota_exceeded_keeps_everything_saved_before() {
    clear();
    let env = example();
    let before = storage::save_draft(&env).expect("first save");
    // Fill storage with 512 KB blocks until the browser refuses.
    let block = "x".repeat(512 * 1024);
    let mut filled = 0;
    let err = loop {
        match storage::write_raw(&format!("tieuchi.filler.{filled}"), &block) {
            Ok(()) => filled += 1,
            Err(e) => break e,
        }
        assert!(filled < 200, "storage never ran out");
    };
    assert_eq!(err, SaveError::Quota, "a full storage is reported as such");
    assert!(err.message_vi().contains("vẫn còn nguyên"));
    // Saving a bigger version of the draft now fails…
    let mut bigger = env.clone();
    bigger.draft.narrative.achievements = "y".repeat(600 * 1024);
    assert_eq!(storage::save_draft(&bigger), Err(SaveError::Quota));
    // …and the previous copy is intact, byte for byte.
    assert_eq!(
        storage::read_raw(&storage::draft_key(&env.draft.id)).as_deref(),
        Some(before.as_str())
    );
    assert_eq!(storage::load_drafts().0, vec![env]);
    clear();
}

#[wasm_bindgen_test]
fn corrupted_entries_are_set_aside_and_kept_byte_for_byte() {
    clear();
    let env = example();
    storage::save_draft(&env).unwrap();
    let planted = [
        (
            "tieuchi.draft.broken",
            "{\"app\": \"tieuchi\", \"schema\": 1, \"draft\": {",
        ),
        ("tieuchi.draft.other", "[1, 2, 3]"),
        ("tieuchi.draft.wrongid", &example().to_json()),
    ];
    for (k, v) in planted {
        storage::write_raw(k, v).unwrap();
    }
    // A listing (the set page, the roll-up, another tab's change) moves nothing.
    let (drafts, kept) = storage::load_drafts();
    assert_eq!(drafts, vec![env.clone()], "the good draft still loads");
    assert_eq!(kept.len(), 3);
    for (k, v) in planted {
        assert_eq!(
            storage::read_raw(k).as_deref(),
            Some(v),
            "{k} left in place"
        );
    }
    // The editor's start-up sets them aside, named by their content.
    let found = storage::start_up();
    assert_eq!(found.drafts, vec![env.clone()]);
    assert_eq!(found.set_aside, 3);
    for (k, v) in planted {
        assert_eq!(storage::read_raw(k), None, "{k} moved out of the drafts");
        let aside = persist::aside_key(persist::AsideKind::Draft, v, 0);
        assert_eq!(
            storage::read_raw(&aside).as_deref(),
            Some(v),
            "{aside} kept as it was"
        );
        assert!(found
            .kept
            .iter()
            .any(|c| c.key == aside && !c.reason.is_empty()));
    }
    // A second start-up finds the same, and does not fail.
    let found = storage::start_up();
    assert_eq!(found.drafts.len(), 1);
    assert_eq!(found.kept.len(), 3);
    assert_eq!(found.set_aside, 0);
    clear();
}

#[wasm_bindgen_test]
fn a_draft_with_a_replacement_character_is_never_set_aside() {
    // What a user typed or pasted, even U+FFFD (browsers store a lone surrogate as U+FFFD),
    // is never the reason a draft is hidden.
    clear();
    let mut env = example();
    env.draft.meta.commune = "Liên\u{fffd}Sơn".into();
    storage::save_draft(&env).expect("saved");
    let (drafts, corrupt) = storage::load_drafts();
    assert!(corrupt.is_empty(), "{corrupt:?}");
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].draft.meta.commune, "Liên\u{fffd}Sơn");
    clear();
}

#[wasm_bindgen_test]
fn a_draft_made_by_a_newer_version_is_left_in_place_and_listed() {
    clear();
    let env = example();
    let key = storage::draft_key(&env.draft.id);
    let schema = format!("\"schema\":{}", store::SCHEMA);
    let newer = env.to_json().replacen(&schema, "\"schema\":99", 1);
    assert_ne!(newer, env.to_json(), "the schema was raised");
    storage::write_raw(&key, &newer).unwrap();
    let (drafts, listed) = storage::load_drafts();
    assert!(drafts.is_empty());
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].key, key, "listed under its own key, not moved");
    assert!(
        listed[0].reason.contains("phiên bản mới hơn"),
        "{}",
        listed[0].reason
    );
    assert_eq!(
        storage::read_raw(&key).as_deref(),
        Some(newer.as_str()),
        "untouched"
    );
    clear();
}

#[wasm_bindgen_test]
fn every_frozen_schema_migrates_in_the_browser() {
    // One entry per schema version ever written.
    let fixtures = [
        include_str!("fixtures/envelope-v1.json"),
        include_str!("fixtures/envelope-v2.json"),
        include_str!("fixtures/envelope-v3.json"),
    ];
    assert_eq!(fixtures.len() as u32, store::SCHEMA);
    for (i, text) in fixtures.iter().enumerate() {
        clear();
        let raw_env = store::read(text).unwrap_or_else(|e| panic!("v{}: {e:?}", i + 1));
        storage::write_raw(&storage::draft_key(&raw_env.draft.id), text).unwrap();
        let (drafts, corrupt) = storage::load_drafts();
        assert!(corrupt.is_empty());
        assert_eq!(drafts[0].schema, store::SCHEMA);
        assert_eq!(drafts[0].draft, raw_env.draft);
    }
    clear();
}

#[wasm_bindgen_test]
fn user_sets_stored_by_the_first_release_move_to_their_own_keys_upgraded() {
    // The first release stored the user's sets in one list, in format 1; reading them as
    // format 2 only would drop every one.
    clear();
    let old = include_str!("fixtures/set-format-1.json");
    storage::write_raw(storage::SETS_KEY, &format!("[{old}]")).unwrap();
    // Moved by the editor's start-up only.
    assert!(storage::load_sets().0.is_empty());
    storage::start_up();
    let (sets, unreadable) = storage::load_sets();
    assert!(unreadable.is_empty());
    assert_eq!(sets.len(), 1);
    assert!(sets[0].usable(), "{:?}", sets[0].problems);
    assert_eq!(sets[0].set.format, tieuchi::core::criteria::FORMAT);
    assert_eq!(sets[0].set.columns.items.len(), 7);
    assert_eq!(sets[0].key, set_store::key(&sets[0].set));
    // The list is gone only because every set in it is under its own key now.
    assert_eq!(storage::read_raw(storage::SETS_KEY), None);
    assert!(storage::read_raw(&sets[0].key).is_some());
    clear();
}

#[wasm_bindgen_test]
fn an_old_list_that_cannot_be_read_is_kept_aside_not_lost() {
    clear();
    storage::write_raw(storage::SETS_KEY, "[{\"format\": 2,").unwrap();
    let found = storage::start_up();
    assert!(storage::load_sets().0.is_empty());
    let aside = found.kept;
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        storage::read_raw(&aside[0].key).as_deref(),
        Some("[{\"format\": 2,")
    );
    clear();
}

#[wasm_bindgen_test]
fn one_bad_stored_set_affects_only_itself() {
    clear();
    let shipped = tieuchi::core::sets::shipped();
    let mut invalid = shipped[2].clone();
    invalid.id = "mot-bo-loi".into();
    invalid.name.clear(); // fails validation
    storage::save_set(&shipped[1], "2026-11-30T01:00:00Z").unwrap();
    storage::save_set(&invalid, "2026-11-30T02:00:00Z").unwrap();
    storage::write_raw("tieuchi.set.hong@1", "{\"app\":\"tieuchi\",\"kind\":\"bo-").unwrap();
    let newer = set_store::write(&shipped[0], "t").replace("\"schema\":1", "\"schema\":9");
    storage::write_raw("tieuchi.set.moi@1", &newer).unwrap();
    let (sets, unreadable) = storage::load_sets();
    // The good set is usable; the invalid one is listed with why; the damaged and the newer
    // entries are listed with their reasons and stay exactly where they were.
    assert_eq!(sets.len(), 2);
    assert_eq!(sets[0].set, shipped[1]);
    assert!(sets[0].usable());
    assert!(!sets[1].usable());
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    assert!(unreadable
        .iter()
        .any(|c| c.reason.contains("phiên bản mới hơn")));
    assert_eq!(storage::read_raw("tieuchi.set.moi@1"), Some(newer));
    assert!(storage::read_raw("tieuchi.set.hong@1").is_some());
    clear();
}

#[wasm_bindgen_test]
fn two_pages_saving_different_sets_keep_both() {
    // One list for every set made the second page's save drop the first page's new set.
    clear();
    let shipped = tieuchi::core::sets::shipped();
    let (mut a, mut b) = (shipped[1].clone(), shipped[1].clone());
    a.id = set_store::copy_id(&shipped[1].id, "aaaaaa", &[]);
    b.id = set_store::copy_id(&shipped[1].id, "bbbbbb", &[]);
    storage::save_set(&a, "2026-11-30T01:00:00Z").unwrap();
    storage::save_set(&b, "2026-11-30T01:00:00Z").unwrap();
    let (sets, _) = storage::load_sets();
    assert_eq!(sets.len(), 2);
    clear();
}

#[wasm_bindgen_test]
async fn after_a_panic_the_page_offers_the_open_draft_from_memory() {
    use std::rc::Rc;
    let env = example();
    let mut draft = env.draft.clone();
    draft.meta.signatory_name = "typed just before the crash".into();
    tieuchi::web::panic::remember(Some((Rc::new(draft.clone()), Rc::new(env.set.clone()))));
    tieuchi::web::panic::show();
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document.get_element_by_id("crash").expect("the panic page");
    assert!(panel.text_content().unwrap().contains("Ứng dụng gặp lỗi"));
    let a = panel
        .query_selector("a[download]")
        .unwrap()
        .expect("a download link");
    assert!(a.get_attribute("download").unwrap().ends_with(".json"));
    let href = a.get_attribute("href").unwrap();
    assert!(href.starts_with("blob:"), "{href}");
    // The file is the draft as it was in memory, and imports again.
    let fetched = js_sys::eval(&format!("fetch('{href}').then(r => r.text())")).unwrap();
    let text = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(fetched))
        .await
        .unwrap()
        .as_string()
        .unwrap();
    let back = store::read(&text).expect("the rescued file imports");
    assert_eq!(back.draft, draft);
    panel.remove();
    tieuchi::web::panic::remember(None);
}

// ---- the reducers (pure, but they live in the wasm-only `ui` module) -------------------------

mod reducers {
    use super::*;
    use std::rc::Rc;
    use tieuchi::core::draft::Judgement;
    use tieuchi::core::edit::{Edit, MetaField};
    use tieuchi::core::persist::Elsewhere;
    use tieuchi::core::store::DraftSummary;
    use tieuchi::ui::state::{
        Base, DocAction, Document, Library, LibraryAction, Paused, SaveStatus, Shell, ShellAction,
        Tab,
    };
    use yew::Reducible;

    const AT: &str = "2024-06-26T10:00:00.000Z";

    fn edit(e: Edit) -> DocAction {
        DocAction::Edit(e, AT.into())
    }

    fn opened() -> Rc<Document> {
        Rc::new(Document::default()).reduce(DocAction::Open(example(), Base::stored("{}".into())))
    }

    #[wasm_bindgen_test]
    fn an_edit_rescores_and_marks_the_draft_unsaved() {
        let s = opened();
        assert!(!s.unsaved());
        assert!(s.pending().is_none());
        let met = s.doc.as_ref().unwrap().scores.met_count();
        let s = s.reduce(edit(Edit::Judgement("7".into(), Judgement::NotMet)));
        assert!(s.unsaved());
        assert_eq!(s.save, SaveStatus::Pending);
        assert_eq!(s.doc.as_ref().unwrap().scores.met_count(), met - 1);
        let pending = s.pending().expect("the edit is to be written");
        assert_eq!(pending.revision, s.revision);
        assert_eq!(pending.base.text(), Some("{}"));
    }

    #[wasm_bindgen_test]
    fn an_edit_that_changes_nothing_keeps_the_state() {
        let s = opened();
        let same = s
            .clone()
            .reduce(edit(Edit::Meta(MetaField::Commune, "Liên Sơn".into())));
        assert!(Rc::ptr_eq(&s, &same));
        // An entry emptied again is dropped, so a draft stays as small as its content.
        let s = s.reduce(edit(Edit::Note("11".into(), "x".into())));
        let s = s.reduce(edit(Edit::Note("11".into(), String::new())));
        assert!(!s.doc.as_ref().unwrap().draft.entries.contains_key("11"));
    }

    #[wasm_bindgen_test]
    fn a_save_of_an_older_revision_does_not_claim_the_newest_is_saved() {
        let s = opened().reduce(edit(Edit::Meta(MetaField::SignatoryName, "A".into())));
        let first = s.revision;
        let s = s.reduce(edit(Edit::Meta(MetaField::SignatoryName, "AB".into())));
        let text = s.doc.as_ref().unwrap().envelope(AT.into()).to_json();
        let s = s.reduce(DocAction::Saved {
            revision: first,
            text: text.clone(),
            at: AT.into(),
        });
        assert_eq!(s.save, SaveStatus::Pending);
        assert!(s.unsaved());
        // The next save goes over what was just written.
        assert_eq!(s.pending().unwrap().base.text(), Some(text.as_str()));
        let latest = s.revision;
        let s = s.reduce(DocAction::Saved {
            revision: latest,
            text,
            at: AT.into(),
        });
        assert_eq!(s.save, SaveStatus::Saved(AT.into()));
        assert!(!s.unsaved());
        assert!(s.pending().is_none());
    }

    #[wasm_bindgen_test]
    fn another_tabs_change_pauses_saving_until_the_user_chooses() {
        let s = opened();
        assert!(!s.at_risk());
        let conflict = Elsewhere::Conflict {
            env: Box::new(example()),
            stored: "theirs".into(),
        };
        let s = s.reduce(DocAction::Elsewhere(conflict));
        assert!(matches!(s.paused, Some(Paused::Conflict(..))));
        // Keeping this tab's version: the next save goes over exactly what the other tab stored.
        let s = s.reduce(DocAction::KeepMine);
        assert!(s.paused.is_none());
        assert_eq!(s.base.text(), Some("theirs"));
        assert!(s.unsaved() && s.at_risk());
        assert!(s.pending().is_some());
        // A newer version's save is never written over, whatever the user clicks.
        let s = s.reduce(DocAction::Elsewhere(Elsewhere::Newer));
        let s = s.reduce(DocAction::KeepMine);
        assert!(matches!(s.paused, Some(Paused::Newer)));
        assert!(s.at_risk() && s.pending().is_none());
        // Nothing said by another tab pauses a page with no draft open.
        let s = Rc::new(Document::default()).reduce(DocAction::Elsewhere(Elsewhere::Deleted));
        assert!(s.paused.is_none());
    }

    #[wasm_bindgen_test]
    fn a_draft_that_lives_only_in_memory_is_at_risk_even_unedited() {
        let s = Rc::new(Document::default()).reduce(DocAction::Open(example(), Base::Memory));
        assert!(s.at_risk());
        // Never written: nothing is pending, however much is typed.
        let s = s.reduce(edit(Edit::Note("11".into(), "x".into())));
        assert!(s.at_risk() && s.pending().is_none());
    }

    #[wasm_bindgen_test]
    fn deleting_the_open_draft_closes_it_and_offers_its_undo() {
        let s = opened().reduce(DocAction::Deleted(example()));
        assert!(s.doc.is_none() && !s.at_risk());
        assert_eq!(
            s.undo.as_ref().map(|e| e.draft.id.clone()),
            Some(example().draft.id)
        );
        let s = s.reduce(DocAction::ForgetUndo);
        assert!(s.undo.is_none());
    }

    #[wasm_bindgen_test]
    fn a_saved_draft_is_listed_once_first_and_a_removed_one_goes() {
        let lib = Rc::new(Library::new(vec![]));
        let summary = DraftSummary::from(&example());
        let lib = lib.reduce(LibraryAction::Saved(summary.clone()));
        let lib = lib.reduce(LibraryAction::Saved(summary.clone()));
        assert_eq!(lib.drafts.len(), 1);
        let lib = lib.reduce(LibraryAction::Removed(summary.id));
        assert!(lib.drafts.is_empty());
    }

    #[wasm_bindgen_test]
    fn tabs_that_need_a_draft_fall_back_to_the_list() {
        let s = Rc::new(Shell::default()).reduce(ShellAction::Tab(Tab::Report));
        assert_eq!(s.screen(false), Tab::Drafts);
        assert_eq!(s.screen(true), Tab::Report);
    }
}

// ---- the part editor's reducer (#28) --------------------------------------------------------

mod part_desk {
    use std::rc::Rc;
    use tieuchi::core::edit::{new_draft, Edit};
    use tieuchi::core::team::{hand_out, Request};
    use tieuchi::ui::part_page::desk::{Desk, DeskAction};
    use wasm_bindgen_test::*;
    use yew::Reducible;

    fn desk() -> Desk {
        let set = tieuchi::core::sets::shipped()
            .into_iter()
            .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
            .unwrap();
        let mut draft = new_draft("d-test".into(), &set, None);
        draft.meta.commune = "Liên Sơn".into();
        let request = Request {
            who: "Công chức Văn hóa - Xã hội".into(),
            picks: vec!["9.2".into(), "16".into()],
            due: None,
        };
        let (_, part) =
            hand_out(&draft, &set, request, "p-1".into(), "2024-06-01T01:00:00Z").unwrap();
        Desk::new(part)
    }

    #[wasm_bindgen_test]
    fn the_desk_shows_only_the_part_and_stamps_its_person() {
        let d = Rc::new(desk());
        let codes: Vec<&str> = d.set.indicators().map(|(_, i)| i.code.as_str()).collect();
        assert!(codes.contains(&"9.2") && !codes.contains(&"9.1") && !codes.contains(&"3.1"));
        let at = "2024-06-10T08:30:00Z".to_string();
        let edited = d.clone().reduce(DeskAction::Edit(
            Edit::Numerator("9.2".into(), "150".into()),
            at.clone(),
        ));
        assert_eq!(edited.revision, 1, "to be stored");
        let e = &edited.part.entries["9.2"];
        assert_eq!(
            (e.numerator.as_str(), e.by.as_str()),
            ("150", "Công chức Văn hóa - Xã hội")
        );
        assert_eq!(edited.draft.entries["9.2"].numerator, "150");
        assert_eq!(edited.part.saved_at, at);
        assert!(edited.scores.indicators.iter().any(|s| s.code == "9.2"));
    }

    #[wasm_bindgen_test]
    fn an_edit_outside_the_part_or_changing_nothing_is_no_change() {
        let d = Rc::new(desk());
        let at = || "2024-06-10T08:30:00Z".to_string();
        let outside = d.clone().reduce(DeskAction::Edit(
            Edit::Numerator("3.1".into(), "1".into()),
            at(),
        ));
        assert!(Rc::ptr_eq(&d, &outside));
        let meta = d.clone().reduce(DeskAction::Edit(
            Edit::Meta(tieuchi::core::edit::MetaField::Commune, "Khác".into()),
            at(),
        ));
        assert!(
            Rc::ptr_eq(&d, &meta),
            "the report's metadata is the compiler's"
        );
        let once = d.reduce(DeskAction::Edit(Edit::Note("9.2".into(), "x".into()), at()));
        let again = once
            .clone()
            .reduce(DeskAction::Edit(Edit::Note("9.2".into(), "x".into()), at()));
        assert!(Rc::ptr_eq(&once, &again));
        let failed = again.reduce(DeskAction::Problem(Some("đầy".into())));
        assert_eq!(failed.failed.as_deref(), Some("đầy"));
        assert_eq!(failed.revision, 1, "a problem is no edit");
    }
}

// ---- the parts page's routing of a part file received (#28) ----------------------------------

mod part_page_routing {
    use tieuchi::core::criteria::CriteriaSet;
    use tieuchi::core::edit::new_draft;
    use tieuchi::core::persist::{
        draft_key, merge_key, part_key, save_draft, Kv, Over, RECEIVED_KEY,
    };
    use tieuchi::core::store::Envelope;
    use tieuchi::core::team::{hand_out, PartFile, PartState, Request};
    use tieuchi::ui::part_page::{receive, Page, View};
    use tieuchi::web::storage;
    use wasm_bindgen_test::*;

    fn set() -> CriteriaSet {
        tieuchi::core::sets::shipped()
            .into_iter()
            .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
            .unwrap()
    }

    /// A draft `id` with one part handed out, and the part's file.
    fn handed(id: &str) -> (Envelope, PartFile) {
        let set = set();
        let mut draft = new_draft(id.into(), &set, None);
        draft.meta.commune = "Liên Sơn".into();
        let request = Request {
            who: "Công chức Văn hóa - Xã hội".into(),
            picks: vec!["9.2".into()],
            due: None,
        };
        let (draft, part) = hand_out(
            &draft,
            &set,
            request,
            format!("p-{id}"),
            "2024-06-01T01:00:00Z",
        )
        .unwrap();
        (
            Envelope::new(draft, set, "2024-06-01T01:00:00Z".into()),
            part,
        )
    }

    #[wasm_bindgen_test]
    fn a_part_of_a_draft_stored_here_comes_back_returned_and_goes_to_the_merge_page() {
        let (env, part) = handed("d-route-back");
        save_draft(&mut storage::Local, &env, Over::Base(None)).unwrap();
        let page = receive(&part.to_json());
        assert!(matches!(&page.view, View::Returned { id, .. } if *id == part.id));
        let stored = storage::Local.get(&draft_key("d-route-back")).unwrap();
        let env = tieuchi::core::store::read_stored(&stored).unwrap();
        assert_eq!(env.draft.parts[0].state, PartState::Returned);
        assert!(storage::Local.get(&merge_key(&part.id)).is_some());
        assert!(
            storage::Local.get(&part_key(&part)).is_none(),
            "no part in work"
        );
        storage::Local.remove(&draft_key("d-route-back"));
        storage::Local.remove(&merge_key(&part.id));
    }

    #[wasm_bindgen_test]
    fn a_part_of_no_draft_here_is_stored_as_a_part_in_work_and_opened() {
        let (_, part) = handed("d-route-work");
        let page = receive(&part.to_json());
        assert!(matches!(&page.view, View::Work(p) if p.id == part.id));
        assert!(storage::Local.get(&part_key(&part)).is_some());
        assert!(storage::Local.get(&draft_key("d-route-work")).is_none());
        storage::Local.remove(&part_key(&part));
    }

    #[wasm_bindgen_test]
    fn the_file_handed_over_is_taken_once_and_a_bad_one_refused_in_vietnamese() {
        storage::write_raw(RECEIVED_KEY, "{\"a\":1}").unwrap();
        let page = Page::start();
        assert!(storage::Local.get(RECEIVED_KEY).is_none(), "taken");
        assert!(matches!(page.view, View::List));
        let (_, text) = page.notice.unwrap();
        assert!(text.starts_with("Không mở được tệp phần việc."), "{text}");
    }
}

// ---- the set page's table panel: what is held out of the paste box (#30) ---------------------

mod table_panel {
    use std::rc::Rc;
    use tieuchi::ui::sets_page::table_state::{Input, TableAction, TableState};
    use wasm_bindgen_test::*;
    use yew::Reducible;

    fn after(actions: Vec<TableAction>) -> Input {
        let mut s = Rc::new(TableState {
            input: Input::default(),
            outcome: None,
        });
        for a in actions {
            s = s.reduce(a);
        }
        s.input.clone()
    }

    /// A long table pasted or from a file is held out of the box; typed text never is, however
    /// long (the box is never emptied under the user's hands); a short paste shows again.
    #[wasm_bindgen_test]
    fn only_a_long_paste_or_file_is_held_out_of_the_box() {
        let long = "1.1\tChỉ tiêu\tĐạt\n".repeat(10_000);
        let short = "1.1\tChỉ tiêu\tĐạt\n".to_string();
        assert!(after(vec![TableAction::Text(long.clone(), true)]).held);
        assert!(!after(vec![TableAction::Text(long.clone(), false)]).held);
        assert!(!after(vec![TableAction::Text(short.clone(), true)]).held);
        assert!(after(vec![TableAction::File("Tệp “a.csv”".into(), long.clone())]).held);
        let again = after(vec![
            TableAction::Text(long.clone(), true),
            TableAction::Text(short.clone(), true),
        ]);
        assert!(!again.held && again.text == short);
        assert!(!after(vec![TableAction::Text(long, true), TableAction::Clear]).held);
    }
}
