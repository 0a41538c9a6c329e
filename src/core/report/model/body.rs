//! The body: Part one (direction, results per criterion, overall assessment) and Part two
//! (goals, tasks, solutions), and the sentences an official writes for each indicator.

use super::{heading, paras, Block};
use crate::core::criteria::{CriteriaSet, Criterion, Direction, Indicator, Kind};
use crate::core::draft::{Draft, Entry, NarrativePart};
use crate::core::num::Dec;
use crate::core::scoring::{
    Acknowledged, CriterionScore, CriterionStatus, Figure, IndicatorScore, Scores, Status,
};
use crate::core::vn::{clean_text, fold, to_upper};

/// The figure as the annex and the editor show it: "146/185 hộ = 78,91%", "92%",
/// "28 triệu đồng/người/năm". A share computed from counts is rounded toward failing (down
/// for a minimum, up for a maximum), so what is shown never passes where the exact figure
/// fails; a typed value is shown as it was read, in full, so a misreading shows.
pub fn figure_text(ind: &Indicator, fig: &Figure) -> String {
    match fig {
        Figure::Counts { part, whole, .. } => {
            format!(
                "{} = {}%",
                counts(ind, *part, *whole),
                share(ind, *part, *whole)
            )
        }
        Figure::Value(v) => value_text(ind, *v),
    }
}

/// The figure in a sentence, with the verb an official uses: "đạt 78,91%" only for a figure
/// that meets its minimum, "còn 17,72%" for what should stay low, "là …" otherwise.
fn figure_phrase(ind: &Indicator, fig: &Figure, status: Status) -> String {
    let verb = match (ind.direction, status) {
        (Some(Direction::AtMost), _) => "còn",
        (_, Status::Met) => "đạt",
        _ => "là",
    };
    match fig {
        Figure::Counts { part, whole, .. } => format!(
            "{}, {verb} {}%",
            counts(ind, *part, *whole),
            share(ind, *part, *whole)
        ),
        Figure::Value(v) => format!("{verb} {}", value_text(ind, *v)),
    }
}

/// The counts as typed, with what they count: "146/185 hộ".
fn counts(ind: &Indicator, part: Dec, whole: Dec) -> String {
    let unit = match &ind.kind {
        Kind::Percent { unit, .. } => unit.as_str(),
        _ => "",
    };
    format!("{}/{} {unit}", part.fmt_vn_short(6), whole.fmt_vn_short(6))
}

/// A share from counts, two decimals, rounded toward failing.
fn share(ind: &Indicator, part: Dec, whole: Dec) -> String {
    let up = ind.direction == Some(Direction::AtMost);
    Dec::percent_toward_failing(part, whole, 2, up)
        .map(|p| p.fmt_vn_short(2))
        .unwrap_or_default()
}

