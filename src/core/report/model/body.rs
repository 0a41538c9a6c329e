//! The body: Part one (direction, results per criterion, overall assessment) and Part two
//! (goals, tasks, solutions), and the sentences an official writes for each indicator.

use super::sentence::{acknowledged_sentence, indicator_sentence};
use super::{heading, paras, Block};
use crate::core::criteria::{CriteriaSet, Criterion};
use crate::core::draft::{Draft, Narrative, NarrativePart};
use crate::core::scoring::{CriterionStatus, Scores};
use crate::core::vn::{clean_text, to_upper};

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
    if !n.funds.trim().is_empty() {
        heading(&mut body, 2, "2. Kết quả huy động, sử dụng nguồn lực");
        paras(&n.funds, &mut body);
    }
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
    if has_part_two(n) {
        part_two(draft, &mut body);
    }
    body
}

/// Whether the draft says anything of the next period (Part two) or proposes anything.
pub(super) fn has_part_two(n: &Narrative) -> bool {
    [&n.goals, &n.tasks, &n.solutions, &n.proposals]
        .iter()
        .any(|t| !t.trim().is_empty())
}

/// Part two: goals, tasks and solutions for the next period, and proposals where written.
fn part_two(draft: &Draft, body: &mut Vec<Block>) {
    let n = &draft.narrative;
    let next = draft.meta.next_period_text();
    body.push(Block::Part(vec![
        "Phần thứ hai".into(),
        format!("PHƯƠNG HƯỚNG, NHIỆM VỤ {}", to_upper(&next)),
    ]));
    heading(body, 1, "I. MỤC TIÊU");
    paras(&n.goals, body);
    heading(body, 1, "II. CÁC NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP THỰC HIỆN");
    heading(body, 2, "1. Nhiệm vụ trọng tâm");
    paras(&n.tasks, body);
    heading(body, 2, "2. Giải pháp thực hiện");
    paras(&n.solutions, body);
    if !n.proposals.trim().is_empty() {
        heading(body, 1, "III. KIẾN NGHỊ, ĐỀ XUẤT");
        paras(&n.proposals, body);
    }
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
        match draft.entry(&c.number.to_string()) {
            Some(e) if status != CriterionStatus::Incomplete => paras(&e.note, body),
            _ => body.push(Block::Para("Tiêu chí chưa được đánh giá.".into())),
        }
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
