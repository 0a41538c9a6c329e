//! One indicator through the pipeline, each stage a pure function passing its data forward once:
//! read the figure (`figure::read`) → resolve the threshold with its provenance
//! (`threshold::resolve`) → compare (`figure::meets`) → apply the judgement (`judge::judge`) →
//! findings and acknowledgements (`findings::settle`).

use super::findings::{settle, Finding, Problem};
use super::judge::{judge, typed_figures, Facts};
use super::{figure, threshold, FindingKind, IndicatorScore, Override};
use crate::core::criteria::{CriteriaSet, Indicator};
use crate::core::draft::{Draft, Entry};

/// Where an indicator is assessed: its set, the commune's column, the draft.
pub(super) struct Place<'a> {
    pub set: &'a CriteriaSet,
    pub column: Option<&'a str>,
    pub draft: &'a Draft,
    pub period: &'a str,
}

/// Scores one indicator; its findings are appended to `findings`.
pub(super) fn score_indicator(
    ind: &Indicator,
    criterion: u8,
    at: &Place,
    findings: &mut Vec<Finding>,
) -> IndicatorScore {
    let blank = Entry::default();
    let e = at.draft.entry(&ind.code).unwrap_or(&blank);
    let (mut figure, mut problems) = figure::read(ind, e, &at.draft.meta);
    let own = at.draft.user_thresholds.get(&ind.code);
    let (threshold, threshold_problems) =
        threshold::resolve(at.set, ind, at.column, at.draft.meta.year, own);
    problems.extend(threshold_problems);
    if let (Some(f), Some(t)) = (&figure, threshold.applied()) {
        if figure::implausible(ind, f, t, &mut problems) {
            figure = None;
        }
    }
    let by_figures = match (&figure, threshold.applied()) {
        (Some(f), Some(t)) => Some(figure::meets(f, t)),
        _ => None,
    };
    let verdict = judge(&Facts {
        ind,
        entry: e,
        figure: figure.as_ref(),
        threshold: &threshold,
        by_figures,
        threshold_text: threshold
            .applied()
            .map(|t| t.text(ind.kind.unit()))
            .unwrap_or_default(),
        period: at.period,
    });
    problems.extend(verdict.problems.iter().cloned());
    problems.extend(carried_over(e));
    let (found, acknowledged) = settle(&ind.code, criterion, problems, Some(e));
    findings.extend(found);
    let reason = acknowledged
        .iter()
        .find(|a| a.kind == FindingKind::Override)
        .map(|a| a.reason.clone());
    let status = match (&verdict.against_figures, &reason) {
        (Some(_), None) => verdict.cautious(),
        _ => verdict.claimed,
    };
    IndicatorScore {
        code: ind.code.clone(),
        criterion,
        status,
        figure,
        threshold,
        by_figures,
        judgement: e.judgement,
        overrides: verdict.against_figures.map(|figures_met| Override {
            figures_met,
            reason,
        }),
        acknowledged,
    }
}

/// An entry kept as the previous period gave it: a blocker until entered anew, or kept with a
/// reason given for that period's figures.
fn carried_over(e: &Entry) -> Option<Problem> {
    let from = e.kept_from.trim();
    (!from.is_empty()).then(|| {
        Problem::blocker(
            FindingKind::CarriedOver,
            format!("{from}|{}|{:?}", typed_figures(e), e.judgement),
            format!("số liệu và đánh giá được giữ nguyên từ {from}. Nhập số liệu của kỳ này, hoặc ghi lý do giữ nguyên."),
        )
    })
}
