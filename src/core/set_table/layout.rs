//! Text copied from a PDF (as a viewer or `pdftotext -layout` gives it): no separator, cells
//! apart by runs of spaces, a cell's text wrapped onto the lines below, the header repeated
//! after each page break, a page number between pages.
//!
//! Columns are found by position: the lines that start a row of the table and fill all of
//! them ("anchors") give each column's place; every piece of text on any line goes to the
//! column its middle falls in. A line whose first column is empty and that does not start an
//! indicator ("1.2. …") continues the row above, cell by cell. A row is thus read whole, or
//! refused whole by `read` with its reason, never half.

use super::read::{is_roman, split_code};
use super::{squash, Grid, GridRow};

/// A piece of a line between runs of two or more spaces, with its place in characters.
struct Seg {
    start: usize,
    end: usize,
    text: String,
}

fn segments(line: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let (mut text, mut start, mut spaces) = (String::new(), 0, 0);
    for (i, c) in line.chars().enumerate() {
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            spaces += 1;
            continue;
        }
        if spaces >= 2 && !text.is_empty() {
            let end = i - spaces;
            out.push(Seg {
                start,
                end,
                text: std::mem::take(&mut text),
            });
        } else if spaces == 1 && !text.is_empty() {
            text.push(' ');
        }
        if text.is_empty() {
            start = i;
        }
        spaces = 0;
        text.push(c);
    }
    if !text.is_empty() {
        let end = start + text.chars().count();
        out.push(Seg { start, end, text });
    }
    out
}

/// A line of the text: its number (from 1), whether a page starts with it, its pieces.
struct Line {
    number: usize,
    page_start: bool,
    segs: Vec<Seg>,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut page_start = false;
    for (i, raw) in text.split('\n').enumerate() {
        page_start |= raw.contains('\u{c}');
        let segs = segments(&raw.replace(['\u{c}', '\r'], ""));
        if segs.is_empty() {
            continue;
        }
        out.push(Line {
            number: i + 1,
            page_start,
            segs,
        });
        page_start = false;
    }
    // A page number: a lone figure just before or just after a page break.
    let lone = |l: &Line| {
        l.segs.len() == 1
            && l.segs[0].text.len() <= 3
            && l.segs[0].text.chars().all(|c| c.is_ascii_digit())
    };
    let breaks: Vec<bool> = (0..out.len())
        .map(|k| out[k].page_start || out.get(k + 1).is_none_or(|n| n.page_start))
        .collect();
    let mut k = 0;
    out.retain(|l| {
        k += 1;
        !(lone(l) && breaks[k - 1])
    });
    out
}

fn starts_code(text: &str) -> bool {
    split_code(text).is_some() || is_roman(text)
}

/// Whether a piece starts an indicator ("1.2. Có …", "1.2").
fn starts_indicator(text: &str) -> bool {
    split_code(text).is_some_and(|(code, _)| code.contains('.'))
}

/// The boundaries between columns, from the anchors (lines with all `k` pieces).
fn boundaries(anchors: &[&Line], k: usize) -> Vec<usize> {
    (0..k - 1)
        .map(|i| {
            let end = anchors.iter().map(|l| l.segs[i].end).max().unwrap_or(0);
            let next = anchors
                .iter()
                .map(|l| l.segs[i + 1].start)
                .min()
                .unwrap_or(0);
            if end <= next {
                (end + next) / 2
            } else {
                let n = anchors.len().max(1);
                let ends: usize = anchors.iter().map(|l| l.segs[i].end).sum();
                let starts: usize = anchors.iter().map(|l| l.segs[i + 1].start).sum();
                (ends / n + starts / n) / 2
            }
        })
        .collect()
}

/// A line's pieces in their columns (pieces of one column joined by a space).
fn place(line: &Line, bounds: &[usize]) -> Vec<String> {
    let mut cells = vec![String::new(); bounds.len() + 1];
    for s in &line.segs {
        let middle = (s.start + s.end) / 2;
        let column = bounds.iter().filter(|b| **b < middle).count();
        let cell = &mut cells[column];
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(&s.text);
    }
    cells
}

