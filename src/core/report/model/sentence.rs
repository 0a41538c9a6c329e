//! The words of one indicator, as the report and the annex print them, all read off the
//! assessed view: the figure, the threshold with where it came from, and one sentence per
//! indicator whose verb follows the comparison (never "đạt 80%" beside "≥ 85%"), with the
//! figures' result beside any judgement that overrides them.

use crate::core::criteria::{Criterion, Direction, Indicator, Kind};
use crate::core::draft::Entry;
use crate::core::num::Dec;
use crate::core::scoring::{Acknowledged, Figure, FindingKind, IndicatorScore, ThresholdView};
use crate::core::vn::{clean_text, fold};

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

/// The figure in a sentence. "đạt" only where the figures meet a minimum; "còn" for what must
/// stay low; otherwise the figure alone (a share from counts "bằng" its percentage), so no verb
/// ever claims more than the comparison.
fn figure_phrase(ind: &Indicator, fig: &Figure, by_figures: Option<bool>) -> String {
    let verb = match (ind.direction, by_figures) {
        (Some(Direction::AtMost), _) => "còn ",
        (Some(Direction::AtLeast), Some(true)) => "đạt ",
        _ => "",
    };
    match fig {
        Figure::Counts { part, whole, .. } => {
            let tail = if verb.is_empty() { "bằng " } else { verb };
            format!(
                "{}, {tail}{}%",
                counts(ind, *part, *whole),
                share(ind, *part, *whole)
            )
        }
        Figure::Value(v) => format!("{verb}{}", value_text(ind, *v)),
    }
}

/// The counts as typed, with what they count: "146/185 hộ".
fn counts(ind: &Indicator, part: Dec, whole: Dec) -> String {
    let unit = match &ind.kind {
        Kind::Percent { unit, .. } => unit.trim(),
        _ => "",
    };
    format!("{}/{} {unit}", part.fmt_vn_short(6), whole.fmt_vn_short(6))
        .trim_end()
        .to_string()
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

/// The threshold as the annex writes it, with where it came from; what stands in its place
/// when there is none (never a status).
pub fn threshold_text(ind: &Indicator, s: &IndicatorScore) -> String {
    let unit = ind.kind.unit();
    match &s.threshold {
        ThresholdView::Applies(t) => t.text_with_provenance(unit),
        ThresholdView::ByColumn(cols) => cols
            .iter()
            .map(|c| match (&c.threshold, c.note.trim()) {
                (Some(t), _) => format!("{}: {}", c.column, t.text(unit)),
                (None, "") => format!("{}: chưa có ngưỡng", c.column),
                (None, note) => format!("{}: {note}", c.column),
            })
            .collect::<Vec<_>>()
            .join("; "),
        ThresholdView::Open { note, .. } => format!("{} (chưa có số cụ thể)", note.trim()),
        ThresholdView::NotApplicable { column } => format!("Không áp dụng với {column}"),
        ThresholdView::None if ind.kind.is_numeric() => "Chưa có ngưỡng".to_string(),
        ThresholdView::None => "Không định lượng".to_string(),
    }
}

/// The threshold inside a sentence: "(chỉ tiêu: ≥ 85%, theo QĐ 1494/QĐ-UBND)".
fn threshold_clause(ind: &Indicator, s: &IndicatorScore) -> String {
    let unit = ind.kind.unit();
    match &s.threshold {
        ThresholdView::Applies(t) => {
            format!(" (chỉ tiêu: {}, {})", t.text(unit), t.provenance_vi())
        }
        ThresholdView::Open { note, .. } => {
            format!(" (chỉ tiêu: {}, chưa có số cụ thể)", note.trim())
        }
        ThresholdView::ByColumn(_) => {
            format!(" (chỉ tiêu theo từng nhóm: {})", threshold_text(ind, s))
        }
        ThresholdView::NotApplicable { .. } | ThresholdView::None => String::new(),
    }
}

/// What the report says of the result: the status, or both results where the commune's
/// judgement overrides the figures.
fn verdict(s: &IndicatorScore) -> String {
    let word = |met: bool| if met { "đạt" } else { "chưa đạt" };
    match &s.overrides {
        Some(o) => match &o.reason {
            Some(reason) => format!(
                "Theo số liệu {}; xã đánh giá {} vì: {}",
                word(o.figures_met),
                word(!o.figures_met),
                sentence_end(&clean_text(reason).replace('\n', " "))
            ),
            None => format!(
                "Theo số liệu {}; xã đánh giá {} nhưng chưa ghi lý do. Đánh giá: {}.",
                word(o.figures_met),
                word(!o.figures_met),
                s.status.label_vi()
            ),
        },
        None => match &s.threshold {
            ThresholdView::NotApplicable { column } => {
                format!("Chỉ tiêu không áp dụng đối với {column}.")
            }
            _ => format!("Đánh giá: {}.", s.status.label_vi()),
        },
    }
}

pub(super) fn sentence_end(s: &str) -> String {
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
            out = out.trim_end_matches(['.', ':', ';']).to_string();
            out.push_str(&format!(": {}", figure_phrase(ind, f, s.by_figures)));
            out.push_str(&threshold_clause(ind, s));
            out.push('.');
        }
        None => out = sentence_end(&out),
    }
    if let Some(y) = e.map(|e| e.data_year.trim()).filter(|y| !y.is_empty()) {
        out.push_str(&format!(" Số liệu năm {y}."));
    }
    out.push(' ');
    out.push_str(&verdict(s));
    if let Some(note) = note {
        out.push(' ');
        out.push_str(&sentence_end(&note.replace('\n', " ")));
    }
    for a in s
        .acknowledged
        .iter()
        .filter(|a| a.kind != FindingKind::Override)
    {
        out.push(' ');
        out.push_str(&acknowledged_sentence(a));
    }
    out
}

