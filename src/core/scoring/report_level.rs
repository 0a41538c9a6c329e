//! Findings about the report as a whole: its set, its year, its threshold column, and what its
//! header and signature need. With the findings of each indicator and criterion they make the
//! one list of what keeps the report "DỰ THẢO".

use super::findings::Finding;
use super::{FindingKind, Severity};
use crate::core::criteria::CriteriaSet;
use crate::core::draft::{Draft, Issuer};

fn finding(kind: FindingKind, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        kind,
        code: String::new(),
        criterion: 0,
        part: None,
        message,
        ack: None,
    }
}

/// The words of the set's threshold columns: "Nhóm xã", "Vùng kinh tế".
fn column_label(set: &CriteriaSet) -> &str {
    match set.columns.label.trim() {
        "" => "Cột ngưỡng",
        l => l,
    }
}

pub(super) fn report_findings(set: &CriteriaSet, draft: &Draft) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(e) = set.validate().first() {
        out.push(finding(
            FindingKind::SetInvalid,
            format!("Bộ tiêu chí của bản nháp có lỗi: {e}. Sửa bộ tiêu chí, hoặc chuyển bản nháp sang bộ khác (mục Thông tin)."),
        ));
    }
    let year = draft.meta.year;
    if !set.covers(year) {
        out.push(finding(
            FindingKind::OutsidePeriod,
            format!(
                "Năm báo cáo {year} nằm ngoài giai đoạn {} - {} của bộ tiêu chí “{}”. Chọn bộ tiêu chí của giai đoạn có năm {year} (mục Thông tin), hoặc sửa năm báo cáo.",
                set.period.from, set.period.to, set.name
            ),
        ));
    }
    column_findings(set, draft, &mut out);
    header_findings(draft, &mut out);
    out
}

fn column_findings(set: &CriteriaSet, draft: &Draft, out: &mut Vec<Finding>) {
    let label = column_label(set);
    let column = draft.meta.column.trim();
    let by_rule = draft.meta.rule_column && set.column_rule.is_some();
    if !column.is_empty() && set.column(column).is_none() && !by_rule {
        out.push(finding(
            FindingKind::UnknownColumn,
            format!("{label} đã chọn (mã “{column}”) không có trong bộ tiêu chí đang dùng. Chọn lại ở mục Thông tin."),
        ));
    } else if column.is_empty() && !by_rule && set.answers_by_column() {
        out.push(finding(
            FindingKind::NoColumnChosen,
            format!(
                "Chưa chọn {label}: ngưỡng của bộ tiêu chí khác nhau theo {}. Chọn ở mục Thông tin.",
                crate::core::vn::to_lower(label)
            ),
        ));
    }
}

fn header_findings(draft: &Draft, out: &mut Vec<Finding>) {
    let m = &draft.meta;
    if m.commune.trim().is_empty() {
        out.push(finding(
            FindingKind::MissingCommune,
            "Chưa nhập tên xã.".into(),
        ));
    }
    if m.issuer == Issuer::Board && m.issuing_body.trim().is_empty() {
        out.push(finding(
            FindingKind::MissingIssuingBody,
            "Chưa nhập tên Ban ban hành báo cáo (mục Thông tin).".into(),
        ));
    }
    if m.date.is_none() {
        out.push(finding(
            FindingKind::MissingDate,
            "Chưa nhập ngày ban hành báo cáo.".into(),
        ));
    }
    if m.signatory_name.trim().is_empty() {
        out.push(finding(
            FindingKind::MissingSignatory,
            "Chưa nhập người ký báo cáo.".into(),
        ));
    }
}
