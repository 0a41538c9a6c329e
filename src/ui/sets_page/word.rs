//! A Word file of the decision: its tables, one to choose (the one with the indicators).

use super::table::{TableAction, TableState};
use crate::core::set_table::docx::DocTable;
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

/// The file's tables, each with its size and first lines, to choose from.
pub fn tables_list(w: &WordFile, d: &UseReducerDispatcher<TableState>) -> Html {
    let choice = |k: usize, t: &DocTable| {
        let d = d.clone();
        let onchange = Callback::from(move |_: Event| d.dispatch(TableAction::Choose(k)));
        let id = format!("s-docx-table-{}", k + 1);
        html! {
            <div class="field checkbox" key={id.clone()}>
                <input type="radio" name="s-docx-table" id={id.clone()} checked={w.chosen == Some(k)} {onchange} />
                <label for={id}>{ format!("Bảng {}: {} dòng, {} cột — {}", k + 1, t.rows.len(), t.columns, t.preview()) }</label>
            </div>
        }
    };
    html! {
        <fieldset class="docx-tables">
            <legend>{ format!("Tệp Word “{}”: {} bảng. Chọn bảng chỉ tiêu:", w.name, w.tables.len()) }</legend>
            { for w.tables.iter().enumerate().map(|(k, t)| choice(k, t)) }
        </fieldset>
    }
}