/// The grid of text copied from a PDF.
pub fn grid(text: &str) -> Grid {
    let lines = lines(text);
    let code_lines: Vec<&Line> = lines
        .iter()
        .filter(|l| l.segs.len() >= 2 && starts_code(&l.segs[0].text))
        .collect();
    // The most frequent number of pieces of a row's first line: the table's columns.
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for l in &code_lines {
        match counts.iter_mut().find(|(n, _)| *n == l.segs.len()) {
            Some((_, c)) => *c += 1,
            None => counts.push((l.segs.len(), 1)),
        }
    }
    let Some(&(k, _)) = counts.iter().max_by_key(|(n, c)| (*c, *n)) else {
        let rows = lines
            .iter()
            .map(|l| GridRow::of(l.number, l.segs.iter().map(|s| s.text.clone()).collect()));
        return rows.collect();
    };
    let anchors: Vec<&Line> = code_lines
        .into_iter()
        .filter(|l| l.segs.len() == k)
        .collect();
    let bounds = boundaries(&anchors, k);
    rows(&lines, &bounds)
}

fn rows(lines: &[Line], bounds: &[usize]) -> Grid {
    let mut out: Grid = Vec::new();
    // The lines above the table (title, header), to know the header again after a page break.
    let mut top: Vec<String> = Vec::new();
    let mut last_data: Option<usize> = None;
    for line in lines {
        let cells = place(line, bounds);
        let text = squash(&cells.join(" "));
        let starts = !cells[0].is_empty() || cells.iter().take(3).any(|c| starts_indicator(c));
        if last_data.is_none()
            && !starts_code(&cells[0])
            && !cells.iter().any(|c| starts_indicator(c))
        {
            top.push(text);
            out.push(GridRow::of(line.number, cells));
            continue;
        }
        if top.contains(&text) {
            out.push(GridRow::of(line.number, cells));
            continue;
        }
        match last_data.filter(|_| !starts) {
            Some(k) => {
                for (cell, more) in out[k].cells.iter_mut().zip(cells) {
                    if !more.is_empty() {
                        cell.text = match cell.text.is_empty() {
                            true => more,
                            false => format!("{}\n{more}", cell.text),
                        };
                    }
                }
            }
            None => {
                out.push(GridRow::of(line.number, cells));
                last_data = Some(out.len() - 1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid) -> Vec<Vec<String>> {
        g.iter()
            .map(|r| r.cells.iter().map(|c| squash(&c.text)).collect())
            .collect()
    }

    #[test]
    fn wrapped_cells_join_their_row_and_page_breaks_leave_nothing_behind() {
        let text = "\
TT    Nội dung                       Nhóm 1        Nhóm 2
1.1   Tỷ lệ hộ thử nghiệm            ≥ 90%         ≥ 80%
      có nước sạch
1.2   Có quy hoạch thử nghiệm        Đạt           Đạt
1.3   Chỉ tiêu thử nghiệm            Theo quy      Theo quy
                                     định của      định của
                                     UBND tỉnh     UBND tỉnh
                         2
\u{c}TT    Nội dung                       Nhóm 1        Nhóm 2
      bổ sung ở trang sau
1.4   Tỷ lệ thử nghiệm               ≥ 70%         -
";
        let g = grid(text);
        assert_eq!(
            texts(&g),
            [
                vec!["TT", "Nội dung", "Nhóm 1", "Nhóm 2"],
                vec!["1.1", "Tỷ lệ hộ thử nghiệm có nước sạch", "≥ 90%", "≥ 80%"],
                vec!["1.2", "Có quy hoạch thử nghiệm", "Đạt", "Đạt"],
                vec![
                    "1.3",
                    "Chỉ tiêu thử nghiệm bổ sung ở trang sau",
                    "Theo quy định của UBND tỉnh",
                    "Theo quy định của UBND tỉnh"
                ],
                vec!["TT", "Nội dung", "Nhóm 1", "Nhóm 2"],
                vec!["1.4", "Tỷ lệ thử nghiệm", "≥ 70%", "-"],
            ]
        );
        assert_eq!(g[3].line, 5);
    }

    #[test]
    fn an_indicator_in_the_wording_column_starts_a_row() {
        let text = "\
1   Quy hoạch   1.1. Có quy hoạch      Đạt    Đạt
                1.2. Có quy chế        Đạt    Đạt
                quản lý
";
        let g = grid(text);
        assert_eq!(
            texts(&g),
            [
                vec!["1", "Quy hoạch", "1.1. Có quy hoạch", "Đạt", "Đạt"],
                vec!["", "", "1.2. Có quy chế quản lý", "Đạt", "Đạt"],
            ]
        );
    }
}
