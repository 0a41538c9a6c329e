//! The province's list of its communes, typed or pasted once, and what the roll-up says with
//! it: who has sent for a period, who has not, and which file names a commune that is not on
//! the list (a misspelling, a merged commune), with the closest names on the list.
//!
//! The list is kept in the browser like a set, under its own key in a small versioned envelope,
//! and is exported and imported as a file in the same envelope. Names are compared by `key`
//! (`vn::name_key`, without a leading "xã"), so "Hoà Bình", "HÒA BÌNH" and "xã Hòa Bình" are
//! one commune.

use super::Rollup;
use crate::core::de::{ReadObject, WriteObject};
use crate::core::vn::name_key;
use serde::Serialize;

/// Where the page keeps the list (localStorage).
pub const STORAGE_KEY: &str = "tieuchi.communes";
/// The envelope schema this code writes. History: 1 — the list and its save time (2026-12).
pub const SCHEMA: u32 = 1;
pub use crate::core::writer::WRITER;
const KIND: &str = "danh-sach-xa";

/// The province's communes, as the office wrote them, each once, in its order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CommuneList {
    pub names: Vec<String>,
    /// When it was saved (ISO 8601).
    pub saved_at: String,
}

/// How a commune's name is compared: `vn::name_key`, and a leading "xã" dropped (lists pasted
/// from a spreadsheet often write "Xã Tân Thành"; drafts write "Tân Thành").
pub fn key(name: &str) -> String {
    let k = name_key(name);
    match k.strip_prefix("xa\u{303} ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => k,
    }
}

/// What pasted text gives: the names, and each line left out with why.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parsed {
    pub names: Vec<String>,
    pub skipped: Vec<String>,
}

/// Headers a pasted column may start with.
const HEADERS: [&str; 8] = [
    "STT",
    "Số thứ tự",
    "Tên xã",
    "Xã",
    "Tên đơn vị",
    "Đơn vị",
    "Danh sách xã",
    "Đơn vị hành chính",
];

/// One name a line, or rows pasted from a spreadsheet (cells separated by tabs or ";"): the
/// first cell that is not a number (a row number "1", "2" is skipped); a leading "1." or "1)"
/// is dropped; a header line first ("Tên xã") and repeated names are left out and said.
pub fn parse(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut keys: Vec<String> = Vec::new();
    let headers: Vec<String> = HEADERS.iter().map(|h| key(h)).collect();
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let cells: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(';').collect()
        };
        let cells: Vec<&str> = cells
            .into_iter()
            .map(|c| c.trim().trim_matches('"').trim())
            .collect();
        let Some(name) = cells
            .iter()
            .find(|c| !c.is_empty() && !c.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
            .map(|c| unnumbered(c))
        else {
            continue;
        };
        let k = key(name);
        let first = keys.is_empty() && out.skipped.is_empty();
        if first && cells.iter().any(|c| headers.contains(&key(c))) {
            out.skipped
                .push(format!("“{}”: dòng tiêu đề", cells.join(" ").trim()));
        } else if keys.contains(&k) {
            out.skipped.push(format!("“{name}”: trùng tên đã có"));
        } else {
            keys.push(k);
            out.names.push(name.to_string());
        }
    }
    out
}

/// "1. Tân Thành", "12) Tân Thành" → "Tân Thành".
fn unnumbered(cell: &str) -> &str {
    let rest = cell.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == cell.len() {
        return cell;
    }
    match rest.strip_prefix(['.', ')']).map(str::trim_start) {
        Some(name) if name.chars().next().is_some_and(char::is_alphabetic) => name,
        _ => cell,
    }
}

#[derive(Serialize, WriteObject)]
struct Out<'a> {
    app: &'a str,
    kind: &'a str,
    schema: u32,
    writer: u32,
    saved_at: &'a str,
    communes: &'a [String],
}

/// The list as stored and as a file (the same envelope; a file is indented).
pub fn write(list: &CommuneList, pretty: bool) -> String {
    let json = crate::core::json::to_string(&out(list));
    if pretty {
        crate::core::json::pretty(&json)
    } else {
        json
    }
}

