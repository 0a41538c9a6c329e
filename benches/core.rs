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
    let draft: Draft = tieuchi::core::json::from_str(include_str!(
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
    growth();
}

/// The core's share of the editor's and the set page's costs as the set grows: the test data
/// of 50 and 500 indicators that `scripts/bench.sh` writes with `tests/e2e/testdata.mjs` into
/// `target/testdata/` (TEST DATA, not a set of any authority), and a pasted table of about
/// 1 MB. Each line ends with the 500/50 ratio where there is one.
fn growth() {
    use tieuchi::core::criteria::CriteriaSet;
    use tieuchi::core::{set_edit, set_table, store};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/testdata");
    let read = |n: usize| -> Option<store::Envelope> {
        let text = std::fs::read_to_string(dir.join(format!("draft-{n}.json"))).ok()?;
        store::read_stored(&text).ok()
    };
    let (Some(small), Some(large)) = (read(50), read(500)) else {
        println!("growth: no test data in target/testdata (scripts/bench.sh writes it)");
        return;
    };
    println!("growth (TEST DATA: 50 and 500 indicators, tests/e2e/testdata.mjs):");
    let time = |iterations: usize, f: &mut dyn FnMut()| -> f64 {
        let mut times: Vec<f64> = (0..iterations)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        times[times.len() / 2]
    };
    let pair = |name: &str, f: &mut dyn FnMut(&store::Envelope)| {
        let a = time(200, &mut || f(&small));
        let b = time(50, &mut || f(&large));
        println!(
            "  {name:<46} 50: {a:>9.1} µs   500: {b:>9.1} µs   500/50 = {:.1}",
            b / a
        );
    };
    pair("score (every keystroke of the editor)", &mut |e| {
        black_box(scoring::score(&e.set, &e.draft));
    });
    pair("validate the set (saving a set)", &mut |e| {
        black_box(e.set.validate());
    });
    pair("envelope to JSON (autosave)", &mut |e| {
        black_box(e.to_json());
    });
    let texts = [small.to_json(), large.to_json()];
    pair("read a stored draft (opening it)", &mut |e| {
        let text = &texts[usize::from(e.set.indicators().count() > 100)];
        black_box(store::read_stored(text).ok());
    });
    pair("set editor: one wording edit (last indicator)", &mut |e| {
        let mut set: CriteriaSet = e.set.clone();
        let code = set
            .indicators()
            .last()
            .map(|(_, i)| i.code.clone())
            .unwrap_or_default();
        black_box(set_edit::apply(&mut set, set_edit::SetEdit::Wording(code, "x".into())).ok());
    });
    // A pasted table of about 1 MB: 999 rows of the large set's codes, each wording long.
    let set = &large.set;
    let filler = "nội dung dài ".repeat(80);
    let mut text = String::new();
    let all: Vec<_> = set.indicators().map(|(_, i)| i).collect();
    for (i, ind) in all.iter().cycle().take(999).enumerate() {
        text.push_str(&format!(
            "{}\t{} {i} {filler}\t≥ 80%\tNguồn {i}\n",
            ind.code, ind.short
        ));
    }
    let t = time(5, &mut || {
        black_box(set_table::parse(&text, set));
    });
    println!(
        "  {:<46} {:.1} MB, 999 rows: {:>9.1} ms",
        "parse a pasted table (the preview's core)",
        text.len() as f64 / 1e6,
        t / 1000.0
    );
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
