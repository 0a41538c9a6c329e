//! The report as data, built only from the draft, its set and its scores. The .docx writer
//! and the on-screen preview both render this model, so they cannot disagree, and every
//! status and count in it comes from the same `Scores`.

//!
//! `header` writes what surrounds the body (issuer, number, title, recipients, signature,
//! copies); `body` the parts and the per-criterion results; `annex` the table.

mod annex;
mod body;
mod header;
mod sentence;

pub use body::suggestion;
pub use sentence::{card_line, figure_text, indicator_sentence, threshold_text};

use crate::core::criteria::CriteriaSet;
use crate::core::draft::Draft;
use crate::core::scoring::Scores;
use crate::core::vn::clean_text;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The body above a board ("ỦY BAN NHÂN DÂN XÃ LIÊN SƠN"); empty for the committee.
    pub upper: String,
    /// The issuer in bold capitals, one entry a printed line: "ỦY BAN NHÂN DÂN", "XÃ LIÊN SƠN".
    pub issuer: Vec<String>,
    /// "Số: /BC-UBND"
    pub number: String,
    /// "Liên Sơn, ngày 26 tháng 6 năm 2024"
    pub place_date: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// "Phần thứ nhất" and its title lines, centred bold.
    Part(Vec<String>),
    /// Level 1: "I. …", level 2: "1. …", level 3: "1.3. Tiêu chí số 3 …", level 4: "a) …".
    Heading { level: u8, text: String },
    /// Body paragraph, justified with first-line indent.
    Para(String),
    /// A criterion heading with its status: the status is bold and part of the same line.
    CriterionHeading { text: String, status: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnexRow {
    /// A criterion row (bold) or an indicator row.
    pub is_criterion: bool,
    pub code: String,
    pub wording: String,
    pub threshold: String,
    pub figure: String,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// "DỰ THẢO" while error-level findings remain; the reasons say why.
    pub draft_reasons: Vec<String>,
    pub header: Header,
    pub title: String,
    pub subject: String,
    pub recipients: Vec<String>,
    pub answering: Vec<String>,
    pub intro: String,
    pub body: Vec<Block>,
    pub closing: String,
    pub copies_to: Vec<String>,
    pub signature_title: Vec<String>,
    pub signatory: String,
    pub annex_title: String,
    /// "(Kèm theo Báo cáo số 45/BC-UBND ngày 26/6/2024 của Ủy ban nhân dân xã Liên Sơn)"
    pub annex_attached: String,
    pub annex_subtitle: String,
    pub annex: Vec<AnnexRow>,
    /// ASCII file name, "bao-cao-ntm-lien-son-6-thang-dau-nam-2024.docx".
    pub file_name: String,
}

impl Report {
    pub fn is_draft(&self) -> bool {
        !self.draft_reasons.is_empty()
    }

    /// "Kính gửi: X." for one recipient; "Kính gửi:" then one "- X;" line each for several
    /// (the last ending with "."), as Decree 30 writes them.
    pub fn recipient_lines(&self) -> Vec<String> {
        let strip = |r: &String| r.trim_end_matches(['.', ';', ',']).to_string();
        match self.recipients.as_slice() {
            [] => vec![],
            [one] => vec![format!("Kính gửi: {}.", strip(one))],
            many => std::iter::once("Kính gửi:".to_string())
                .chain(many.iter().enumerate().map(|(i, r)| {
                    let end = if i + 1 == many.len() { '.' } else { ';' };
                    format!("- {}{end}", strip(r))
                }))
                .collect(),
        }
    }

    /// The document's text, one paragraph a line, in reading order: for tests and search.
    pub fn plain_text(&self) -> String {
        let mut out = Vec::new();
        out.extend(
            self.draft_reasons
                .iter()
                .take(1)
                .map(|_| "DỰ THẢO".to_string()),
        );
        out.push(self.header.upper.clone());
        out.extend(self.header.issuer.iter().cloned());
        out.push(self.header.number.clone());
        out.push(NATIONAL_NAME.to_string());
        out.push(MOTTO.to_string());
        out.push(self.header.place_date.clone());
        out.push(self.title.clone());
        out.push(self.subject.clone());
        out.extend(self.recipient_lines());
        out.extend(self.answering.iter().cloned());
        out.push(self.intro.clone());
        for b in &self.body {
            match b {
                Block::Part(lines) => out.extend(lines.iter().cloned()),
                Block::Heading { text, .. } | Block::Para(text) => out.push(text.clone()),
                Block::CriterionHeading { text, status } => out.push(format!("{text}: {status}")),
            }
        }
        out.push(self.closing.clone());
        out.push("Nơi nhận:".to_string());
        out.extend(self.copies_to.iter().map(|c| format!("- {c}")));
        out.extend(self.signature_title.iter().cloned());
        out.push(self.signatory.clone());
        out.push(self.annex_title.clone());
        out.push(self.annex_attached.clone());
        out.push(self.annex_subtitle.clone());
        for r in &self.annex {
            out.push(format!(
                "{} | {} | {} | {} | {}",
                r.code, r.wording, r.threshold, r.figure, r.status
            ));
        }
        out.retain(|l| !l.is_empty());
        out.join("\n")
    }
}

pub const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

pub(super) fn lines(text: &str) -> Vec<String> {
    clean_text(text)
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '–', '•'])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

