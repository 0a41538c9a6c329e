//! The assessed view: what scoring says of each indicator, criterion and report, and the words
//! every output prints for it. The editor's badges and summary, the preview, the .docx, the
//! roll-up and its exports all read these; none of them derives a status or a verb again.

use crate::core::criteria::Direction;
use crate::core::draft::Judgement;
use crate::core::num::Dec;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    NotMet,
    /// No data and no judgement yet.
    NotAssessed,
    /// Nothing of the kind in the commune, or the set says it does not apply to the commune's
    /// column: counted as met.
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
}

/// Where a threshold came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// The criteria set: the threshold of a column (by its name) or the general one.
    Set {
        column: Option<String>,
        source: String,
    },
    /// Typed by the commune, with the source it gave (possibly none yet).
    Commune { source: String },
}

/// The threshold that applies to one indicator for this commune and year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedThreshold {
    pub value: Dec,
    pub direction: Direction,
    pub provenance: Provenance,
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
            self.value.fmt_vn_short(6),
            sep,
            unit
        )
    }

    pub fn source(&self) -> &str {
        match &self.provenance {
            Provenance::Set { source, .. } | Provenance::Commune { source } => source,
        }
    }

    pub fn from_commune(&self) -> bool {
        matches!(self.provenance, Provenance::Commune { .. })
    }

    /// Where it came from, as a document says it: "theo QĐ 1494/QĐ-UBND", "do xã tự nhập theo
    /// Công văn 12/UBND", "do xã tự nhập, chưa ghi nguồn".
    pub fn provenance_vi(&self) -> String {
        match &self.provenance {
            Provenance::Set { source, .. } if source.trim().is_empty() => {
                "theo bộ tiêu chí".to_string()
            }
            Provenance::Set { source, .. } => format!("theo {}", source.trim()),
            Provenance::Commune { source } if source.trim().is_empty() => {
                "do xã tự nhập, chưa ghi nguồn".to_string()
            }
            Provenance::Commune { source } => format!("do xã tự nhập theo {}", source.trim()),
        }
    }

    /// "≥ 85% (theo QĐ 1494/QĐ-UBND)": the threshold with where it came from.
    pub fn text_with_provenance(&self, unit: &str) -> String {
        format!("{} ({})", self.text(unit), self.provenance_vi())
    }
}

/// One column's threshold of an indicator, shown while the commune has not chosen its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnThreshold {
    /// The column's name, as the set writes it ("Xã nhóm 1").
    pub column: String,
    pub threshold: Option<AppliedThreshold>,
    /// What stands there instead of a figure: the decision's words for an open threshold, or
    /// that the indicator does not apply to the column.
    pub note: String,
}

/// The threshold of one indicator, as far as the set, the commune's column and the commune's
/// own entry determine it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThresholdView {
    /// The threshold that applies, with its provenance.
    Applies(AppliedThreshold),
    /// The set gives thresholds per column and the draft has chosen none: every column's.
    ByColumn(Vec<ColumnThreshold>),
    /// The decision leaves it to someone else, in its words; the commune has not typed one.
    Open { note: String, source: String },
    /// The set says the indicator does not apply to the commune's column (its name).
    NotApplicable { column: String },
    /// A yes/no indicator, or a figure the set gives no threshold for.
    None,
}

impl ThresholdView {
    pub fn applied(&self) -> Option<&AppliedThreshold> {
        match self {
            ThresholdView::Applies(t) => Some(t),
            _ => None,
        }
    }

    /// Whether the commune may type its own threshold: only where the set has none to give.
    pub fn commune_may_enter(&self) -> bool {
        match self {
            ThresholdView::Applies(t) => t.from_commune(),
            ThresholdView::Open { .. } | ThresholdView::None => true,
            ThresholdView::ByColumn(_) | ThresholdView::NotApplicable { .. } => false,
        }
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

/// The commune's judgement differs from what the figures say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// What the figures say: met or not.
    pub figures_met: bool,
    /// The reason given for the override itself; `None` until given (the report is then a
    /// draft and the status is the less favourable of the two).
    pub reason: Option<String>,
}

/// A finding the user acknowledged: it no longer keeps the report a draft, and the report
/// prints its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledged {
    pub kind: super::FindingKind,
    /// What the acknowledgement was given for (a note, a year, figures and threshold as typed).
    pub about: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorScore {
    pub code: String,
    pub criterion: u8,
    pub status: Status,
    pub figure: Option<Figure>,
    pub threshold: ThresholdView,
    /// What the figures alone say, where they can say anything.
    pub by_figures: Option<bool>,
    /// The commune's own judgement, as entered.
    pub judgement: Judgement,
    /// The judgement against the figures, with its reason once given.
    pub overrides: Option<Override>,
    /// Findings the user acknowledged, with their reasons: printed in the report.
    pub acknowledged: Vec<Acknowledged>,
}

fn met_word(met: bool) -> &'static str {
    if met {
        "đạt"
    } else {
        "chưa đạt"
    }
}

impl IndicatorScore {
    /// The status as every table prints it: the status's words, and where the commune's
    /// judgement overrides the figures, what the figures say beside it.
    pub fn status_text(&self) -> String {
        match &self.overrides {
            Some(o) if o.reason.is_some() => format!(
                "{} (xã đánh giá; theo số liệu: {})",
                self.status.label_vi(),
                met_word(o.figures_met)
            ),
            Some(o) => format!(
                "{} (theo số liệu; xã đánh giá {} nhưng chưa ghi lý do)",
                self.status.label_vi(),
                met_word(!o.figures_met)
            ),
            None => self.status.label_vi().to_string(),
        }
    }

    /// "đạt", "chưa đạt", or nothing where the figures say nothing.
    pub fn figures_text(&self) -> &'static str {
        self.by_figures.map(met_word).unwrap_or("")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriterionScore {
    pub number: u8,
    pub status: CriterionStatus,
    /// Indicators met (or not applicable) of `total`; both 0 for a criterion judged whole.
    pub met: usize,
    pub total: usize,
    /// The set lists no indicators: the commune judged the criterion as a whole.
    pub whole: bool,
    /// Findings about the criterion itself the user acknowledged.
    pub acknowledged: Vec<Acknowledged>,
}
