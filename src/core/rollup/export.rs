//! The roll-up as files an office sends on as they are: the workbook ("Tóm tắt", the headline
//! figures of each period and set, by group; per period and set a communes × criteria sheet
//! with a share row and a communes × indicators sheet of figures; the long sheet, one row per
//! commune × indicator with thresholds, provenance, status and the reasons the commune gave),
//! and the long sheet as CSV for a database. Numbers are numbers; every text is the assessed
//! view's own.

use super::communes::{arrivals, CommuneList};
use super::xlsx::{count, empty, fit_widths, num, package, styled, text, Cell, Sheet, Style, Val};
use super::{Figures, Group, Headline, Rollup, Row, Section};
use crate::core::num::Dec;

fn dec(d: Dec) -> Cell {
    num(d.fmt_plain(), Style::Text)
}

fn fraction(f: &Figures, n: usize, style: Style) -> Cell {
    f.fraction(n)
        .map_or_else(empty, |d| num(d.fmt_plain(), style))
}

/// "Xã - tiêu chí", or "Xã - tiêu chí (2)" for the second section.
fn numbered(name: &str, k: usize) -> String {
    if k == 0 {
        name.to_string()
    } else {
        format!("{name} ({})", k + 1)
    }
}

/// "Tóm tắt": for each section, its set, period and headline figures, whole and by group; and
/// with the province's list, who has sent for the first section's period.
fn summary(r: &Rollup, list: Option<&CommuneList>) -> Sheet {
    let mut rows = vec![
        vec![styled(
            "TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ XÃ NÔNG THÔN MỚI",
            Style::Title,
        )],
        vec![text(format!(
            "Từ {} xã – kỳ trong các tệp các xã gửi; {} tệp bị bỏ qua. Tỷ lệ và bình quân làm tròn xuống.",
            r.rows(),
            r.rejected.len()
        ))],
    ];
    if let (Some(list), Some(first)) = (list, r.sections.first()) {
        let a = arrivals(list, r, &first.period);
        rows.push(vec![styled(a.summary_vi(), Style::Bold)]);
        for line in a.unlisted_vi() {
            rows.push(vec![text(format!(
                "Tên xã không có trong danh sách: {line}."
            ))]);
        }
    }
    for s in &r.sections {
        let Some(g) = r.groups.get(s.group) else {
            continue;
        };
        rows.push(Vec::new());
        rows.push(vec![styled(
            format!("Bộ tiêu chí: {} — kỳ báo cáo: {}", g.label(), s.period),
            Style::Bold,
        )]);
        headline_rows(&mut rows, g, &Headline::of(g, &s.rows(g)));
    }
    let mut widths = vec![52.0];
    let wide = rows.iter().map(Vec::len).max().unwrap_or(1);
    widths.resize(wide.max(3), 13.0);
    Sheet {
        name: "Tóm tắt".into(),
        rows,
        widths,
        frozen: (0, 0),
        filter: None,
    }
}

fn headline_rows(rows: &mut Vec<Vec<Cell>>, g: &Group, h: &Headline) {
    let mut all: Vec<(String, &Figures)> = vec![("Toàn bộ".into(), &h.all)];
    all.extend(h.by_column.iter().map(|b| (b.name.clone(), &b.figures)));
    let mut header = vec![styled("", Style::Header)];
    for (name, _) in &all {
        header.push(styled(format!("{name}: số xã"), Style::Header));
        header.push(styled(format!("{name}: tỷ lệ"), Style::Header));
    }
    rows.push(header);
    let line = |label: String, cells: &dyn Fn(&Figures) -> [Cell; 2]| {
        let mut row = vec![text(label)];
        for (_, f) in &all {
            row.extend(cells(f));
        }
        row
    };
    rows.push(line("Số xã".into(), &|f| [count(f.communes), empty()]));
    let n = g.set.criteria.len();
    rows.push(line(format!("Đạt đủ {n}/{n} tiêu chí"), &|f| {
        [count(f.all_met), fraction(f, f.all_met, Style::Percent)]
    }));
    rows.push(line(
        "Bình quân số tiêu chí đạt/xã".into(),
        &|f| {
            [
                f.average()
                    .map_or_else(empty, |a| num(a.fmt_plain(), Style::Decimal)),
                empty(),
            ]
        },
    ));
    for (i, c) in g.set.criteria.iter().enumerate() {
        let label = format!("Đạt tiêu chí {}. {}", c.number, c.name);
        rows.push(line(label, &|f| {
            let met = f.per_criterion.get(i).copied().unwrap_or(0);
            [count(met), fraction(f, met, Style::Percent)]
        }));
    }
}

