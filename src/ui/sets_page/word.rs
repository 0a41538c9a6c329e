//! Files picked for the table: a CSV (in any of Excel's encodings, named as read) into the
//! box; a Word file of the decision, its tables to choose from (the one with the indicators).

use super::table_state::{TableAction, WordFile};
use crate::core::set_table::{self, docx, docx::DocTable};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The file's tables, each with its size and first lines, to choose from.
pub fn tables_list(w: &WordFile, on: &Callback<TableAction>) -> Html {
    let choice = |k: usize, t: &DocTable| {
        let on = on.clone();
        let onchange = Callback::from(move |_: Event| on.emit(TableAction::Choose(k)));
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

/// A file picked: a CSV (any of Excel's encodings, named) into the box, or a Word file's
/// tables to choose from.
pub fn pick(on: &Callback<TableAction>, word: bool) -> Callback<Event> {
    let on = on.clone();
    Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = crate::web::files::list(input.files());
        // Let the same file be picked again later.
        input.set_value("");
        let on = on.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (read, refused) = crate::web::files::read_all(files, 20).await;
            if let Some(r) = refused.first() {
                let m = format!("Không đọc được tệp “{}”: {}", r.name, r.reason);
                return on.emit(TableAction::Outcome(Some(Err(vec![m]))));
            }
            let Some(file) = read.into_iter().next() else {
                return;
            };
            let action = if word {
                word_file(file)
            } else {
                csv_file(file)
            };
            match action {
                Ok(a) => on.emit(a),
                Err(m) => on.emit(TableAction::Outcome(Some(Err(vec![m])))),
            }
        });
    })
}

fn csv_file(file: crate::core::rollup::Input) -> Result<TableAction, String> {
    let (text, encoding) =
        set_table::decode::decode(&file.bytes).map_err(|e| format!("Tệp “{}”: {e}", file.name))?;
    let note = format!(
        "Đã đọc tệp “{}” (bảng mã {}). Kiểm tra bản xem trước bên dưới.",
        file.name,
        encoding.name_vi()
    );
    Ok(TableAction::File(note, text))
}

fn word_file(file: crate::core::rollup::Input) -> Result<TableAction, String> {
    let tables = docx::tables(&file.bytes).map_err(|e| format!("Tệp “{}”: {e}", file.name))?;
    if tables.is_empty() {
        return Err(format!("Tệp “{}” không có bảng nào.", file.name));
    }
    let chosen = (tables.len() == 1).then_some(0);
    Ok(TableAction::Word(WordFile {
        name: file.name,
        tables: Rc::new(tables),
        chosen,
    }))
}