fn value_text(ind: &Indicator, v: Dec) -> String {
    match &ind.kind {
        Kind::Percent { .. } => format!("{}%", v.fmt_vn_short(6)),
        k => format!("{} {}", v.fmt_vn_short(6), k.unit())
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
    // A note that only repeats the indicator's wording is not printed a second time.
    let same = |a: &str, b: &str| {
        let key = |t: &str| fold(t.trim().trim_end_matches(['.', ';', ':']));
        key(a) == key(b)
    };
    let note = e
        .map(|e| clean_text(e.note.trim()))
        .filter(|n| !n.is_empty() && !same(n, &wording));
    let mut out = if c.indicators.len() == 1 {
        wording
    } else {
        format!("1.{}. {}", ind.code, wording)
    };
    match &s.figure {
        Some(f) => {
            out.push_str(&format!(": {}", figure_phrase(ind, f, s.status)));
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
    // The same status words as the annex and the editor's badges.
    out.push_str(&format!(" Đánh giá: {}.", s.status.label_vi()));
    if let Some(note) = note {
        out.push(' ');
        out.push_str(&sentence_end(&note.replace('\n', " ")));
    }
    for a in &s.acknowledged {
        out.push(' ');
        out.push_str(&acknowledged_sentence(a));
    }
    out
}

/// "Ghi chú (Chưa đánh giá): chưa có số liệu đo đạc." — what the user acknowledged, and why.
pub fn acknowledged_sentence(a: &Acknowledged) -> String {
    let reason = clean_text(&a.reason).replace('\n', " ");
    sentence_end(&format!("Ghi chú ({}): {reason}", a.kind.ack_label_vi()))
}

pub(super) fn criterion_title(c: &Criterion) -> String {
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

pub(super) fn body(set: &CriteriaSet, draft: &Draft, scores: &Scores) -> Vec<Block> {
    let n = &draft.narrative;
    let mut body = vec![Block::Part(vec![
        "Phần thứ nhất".into(),
        "ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI, KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH".into(),
    ])];
    heading(
        &mut body,
        1,
        "I. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC TRIỂN KHAI THỰC HIỆN",
    );
    let part = |p: NarrativePart| p.title_vi();
    heading(
        &mut body,
        2,
        format!("1. {}", part(NarrativePart::Communication)),
    );
    paras(&n.communication, &mut body);
    heading(
        &mut body,
        2,
        format!("2. {}", part(NarrativePart::Organisation)),
    );
    paras(&n.organisation, &mut body);
    heading(&mut body, 1, "II. KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH");
    results(set, draft, scores, &mut body);
    heading(&mut body, 1, "III. ĐÁNH GIÁ CHUNG");
    heading(
        &mut body,
        2,
        format!("1. {}", part(NarrativePart::Achievements)),
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
    let next = draft.meta.next_period_text();
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
    body
}

/// Part one, II.1: the count, the lists of criteria met and not met, then each criterion.
fn results(set: &CriteriaSet, draft: &Draft, scores: &Scores, body: &mut Vec<Block>) {
    let commune = clean_text(draft.meta.commune.trim());
    heading(
        body,
        2,
        format!(
            "1. Kết quả thực hiện các tiêu chí theo {}",
            clean_text(&set.name)
        ),
    );
    body.push(Block::Para(format!(
        "Qua rà soát, xã {commune} tự đánh giá {}.",
        scores.summary_vi()
    )));
    let (met, unmet) = (scores.met_numbers(), scores.unmet_numbers());
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
        criterion_section(c, draft, scores, body);
    }
}

/// A criterion's heading with its status, its note, one paragraph per indicator, and why it
/// is not met when only missing assessments hold it back.
fn criterion_section(c: &Criterion, draft: &Draft, scores: &Scores, body: &mut Vec<Block>) {
    let cs = scores.criterion(c.number);
    let status = cs.map(|s| s.status).unwrap_or(CriterionStatus::Incomplete);
    body.push(Block::CriterionHeading {
        text: format!("1.{}. {}", c.number, criterion_title(c)),
        status: status.label_vi().to_string(),
    });
    if let Some(note) = draft.criterion_notes.get(&c.number) {
        paras(note, body);
    }
    for a in cs.map(|s| s.acknowledged.as_slice()).unwrap_or_default() {
        body.push(Block::Para(acknowledged_sentence(a)));
    }
    if c.indicators.is_empty() {
        if let Some(e) = draft.entry(&c.number.to_string()) {
            paras(&e.note, body);
        }
        body.push(Block::Para(whole_sentence(cs)));
        return;
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

/// What the report says of a criterion judged as a whole: honestly, that the set in use has
/// no indicators for it yet.
fn whole_sentence(cs: Option<&CriterionScore>) -> String {
    let judged = cs.is_some_and(|s| s.status != CriterionStatus::Incomplete);
    if judged {
        "Bộ tiêu chí đang áp dụng chưa có các chỉ tiêu chi tiết của tiêu chí này; xã tự đánh giá chung cả tiêu chí theo căn cứ nêu trên.".to_string()
    } else {
        "Bộ tiêu chí đang áp dụng chưa có các chỉ tiêu chi tiết của tiêu chí này; tiêu chí chưa được đánh giá.".to_string()
    }
}
