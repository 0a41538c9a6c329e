//! Findings about the report's own text: a count of criteria quoted in a narrative part that
//! is not what the scores say (the example's "giữ vững 11/11 tiêu chí").

use super::{Finding, FindingKind, Scores, Severity};
use crate::core::draft::{Draft, NarrativePart};
use crate::core::vn::fold;

/// Counts of criteria quoted in free text: "đạt 11/N tiêu chí", "giữ vững 11/11 tiêu chí".
fn quoted_counts(text: &str) -> Vec<(usize, usize)> {
    // Scoring runs on every keystroke: skip the folding when there is no count to find.
    if !text.contains('/') {
        return Vec::new();
    }
    let folded = fold(text);
    let mut found = Vec::new();
    for (i, _) in folded.match_indices('/') {
        let before: String = folded[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = folded[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if before.is_empty() || after.is_empty() {
            continue;
        }
        let rest = folded[i + 1 + after.len()..].trim_start();
        if !rest.starts_with("tiêu chí") {
            continue;
        }
        if let (Ok(a), Ok(b)) = (before.parse(), after.parse()) {
            found.push((a, b));
        }
    }
    found
}

/// Findings about the report's own text: a count of criteria quoted in a narrative part that
/// is not what the scores say (the example's "giữ vững 11/11 tiêu chí").
pub(super) fn narrative_findings(draft: &Draft, scores: &Scores) -> Vec<Finding> {
    let (met, total) = (scores.met_count(), scores.total());
    let mut out = Vec::new();
    for part in NarrativePart::ALL {
        for (a, b) in quoted_counts(draft.narrative.get(part)) {
            // "a/b tiêu chí" must be the score, or "met/met" (keeping the criteria met).
            if (a, b) != (met, total) && (a, b) != (met, met) {
                out.push(Finding {
                    severity: Severity::Warning,
                    kind: FindingKind::CountMismatch,
                    code: String::new(),
                    criterion: 0,
                    part: Some(part),
                    ack: None,
                    message: format!("Phần “{}” ghi {a}/{b} tiêu chí, trong khi kết quả đánh giá là đạt {met}/{total} tiêu chí.", part.title_vi()),
                });
            }
        }
    }
    out
}
