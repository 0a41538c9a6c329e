//! The roll-up: many communes' draft files read together, as a province's office receives
//! them. Each file is read with the strict rules of an import; a bad file is listed with its
//! reason and skipped. Everything shown is the assessed view (`core::scoring::score`) of each
//! file, never a status derived here.
//!
//! Files are grouped by their set's content (`CriteriaSet::fingerprint`, with its id and
//! version), so two files whose sets print the same name and version but differ are never in one
//! column. One commune and period counts once, its latest file, even across versions of one set
//! (the row names the files it replaced). Communes are recognised however their names are
//! written (`vn::name_key`); a file without a name is its own row. `figures` makes the headline
//! figures and splits the groups by period; `communes` the province's list of communes and who
//! has sent; `export` and `xlsx` the files.

pub mod communes;
mod export;
mod figures;
mod group;
mod xlsx;

pub use export::{long_csv, xlsx};
pub use figures::{histogram, percent_vi, tenths, ByColumn, Figures, Headline, Section};

use crate::core::criteria::CriteriaSet;
use crate::core::num::Dec;
use crate::core::scoring::CriterionStatus;
use crate::core::store::{self, Envelope};
use crate::core::vn::name_key;

/// A file as picked, dropped or found in an archive.
#[derive(Clone)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    pub name: String,
    pub reason: String,
}

/// One indicator of one commune's file (or a criterion the set judges whole), for the long
/// table. Every text is the assessed view's own.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub criterion: u8,
    /// The indicator's code; empty for a criterion judged as a whole.
    pub code: String,
    pub wording: String,
    /// The figure as a number (a share in %, an amount, a count), when there is one.
    pub figure: Option<Dec>,
    pub unit: String,
    pub threshold: Option<Dec>,
    /// "≥", "≤" or empty.
    pub direction: String,
    pub source: String,
    /// Where the threshold came from: "Bộ tiêu chí", "Xã tự nhập", or empty.
    pub provenance: String,
    /// What the figures alone say ("đạt", "chưa đạt"), or empty.
    pub by_figures: String,
    /// The status as every output prints it, with the figures' result beside an override.
    pub status_text: String,
    /// What the commune acknowledged or overrode, each "what: reason", joined by "; ".
    pub explained: String,
}

/// One commune and period: the file that counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub province: String,
    /// As written in the file, trimmed.
    pub commune: String,
    /// `communes::key` of the commune (how one commune written differently is recognised);
    /// empty when the file gives no name.
    pub key: String,
    pub period: String,
    pub year: u16,
    pub saved_at: String,
    /// The commune's threshold column ("Xã nhóm 2"), as the set names it; empty when none.
    pub column: String,
    /// One per criterion of the file's set (the group's), in its order.
    pub criteria: Vec<CriterionStatus>,
    pub met: usize,
    /// What keeps the file's report DỰ THẢO: exactly `Scores::blocking`, in Vietnamese.
    pub problems: Vec<String>,
    /// Indicators (and criteria judged whole) not assessed.
    pub unassessed: usize,
    /// Findings the commune acknowledged with a reason (overrides aside).
    pub acknowledged: usize,
    /// Indicators judged against their figures (with or without a reason yet).
    pub overrides: usize,
    pub indicators: Vec<IndicatorRow>,
    /// Files of the same commune and period saved earlier, which this one replaces.
    pub replaces: Vec<String>,
}

impl Row {
    /// The commune's name as shown: as written, or the file's name when the file gives none.
    pub fn name(&self) -> String {
        if self.commune.is_empty() {
            format!("(không ghi tên xã; tệp {})", self.file)
        } else {
            self.commune.clone()
        }
    }

    /// Whether the row's status for criterion `i` of its set is "met".
    pub fn meets(&self, i: usize) -> bool {
        self.criteria.get(i) == Some(&CriterionStatus::Met)
    }
}

/// The files scored with one set: one id, version and content.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub set: CriteriaSet,
    /// `CriteriaSet::fingerprint` of the set.
    pub fingerprint: String,
    /// Another group holds files of a set with the same id and version but other content.
    pub variant: bool,
    pub rows: Vec<Row>,
}

impl Group {
    /// "Bộ tiêu chí … (phiên bản 2026.1)", and when another set has the same id and version,
    /// that this one differs and its fingerprint.
    pub fn label(&self) -> String {
        let mut s = format!("{} (phiên bản {})", self.set.name, self.set.version);
        if self.variant {
            s.push_str(&format!(
                " — cùng mã và phiên bản nhưng khác nội dung (mã nội dung {})",
                self.fingerprint
            ));
        }
        s
    }

    /// What the set calls its threshold columns ("Nhóm xã"), when it has any.
    pub fn column_label(&self) -> Option<&str> {
        let label = self.set.columns.label.trim();
        let any =
            !self.set.columns.items.is_empty() || self.rows.iter().any(|r| !r.column.is_empty());
        any.then_some(if label.is_empty() { "Nhóm xã" } else { label })
    }