fn out(list: &CommuneList) -> Out<'_> {
    Out {
        app: crate::core::store::APP,
        kind: KIND,
        schema: SCHEMA,
        writer: WRITER,
        saved_at: &list.saved_at,
        communes: &list.names,
    }
}

#[derive(ReadObject)]
#[serde(default)]
struct Probe {
    app: Option<String>,
    kind: Option<String>,
    schema: Option<u64>,
}

#[derive(ReadObject)]
struct In {
    #[serde(default)]
    saved_at: String,
    communes: Vec<String>,
}

/// Why a stored list or a file is not a list this build can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// Written by a newer version of the app: left as it is, for that version.
    Newer(u64),
    Damaged(String),
}

impl ListError {
    pub fn message_vi(&self) -> String {
        match self {
            ListError::Newer(v) => format!("Danh sách xã do phiên bản mới hơn của ứng dụng lưu (định dạng {v}), được giữ nguyên; hãy tải lại trang để cập nhật ứng dụng."),
            ListError::Damaged(why) => format!("Danh sách xã không đọc được ({why})."),
        }
    }
}

/// Reads a list in its envelope (stored, or a file the app wrote). Unknown fields are skipped.
pub fn read(text: &str) -> Result<CommuneList, ListError> {
    use crate::core::json::{error_vi, from_str, JsonError};
    let damaged = |e: JsonError| ListError::Damaged(error_vi(&e));
    let text = text.trim_start_matches('\u{feff}');
    let probe: Probe = from_str(text).map_err(damaged)?;
    if probe.app.as_deref() != Some(crate::core::store::APP) || probe.kind.as_deref() != Some(KIND)
    {
        return Err(ListError::Damaged("không phải danh sách xã".into()));
    }
    match probe.schema {
        Some(s) if s > u64::from(SCHEMA) => return Err(ListError::Newer(s)),
        Some(s) if s > 0 => {}
        _ => return Err(ListError::Damaged("thiếu phiên bản định dạng".into())),
    }
    let stored: In = from_str(text).map_err(damaged)?;
    Ok(CommuneList {
        names: parse(&stored.communes.join("\n")).names,
        saved_at: stored.saved_at,
    })
}

/// A file offered as a list: the app's own (JSON), or text with one name a line (or a column
/// saved from a spreadsheet as .txt or .csv).
pub fn read_file(text: &str) -> Result<Parsed, String> {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        let list = read(text).map_err(|e| e.message_vi())?;
        return Ok(Parsed {
            names: list.names,
            skipped: Vec::new(),
        });
    }
    let parsed = parse(text);
    if parsed.names.is_empty() {
        return Err("Tệp không có tên xã nào (cần mỗi dòng một tên).".into());
    }
    Ok(parsed)
}

/// Levenshtein distance between two texts, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let change = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = change.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

impl CommuneList {
    pub fn keys(&self) -> Vec<String> {
        self.names.iter().map(|n| key(n)).collect()
    }

    /// The names on the list closest to a commune's key (`key`): those at the smallest edit
    /// distance (at most three), when it is near enough to be a misspelling (at most a third
    /// of the name's letters, and at least 2 allowed).
    pub fn closest(&self, keys: &[String], of: &str) -> Vec<String> {
        let mut by: Vec<(usize, &String)> = keys
            .iter()
            .map(|k| edit_distance(k, of))
            .zip(&self.names)
            .collect();
        by.sort_by_key(|a| a.0);
        let near = (of.chars().count() / 3).max(2);
        let Some(&(best, _)) = by.first().filter(|(d, _)| *d <= near) else {
            return Vec::new();
        };
        by.into_iter()
            .take_while(|(d, _)| *d == best)
            .take(3)
            .map(|(_, n)| n.clone())
            .collect()
    }
}

/// A file for the period whose commune is not on the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unlisted {
    pub commune: String,
    pub file: String,
    /// The closest names on the list.
    pub closest: Vec<String>,
}

