//! The report as data, built only from the draft, its set and its scores. The .docx writer
//! and the on-screen preview both render this model, so they cannot disagree, and every
//! status and count in it comes from the same `Scores`.

use crate::core::criteria::{CriteriaSet, Criterion, Indicator, Kind};
use crate::core::draft::{Draft, Entry, NarrativePart};
use crate::core::scoring::{CriterionStatus, Figure, IndicatorScore, Scores, Severity, Status};
use crate::core::vn::{clean_text, to_upper};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// "UBND HUYỆN CHI LĂNG"; may be empty.
    pub parent_body: String,
    /// "ỦY BAN NHÂN DÂN XÃ LIÊN SƠN"
    pub issuing_body: String,
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
    pub annex_subtitle: String,
    pub annex: Vec<AnnexRow>,
    /// ASCII file name, "bao-cao-ntm-lien-son-6-thang-dau-nam-2024.docx".
    pub file_name: String,
}

impl Report {
    pub fn is_draft(&self) -> bool {
        !self.draft_reasons.is_empty()
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
        out.push(self.header.parent_body.clone());
        out.push(self.header.issuing_body.clone());
        out.push(self.header.number.clone());
        out.push(NATIONAL_NAME.to_string());
        out.push(MOTTO.to_string());
        out.push(self.header.place_date.clone());
        out.push(self.title.clone());
        out.push(self.subject.clone());
        out.extend(self.recipients.iter().map(|r| format!("Kính gửi: {r}")));
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

fn lines(text: &str) -> Vec<String> {
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

fn heading(out: &mut Vec<Block>, level: u8, text: impl Into<String>) {
    out.push(Block::Heading {
        level,
        text: text.into(),
    });
}

fn paras(text: &str, out: &mut Vec<Block>) {
    out.extend(lines(text).into_iter().map(Block::Para));
}

/// The figure as the report writes it: "146/185 hộ, đạt 78,91%", "đạt 92%", "28 triệu đồng/người/năm".
pub fn figure_text(ind: &Indicator, fig: &Figure) -> String {
    match (fig, &ind.kind) {
        (
            Figure::Counts {
                part,
                whole,
                percent,
            },
            Kind::Percent { unit, .. },
        ) => {
            format!(
                "{}/{} {}, đạt {}%",
                part.fmt_vn_short(2),
                whole.fmt_vn_short(2),
                unit,
                percent.fmt_vn_short(2)
            )
        }
        (Figure::Counts { percent, .. }, _) => format!("{}%", percent.fmt_vn_short(2)),
        (Figure::Value(v), Kind::Percent { .. }) => format!("đạt {}%", v.fmt_vn_short(2)),
        (Figure::Value(v), k) => format!("{} {}", v.fmt_vn_short(2), k.unit())
            .trim_end()
            .to_string(),
    }
}

/// The threshold as the annex and sentences write it, or why there is none.
pub fn threshold_text(ind: &Indicator, s: &IndicatorScore) -> String {
    match (&s.threshold, &ind.kind) {
        (Some(t), k) => t.text(k.unit()),
        (None, Kind::YesNo) => "Đạt".to_string(),
        (None, _) => "chưa có ngưỡng".to_string(),
    }
}

fn sentence_end(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?', ':', ';']) || t.ends_with(".)") {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// One paragraph per indicator, as an official would write it. Indicators are numbered under
/// their criterion heading the way reports number them ("1.9.2." under "1.9."); a criterion's
/// only indicator needs no number of its own.
pub fn indicator_sentence(
    c: &Criterion,
    ind: &Indicator,
    e: Option<&Entry>,
    s: &IndicatorScore,
) -> String {
    let wording = clean_text(ind.wording.trim());
    let mut out = if c.indicators.len() == 1 {
        wording
    } else {
        format!("1.{}. {}", ind.code, wording)
    };
    match &s.figure {
        Some(f) => {
            out.push_str(&format!(": {}", figure_text(ind, f)));
            if let Some(t) = &s.threshold {
                out.push_str(&format!(" (chỉ tiêu: {})", t.text(ind.kind.unit())));
            }
            out.push('.');
        }
        None => out = sentence_end(&out),
    }
    if let Some(y) = e.map(|e| e.data_year.trim()).filter(|y| !y.is_empty()) {
        out.push_str(&format!(" Số liệu năm {y}."));
    }
    out.push_str(&format!(" Đánh giá: {}.", status_phrase(s.status)));
    if let Some(note) = e
        .map(|e| clean_text(e.note.trim()))
        .filter(|n| !n.is_empty())
    {
        out.push(' ');
        out.push_str(&sentence_end(&note.replace('\n', " ")));
    }
    out
}

fn status_phrase(s: Status) -> &'static str {
    match s {
        Status::Met => "Đạt",
        Status::NotMet => "Chưa đạt",
        Status::NotAssessed => "Chưa đánh giá",
        Status::NotApplicable => "Không có trên địa bàn (tính là đạt)",
        Status::MissingThreshold => "Chưa đủ căn cứ đánh giá (chưa có ngưỡng)",
    }
}

fn criterion_title(c: &Criterion) -> String {
    format!("Tiêu chí số {} về {}", c.number, c.name)
}

/// "tiêu chí số 1 về Quy hoạch; tiêu chí số 3 về Thủy lợi …"
fn criteria_list(set: &CriteriaSet, numbers: &[u8]) -> String {
    numbers
        .iter()
        .filter_map(|n| set.criteria.iter().find(|c| c.number == *n))
        .map(|c| format!("tiêu chí số {} về {}", c.number, c.name))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A suggestion for a narrative part, where one follows from the data.
pub fn suggestion(
    part: NarrativePart,
    set: &CriteriaSet,
    draft: &Draft,
    scores: &Scores,
) -> Option<String> {
    let unmet = scores.unmet_numbers();
    match part {
        NarrativePart::Goals => {
            let mut s = format!(
                "Duy trì và nâng cao chất lượng {} tiêu chí đã đạt ({}).",
                scores.met_count(),
                scores
                    .met_numbers()
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if !unmet.is_empty() {
                s.push_str(&format!(
                    "\nPhấn đấu thực hiện đạt chuẩn {}.",
                    criteria_list(set, &unmet)
                ));
            }
            Some(s)
        }
        NarrativePart::Limitations if !unmet.is_empty() => Some(format!(
            "Còn {}/{} tiêu chí chưa đạt: {}.",
            unmet.len(),
            scores.total(),
            criteria_list(set, &unmet)
        )),
        NarrativePart::Tasks if !unmet.is_empty() => {
            let items: Vec<String> = set
                .indicators()
                .filter(|(_, i)| {
                    scores
                        .indicator(&i.code)
                        .is_some_and(|s| !s.status.counts_as_met())
                })
                .map(|(_, i)| format!("Chỉ tiêu {}: {}.", i.code, i.short))
                .collect();
            Some(format!(
                "Tập trung thực hiện các chỉ tiêu chưa đạt, chưa đánh giá {}:\n{}",
                draft.meta.next_period_text(),
                items.join("\n")
            ))
        }
        _ => None,
    }
}

/// Builds the report from the draft, its set and its scores (which must be `score(set, draft)`).
pub fn build(set: &CriteriaSet, draft: &Draft, scores: &Scores) -> Report {
    let m = &draft.meta;
    let commune = clean_text(m.commune.trim());
    let period = m.period_text();
    let next = m.next_period_text();

    let mut draft_reasons: Vec<String> = scores
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message.clone())
        .collect();
    if commune.is_empty() {
        draft_reasons.push("Chưa nhập tên xã.".to_string());
    }
    if m.date.is_none() {
        draft_reasons.push("Chưa nhập ngày ban hành báo cáo.".to_string());
    }
    if m.signatory_name.trim().is_empty() {
        draft_reasons.push("Chưa nhập người ký báo cáo.".to_string());
    }

    let place = if m.place.trim().is_empty() {
        commune.clone()
    } else {
        clean_text(m.place.trim())
    };
    let place_date = match m.date {
        Some(d) => format!("{place}, {}", d.long_vi()),
        None => format!("{place}, ngày … tháng … năm {}", m.year),
    };
    let number = if m.doc_number.trim().is_empty() {
        "Số:      /BC-UBND".to_string()
    } else {
        format!("Số: {}", clean_text(m.doc_number.trim()))
    };
    let header = Header {
        parent_body: to_upper(&clean_text(m.parent_body.trim())),
        issuing_body: to_upper(&clean_text(&m.issuing_body_text())),
        number,
        place_date,
    };

    let subject = format!("Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới {period} trên địa bàn xã {commune}");
    let n = &draft.narrative;
    let mut body = Vec::new();
    body.push(Block::Part(vec![
        "Phần thứ nhất".into(),
        "ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI, KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH".into(),
    ]));
    heading(
        &mut body,
        1,
        "I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI THỰC HIỆN",
    );
    heading(
        &mut body,
        2,
        format!("1. {}", NarrativePart::Communication.title_vi()),
    );
    paras(&n.communication, &mut body);
    heading(
        &mut body,
        2,
        format!("2. {}", NarrativePart::Organisation.title_vi()),
    );
    paras(&n.organisation, &mut body);
    heading(&mut body, 1, "II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH");
    heading(
        &mut body,
        2,
        format!(
            "1. Kết quả thực hiện các tiêu chí theo {}",
            clean_text(&set.name)
        ),
    );
    let met = scores.met_numbers();
    let unmet = scores.unmet_numbers();
    body.push(Block::Para(format!(
        "Qua rà soát, xã {commune} tự đánh giá {}.",
        scores.summary_vi()
    )));
    if !met.is_empty() {
        body.push(Block::Para(format!(
            "Các tiêu chí đạt: {}.",
            criteria_list(set, &met)
        )));
    }
    if !unmet.is_empty() {
        body.push(Block::Para(format!(
            "Các tiêu chí chưa đạt: {}.",
            criteria_list(set, &unmet)
        )));
    }
    for c in &set.criteria {
        let cs = scores.criterion(c.number);
        let status = cs.map(|s| s.status).unwrap_or(CriterionStatus::Incomplete);
        body.push(Block::CriterionHeading {
            text: format!("1.{}. {}", c.number, criterion_title(c)),
            status: status.label_vi().to_string(),
        });
        if let Some(note) = draft.criterion_notes.get(&c.number) {
            paras(note, &mut body);
        }
        for ind in &c.indicators {
            if let Some(s) = scores.indicator(&ind.code) {
                body.push(Block::Para(indicator_sentence(
                    c,
                    ind,
                    draft.entry(&ind.code),
                    s,
                )));
            }
        }
        if status == CriterionStatus::Incomplete {
            let pending: Vec<&str> = c
                .indicators
                .iter()
                .filter(|i| {
                    scores
                        .indicator(&i.code)
                        .is_some_and(|s| !s.status.counts_as_met())
                })
                .map(|i| i.code.as_str())
                .collect();
            body.push(Block::Para(format!(
                "Tiêu chí chưa đạt do còn chỉ tiêu chưa đánh giá đủ: {}.",
                pending.join(", ")
            )));
        }
    }
    heading(&mut body, 1, "III. ĐÁNH GIÁ CHUNG");
    heading(
        &mut body,
        2,
        format!("1. {}", NarrativePart::Achievements.title_vi()),
    );
    paras(&n.achievements, &mut body);
    heading(
        &mut body,
        2,
        "2. Những hạn chế, tồn tại chủ yếu và nguyên nhân",
    );
    heading(&mut body, 4, "a) Hạn chế, tồn tại:");
    paras(&n.limitations, &mut body);
    heading(&mut body, 4, "b) Nguyên nhân của tồn tại, hạn chế:");
    paras(&n.causes, &mut body);

    body.push(Block::Part(vec![
        "Phần thứ hai".into(),
        format!("PHƯƠNG HƯỚNG, NHIỆM VỤ {}", to_upper(&next)),
    ]));
    heading(&mut body, 1, "I. MỤC TIÊU");
    paras(&n.goals, &mut body);
    heading(
        &mut body,
        1,
        "II. CÁC NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP THỰC HIỆN",
    );
    heading(&mut body, 2, "1. Nhiệm vụ trọng tâm");
    paras(&n.tasks, &mut body);
    heading(&mut body, 2, "2. Giải pháp thực hiện");
    paras(&n.solutions, &mut body);

    let mut annex = Vec::new();
    for c in &set.criteria {
        let status = scores
            .criterion(c.number)
            .map(|s| s.status)
            .unwrap_or(CriterionStatus::Incomplete);
        annex.push(AnnexRow {
            is_criterion: true,
            code: c.number.to_string(),
            wording: criterion_title(c),
            threshold: "Đạt".into(),
            figure: String::new(),
            status: status.label_vi().to_string(),
        });
        for ind in &c.indicators {
            if let Some(s) = scores.indicator(&ind.code) {
                annex.push(AnnexRow {
                    is_criterion: false,
                    code: ind.code.clone(),
                    wording: clean_text(&ind.wording),
                    threshold: threshold_text(ind, s),
                    figure: s
                        .figure
                        .as_ref()
                        .map(|f| figure_text(ind, f))
                        .unwrap_or_default(),
                    status: s.status.label_vi().to_string(),
                });
            }
        }
    }

    let signature_title = lines(&m.signatory_title)
        .into_iter()
        .map(|l| to_upper(&l))
        .collect::<Vec<_>>();
    let signature_title = if signature_title.is_empty() {
        vec!["TM. ỦY BAN NHÂN DÂN".to_string(), "CHỦ TỊCH".to_string()]
    } else {
        signature_title
    };

    Report {
        draft_reasons,
        header,
        title: "BÁO CÁO".into(),
        subject,
        recipients: lines(&m.recipients),
        answering: lines(&m.answering),
        intro: format!("Ủy ban nhân dân xã {commune} báo cáo kết quả thực hiện như sau:"),
        body,
        closing: format!(
            "Trên đây là báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới {period} và phương hướng, nhiệm vụ {next} của xã {commune}./."
        ),
        copies_to: lines(&m.copies_to),
        signature_title,
        signatory: clean_text(m.signatory_name.trim()),
        annex_title: "PHỤ LỤC".into(),
        annex_subtitle: format!("Kết quả tự đánh giá các tiêu chí xã nông thôn mới của xã {commune}, {period} ({})", scores.summary_vi()),
        annex,
        file_name: file_name(draft),
    }
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
