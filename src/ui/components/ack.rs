//! Acknowledging a finding instead of resolving it: one reason field per acknowledgeable
//! finding, where it arises. Typing a reason acknowledges it for the text it is about (the
//! report prints the reason); emptying the field withdraws it. The fields keep their place
//! (keyed by the finding's kind) as a finding becomes an acknowledgement, so typing goes on.

use super::field::{text_area, AreaProps};
use crate::core::draft::Entry;
use crate::core::edit::Edit;
use crate::core::scoring::{Acknowledged, Finding, FindingKind};
use yew::prelude::*;

/// `owner` names the indicator or criterion in labels ("Chỉ tiêu 7", "Tiêu chí 7"); `code` is
/// the entry the acknowledgement is stored in.
pub fn ack_fields(
    owner: &str,
    code: &str,
    id_base: &str,
    open: &[Finding],
    acknowledged: &[Acknowledged],
    entry: Option<&Entry>,
    on_edit: &Callback<Edit>,
) -> Html {
    // In the fixed order of the kinds, so each field keeps its place.
    let items: Vec<(FindingKind, String)> = FindingKind::ACKNOWLEDGEABLE
        .iter()
        .filter_map(|&kind| {
            open.iter()
                .find(|f| f.kind == kind)
                .and_then(|f| f.ack.clone())
                .or_else(|| {
                    acknowledged
                        .iter()
                        .find(|a| a.kind == kind)
                        .map(|a| a.about.clone())
                })
                .map(|about| (kind, about))
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class="acks">
            { for items.into_iter().map(|(kind, about)| {
                // The reason stored for exactly this text, even while it is still blank.
                let reason = entry
                    .and_then(|e| e.acks.iter().find(|a| a.kind == kind.key() && a.about == about))
                    .map(|a| a.reason.clone())
                    .unwrap_or_default();
                let on_input = {
                    let (on, code) = (on_edit.clone(), code.to_string());
                    Callback::from(move |reason: String| on.emit(Edit::Acknowledge {
                        code: code.clone(),
                        kind: kind.key().to_string(),
                        about: about.clone(),
                        reason,
                    }))
                };
                let field = text_area(AreaProps { id: (format!("{id_base}-ack-{}", kind.key())).into(), label: (format!("{owner}: lý do — {} (in vào báo cáo)", kind.ack_label_vi())).into(), value: reason.clone().into(), on_input, rows: 2, ..Default::default() });
                // Nothing entered yet is no problem to explain on an empty card: the reason
                // box opens when the user says there is no figure (a reason given shows in
                // the line that opens it).
                if kind == FindingKind::NotAssessed {
                    return html! {
                        <details key={kind.key()} class="ack-ask">
                            <summary>{ reason_summary(&reason) }</summary>
                            { field }
                        </details>
                    };
                }
                html! { <div key={kind.key()}>{ field }</div> }
            }) }
        </div>
    }
}

/// The line that opens the reason of something not assessed: the question, or the reason given.
fn reason_summary(reason: &str) -> String {
    let reason = reason.trim();
    if reason.is_empty() {
        return "Không có số liệu, hoặc chưa đánh giá được? Ghi lý do".into();
    }
    let short: String = reason.chars().take(60).collect();
    let more = if short.len() < reason.len() {
        "…"
    } else {
        ""
    };
    format!("Lý do đã ghi: “{short}{more}”")
}