/// The key columns of a commune's row, in the order the page shows them.
fn key_cells(g: &Group, r: &Row) -> Vec<Cell> {
    let mut cells = vec![text(r.name())];
    if g.column_label().is_some() {
        cells.push(text(&r.column));
    }
    cells.push(text(&r.period));
    cells
}

fn key_header(g: &Group) -> Vec<Cell> {
    let mut cells = vec![styled("Xã", Style::Header)];
    if let Some(label) = g.column_label() {
        cells.push(styled(label, Style::Header));
    }
    cells.push(styled("Kỳ báo cáo", Style::Header));
    cells
}

/// Communes × criteria for one section: key columns, "đạt X/N", open problems, what was
/// explained, each criterion's status; then "Số xã đạt" and "Tỷ lệ xã đạt" rows.
fn criteria_sheet(name: String, g: &Group, rows: &[&Row]) -> Sheet {
    let mut header = key_header(g);
    header.extend(
        [
            "Số tiêu chí đạt",
            "Tổng số tiêu chí",
            "Vấn đề còn mở",
            "Chỉ tiêu chưa đánh giá",
            "Đã giải trình",
            "Đánh giá khác số liệu",
        ]
        .into_iter()
        .map(|h| styled(h, Style::Header)),
    );
    let first_criterion = header.len();
    header.extend(
        g.set
            .criteria
            .iter()
            .map(|c| styled(format!("TC {}. {}", c.number, c.name), Style::Header)),
    );
    header.extend(
        ["Tỉnh", "Tệp"]
            .into_iter()
            .map(|h| styled(h, Style::Header)),
    );
    let mut out = vec![header];
    for r in rows {
        let mut line = key_cells(g, r);
        line.extend([
            count(r.met),
            count(g.set.criteria.len()),
            count(r.problems.len()),
            count(r.unassessed),
            count(r.acknowledged),
            count(r.overrides),
        ]);
        line.extend(r.criteria.iter().map(|s| text(s.label_vi())));
        line.resize(first_criterion + g.set.criteria.len(), empty());
        line.extend([text(&r.province), text(&r.file)]);
        out.push(line);
    }
    let last = out.len() - 1;
    let f = Figures::of(g.set.criteria.len(), rows);
    let mut met = vec![styled("Số xã đạt", Style::Bold)];
    let mut share = vec![styled("Tỷ lệ xã đạt", Style::Bold)];
    met.resize(first_criterion, empty());
    share.resize(first_criterion, empty());
    for c in &f.per_criterion {
        met.push(num(c.to_string(), Style::BoldInteger));
        share.push(fraction(&f, *c, Style::BoldPercent));
    }
    out.push(met);
    out.push(share);
    communes_sheet(name, out, last)
}

/// A sheet of one row per commune under one header row: the header and the communes' column
/// frozen, a filter over the header and rows up to `last` (what follows is totals).
fn communes_sheet(name: String, rows: Vec<Vec<Cell>>, last: usize) -> Sheet {
    let widths = fit_widths(&rows, 0);
    Sheet {
        name,
        rows,
        widths,
        frozen: (1, 1),
        filter: Some((0, last)),
    }
}

/// Communes × indicators for one section: each indicator's figure as a number, or where it
/// has none (a yes/no indicator, nothing typed) its status.
fn indicators_sheet(name: String, g: &Group, rows: &[&Row]) -> Sheet {
    let mut header = key_header(g);
    let indicators: Vec<_> = g.set.indicators().collect();
    header.extend(indicators.iter().map(|(_, i)| {
        let unit = i.kind.unit();
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" ({unit})")
        };
        styled(format!("{} {}{unit}", i.code, i.short), Style::Header)
    }));
    let mut out = vec![header];
    for r in rows {
        let mut line = key_cells(g, r);
        let lines: Vec<_> = r.indicators.iter().filter(|l| !l.code.is_empty()).collect();
        for (k, (_, ind)) in indicators.iter().enumerate() {
            let found = lines
                .get(k)
                .filter(|l| l.code == ind.code)
                .or_else(|| lines.iter().find(|l| l.code == ind.code));
            line.push(match found {
                Some(l) => l.figure.map_or_else(|| text(&l.status_text), dec),
                None => empty(),
            });
        }
        out.push(line);
    }
    let last = out.len() - 1;
    communes_sheet(name, out, last)
}