/// A commune on the list without a file for the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub name: String,
    /// Unlisted files this name is the closest to: "“Đông Tâm” (tệp xa-12.json)".
    pub maybe: Vec<String>,
}

/// Who has sent for one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrivals {
    pub period: String,
    /// Communes on the list.
    pub expected: usize,
    /// Communes on the list with a file for the period.
    pub received: usize,
    pub missing: Vec<Missing>,
    pub unlisted: Vec<Unlisted>,
    /// Files for the period that give no commune name.
    pub unnamed: Vec<String>,
}

/// Who has sent for `period`, whatever set (or version) their files use.
pub fn arrivals(list: &CommuneList, rollup: &Rollup, period: &str) -> Arrivals {
    let keys = list.keys();
    let mut got = vec![false; keys.len()];
    let (mut unlisted, mut unnamed) = (Vec::new(), Vec::new());
    let period_key = name_key(period);
    let rows = rollup.groups.iter().flat_map(|g| &g.rows);
    for r in rows.filter(|r| name_key(&r.period) == period_key) {
        if r.key.is_empty() {
            unnamed.push(r.file.clone());
        } else if let Some(i) = keys.iter().position(|k| *k == r.key) {
            got[i] = true;
        } else {
            unlisted.push(Unlisted {
                commune: r.commune.clone(),
                file: r.file.clone(),
                closest: list.closest(&keys, &r.key),
            });
        }
    }
    let missing = list
        .names
        .iter()
        .zip(&got)
        .filter(|(_, got)| !**got)
        .map(|(name, _)| Missing {
            name: name.clone(),
            maybe: unlisted
                .iter()
                .filter(|u| u.closest.first() == Some(name))
                .map(|u| format!("“{}” (tệp {})", u.commune, u.file))
                .collect(),
        })
        .collect();
    Arrivals {
        period: period.to_string(),
        expected: keys.len(),
        received: got.iter().filter(|g| **g).count(),
        missing,
        unlisted,
        unnamed,
    }
}

impl Arrivals {
    /// "Kỳ 6 tháng đầu năm 2026: đã nhận 57/61 xã; chưa gửi (4): An Bình, …, Đồng Tâm (có thể là
    /// “Đông Tâm” (tệp xa-12.json))."
    pub fn summary_vi(&self) -> String {
        let mut s = format!(
            "Kỳ {}: đã nhận {}/{} xã",
            self.period, self.received, self.expected
        );
        if self.missing.is_empty() {
            s.push_str("; đủ các xã trong danh sách.");
            return s;
        }
        let names: Vec<String> = self
            .missing
            .iter()
            .map(|m| {
                if m.maybe.is_empty() {
                    m.name.clone()
                } else {
                    format!("{} (có thể là {})", m.name, m.maybe.join(", "))
                }
            })
            .collect();
        s.push_str(&format!(
            "; chưa gửi ({}): {}.",
            self.missing.len(),
            names.join(", ")
        ));
        s
    }

    /// "“Đông Tâm” (tệp xa-12.json): gần nhất trong danh sách là Đồng Tâm" for each file whose
    /// commune is not on the list.
    pub fn unlisted_vi(&self) -> Vec<String> {
        self.unlisted
            .iter()
            .map(|u| {
                let near = if u.closest.is_empty() {
                    "không có tên gần giống trong danh sách".to_string()
                } else {
                    format!("gần nhất trong danh sách là {}", u.closest.join(", "))
                };
                format!("“{}” (tệp {}): {near}", u.commune, u.file)
            })
            .collect()
    }
}

#[cfg(test)]
mod writing {
    /// The stored list is what serde_json wrote of it.
    #[test]
    fn the_list_is_written_as_serde_wrote_it() {
        let list = super::CommuneList {
            names: vec!["Liên Sơn".into(), "Xã \"Mới\"\n".into()],
            saved_at: "2026-12-02T00:00:00.000Z".into(),
        };
        let out = super::out(&list);
        assert_eq!(
            crate::core::json::to_string(&out),
            serde_json::to_string(&out).unwrap()
        );
    }
}
