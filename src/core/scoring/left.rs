//! What is left to do before the report can be final, counted as a commune officer counts it:
//! indicators not entered yet, other things still to give (a name, a date, a threshold, a
//! reason), real errors (a figure that cannot be, a judgement its figures contradict), and
//! what is only to check. "Lỗi" is kept for real errors: a new draft has nothing wrong in it,
//! only everything still to enter.

use super::{Finding, FindingKind, Scores, Severity, Status};

impl FindingKind {
    /// Something not given yet (a judgement, a figure, a threshold, a reason, a name or a
    /// date), as opposed to something given that is wrong.
    pub fn is_gap(self) -> bool {
        matches!(
            self,
            FindingKind::NotAssessed
                | FindingKind::MissingThreshold
                | FindingKind::MissingCount
                | FindingKind::MissingReason
                | FindingKind::NoColumnChosen
                | FindingKind::MissingCommune
                | FindingKind::MissingIssuingBody
                | FindingKind::MissingDate
                | FindingKind::MissingSignatory
                | FindingKind::CarriedOver
        )
    }
}

impl Finding {
    /// The finding's weight in words: "Chưa nhập", "Cần bổ sung", "Lỗi" or "Cần xem lại".
    pub fn label_vi(&self) -> &'static str {
        match (self.severity, self.kind) {
            (Severity::Warning, _) => Severity::Warning.label_vi(),
            (Severity::Error, FindingKind::NotAssessed) => "Chưa nhập",
            (Severity::Error, k) if k.is_gap() => "Cần bổ sung",
            (Severity::Error, _) => Severity::Error.label_vi(),
        }
    }

    /// A real error: given, and wrong (not merely not given yet).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && !self.kind.is_gap()
    }
}

/// What is left before the report can be final (`Scores::left`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Left {
    /// Indicators not entered (nor acknowledged).
    pub indicators: usize,
    /// Criteria judged as a whole and not judged yet.
    pub criteria: usize,
    /// Other things to give before the report is final.
    pub tasks: usize,
    /// Real errors.
    pub errors: usize,
    /// Things to check; the report can be final with them.
    pub warnings: usize,
}

impl Scores {
    /// Indicators are counted by their status and figures, not by their findings: one whose
    /// threshold waits on the commune's group has no finding of its own (the group's finding
    /// stands for all of them) and, without figures, is still not entered. One acknowledged
    /// as not assessed, with its reason, is done.
    pub fn left(&self) -> Left {
        let indicators = self
            .indicators
            .iter()
            // Figures entered, waiting on the group, are entered: the group's finding says
            // what is left.
            .filter(|i| i.status == Status::NotAssessed && i.figure.is_none())
            .filter(|i| {
                i.acknowledged
                    .iter()
                    .all(|a| a.kind != FindingKind::NotAssessed)
            })
            .count();
        let mut left = Left {
            indicators,
            ..Left::default()
        };
        for f in &self.findings {
            let count = match (f.severity, f.kind) {
                (Severity::Warning, _) => &mut left.warnings,
                (_, FindingKind::NotAssessed) if f.code.is_empty() => &mut left.criteria,
                (_, FindingKind::NotAssessed) => continue,
                (_, k) if k.is_gap() => &mut left.tasks,
                _ => &mut left.errors,
            };
            *count += 1;
        }
        left
    }
}

impl Left {
    /// "Còn 14 chỉ tiêu chưa nhập · 2 việc khác trước khi in bản chính thức · 1 lỗi", or
    /// "Đủ để in bản chính thức" when nothing keeps the report a draft.
    pub fn summary_vi(&self) -> String {
        let mut parts = Vec::new();
        let mut head = |n: usize, what: &str| {
            if n > 0 {
                let first = parts.is_empty();
                parts.push(format!("{}{n} {what}", if first { "Còn " } else { "" }));
            }
        };
        head(self.indicators, "chỉ tiêu chưa nhập");
        head(self.criteria, "tiêu chí chưa nhập");
        let entering = self.indicators + self.criteria > 0;
        head(
            self.tasks,
            match entering {
                true => "việc khác trước khi in bản chính thức",
                false => "việc trước khi in bản chính thức",
            },
        );
        if self.indicators + self.criteria + self.tasks == 0 && self.errors == 0 {
            parts.push("Đủ để in bản chính thức".into());
        }
        if self.errors > 0 {
            parts.push(format!("{} lỗi cần sửa", self.errors));
        }
        if self.warnings > 0 {
            parts.push(format!("{} điểm cần xem lại", self.warnings));
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left(
        indicators: usize,
        criteria: usize,
        tasks: usize,
        errors: usize,
        warnings: usize,
    ) -> String {
        Left {
            indicators,
            criteria,
            tasks,
            errors,
            warnings,
        }
        .summary_vi()
    }

    #[test]
    fn what_is_left_is_counted_in_words_and_errors_are_only_errors() {
        assert_eq!(left(14, 0, 0, 0, 0), "Còn 14 chỉ tiêu chưa nhập");
        assert_eq!(
            left(0, 0, 2, 0, 0),
            "Còn 2 việc trước khi in bản chính thức"
        );
        assert_eq!(
            left(14, 0, 2, 1, 3),
            "Còn 14 chỉ tiêu chưa nhập · 2 việc khác trước khi in bản chính thức · 1 lỗi cần sửa · 3 điểm cần xem lại"
        );
        assert_eq!(left(0, 10, 0, 0, 0), "Còn 10 tiêu chí chưa nhập");
        assert_eq!(left(0, 0, 0, 0, 0), "Đủ để in bản chính thức");
        assert_eq!(
            left(0, 0, 0, 0, 2),
            "Đủ để in bản chính thức · 2 điểm cần xem lại"
        );
        assert_eq!(left(0, 0, 0, 1, 0), "1 lỗi cần sửa");
    }

    #[test]
    fn a_new_draft_has_no_error_only_what_is_left_to_enter() {
        let set = crate::core::sets::shipped()
            .into_iter()
            .find(|s| s.indicators().count() > 0)
            .expect("a shipped set with indicators");
        let draft = crate::core::edit::new_draft("d".into(), &set, None);
        let scores = crate::core::scoring::score(&set, &draft);
        let left = scores.left();
        assert_eq!(left.errors, 0, "{:?}", scores.findings);
        assert_eq!(
            left.indicators + left.criteria,
            scores
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::NotAssessed)
                .count()
        );
        assert!(left.indicators > 0);
        assert!(scores.findings.iter().all(|f| !f.is_error()));
        assert!(left.summary_vi().starts_with("Còn "));
        assert!(!left.summary_vi().contains("lỗi"));
    }

    #[test]
    fn indicators_waiting_on_the_group_are_still_counted_as_not_entered() {
        let set = crate::core::sets::shipped()
            .into_iter()
            .find(|s| s.indicators().count() > 0 && !s.columns.items.is_empty())
            .expect("a shipped set with indicators and columns");
        let draft = crate::core::edit::new_draft("d".into(), &set, None);
        let scores = crate::core::scoring::score(&set, &draft);
        let empty = scores
            .indicators
            .iter()
            .filter(|i| i.status == Status::NotAssessed && i.figure.is_none())
            .count();
        assert!(empty > 0);
        assert_eq!(scores.left().indicators, empty);
    }
}