const LONG_HEADER: [&str; 21] = [
    "Tỉnh",
    "Xã",
    "Nhóm xã / vùng",
    "Kỳ báo cáo",
    "Năm",
    "Bộ tiêu chí",
    "Phiên bản",
    "Mã nội dung bộ tiêu chí",
    "Tiêu chí",
    "Mã chỉ tiêu",
    "Nội dung chỉ tiêu",
    "Số liệu",
    "Đơn vị",
    "Chiều",
    "Ngưỡng",
    "Nguồn ngưỡng",
    "Ngưỡng do",
    "Theo số liệu",
    "Đánh giá",
    "Giải trình (lý do xã ghi)",
    "Tệp",
];

/// One row per commune × indicator (and criterion judged whole), every group and period.
fn long_rows(groups: &[Group]) -> Vec<Vec<Cell>> {
    let mut rows = vec![LONG_HEADER
        .into_iter()
        .map(|h| styled(h, Style::Header))
        .collect()];
    for g in groups {
        for r in &g.rows {
            for i in &r.indicators {
                rows.push(vec![
                    text(&r.province),
                    text(r.name()),
                    text(&r.column),
                    text(&r.period),
                    count(r.year as usize),
                    text(&g.set.name),
                    text(&g.set.version),
                    text(&g.fingerprint),
                    count(i.criterion as usize),
                    text(&i.code),
                    styled(&i.wording, Style::Wrap),
                    i.figure.map_or_else(empty, dec),
                    text(&i.unit),
                    text(&i.direction),
                    i.threshold.map_or_else(empty, dec),
                    text(&i.source),
                    text(&i.provenance),
                    text(&i.by_figures),
                    text(&i.status_text),
                    styled(&i.explained, Style::Wrap),
                    text(&r.file),
                ]);
            }
        }
    }
    rows
}

/// The workbook: "Tóm tắt"; per section (the current one first) "Xã - tiêu chí" and "Xã - chỉ
/// tiêu"; "Bảng dài". With the province's list, the summary says who has sent.
pub fn xlsx(rollup: &Rollup, list: Option<&CommuneList>) -> Vec<u8> {
    let mut sheets = vec![summary(rollup, list)];
    let sections: Vec<(&Section, &Group)> = rollup
        .sections
        .iter()
        .filter_map(|s| Some((s, rollup.groups.get(s.group)?)))
        .collect();
    for (k, (s, g)) in sections.iter().enumerate() {
        let rows = s.rows(g);
        sheets.push(criteria_sheet(numbered("Xã - tiêu chí", k), g, &rows));
        sheets.push(indicators_sheet(numbered("Xã - chỉ tiêu", k), g, &rows));
    }
    let long = long_rows(&rollup.groups);
    let last = long.len() - 1;
    let widths = fit_widths(&long, 0)
        .into_iter()
        .map(|w| w.min(40.0))
        .collect();
    sheets.push(Sheet {
        name: "Bảng dài".into(),
        rows: long,
        widths,
        frozen: (1, 0),
        filter: Some((0, last)),
    });
    package(&sheets)
}

/// The long table (one row per commune × indicator) as CSV for a database: UTF-8 with a
/// byte-order mark, "," between fields, numbers in plain notation ("26.7"), text guarded
/// against formulas as in the workbook.
pub fn long_csv(rollup: &Rollup) -> String {
    let mut out = String::from("\u{feff}");
    for row in long_rows(&rollup.groups) {
        let fields: Vec<String> = row
            .into_iter()
            .map(|c| match c.val {
                Val::Text(t) => crate::core::set_table::csv_field(super::xlsx::guard(&t), ','),
                Val::Num(t) => t,
                Val::Empty => String::new(),
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
