//! Writes the example draft's report: `cargo run --example example_report -- out.docx`.
//! Handy for looking at the document in Word or LibreOffice.

use tieuchi::core::{report, scoring, sets};

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "bao-cao-vi-du.docx".into());
    let draft = serde_json::from_str(include_str!(
        "../tests/fixtures/lien-son-2024-h1.draft.json"
    ))
    .expect("fixture");
    let set = sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .expect("shipped set");
    let scores = scoring::score(&set, &draft);
    let doc = report::build(&set, &draft, &scores);
    std::fs::write(&out, report::docx::render(&doc)).expect("write");
    println!("{out}: {}", scores.summary_vi());
}
