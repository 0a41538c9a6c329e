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
}

impl Input {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.word.is_none()
    }
}

pub enum TableAction {
    Text(String),
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
            TableAction::Text(t) => {
                s.input.text = t;
                s.input.file = None;
                s.input.word = None;
                fresh(&mut s);
            }
            TableAction::File(note, t) => {
                s.input = Input {
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
/// up to about 1 MB) after the page has shown that it is being read.
const READ_AT_ONCE: usize = 100_000;

/// What was given, read: the reading (none while nothing is given), and while a long table is
/// still being read, its number of lines (issue #30: a 1 MB paste shows progress, and the
/// page paints it before the reading takes the thread).
#[hook]
pub fn use_reading(
    input: &Input,
    set: &Shared<CriteriaSet>,
) -> (Rc<Option<Reading>>, Option<usize>) {
    let deps = (input.clone(), set.clone());
    let at_once = input.text.len() <= READ_AT_ONCE;
    let now = use_memo(deps.clone(), move |(input, set)| {
        at_once.then(|| Rc::new(read(input, set)))
    });
    // The long table's reading, with what it was read from.
    let later = use_state(|| None::<Rc<(Input, Shared<CriteriaSet>, Rc<Option<Reading>>)>>);
    {
        let later = later.clone();
        use_effect_with(deps, move |(input, set)| {
            let stale = Rc::new(std::cell::Cell::new(false));
            if !at_once {
                let (input, set, stale) = (input.clone(), set.clone(), stale.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    crate::web::dom::yield_to_browser().await;
                    if !stale.get() {
                        let reading = Rc::new(read(&input, &set));
                        later.set(Some(Rc::new((input, set, reading))));
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
        _ => (Rc::new(None), Some(input.text.lines().count())),
    }
}

pub fn read(input: &Input, set: &CriteriaSet) -> Option<Reading> {
    let grid = match &input.word {
        Some(w) => w.tables.get(w.chosen?)?.rows.clone(),
        None if input.text.trim().is_empty() => return None,
        None => match set_table::grid(&input.text) {
            Ok(g) => g,
            Err(_) => {
                let table = set_table::parse(&input.text, set);
                let plan = set_table::plan(set, &table, &Options::default());
                return Some(Reading { table, plan });
            }
        },
    };
    let table = set_table::read_grid(&grid, input.columns.as_deref(), set);
    let opts = Options {
        default_source: input.source.clone(),
        units: input.units.clone(),
        confirmed: input.confirmed,
    };
    let plan = set_table::plan(set, &table, &opts);
    Some(Reading { table, plan })
}
