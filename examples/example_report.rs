//! Writes reports to look at in Word or LibreOffice (the end-to-end suite converts them):
//! `cargo run --example example_report -- DIR` writes into DIR
//! - `lien-son-honest.docx`: the Liên Sơn example entered honestly (final, 10/19);
//! - `lien-son-as-written.docx`: the example as the original was written (DỰ THẢO);
//! - `one-criterion.docx`: a set of one criterion with one indicator.

use tieuchi::core::criteria::CriteriaSet;
use tieuchi::core::draft::Draft;
use tieuchi::core::{report, scoring, sets};

fn write(dir: &std::path::Path, name: &str, set: &CriteriaSet, draft: &Draft) {
    let scores = scoring::score(set, draft);
    let doc = report::build(set, draft, &scores);
    let path = dir.join(name);
    std::fs::write(&path, report::docx::render(&doc)).expect("write");
    println!(
        "{}: {}{}",
        path.display(),
        scores.summary_vi(),
        if doc.is_draft() { " (DỰ THẢO)" } else { "" }
    );
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir).expect("output folder");
    let draft = |text: &str| -> Draft { tieuchi::core::json::from_str(text).expect("fixture") };
    let set = sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .expect("shipped set");
    let honest = draft(include_str!(
        "../tests/fixtures/lien-son-2024-h1.honest.draft.json"
    ));
    write(&dir, "lien-son-honest.docx", &set, &honest);
    let as_written = draft(include_str!(
        "../tests/fixtures/lien-son-2024-h1.draft.json"
    ));
    write(&dir, "lien-son-as-written.docx", &set, &as_written);
    let mut one = set.clone();
    one.criteria.truncate(1);
    one.criteria[0].indicators.truncate(1);
    write(&dir, "one-criterion.docx", &one, &honest);
}
