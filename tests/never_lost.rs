//! Whatever a user types, a draft always comes back: random sequences of edits with arbitrary
//! Unicode (control characters, U+FFFD, U+FFFF, right-to-left marks, emoji…) are saved as the
//! app saves them and read back, from storage and from an exported file, unchanged.

use proptest::prelude::*;
use tieuchi::core::draft::{Judgement, NarrativePart, PeriodKind};
use tieuchi::core::edit::{apply, new_draft, Edit, MetaField, Stamp};
use tieuchi::core::scoring::score;
use tieuchi::core::sets;
use tieuchi::core::store::{decode, read_import, read_stored, Envelope};

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\u{0}-\\u{1f}\\u{fffd}\\u{fffe}\\u{ffff}\\u{202e}\\u{feff}a-zA-Zđ ]{0,12}",
        Just("Liên Sơn".to_string()),
        Just(String::new()),
    ]
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    let field = prop::sample::select(vec![
        MetaField::Name,
        MetaField::Commune,
        MetaField::Province,
        MetaField::ParentBody,
        MetaField::IssuingBody,
        MetaField::Column,
        MetaField::Programme,
        MetaField::PeriodLabel,
        MetaField::Year,
        MetaField::DocNumber,
        MetaField::Place,
        MetaField::Date,
        MetaField::Recipients,
        MetaField::Answering,
        MetaField::SignatoryTitle,
        MetaField::SignatoryName,
        MetaField::CopiesTo,
    ]);
    let code = prop::sample::select(vec!["1", "1.1", "9.2", "10", "17.8", "99", ""]);
    let judgement = prop::sample::select(vec![
        Judgement::None,
        Judgement::Met,
        Judgement::NotMet,
        Judgement::NotApplicable,
    ]);
    prop_oneof![
        (field, arb_text()).prop_map(|(f, t)| Edit::Meta(f, t)),
        (code.clone(), judgement).prop_map(|(c, j)| Edit::Judgement(c.into(), j)),
        (code.clone(), arb_text()).prop_map(|(c, t)| Edit::Note(c.into(), t)),
        (code.clone(), arb_text()).prop_map(|(c, t)| Edit::Value(c.into(), t)),
        (code.clone(), arb_text()).prop_map(|(c, t)| Edit::Numerator(c.into(), t)),
        (code.clone(), arb_text()).prop_map(|(c, t)| Edit::DataYear(c.into(), t)),
        (code.clone(), arb_text()).prop_map(|(c, t)| Edit::ThresholdValue(c.into(), t)),
        (code.clone(), arb_text(), arb_text()).prop_map(|(c, about, reason)| Edit::Acknowledge {
            code: c.into(),
            kind: "not_assessed".into(),
            about,
            reason
        }),
        (0u8..25, arb_text()).prop_map(|(n, t)| Edit::CriterionNote(n, t)),
        arb_text().prop_map(|t| Edit::Narrative(NarrativePart::Goals, t)),
        Just(Edit::Period(PeriodKind::Custom)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_typing_comes_back_from_storage_and_from_an_exported_file(
        set_index in 0usize..3,
        edits in prop::collection::vec(arb_edit(), 1..8),
    ) {
        let set = sets::shipped().swap_remove(set_index);
        let mut draft = new_draft("d-1".into(), &set, tieuchi::core::vn::Date::new(2026, 11, 30));
        for edit in edits {
            let scores = score(&set, &draft);
            apply(&mut draft, edit, &set, &scores, &Stamp::compiler("2026-11-30T09:00:00.000Z"));
            let env = Envelope::new(draft.clone(), set.clone(), "2026-11-30T09:00:00.000Z".into());
            // What the app stores reads back, unchanged.
            let stored = read_stored(&env.to_json());
            prop_assert!(stored.is_ok(), "{:?}", stored.err());
            prop_assert_eq!(&stored.unwrap().draft, &draft);
            // Its exported file, as bytes, imports again whenever its report year is a real one.
            let file = env.to_json_pretty();
            let text = decode(file.as_bytes()).unwrap();
            if (2000..=2100).contains(&draft.meta.year) {
                let imported = read_import(&text);
                prop_assert!(imported.is_ok(), "{:?}", imported.err());
                prop_assert_eq!(&imported.unwrap().draft, &draft);
            }
        }
        // Its report builds, whatever was typed: a .docx whose document reads back as XML.
        let scores = score(&set, &draft);
        let report = tieuchi::core::report::build(&set, &draft, &scores);
        let bytes = tieuchi::core::report::docx::render(&report);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").expect("the document"), &mut xml)
            .expect("UTF-8");
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => prop_assert!(false, "the document is not well-formed XML: {e}"),
            }
        }
        prop_assert!(xml.contains("BÁO CÁO"), "the report's title is in the document");
    }
}
