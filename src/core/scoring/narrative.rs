//! Findings about the report's own text: a count of criteria quoted in a narrative part that
//! is not what the scores say (the example's "giữ vững 11/11 tiêu chí").

use super::{Finding, FindingKind, Scores, Severity};
use crate::core::draft::{Draft, NarrativePart};
use crate::core::vn::fold;

/// A count of criteria quoted in free text ("đạt 11/19 tiêu chí"), and whether it counts the
/// criteria not met ("còn 9/19 tiêu chí chưa đạt").
struct Quoted {
    count: usize,
    of: usize,
    unmet: bool,
}

/// Counts of criteria quoted in free text: "đạt 11/N tiêu chí", "giữ vững 11/11 tiêu chí",
/// "còn 9/19 tiêu chí chưa đạt".
fn quoted_counts(text: &str) -> Vec<Quoted> {
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
        let Some(rest) = rest.strip_prefix("tiêu chí") else {
            continue;
        };
        let rest = rest.trim_start();
        let unmet = rest.starts_with("chưa đạt") || rest.starts_with("không đạt");
        if let (Ok(count), Ok(of)) = (before.parse(), after.parse()) {
            found.push(Quoted { count, of, unmet });
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
        for Quoted {
            count: a,
            of: b,
            unmet,
        } in quoted_counts(draft.narrative.get(part))
        {
            // "a/b tiêu chí" must be the score, or "met/met" (keeping the criteria met); "a/b
            // tiêu chí chưa đạt" the criteria not met.
            let right = if unmet {
                (a, b) == (total - met, total)
            } else {
                (a, b) == (met, total) || (a, b) == (met, met)
            };
            if !right {
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
