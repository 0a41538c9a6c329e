//! The table panel's state: what the user gave (text, a file, a Word file and its table, the
//! columns as changed, what each share counts, the default source, the confirmation), its
//! reducer, and what it reads to (the table and its plan).

use crate::core::criteria::CriteriaSet;
use crate::core::set_table::{self, docx::DocTable, Column, Options, Plan, Table};
use crate::ui::shared::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// A .docx read: its name, its tables, the one chosen.
#[derive(Clone, Debug)]
pub struct WordFile {
    pub name: String,
    pub tables: Rc<Vec<DocTable>>,
    pub chosen: Option<usize>,
}

impl PartialEq for WordFile {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tables, &other.tables)
            && self.chosen == other.chosen
            && self.name == other.name
    }
}

/// What the user gave: the text (pasted, or a CSV file's), a Word file and its table chosen,
/// the columns as changed, what each share counts, the default source, the confirmation.
#[derive(Clone, PartialEq, Default)]
pub struct Input {
    pub text: String,
    /// "Tệp “bang.csv” (Windows-1258 …)": where the text came from.
    pub file: Option<String>,
    pub word: Option<WordFile>,
    pub columns: Option<Vec<Column>>,
    pub units: Vec<(String, String)>,
    pub confirmed: bool,
    pub source: String,
    /// The text is held out of the paste box (a long table pasted, dropped or from a file;
    /// `is_long`). Typed text always stays in the box, however long.
    pub held: bool,
}

impl Input {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.word.is_none()
    }
}

pub enum TableAction {
    /// The box's text, and whether it came in one paste or drop (a long one is then held out
    /// of the box).
    Text(String, bool),
    File(String, String),
    Word(WordFile),
    Choose(usize),
    /// The columns as the user set them.
    Columns(Vec<Column>),
    Unit(String, String),
    Confirm(bool),
    Source(String),
    /// Applied, or given up: back to an empty box.
    Clear,
    Outcome(Outcome),
}

/// What the last action did: what changed, or why nothing did.
pub type Outcome = Option<Result<String, Vec<String>>>;

#[derive(Clone, PartialEq)]
pub struct TableState {
    pub input: Input,
    pub outcome: Outcome,
}

impl Reducible for TableState {
    type Action = TableAction;

    fn reduce(self: Rc<Self>, action: TableAction) -> Rc<Self> {
        let mut s = (*self).clone();
        let fresh = |s: &mut TableState| {
            s.input.columns = None;
            s.input.confirmed = false;
            s.outcome = None;
        };
        match action {
            TableAction::Text(t, pasted) => {
                s.input.held = pasted && is_long(&t);
                s.input.text = t;
                s.input.file = None;
                s.input.word = None;
                fresh(&mut s);
            }
            TableAction::File(note, t) => {
                s.input = Input {
                    held: is_long(&t),
                    text: t,
                    file: Some(note),
                    source: s.input.source,
                    ..Input::default()
                };
                fresh(&mut s);
            }
            TableAction::Word(w) => {
                s.input = Input {
                    word: Some(w),
                    source: s.input.source,
                    ..Input::default()
                };
                fresh(&mut s);
            }
            TableAction::Choose(k) => {
                if let Some(w) = &mut s.input.word {
                    w.chosen = Some(k);
                }
                fresh(&mut s);
            }
            TableAction::Columns(columns) => {
                s.input.columns = Some(columns);
                s.input.confirmed = false;
            }
            TableAction::Unit(code, unit) => {
                s.input.units.retain(|(c, _)| *c != code);
                s.input.units.push((code, unit));
            }
            TableAction::Confirm(yes) => s.input.confirmed = yes,
            TableAction::Source(v) => s.input.source = v,
            TableAction::Clear => {
                s.input = Input {
                    source: s.input.source,
                    ..Input::default()
                };
            }
            TableAction::Outcome(o) => s.outcome = o,
        }
        Rc::new(s)
    }
}

/// The read table and its plan, for what was given.
#[derive(PartialEq)]
pub struct Reading {
    pub table: Table,
    pub plan: Plan,
}

/// Text up to this many bytes is read as it is typed; a longer table (a whole decision pasted,
/// up to about 1 MB) is read after the page has shown that it is being read, a chunk of rows
/// at a time, and, when it came in one paste, drop or file, is held out of the paste box
/// (`Input::held`): the browser took about a second at 4× CPU to lay out a box of 1 MB, and
/// again whenever anything near it changed.
const READ_AT_ONCE: usize = 100_000;

/// Whether `text` is a long table: read in steps; held out of the box when pasted whole.
pub fn is_long(text: &str) -> bool {
    text.len() > READ_AT_ONCE
}

/// What the page says of a long table held out of the box (`Input::held`).
pub fn long_note_vi(input: &Input) -> String {
    let what = match input.file {
        Some(_) => "Bảng trong tệp dài",
        None => "Đã dán một bảng dài",
    };
    format!(
        "{what} ({} dòng, {} KB): bảng không hiện trong ô để trang khỏi chậm. Dán hoặc gõ vào ô để thay bảng này.",
        input.text.lines().count(),
        input.text.len() / 1000
    )
}

