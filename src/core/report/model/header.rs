//! What surrounds the body, following the issuer (Decree 30/2020/NĐ-CP, appendix I): the
//! header block, the opening's subject, the recipients' "Nơi nhận" and the signature.
//!
//! Since 01/7/2025 there is no district: the commune's People's Committee has no upper line;
//! a steering or management board has its upper body (the commune's committee) above it.

use super::lines;
use crate::core::draft::{Issuer, ReportMeta};
use crate::core::vn::{clean_text, fold, to_upper};

pub(super) fn header(m: &ReportMeta) -> super::Header {
    let commune = to_upper(&clean_text(m.commune.trim()));
    let (upper, issuer) = match m.issuer {
        Issuer::Committee => (
            String::new(),
            vec!["ỦY BAN NHÂN DÂN".to_string(), format!("XÃ {commune}")],
        ),
        Issuer::Board => {
            let upper = match clean_text(m.parent_body.trim()) {
                u if u.is_empty() => format!("ỦY BAN NHÂN DÂN XÃ {commune}"),
                u => to_upper(&u),
            };
            let name = match clean_text(m.issuing_body.trim()) {
                n if n.is_empty() => "BAN …".to_string(),
                n => to_upper(&n),
            };
            (upper, vec![name])
        }
    };
    let place = match clean_text(m.place.trim()) {
        p if p.is_empty() => clean_text(m.commune.trim()),
        p => p,
    };
    super::Header {
        upper,
        issuer,
        number: format!("Số: {}", number(m)),
        place_date: format!("{place}, {}", date_text(m)),
    }
}

/// The document's number, "45/BC-UBND", or a blank to fill by hand before "/BC-UBND": the
/// same on page 1 and in the annex.
pub(super) fn number(m: &ReportMeta) -> String {
    match clean_text(m.doc_number.trim()) {
        n if n.is_empty() => format!("     /{}", m.issuer.symbol()),
        n => n,
    }
}

/// "ngày 26 tháng 6 năm 2024", or blanks where the date is not known yet: the same on page 1
/// and in the annex.
pub(super) fn date_text(m: &ReportMeta) -> String {
    match m.date {
        Some(d) => d.long_vi(),
        None => format!("ngày … tháng … năm {}", m.year),
    }
}

/// The issuer as the opening sentence names it: "Ủy ban nhân dân xã Liên Sơn".
pub(super) fn issuer_in_sentence(m: &ReportMeta) -> String {
    let commune = clean_text(m.commune.trim());
    match (m.issuer, clean_text(m.issuing_body.trim())) {
        (Issuer::Board, name) if !name.is_empty() => name,
        (Issuer::Board, _) => format!("Ban … xã {commune}"),
        (Issuer::Committee, _) => format!("Ủy ban nhân dân xã {commune}"),
    }
}

/// The signature's title lines: as the draft gives them, else the issuer's.
pub(super) fn signature(m: &ReportMeta) -> Vec<String> {
    let own: Vec<String> = lines(&m.signatory_title)
        .iter()
        .map(|l| to_upper(l))
        .collect();
    if own.is_empty() {
        m.issuer.signature().iter().map(|s| s.to_string()).collect()
    } else {
        own
    }
}

/// "Nơi nhận": "Như trên;" first when the report has recipients, the draft's lines, and the
/// archive line ("Lưu: VT, …") last: the draft's own if it has one, else "Lưu: VT.".
pub(super) fn copies_to(m: &ReportMeta) -> Vec<String> {
    let own = lines(&m.copies_to);
    let is_archive = |l: &String| fold(l).starts_with("lưu");
    let is_as_above = |l: &String| fold(l).trim_end_matches(['.', ';', ',']) == "như trên";
    let mut out = Vec::new();
    if !lines(&m.recipients).is_empty() {
        out.push("Như trên;".to_string());
    }
    out.extend(
        own.iter()
            .filter(|l| !is_archive(l) && !is_as_above(l))
            .cloned(),
    );
    out.push(
        own.iter()
            .rfind(|l| is_archive(l))
            .cloned()
            .unwrap_or_else(|| "Lưu: VT.".to_string()),
    );
    out
}
