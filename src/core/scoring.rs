//! Scoring: from a criteria set and a draft to indicator and criterion statuses, the
//! "đạt X/19 tiêu chí" summary, and findings an inspector would raise.
//!
//! Pure and deterministic: the same set and draft always give the same `Scores`.

use crate::core::criteria::{CriteriaSet, Direction, Indicator, Kind};
use crate::core::draft::{Draft, Entry, Judgement, NarrativePart};
use crate::core::num::{Dec, NumError};
use crate::core::vn::{fold, to_lower};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    /// No data and no judgement yet.
    NotAssessed,
    /// Nothing of the kind in the commune: counted as met.
    NotApplicable,
    /// Figures present but no threshold known: the user must enter one or judge by hand.
    MissingThreshold,
}

impl Status {
    pub fn counts_as_met(self) -> bool {
        matches!(self, Status::Met | Status::NotApplicable)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Met => "Đạt",
            Status::NotMet => "Chưa đạt",
            Status::NotAssessed => "Chưa đánh giá",
            Status::NotApplicable => "Không áp dụng (tính là đạt)",
            Status::MissingThreshold => "Thiếu ngưỡng",
        }
    }

    /// A stable class name for styling; the label always goes with it, never colour alone.
    /// A symbol shown with the label, so status is never told by colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✓",
            Status::NotMet => "✗",
            Status::NotApplicable => "○",
            Status::NotAssessed => "…",
            Status::MissingThreshold => "?",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "unmet",
            Status::NotAssessed => "pending",
            Status::NotApplicable => "na",
            Status::MissingThreshold => "nothreshold",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CriterionStatus {
    Met,
    NotMet,
    /// No indicator fails, but some are not assessed or lack a threshold: not met yet.
    Incomplete,
}

impl CriterionStatus {
    pub fn label_vi(self) -> &'static str {
        match self {
            CriterionStatus::Met => "Đạt",
            CriterionStatus::NotMet => "Chưa đạt",
            CriterionStatus::Incomplete => "Chưa đánh giá đủ",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CriterionStatus::Met => "✓",
            CriterionStatus::NotMet => "✗",
            CriterionStatus::Incomplete => "…",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            CriterionStatus::Met => "met",
            CriterionStatus::NotMet => "unmet",
            CriterionStatus::Incomplete => "pending",
        }
    }
}

/// The threshold that applies to one indicator for this commune and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedThreshold {
    pub value: Dec,
    pub direction: Direction,
    pub source: String,
    /// Entered by the user because the set has none.
    pub from_user: bool,
}

impl AppliedThreshold {
    /// "≥ 95%", "≤ 26,7%", "≥ 39 triệu đồng/người/năm".
    pub fn text(&self, unit: &str) -> String {
        let sep = if unit == "%" || unit.is_empty() {
            ""
        } else {
            " "
        };
        format!(
            "{} {}{}{}",
            self.direction.symbol(),
            self.value.fmt_vn_short(2),
            sep,
            unit
        )
    }
}

/// What the commune's figures say, once read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    /// From two counts: part, whole, and the percentage at full precision.
    Counts { part: Dec, whole: Dec, percent: Dec },
    /// A percentage entered directly, or an amount, or a count.
    Value(Dec),
}

