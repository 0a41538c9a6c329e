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
    out.extend(date_warning(draft));
    out.extend(addressed_and_copied(draft));
    out
}

/// The last day a report of the period is normally dated by: two months after a half year,
/// three after a full year (a custom period has no known end).
fn latest_date(m: &crate::core::draft::ReportMeta) -> Option<(u16, u8, u8)> {
    use crate::core::draft::PeriodKind;
    match m.period {
        PeriodKind::FirstHalf => Some((m.year, 8, 31)),
        PeriodKind::FullYear => Some((m.year.saturating_add(1), 3, 31)),
        PeriodKind::Custom => None,
    }
}

/// A date long after the period (a December date on a mid-year report) is likely a slip.
fn date_warning(draft: &Draft) -> Option<Finding> {
    let m = &draft.meta;
    let d = m.date?;
    let latest = latest_date(m)?;
    ((d.year, d.month, d.day) > latest).then(|| Finding {
        severity: Severity::Warning,
        ..finding(
            FindingKind::DateFarFromPeriod,
            format!(
                "Ngày ban hành {} cách xa kỳ báo cáo ({}). Kiểm tra lại ngày hoặc kỳ báo cáo.",
                d.long_vi(),
                m.period_text()
            ),
        )
    })
}

/// An office both addressed and copied: "Nơi nhận" already starts with "Như trên".
fn addressed_and_copied(draft: &Draft) -> Vec<Finding> {
    use crate::core::vn::fold;
    let key = |l: &str| {
        let l = l.trim().trim_start_matches(['-', '–', '•', '+']);
        let l = l.split('(').next().unwrap_or(l);
        fold(l.trim().trim_end_matches(['.', ';', ',', ':']).trim())
    };
    let copies: Vec<String> = draft.meta.copies_to.lines().map(key).collect();
    draft
        .meta
        .recipients
        .lines()
        .map(|r| (r.trim(), key(r)))
        .filter(|(_, k)| !k.is_empty() && copies.contains(k))
        .map(|(r, _)| Finding {
            severity: Severity::Warning,
            ..finding(
                FindingKind::AddressedAndCopied,
                format!(
                    "“{}” có ở cả “Kính gửi” và “Nơi nhận”: ở Nơi nhận, nơi đã được Kính gửi ghi là “Như trên” (báo cáo tự in dòng này). Xóa dòng đó ở Nơi nhận.",
                    r.trim_end_matches(['.', ';', ','])
                ),
            )
        })
        .collect()
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