/// What the user acknowledged, and why, in the words a report uses: "Lý do chưa đánh giá:
/// chưa có số liệu đo đạc."
pub fn acknowledged_sentence(a: &Acknowledged) -> String {
    let reason = clean_text(&a.reason).replace('\n', " ");
    let lead = match a.kind {
        FindingKind::NotAssessed => "Lý do chưa đánh giá",
        FindingKind::MissingThreshold => "Lý do chưa so sánh được với ngưỡng",
        FindingKind::StaleData => "Lý do dùng số liệu của năm trước",
        FindingKind::CarriedOver => "Lý do giữ nguyên kết quả kỳ trước",
        FindingKind::NoteContradictsStatus | FindingKind::CriterionNoteContradicts => {
            "Lý do vẫn đánh giá đạt"
        }
        FindingKind::JudgedWithoutFigures => "Căn cứ đánh giá khi chưa có số liệu",
        FindingKind::MetWithoutThreshold => "Căn cứ đánh giá đạt khi chưa có ngưỡng",
        _ => "Ghi chú",
    };
    sentence_end(&format!("{lead}: {reason}"))
}

/// The one line an indicator's card leads with, so the commune sees against what it is judged
/// without a tap: "Ngưỡng (Xã nhóm 3): ≥ 80% · Xã: 85% → Đạt".
pub fn card_line(ind: &Indicator, s: &IndicatorScore) -> String {
    let unit = ind.kind.unit();
    let threshold = match &s.threshold {
        ThresholdView::Applies(t) => match &t.provenance {
            crate::core::scoring::Provenance::Set {
                column: Some(c), ..
            } => format!("Ngưỡng ({c}): {}", t.text(unit)),
            crate::core::scoring::Provenance::Set { .. } => format!("Ngưỡng: {}", t.text(unit)),
            crate::core::scoring::Provenance::Commune { .. } => {
                format!("Ngưỡng xã tự nhập: {}", t.text(unit))
            }
        },
        ThresholdView::ByColumn(_) => format!("Ngưỡng theo nhóm: {}", threshold_text(ind, s)),
        ThresholdView::Open { note, .. } => format!("Ngưỡng: {}", note.trim()),
        ThresholdView::NotApplicable { column } => {
            return format!("Không áp dụng với {column}");
        }
        ThresholdView::None if ind.kind.is_numeric() => "Chưa có ngưỡng".to_string(),
        ThresholdView::None => "Xã tự đánh giá đạt hoặc chưa đạt".to_string(),
    };
    let figure = match (&s.figure, ind.kind.is_numeric()) {
        (Some(f), _) => format!(" · Xã: {}", figure_text(ind, f)),
        (None, true) => " · Xã: chưa nhập số liệu".to_string(),
        (None, false) => String::new(),
    };
    format!("{threshold}{figure} → {}", s.status_text())
}
