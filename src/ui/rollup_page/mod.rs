//! The roll-up page (`tong-hop/`): many communes' draft files side by side, for a province's
//! office, offline, with nothing sent anywhere. Its own page, in the tools module with the set
//! page (`ui::tools`), so the commune's editor does not carry it. Reading, merging, figures,
//! the list of communes and the workbook are `core::rollup`; this page reads the files, keeps
//! the list in the browser and shows the result: who has sent, the headline figures, one table
//! per set and period (the one most files are for first and open, the others folded under
//! their heading).

mod charts;
mod communes;
mod headline;
mod table;

use crate::core::rollup::communes::CommuneList;
use crate::core::rollup::{self, Input, Rollup};
use crate::ui::chrome::{self, Header, Notice, Tone};
use crate::ui::shared::Shared;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How the rows of a table are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Commune,
    MostMet,
    FewestMet,
    MostProblems,
}

/// What a table shows: rows not meeting a criterion (by its index in the set), rows meeting
/// at least so many criteria, rows of one group (`Some("")`: no group chosen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub sort: Sort,
    pub not_met: Option<usize>,
    pub min_met: usize,
    pub column: Option<String>,
    /// The commune whose trend is drawn: (key, province).
    pub commune: Option<(String, String)>,
    /// How many rows the table shows (more on request: a national roll-up has thousands).
    pub limit: usize,
}

/// Rows shown at first, and added by "Hiện thêm".
pub const PAGE: usize = 200;

impl Default for View {
    fn default() -> View {
        View {
            sort: Sort::Commune,
            not_met: None,
            min_met: 0,
            column: None,
            commune: None,
            limit: PAGE,
        }
    }
}

/// The province's list as the page holds it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ListState {
    pub list: Option<CommuneList>,
    /// Why the stored list cannot be read (damaged, or a newer version's). It is never written
    /// over: a list typed meanwhile is used in the page only, until the entry is downloaded
    /// and deleted (a newer version's is only offered for download).
    pub problem: Option<String>,
    pub newer: bool,
    /// The text being typed or pasted, while editing.
    pub editing: Option<String>,
    /// What the last reading left out (a header line, repeated names).
    pub skipped: Vec<String>,
}

#[derive(Clone, PartialEq)]
pub struct Page {
    pub rollup: Shared<Rollup>,
    pub files: usize,
    /// While files are read: how many so far, of how many known (a .zip's files are known once
    /// it is opened).
    pub reading: Option<(usize, usize)>,
    /// One view per section of the roll-up, by index.
    pub views: Vec<View>,
    pub notice: Option<Notice>,
    pub list: ListState,
    /// The period who has sent is counted for; none: the first section's.
    pub period: Option<String>,
}

pub enum PageAction {
    Reading(usize, usize),
    Loaded(Rollup, usize),
    View(usize, View),
    Notice(Tone, String),
    List(ListState),
    Period(String),
}

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PageAction::Reading(done, of) => s.reading = Some((done, of)),
            PageAction::Loaded(r, files) => {
                s.views = r.sections.iter().map(|_| View::default()).collect();
                s.rollup = Shared(Rc::new(r));
                s.files = files;
                s.reading = None;
            }
            PageAction::View(i, v) => {
                if let Some(slot) = s.views.get_mut(i) {
                    *slot = v;
                }
            }
            PageAction::Notice(tone, text) => s.notice = Some(Notice { tone, text }),
            PageAction::List(list) => s.list = list,
            PageAction::Period(p) => s.period = Some(p),
        }
        Rc::new(s)
    }
}

pub type Dispatch = UseReducerDispatcher<Page>;

/// Mounts the page, with the same panic page as the editor.
pub fn start() {
    crate::ui::mount::<RollupPage>();
}

/// Every file given so far (the table is computed from all of them again when more arrive),
/// and the number of the latest reading of them (an earlier one still running stops).
#[derive(Default)]
struct Files {
    all: Vec<Input>,
    run: u32,
}

type Inputs = Rc<RefCell<Files>>;

/// Largest single file read, in MB (a province's archive of many communes).
const MAX_FILE_MB: u32 = 200;