    /// One commune across periods (oldest first): its rows, with the criteria gained and lost
    /// since the period before, by number.
    pub fn trend(&self, key: &str, province: &str) -> Vec<(&Row, Vec<u8>, Vec<u8>)> {
        let mut rows: Vec<&Row> = self
            .rows
            .iter()
            .filter(|r| !key.is_empty() && r.key == key)
            .filter(|r| name_key(&r.province) == name_key(province))
            .collect();
        rows.sort_by(|a, b| (a.year, &a.saved_at).cmp(&(b.year, &b.saved_at)));
        let mut out = Vec::new();
        for (k, r) in rows.iter().enumerate() {
            let (mut gained, mut lost) = (Vec::new(), Vec::new());
            if let Some(prev) = k.checked_sub(1).map(|p| rows[p]) {
                for (i, c) in self.set.criteria.iter().enumerate() {
                    match (prev.meets(i), r.meets(i)) {
                        (false, true) => gained.push(c.number),
                        (true, false) => lost.push(c.number),
                        _ => {}
                    }
                }
            }
            out.push((*r, gained, lost));
        }
        out
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Rollup {
    pub groups: Vec<Group>,
    pub rejected: Vec<Rejected>,
    /// Each group's rows by period, the one most files are for first (see `figures`).
    pub sections: Vec<Section>,
}

impl Rollup {
    pub fn rows(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}

/// Reads every file (a .zip is opened and each of its files read) and tabulates them.
pub fn read_files(inputs: &[Input]) -> Rollup {
    let mut reader = Reader::default();
    for input in inputs {
        reader.add(input.clone());
        reader.read(usize::MAX);
    }
    reader.finish()
}

/// Files read a few at a time, for a page that shows how far it is and stays responsive
/// between two steps (`read_files` reads them all at once, the same way): `add` queues a file
/// (a .zip, each of its files), `read` reads and scores queued files, `finish` tabulates.
#[derive(Default)]
pub struct Reader {
    /// Files to read, and rejections in their place among them (so that files are listed in
    /// the order given however they are read).
    queue: std::collections::VecDeque<Result<Input, Rejected>>,
    files: Vec<group::Read>,
    rejected: Vec<Rejected>,
}

impl Reader {
    /// Queues a file to read; a .zip is opened now and each of its files queued (an archive
    /// that cannot be opened, or a member that cannot be inflated, rejected with its reason).
    pub fn add(&mut self, input: Input) {
        let is_zip =
            input.bytes.starts_with(b"PK\x03\x04") || input.name.to_lowercase().ends_with(".zip");
        if !is_zip {
            self.queue.push_back(Ok(input));
            return;
        }
        match crate::core::unzip::members(&input.bytes) {
            Err(why) => self.queue.push_back(Err(Rejected {
                name: input.name,
                reason: format!("Không mở được tệp nén: {why}."),
            })),
            Ok(members) => {
                for (member, bytes) in members {
                    let name = format!("{}/{member}", input.name);
                    self.queue.push_back(match bytes {
                        Ok(bytes) => Ok(Input { name, bytes }),
                        Err(e) => Err(Rejected {
                            name,
                            reason: format!("Không đọc được: {e}."),
                        }),
                    });
                }
            }
        }
    }

    /// Reads and scores up to `n` queued files; returns how many are still queued.
    pub fn read(&mut self, n: usize) -> usize {
        for _ in 0..n {
            match self.queue.pop_front() {
                None => break,
                Some(Err(rejected)) => self.rejected.push(rejected),
                Some(Ok(input)) => match read_one(&input.bytes) {
                    Ok(env) => self.files.push(group::Read::new(input.name, env)),
                    Err(reason) => self.rejected.push(Rejected {
                        name: input.name,
                        reason,
                    }),
                },
            }
        }
        self.queue.len()
    }

    /// Files read so far, those rejected included.
    pub fn done(&self) -> usize {
        self.files.len() + self.rejected.len()
    }

    /// Files queued, not read yet.
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    /// The roll-up of every file (those still queued read first).
    pub fn finish(mut self) -> Rollup {
        self.read(usize::MAX);
        let groups = group::group(self.files);
        let sections = figures::sections(&groups);
        Rollup {
            groups,
            rejected: self.rejected,
            sections,
        }
    }
}

/// The drafts stored in this browser, to add as communes' files.
pub struct FromStorage {
    pub inputs: Vec<Input>,
    /// Stored drafts a commune's file would be refused for, with the reason.
    pub refused: Vec<Rejected>,
    /// What to say: how many were added, and what was not.
    pub note: String,
}

/// The stored drafts (`persist::list_drafts`), each read as a file from a commune is: one the
/// app opens but a file would be refused for (its set no longer valid, its year out of range)
/// is refused with its reason and not counted as added. `kept`: the entries the listing could
/// not use (a newer version's, unreadable), named in the note.
pub fn from_storage(drafts: Vec<Envelope>, kept: &[crate::core::persist::Kept]) -> FromStorage {
    let (mut inputs, mut refused) = (Vec::new(), Vec::new());
    for e in drafts {
        let name = format!("Trình duyệt này: xã {} — {}", e.commune, e.period);
        let bytes = e.to_json().into_bytes();
        match read_one(&bytes) {
            Ok(_) => inputs.push(Input { name, bytes }),
            Err(reason) => refused.push(Rejected { name, reason }),
        }
    }
    let mut note = crate::core::persist::added_from_storage_vi(inputs.len(), kept);
    if !refused.is_empty() {
        note.push_str(&format!(
            " {} bản nháp không thêm được vì không đạt khi kiểm tra như tệp của xã; lý do ở danh sách tệp bị bỏ qua.",
            refused.len()
        ));
    }
    FromStorage {
        inputs,
        refused,
        note,
    }
}

fn read_one(bytes: &[u8]) -> Result<Envelope, String> {
    let text = store::decode(bytes).map_err(|e| e.message_vi())?;
    store::read_import(&text).map_err(|e| e.message_vi())
}

#[cfg(test)]
mod tests;
