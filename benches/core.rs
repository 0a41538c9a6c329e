//! Native benchmarks of the core: scoring a full 19-criterion assessment, building the report
//! model, writing the .docx, and the roll-up of 1,000 communes' files (with the memory it
//! takes, from a counting allocator). Prints median and 95th percentile; not a test.
//!
//! Run: `cargo bench --bench core`

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use tieuchi::core::draft::Draft;
use tieuchi::core::{report, scoring, sets};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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
    rollup_of_communes(1000);
}

/// 1,000 communes' files, as the app exports them, opened and tabulated; time and the peak of
/// memory in use above what was in use before.
fn rollup_of_communes(n: usize) {
    use tieuchi::core::rollup::{read_files, Input};
    use tieuchi::core::store::{self, Envelope};
    let base = store::read(include_str!("../tests/fixtures/envelope-v1.json")).expect("fixture");
    let inputs: Vec<Input> = (0..n)
        .map(|i| {
            let mut d = base.draft.clone();
            d.id = format!("xa-{i}");
            d.meta.commune = format!("Xã thử {i}");
            let env = Envelope::new(d, base.set.clone(), "2024-06-26T09:30:00Z".into());
            Input {
                name: format!("xa-{i}.json"),
                bytes: env.to_json().into_bytes(),
            }
        })
        .collect();
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    println!(
        "roll-up input: {n} files, {:.1} KB each, {:.1} MB in all",
        bytes as f64 / n as f64 / 1000.0,
        bytes as f64 / 1e6
    );
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let t = Instant::now();
    let r = black_box(read_files(&inputs));
    let took = t.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let kept = IN_USE.load(Ordering::Relaxed) - before;
    println!(
        "{:<48} {:>9.0} ms   memory: peak {:.1} MB, table kept {:.1} MB   ({} rows)",
        format!("roll-up: read and tabulate {n} files"),
        took.as_secs_f64() * 1000.0,
        peak as f64 / 1e6,
        kept as f64 / 1e6,
        r.groups.iter().map(|g| g.rows.len()).sum::<usize>()
    );
}