/// Files read between two frames: reading thousands shows how far it is and leaves the page
/// responsive (issue #30).
const CHUNK: usize = 20;

/// Adds files to those read and tabulates them all.
fn add(d: &Dispatch, inputs: &Inputs, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    d.dispatch(PageAction::Reading(0, 0));
    let (d, inputs) = (d.clone(), inputs.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let (read, refused) = crate::web::files::read_all(files, MAX_FILE_MB).await;
        inputs.borrow_mut().all.extend(read);
        tabulate(d, inputs, refused).await;
    });
}

/// Reads every file given, a chunk at a time with a frame between (the status line says how
/// far it is), then shows the roll-up. Files added or cleared meanwhile stop it: the reading
/// they start reads them all.
async fn tabulate(d: Dispatch, inputs: Inputs, refused: Vec<rollup::Rejected>) {
    let run = {
        let mut files = inputs.borrow_mut();
        files.run += 1;
        files.run
    };
    let mut reader = rollup::Reader::default();
    let mut next = 0;
    loop {
        let given = {
            let files = inputs.borrow();
            if files.run != run {
                return;
            }
            // About a chunk queued: the next files given (a .zip queues each of its files).
            while reader.queued() < CHUNK && next < files.all.len() {
                reader.add(files.all[next].clone());
                next += 1;
            }
            files.all.len()
        };
        let left = reader.read(CHUNK) + (given - next);
        if left == 0 {
            break;
        }
        d.dispatch(PageAction::Reading(reader.done(), reader.done() + left));
        crate::web::dom::yield_to_browser().await;
    }
    let mut r = reader.finish();
    r.rejected.extend(refused);
    d.dispatch(PageAction::Loaded(r, next));
}

/// The drafts stored in this browser, as files (`rollup::from_storage`: those a commune's
/// file would be refused for are listed with the files refused, not added).
fn add_stored(d: &Dispatch, inputs: &Inputs) {
    let (drafts, kept) = crate::web::storage::load_drafts();
    let added = rollup::from_storage(drafts, &kept);
    inputs.borrow_mut().all.extend(added.inputs);
    d.dispatch(PageAction::Reading(0, 0));
    wasm_bindgen_futures::spawn_local(tabulate(d.clone(), inputs.clone(), added.refused));
    d.dispatch(PageAction::Notice(Tone::Info, added.note));
}

fn download(d: &Dispatch, name: &str, mime: &str, bytes: &[u8]) {
    if let Err(e) = crate::web::download::bytes(name, mime, bytes) {
        d.dispatch(PageAction::Notice(Tone::Error, e));
    }
}

#[function_component]
fn RollupPage() -> Html {
    let page = use_reducer(|| Page {
        rollup: Shared(Rc::new(Rollup::default())),
        files: 0,
        reading: None,
        views: Vec::new(),
        notice: None,
        list: communes::load(),
        period: None,
    });
    let inputs: Inputs = use_mut_ref(Files::default);
    let d = page.dispatcher();
    let update = chrome::use_update_ready();
    use_effect_with((), |_| {
        crate::web::sw::register("../sw.js", Callback::from(|_| {}));
    });
    let r = page.rollup.clone();
    let keys = page.list.list.as_ref().map(|l| l.keys());
    let header = chrome::header(Header {
        page: chrome::Page::Rollup,
        title: "Tổng hợp nhiều xã",
        subtitle: Some("Tự đánh giá xã nông thôn mới".into()),
        status: None,
        tabs: None,
    });
    html! {
        <>
            { header }
            { chrome::banners(html! { <>
                { chrome::update_banner(update, "Các tệp đã mở sẽ cần chọn lại sau khi tải lại.") }
                if let Some(n) = &page.notice { { chrome::notice(n, None) } }
            </> }) }
            <main id="main">
                { input_section(&page, &d, &inputs) }
                { communes::section(&page, &d) }
                { for r.sections.iter().enumerate().map(|(i, s)| {
                    let view = page.views.get(i).cloned().unwrap_or_default();
                    let d = d.clone();
                    let on_view = Callback::from(move |v: View| d.dispatch(PageAction::View(i, v)));
                    table::section(i, &r, s, &view, keys.as_deref(), on_view)
                }) }
                { exports(&d, &r, page.list.list.as_ref()) }
            </main>
            { chrome::footer(None, "Dữ liệu chỉ xử lý trên máy này, không gửi đi đâu.") }
        </>
    }
}