impl Figure {
    /// The value compared with the threshold.
    pub fn value(&self) -> Dec {
        match self {
            Figure::Counts { percent, .. } => *percent,
            Figure::Value(v) => *v,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorScore {
    pub code: String,
    pub criterion: u8,
    pub status: Status,
    pub figure: Option<Figure>,
    pub threshold: Option<AppliedThreshold>,
    /// What the figures alone say, where they can say anything.
    pub by_figures: Option<bool>,
    /// The status is the commune's judgement against what the figures say.
    pub overrides_figures: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionScore {
    pub number: u8,
    pub status: CriterionStatus,
    pub met: usize,
    pub total: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed before the report is final: the document stays "DỰ THẢO".
    Error,
    /// To check; the report can still be final.
    Warning,
}

impl Severity {
    pub fn label_vi(self) -> &'static str {
        match self {
            Severity::Error => "Lỗi",
            Severity::Warning => "Cần xem lại",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    NotAssessed,
    MissingThreshold,
    InvalidNumber,
    MissingCount,
    PartAboveWhole,
    OutOfRange,
    Contradiction,
    ContradictionWithoutReason,
    NoteContradictsStatus,
    MissingReason,
    JudgedWithoutFigures,
    NotApplicableNotAllowed,
    StaleData,
    InvalidDataYear,
    InvalidUserThreshold,
    /// The narrative quotes a count of criteria ("11/11 tiêu chí") that is not the score.
    CountMismatch,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
    /// The indicator it concerns; empty for a finding about the report's text.
    pub code: String,
    pub criterion: u8,
    /// The narrative part it concerns, for findings about the report's text.
    pub part: Option<NarrativePart>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Scores {
    pub indicators: Vec<IndicatorScore>,
    pub criteria: Vec<CriterionScore>,
    pub findings: Vec<Finding>,
}

impl Scores {
    pub fn met_count(&self) -> usize {
        self.criteria
            .iter()
            .filter(|c| c.status == CriterionStatus::Met)
            .count()
    }

    pub fn total(&self) -> usize {
        self.criteria.len()
    }

    /// "đạt 10/19 tiêu chí"
    pub fn summary_vi(&self) -> String {
        format!("đạt {}/{} tiêu chí", self.met_count(), self.total())
    }

    pub fn met_numbers(&self) -> Vec<u8> {
        self.criteria
            .iter()
            .filter(|c| c.status == CriterionStatus::Met)
            .map(|c| c.number)
            .collect()
    }

    pub fn unmet_numbers(&self) -> Vec<u8> {
        self.criteria
            .iter()
            .filter(|c| c.status != CriterionStatus::Met)
            .map(|c| c.number)
            .collect()
    }

    pub fn indicator(&self, code: &str) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|s| s.code == code)
    }

    pub fn criterion(&self, number: u8) -> Option<&CriterionScore> {
        self.criteria.iter().find(|c| c.number == number)
    }

    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

/// The region column that applies to the draft's commune, if any.
pub fn effective_region<'a>(set: &'a CriteriaSet, draft: &'a Draft) -> Option<&'a str> {
    if draft.meta.disadvantaged {
        if let Some(r) = &set.disadvantaged_region {
            return Some(r.as_str());
        }
    }
    let r = draft.meta.region.trim();
    (!r.is_empty()).then_some(r)
}

/// The set's threshold for an indicator, region and year: the most specific match wins
/// (region and year, then region, then general column and year, then general column). A year
/// with no figure of its own has no threshold: a figure is never carried over from another year.
pub fn set_threshold(ind: &Indicator, region: Option<&str>, year: u16) -> Option<AppliedThreshold> {
    let direction = ind.direction?;
    let rank = |t: &crate::core::criteria::Threshold| -> Option<u8> {
        let region_rank = match (&t.region, region) {
            (Some(r), Some(want)) if r == want => 2,
            (None, _) => 0,
            _ => return None,
        };
        let year_rank = match t.year {
            Some(y) if y == year => 1,
            None => 0,
            Some(_) => return None,
        };
        Some(region_rank + year_rank)
    };
    ind.thresholds
        .iter()
        .filter_map(|t| rank(t).map(|r| (r, t)))
        .max_by_key(|(r, _)| *r)
        .map(|(_, t)| AppliedThreshold {
            value: t.value,
            direction,
            source: t.source.clone(),
            from_user: false,
        })
}

struct Ctx<'a> {
    code: &'a str,
    criterion: u8,
    findings: &'a mut Vec<Finding>,
}

impl Ctx<'_> {
    fn add(&mut self, severity: Severity, kind: FindingKind, message: String) {
        self.findings.push(Finding {
            severity,
            kind,
            code: self.code.to_string(),
            criterion: self.criterion,
            part: None,
            message: format!("Chỉ tiêu {}: {}", self.code, message),
        });
    }
}

fn parse_figure(text: &str, what: &str, ctx: &mut Ctx) -> Option<Dec> {
    match Dec::parse_vn(text) {
        Ok(v) => Some(v),
        Err(NumError::Empty) => None,
        Err(e) => {
            ctx.add(
                Severity::Error,
                FindingKind::InvalidNumber,
                format!(
                    "{what} \"{}\" không hợp lệ. {}",
                    text.trim(),
                    e.message_vi()
                ),
            );
            None
        }
    }
}

/// Reads the figures of an entry, with findings for what is unreadable or impossible.
fn read_figure(ind: &Indicator, e: &Entry, ctx: &mut Ctx) -> Option<Figure> {
    let negative = |v: Dec, ctx: &mut Ctx| {
        if v.is_negative() {
            ctx.add(
                Severity::Error,
                FindingKind::OutOfRange,
                "số liệu không thể âm.".into(),
            );
            true
        } else {
            false
        }
    };
    match &ind.kind {
        Kind::YesNo => None,
        Kind::Percent {
            numerator,
            denominator,
            unit,
        } => {
            let part = parse_figure(&e.numerator, numerator, ctx);
            let whole = parse_figure(&e.denominator, denominator, ctx);
            let has_part = !e.numerator.trim().is_empty();
            let has_whole = !e.denominator.trim().is_empty();
            if has_part || has_whole {
                let (part, whole) = match (part, whole) {
                    (Some(p), Some(w)) => (p, w),
                    _ => {
                        if has_part != has_whole {
                            let missing = if has_part { denominator } else { numerator };
                            ctx.add(
                                Severity::Warning,
                                FindingKind::MissingCount,
                                format!("thiếu {} để tính tỷ lệ.", to_lower(missing)),
                            );
                        }
                        return None;
                    }
                };
                if negative(part, ctx) || negative(whole, ctx) {
                    return None;
                }
                if whole.is_zero() {
                    ctx.add(
                        Severity::Error,
                        FindingKind::OutOfRange,
                        format!("{} bằng 0, không tính được tỷ lệ.", denominator),
                    );
                    return None;
                }
                if part > whole {
                    ctx.add(
                        Severity::Error,
                        FindingKind::PartAboveWhole,
                        format!(
                            "{} ({} {unit}) lớn hơn {} ({} {unit}).",
                            numerator,
                            part.fmt_vn_short(6),
                            to_lower(denominator),
                            whole.fmt_vn_short(6)
                        ),
                    );
                    return None;
                }
                let percent = Dec::percent_of(part, whole)?;
                return Some(Figure::Counts {
                    part,
                    whole,
                    percent,
                });
            }
            let v = parse_figure(&e.value, "Tỷ lệ", ctx)?;
            if negative(v, ctx) {
                return None;
            }
            if v > Dec::HUNDRED {
                ctx.add(
                    Severity::Error,
                    FindingKind::OutOfRange,
                    format!("tỷ lệ {}% vượt quá 100%.", v.fmt_vn_short(2)),
                );
                return None;
            }
            Some(Figure::Value(v))
        }
        Kind::Amount { .. } => {
            let v = parse_figure(&e.value, "Số liệu", ctx)?;
            (!negative(v, ctx)).then_some(Figure::Value(v))
        }
        Kind::Count { .. } => {
            let v = parse_figure(&e.value, "Số lượng", ctx)?;
            if negative(v, ctx) {
                return None;
            }
            if v.trunc(0) != v {
                ctx.add(
                    Severity::Error,
                    FindingKind::OutOfRange,
                    "số lượng phải là số nguyên.".into(),
                );
                return None;
            }
            Some(Figure::Value(v))
        }
    }
}

fn meets(fig: &Figure, t: &AppliedThreshold) -> bool {
    let ord = match fig {
        Figure::Counts { part, whole, .. } => Dec::cmp_percent(*part, *whole, t.value),
        Figure::Value(v) => Some(v.cmp(&t.value)),
    };
    match (ord, t.direction) {
        (Some(o), Direction::AtLeast) => o != Ordering::Less,
        (Some(o), Direction::AtMost) => o != Ordering::Greater,
        (None, _) => false,
    }
}

const NEGATIVE_PHRASES: [&str; 3] = ["chưa đạt", "không đạt", "chưa đáp ứng"];

fn score_indicator(
    set_ind: &Indicator,
    draft: &Draft,
    region: Option<&str>,
    ctx: &mut Ctx,
) -> IndicatorScore {
    let blank = Entry::default();
    let e = draft.entry(&set_ind.code).unwrap_or(&blank);
    let year = draft.meta.year;
    let has_reason = !e.note.trim().is_empty();

    let mut threshold = set_threshold(set_ind, region, year);
    if threshold.is_none() && set_ind.kind.is_numeric() {
        if let (Some(ut), Some(direction)) =
            (draft.user_thresholds.get(&set_ind.code), set_ind.direction)
        {
            if !ut.value.trim().is_empty() {
                match Dec::parse_vn(&ut.value) {
                    Ok(v)
                        if !v.is_negative()
                            && (!matches!(set_ind.kind, Kind::Percent { .. })
                                || v <= Dec::HUNDRED) =>
                    {
                        if ut.source.trim().is_empty() {
                            ctx.add(
                                Severity::Error,
                                FindingKind::InvalidUserThreshold,
                                "ngưỡng tự nhập cần ghi rõ nguồn (văn bản quy định).".into(),
                            );
                        }
                        threshold = Some(AppliedThreshold {
                            value: v,
                            direction,
                            source: ut.source.trim().to_string(),
                            from_user: true,
                        });
                    }
                    _ => ctx.add(
                        Severity::Error,
                        FindingKind::InvalidUserThreshold,
                        format!("ngưỡng tự nhập \"{}\" không hợp lệ.", ut.value.trim()),
                    ),
                }
            }
        }
    }

    if !e.data_year.trim().is_empty() {
        match e.data_year.trim().parse::<u16>() {
            Ok(y) if y < year => ctx.add(
                Severity::Warning,
                FindingKind::StaleData,
                format!(
                    "số liệu từ năm {y}, cũ hơn kỳ báo cáo ({year}). Cần cập nhật số liệu mới."
                ),
            ),
            Ok(y) if y > year => ctx.add(
                Severity::Error,
                FindingKind::InvalidDataYear,
                format!("năm số liệu {y} sau năm báo cáo {year}."),
            ),
            Ok(_) => {}
            Err(_) => ctx.add(
                Severity::Error,
                FindingKind::InvalidDataYear,
                format!("năm số liệu \"{}\" không hợp lệ.", e.data_year.trim()),
            ),
        }
    }

    let figure = read_figure(set_ind, e, ctx);
    let by_figures = match (&figure, &threshold) {
        (Some(f), Some(t)) => Some(meets(f, t)),
        _ => None,
    };
    let mut overrides_figures = false;

    let status = match e.judgement {
        Judgement::NotApplicable => {
            if !set_ind.may_be_not_applicable {
                ctx.add(
                    Severity::Error,
                    FindingKind::NotApplicableNotAllowed,
                    "bộ tiêu chí không cho phép đánh giá \"không áp dụng\" với chỉ tiêu này."
                        .into(),
                );
                Status::NotAssessed
            } else {
                if !has_reason {
                    ctx.add(Severity::Error, FindingKind::MissingReason, "đánh giá \"không áp dụng\" cần ghi lý do (ví dụ: trên địa bàn xã không có).".into());
                }
                Status::NotApplicable
            }
        }
        Judgement::None => match (&figure, by_figures) {
            (_, Some(true)) => Status::Met,
            (_, Some(false)) => Status::NotMet,
            (Some(_), None) => {
                ctx.add(
                    Severity::Warning,
                    FindingKind::MissingThreshold,
                    "đã có số liệu nhưng bộ tiêu chí chưa có ngưỡng: nhập ngưỡng theo văn bản của tỉnh, hoặc tự đánh giá đạt/chưa đạt.".into(),
                );
                Status::MissingThreshold
            }
            (None, _) => {
                ctx.add(
                    Severity::Warning,
                    FindingKind::NotAssessed,
                    "chưa đánh giá.".into(),
                );
                Status::NotAssessed
            }
        },
        Judgement::Met | Judgement::NotMet => {
            let judged = e.judgement == Judgement::Met;
            let judged_status = if judged { Status::Met } else { Status::NotMet };
            match by_figures {
                Some(computed) if computed != judged => {
                    let said = if computed { "đạt" } else { "chưa đạt" };
                    if has_reason {
                        overrides_figures = true;
                        ctx.add(
                            Severity::Warning,
                            FindingKind::Contradiction,
                            format!("đánh giá \"{}\" khác với kết quả theo số liệu (\"{said}\"); đã ghi lý do, cần được cấp trên xem xét.", to_lower(judged_status.label_vi())),
                        );
                        judged_status
                    } else {
                        ctx.add(
                            Severity::Error,
                            FindingKind::ContradictionWithoutReason,
                            format!("đánh giá \"{}\" mâu thuẫn với số liệu (theo số liệu: {said}). Ghi lý do hoặc sửa đánh giá; tạm tính theo số liệu.", to_lower(judged_status.label_vi())),
                        );
                        if computed {
                            Status::Met
                        } else {
                            Status::NotMet
                        }
                    }
                }
                Some(_) => judged_status,
                None => {
                    if set_ind.kind.is_numeric() && figure.is_none() {
                        ctx.add(
                            Severity::Warning,
                            FindingKind::JudgedWithoutFigures,
                            "chỉ tiêu định lượng được đánh giá nhưng chưa có số liệu.".into(),
                        );
                    } else if !set_ind.kind.is_numeric() && !has_reason {
                        ctx.add(
                            Severity::Warning,
                            FindingKind::MissingReason,
                            "chưa ghi nhận xét, căn cứ cho đánh giá.".into(),
                        );
                    }
                    judged_status
                }
            }
        }
    };

    if status == Status::Met && has_reason {
        let note = fold(&e.note);
        if let Some(p) = NEGATIVE_PHRASES.iter().find(|p| note.contains(*p)) {
            if !overrides_figures {
                ctx.add(
                    Severity::Warning,
                    FindingKind::NoteContradictsStatus,
                    format!(
                        "nhận xét có cụm \"{p}\" nhưng chỉ tiêu được đánh giá đạt. Kiểm tra lại."
                    ),
                );
            }
        }
    }

    IndicatorScore {
        code: set_ind.code.clone(),
        criterion: ctx.criterion,
        status,
        figure,
        threshold,
        by_figures,
        overrides_figures,
    }
}

/// Counts of criteria quoted in free text: "đạt 11/19 tiêu chí", "giữ vững 11/11 tiêu chí".
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
fn narrative_findings(draft: &Draft, scores: &Scores) -> Vec<Finding> {
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
                    message: format!("Phần “{}” ghi {a}/{b} tiêu chí, trong khi kết quả đánh giá là đạt {met}/{total} tiêu chí.", part.title_vi()),
                });
            }
        }
    }
    out
}

/// Scores a whole draft against a set.
pub fn score(set: &CriteriaSet, draft: &Draft) -> Scores {
    let region = effective_region(set, draft);
    let mut scores = Scores::default();
    for c in &set.criteria {
        let mut met = 0;
        let mut any_unmet = false;
        for ind in &c.indicators {
            let mut ctx = Ctx {
                code: &ind.code,
                criterion: c.number,
                findings: &mut scores.findings,
            };
            let s = score_indicator(ind, draft, region, &mut ctx);
            if s.status.counts_as_met() {
                met += 1;
            }
            any_unmet |= s.status == Status::NotMet;
            scores.indicators.push(s);
        }
        let total = c.indicators.len();
        let status = if met == total {
            CriterionStatus::Met
        } else if any_unmet {
            CriterionStatus::NotMet
        } else {
            CriterionStatus::Incomplete
        };
        scores.criteria.push(CriterionScore {
            number: c.number,
            status,
            met,
            total,
        });
    }
    let text_findings = narrative_findings(draft, &scores);
    scores.findings.extend(text_findings);
    scores
}