pub(super) fn heading(out: &mut Vec<Block>, level: u8, text: impl Into<String>) {
    out.push(Block::Heading {
        level,
        text: text.into(),
    });
}

/// Text the user wrote, as written: one paragraph a line, list markers ("-", "+") kept, and a
/// line numbered like the report's own headings and without a final period ("1. Mục tiêu
/// chung", "a) Về giao thông") printed as a sub-heading.
pub(super) fn paras(text: &str, out: &mut Vec<Block>) {
    for line in clean_text(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        out.push(if is_subheading(line) {
            Block::Heading {
                level: 3,
                text: line.to_string(),
            }
        } else {
            Block::Para(line.to_string())
        });
    }
}

fn is_subheading(line: &str) -> bool {
    if line.ends_with(['.', ';', ',']) || line.chars().count() > 120 {
        return false;
    }
    let numbered = {
        let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        rest.len() < line.len()
            && line[..line.len() - rest.len()].ends_with('.')
            && rest.starts_with(' ')
    };
    let mut chars = line.chars();
    let lettered = matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some(')'), Some(' ')) if c.is_alphabetic());
    numbered || lettered
}

/// "bao-cao-ntm-lien-son-6-thang-dau-nam-2024.docx"
pub fn file_name(draft: &Draft) -> String {
    let slug = crate::core::vn::slug(&format!(
        "bao cao ntm {} {}",
        draft.meta.commune,
        draft.meta.period_text()
    ));
    format!("{slug}.docx")
}

/// Builds the report from the draft, its set and its scores (which must be `score(set, draft)`).
pub fn build(set: &CriteriaSet, draft: &Draft, scores: &Scores) -> Report {
    let m = &draft.meta;
    let commune = clean_text(m.commune.trim());
    let period = m.period_text();
    let next = m.next_period_text();
    let programme = clean_text(m.programme_text(&set.programme));
    let (annex_title, annex_subtitle) = annex::titles(draft, &period, scores);
    // "… giai đoạn 2026 - 2035 trong 6 tháng đầu năm 2026": a programme named with its own
    // period reads apart from the report's.
    let joined = if crate::core::vn::fold(&programme).contains("giai đoạn") {
        format!("{programme} trong {period}")
    } else {
        format!("{programme} {period}")
    };
    let outlook = if body::has_part_two(&draft.narrative) {
        format!(" và phương hướng, nhiệm vụ {next}")
    } else {
        String::new()
    };
    Report {
        draft_reasons: scores.blocking().map(|f| f.message.clone()).collect(),
        header: header::header(m),
        title: "BÁO CÁO".into(),
        subject: format!("Kết quả thực hiện {joined} trên địa bàn xã {commune}{outlook}"),
        recipients: lines(&m.recipients),
        answering: lines(&m.answering),
        intro: format!(
            "{} báo cáo kết quả thực hiện như sau:",
            header::issuer_in_sentence(m)
        ),
        body: body::body(set, draft, scores),
        closing: format!(
            "Trên đây là báo cáo kết quả thực hiện {joined}{outlook} của xã {commune}./."
        ),
        copies_to: header::copies_to(m),
        signature_title: header::signature(m),
        signatory: clean_text(m.signatory_name.trim()),
        annex_title,
        annex_attached: annex::attached(m),
        annex_subtitle,
        annex: annex::rows(set, scores, &annex::providers(set, draft)),
        file_name: file_name(draft),
    }
}