/// Picking, dropping and adding files, and what was read.
fn input_section(page: &Page, d: &Dispatch, inputs: &Inputs) -> Html {
    let on_pick = {
        let (d, inputs) = (d.clone(), inputs.clone());
        Callback::from(move |e: Event| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                add(&d, &inputs, crate::web::files::list(input.files()));
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let (d, inputs) = (d.clone(), inputs.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            add(
                &d,
                &inputs,
                crate::web::files::list(e.data_transfer().and_then(|t| t.files())),
            );
        })
    };
    let on_stored = {
        let (d, inputs) = (d.clone(), inputs.clone());
        Callback::from(move |_| add_stored(&d, &inputs))
    };
    let on_clear = {
        let (d, inputs) = (d.clone(), inputs.clone());
        Callback::from(move |_| {
            {
                let mut files = inputs.borrow_mut();
                files.all.clear();
                files.run += 1;
            }
            d.dispatch(PageAction::Loaded(Rollup::default(), 0));
        })
    };
    let r = &page.rollup;
    let status = if let Some((done, of)) = page.reading {
        match of {
            0 => "Đang đọc tệp…".to_string(),
            _ => format!("Đang đọc tệp: {done}/{of}…"),
        }
    } else if page.files == 0 {
        String::new()
    } else {
        format!(
            "Đã đọc {} tệp: {} xã – kỳ, {} tệp bị bỏ qua.",
            page.files,
            r.rows(),
            r.rejected.len()
        )
    };
    html! {
        <section class="rollup-input no-print" aria-labelledby="input-title">
            <h2 id="input-title">{ "Mở tệp của các xã" }</h2>
            <p class="hint">{ "Chọn nhiều tệp bản nháp (.json) các xã gửi, hoặc tệp nén (.zip) chứa chúng. Mỗi tệp được kiểm tra như khi nhập; tệp hỏng được liệt kê và bỏ qua. Mọi thứ xử lý trên máy này, không gửi đi đâu." }</p>
            <div class="drop" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                <label for="rollup-files" class="button primary">{ "Chọn tệp (.json, .zip)" }</label>
                <input id="rollup-files" type="file" multiple=true accept=".json,.zip,application/json,application/zip" class="visually-hidden" onchange={on_pick} />
                <span>{ " hoặc kéo thả tệp vào đây" }</span>
            </div>
            <div class="row-actions">
                <button type="button" class="secondary" onclick={on_stored}>{ "Thêm bản nháp lưu trong trình duyệt này" }</button>
                if page.files > 0 { <button type="button" class="secondary" onclick={on_clear}>{ "Xóa danh sách tệp" }</button> }
            </div>
            <p role="status" id="rollup-status">{ status }</p>
            { table::rejected(&r.rejected) }
        </section>
    }
}

/// The workbook and the long CSV, once something is read.
fn exports(d: &Dispatch, r: &Shared<Rollup>, list: Option<&CommuneList>) -> Html {
    if r.rows() == 0 {
        return html! {};
    }
    let (d1, r1, d2, r2) = (d.clone(), r.clone(), d.clone(), r.clone());
    let list = list.cloned();
    let on_xlsx = Callback::from(move |_| {
        let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        let book = rollup::xlsx(&r1, list.as_ref());
        download(&d1, "tong-hop-nong-thon-moi.xlsx", mime, &book)
    });
    let on_csv = Callback::from(move |_| {
        let csv = rollup::long_csv(&r2);
        download(
            &d2,
            "tong-hop-chi-tieu.csv",
            "text/csv;charset=utf-8",
            csv.as_bytes(),
        )
    });
    html! {
        <div class="row-actions no-print">
            <button type="button" class="primary" onclick={on_xlsx}>{ "Tải bảng tổng hợp (.xlsx)" }</button>
            <button type="button" class="secondary" onclick={on_csv}>{ "Tải bảng chỉ tiêu (.csv)" }</button>
        </div>
    }
}
