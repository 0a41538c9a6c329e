//! Native benchmarks of the core: scoring a full 19-criterion assessment, building the report
//! model, and writing the .docx. Prints median and 95th percentile; not a test.
//!
//! Run: `cargo bench --bench core`

use std::hint::black_box;
use std::time::Instant;
use tieuchi::core::draft::Draft;
use tieuchi::core::{report, scoring, sets};

fn measure<T>(name: &str, iterations: usize, mut f: impl FnMut() -> T) {
    for _ in 0..iterations / 10 {
        black_box(f());
    }
    let mut times: Vec<f64> = (0..iterations)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    let (value, unit, p) = if median >= 1000.0 {
        (median / 1000.0, "ms", p95 / 1000.0)
    } else {
        (median, "µs", p95)
    };
    println!("{name:<48} median {value:>9.2} {unit}   p95 {p:>9.2} {unit}   ({iterations} runs)");
}

fn main() {
    let draft: Draft = serde_json::from_str(include_str!(
        "../tests/fixtures/lien-son-2024-h1.draft.json"
    ))
    .expect("fixture");
    let set = sets::shipped()
        .into_iter()
        .find(|s| s.id == "lang-son-xa-ntm-2022-2025")
        .expect("set");
    let scores = scoring::score(&set, &draft);
    let model = report::build(&set, &draft, &scores);
    let bytes = report::docx::render(&model);
    println!(
        "example: {} indicators, {}, report {} paragraphs, .docx {} bytes",
        set.indicators().count(),
        scores.summary_vi(),
        model.body.len(),
        bytes.len()
    );
    measure(
        "load and validate the shipped criteria sets",
        200,
        sets::shipped,
    );
    measure("score a full assessment (57 indicators)", 5000, || {
        scoring::score(&set, &draft)
    });
    measure("build the report model", 2000, || {
        report::build(&set, &draft, &scores)
    });
    measure("render the .docx (XML + deflate + zip)", 300, || {
        report::docx::render(&model)
    });
    measure("score + build + render (download click)", 300, || {
        let s = scoring::score(&set, &draft);
        let m = report::build(&set, &draft, &s);
        report::docx::render(&m)
    });
}