/// Rows of a long table read between two frames (about 50 ms of a phone's time for rows of
/// 1 KB of text).
const ROWS_AT_ONCE: usize = 100;

/// How far the reading of a long table is: rows read (0 until its rows are found), of how many
/// (its lines until then).
#[derive(Clone, Copy, PartialEq)]
pub struct Busy {
    pub done: usize,
    pub of: usize,
}

impl Busy {
    pub fn text_vi(self) -> String {
        match self.done {
            0 => format!("Đang đọc bảng ({} dòng)…", self.of),
            done => format!("Đang đọc bảng: {done}/{} dòng…", self.of),
        }
    }
}

/// What was given, read: the reading (none while nothing is given), and while a long table is
/// still being read, how far it is (issue #30: a 1 MB paste shows its progress, and the page
/// paints between the reading's chunks).
#[hook]
pub fn use_reading(
    input: &Input,
    set: &Shared<CriteriaSet>,
) -> (Rc<Option<Reading>>, Option<Busy>) {
    let deps = (input.clone(), set.clone());
    let at_once = !is_long(&input.text);
    let now = use_memo(deps.clone(), move |(input, set)| {
        at_once.then(|| Rc::new(read(input, set)))
    });
    // The long table's reading, with what it was read from; and how far it is.
    let later = use_state(|| None::<Rc<(Input, Shared<CriteriaSet>, Rc<Option<Reading>>)>>);
    let progress = use_state(|| None::<(Input, Shared<CriteriaSet>, Busy)>);
    {
        let (later, progress) = (later.clone(), progress.setter());
        use_effect_with(deps, move |(input, set)| {
            let stale = Rc::new(std::cell::Cell::new(false));
            if !at_once {
                let (input, set, stale) = (input.clone(), set.clone(), stale.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let told = |busy: Busy| progress.set(Some((input.clone(), set.clone(), busy)));
                    if let Some(reading) = read_in_steps(&input, &set, &stale, told).await {
                        later.set(Some(Rc::new((input, set, Rc::new(reading)))));
                    }
                });
            }
            move || stale.set(true)
        });
    }
    if let Some(r) = now.as_ref() {
        return (r.clone(), None);
    }
    match later.as_deref() {
        Some((i, s, r)) if i == input && s == set => (r.clone(), None),
        _ => {
            let busy = match progress.as_ref() {
                Some((i, s, busy)) if i == input && s == set => *busy,
                _ => Busy {
                    done: 0,
                    of: input.text.lines().count(),
                },
            };
            (Rc::new(None), Some(busy))
        }
    }
}

/// What a given input is read from: a grid, nothing at all, or (text that is no table) its
/// refusal, read at once.
enum Source {
    Grid(set_table::Grid),
    Nothing,
    Read(Box<Reading>),
}

fn source(input: &Input, set: &CriteriaSet) -> Source {
    match &input.word {
        Some(w) => match w.chosen.and_then(|c| w.tables.get(c)) {
            Some(t) => Source::Grid(t.rows.clone()),
            None => Source::Nothing,
        },
        None if input.text.trim().is_empty() => Source::Nothing,
        None => match set_table::grid(&input.text) {
            Ok(g) => Source::Grid(g),
            Err(_) => {
                let table = set_table::parse(&input.text, set);
                let plan = set_table::plan(set, &table, &Options::default());
                Source::Read(Box::new(Reading { table, plan }))
            }
        },
    }
}

/// The plan of a table read from `input`'s grid, with the input's options.
fn planned(input: &Input, set: &CriteriaSet, table: Table) -> Reading {
    let opts = Options {
        default_source: input.source.clone(),
        units: input.units.clone(),
        confirmed: input.confirmed,
    };
    let plan = set_table::plan(set, &table, &opts);
    Reading { table, plan }
}

pub fn read(input: &Input, set: &CriteriaSet) -> Option<Reading> {
    match source(input, set) {
        Source::Grid(grid) => {
            let table = set_table::read_grid(&grid, input.columns.as_deref(), set);
            Some(planned(input, set, table))
        }
        Source::Nothing => None,
        Source::Read(r) => Some(*r),
    }
}

/// `read`, with the browser let in after the page shows the reading has begun, and between
/// every `ROWS_AT_ONCE` rows (`told` how far it is); `None` once `stale` (the input changed).
async fn read_in_steps(
    input: &Input,
    set: &CriteriaSet,
    stale: &std::cell::Cell<bool>,
    told: impl Fn(Busy),
) -> Option<Option<Reading>> {
    let pause = || async {
        crate::web::dom::yield_to_browser().await;
        (!stale.get()).then_some(())
    };
    pause().await?;
    let grid = match source(input, set) {
        Source::Grid(grid) => grid,
        Source::Nothing => return Some(None),
        Source::Read(r) => return Some(Some(*r)),
    };
    pause().await?;
    let mut reader = set_table::RowReader::new(&grid, input.columns.as_deref(), set);
    loop {
        let left = reader.step(ROWS_AT_ONCE);
        let (done, of) = reader.progress();
        told(Busy { done, of });
        pause().await?;
        if left == 0 {
            break;
        }
    }
    let table = reader.finish();
    pause().await?;
    let reading = planned(input, set, table);
    // Drawn in a task of its own.
    pause().await?;
    Some(Some(reading))
}
