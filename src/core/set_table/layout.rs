//! Text copied from a PDF (as a viewer or `pdftotext -layout` gives it): no separator, cells
//! apart by runs of spaces, a cell's text wrapped onto the lines below, the header repeated
//! after each page break, a page number between pages.
//!
//! Columns are found by position: cells are left-aligned, so the places where many lines'
//! pieces start are where the columns start; every word goes to the column it starts in (even
//! one space away from the column before, as narrow columns come). A line whose first column is empty and that does not start an
//! indicator ("1.2. …") continues the row above, cell by cell. A row is thus read whole, or
//! refused whole by `read` with its reason, never half.

use super::codes::squash;
use super::codes::{is_roman, split_code};
use super::grid::{Grid, GridRow};

/// A piece of a line, with its place in characters.
struct Seg {
    start: usize,
    text: String,
}

/// The pieces of a line apart by runs of two or more spaces (`words`: by any space).
fn segments(line: &str, words: bool) -> Vec<Seg> {
    let mut out = Vec::new();
    let (mut text, mut start, mut spaces) = (String::new(), 0, 0);
    let apart = if words { 1 } else { 2 };
    for (i, c) in line.chars().enumerate() {
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            spaces += 1;
            continue;
        }
        if spaces >= apart && !text.is_empty() {
            out.push(Seg {
                start,
                text: std::mem::take(&mut text),
            });
        } else if spaces > 0 && !text.is_empty() {
            text.push(' ');
        }
        if text.is_empty() {
            start = i;
        }
        spaces = 0;
        text.push(c);
    }
    if !text.is_empty() {
        out.push(Seg { start, text });
    }
    out
}

/// A line of the text: its number (from 1), whether a page starts with it, its pieces (apart
/// by two spaces or more) and its words.
struct Line {
    number: usize,
    page_start: bool,
    segs: Vec<Seg>,
    words: Vec<Seg>,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut page_start = false;
    for (i, raw) in text.split('\n').enumerate() {
        page_start |= raw.contains('\u{c}');
        let raw = raw.replace(['\u{c}', '\r'], "");
        let segs = segments(&raw, false);
        if segs.is_empty() {
            continue;
        }
        out.push(Line {
            number: i + 1,
            page_start,
            words: segments(&raw, true),
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

/// Whether a piece starts an indicator: "1.2. Có …", "1.2 Có …", "1.2"; not a wrapped line
/// of a wording that mentions a code ("1.2 (dữ liệu …").
fn starts_indicator(text: &str) -> bool {
    split_code(text).is_some_and(|(code, rest)| {
        let dotted = text.trim_start().starts_with(&format!("{code}."));
        code.contains('.')
            && (dotted
                || rest.is_empty()
                || rest.starts_with(|c: char| crate::core::vn::lower(c) != c))
    })
}

/// Where the columns start: the places where pieces start on many lines of the table (cells
/// are left-aligned in their columns; a page may shift them by a character).
fn column_starts(lines: &[Line]) -> Vec<usize> {
    // A map keeps the places in order without a sort (each sort is its own code in the WASM).
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for s in lines.iter().flat_map(|l| &l.segs) {
        *counts.entry(s.start).or_default() += 1;
    }
    let mut clusters: Vec<(usize, usize, usize)> = Vec::new();
    for (p, c) in counts {
        match clusters.last_mut() {
            Some((_, last, n)) if p <= *last + 1 => {
                *last = p;
                *n += c;
            }
            _ => clusters.push((p, p, c)),
        }
    }
    // A short paste is all table; in a long one, a column is where a twelfth of lines start.
    let least = if lines.len() < 12 {
        1
    } else {
        (lines.len() / 12).max(3)
    };
    clusters
        .into_iter()
        .filter(|(_, _, n)| *n >= least)
        .map(|(first, _, _)| first)
        .collect()
}

/// A line's text in its columns: a piece (apart by two spaces) in the column it starts in, a
/// few characters of slack allowed (a PDF places text to a character or two); a word of it
/// that starts where the next column does, one space away, in the next column, unless the
/// piece ends the line and starts right of the wording: then it is a cell merged over the
/// columns to the end ("Theo quy định của UBND tỉnh" over the groups), and its column is
/// returned with the cells.
fn place(line: &Line, starts: &[usize], wording: usize) -> (Vec<String>, Option<usize>) {
    let column_at = |at: usize| {
        starts
            .iter()
            .filter(|s| **s <= at)
            .count()
            .saturating_sub(1)
    };
    let mut cells = vec![String::new(); starts.len()];
    let (mut column, mut piece, mut merged) = (0, None, None);
    for w in &line.words {
        let seg = line.segs.iter().rposition(|s| s.start <= w.start);
        if seg != piece {
            piece = seg;
            column = column_at(w.start + 3);
        }
        let crosses = starts
            .get(column + 1)
            .is_some_and(|next| w.start + 1 >= *next);
        let last = seg.is_some_and(|k| k + 1 == line.segs.len());
        if crosses && last && column > wording && merged.is_none() {
            merged = Some(column);
        }
        while merged.is_none()
            && starts
                .get(column + 1)
                .is_some_and(|next| w.start + 1 >= *next)
        {
            column += 1;
        }
        push_word(&mut cells[column], &w.text);
    }
    (cells, merged)
}

fn push_word(cell: &mut String, word: &str) {
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(word);
}

/// The column of the wording: the one holding the most text.
fn wording_column(lines: &[Line], starts: &[usize]) -> usize {
    let mut sizes = vec![0usize; starts.len()];
    for line in lines {
        for (k, cell) in place(line, starts, starts.len()).0.iter().enumerate() {
            sizes[k] += cell.chars().count();
        }
    }
    (0..sizes.len()).max_by_key(|&k| sizes[k]).unwrap_or(0)
}

/// The grid of text copied from a PDF.
pub fn grid(text: &str) -> Grid {
    let lines = lines(text);
    let first = lines
        .iter()
        .position(|l| l.segs.len() >= 2 && starts_code(&l.segs[0].text))
        .unwrap_or(lines.len());
    let starts = column_starts(&lines[first..]);
    if starts.len() < 2 {
        let rows = lines
            .iter()
            .map(|l| GridRow::of(l.number, l.segs.iter().map(|s| s.text.clone()).collect()));
        return rows.collect();
    }
    let wording = wording_column(&lines[first..], &starts);
    rows(&lines, &starts, wording)
}

/// A row being read: its first line, its columns' text, where a merged cell starts.
struct Building {
    line: usize,
    cells: Vec<String>,
    merged: Option<usize>,
}

impl Building {
    /// A line below the row's first continues its cells ("đồng/người/" and "năm" are one
    /// unit broken at its slash); text under a merged cell joins it.
    fn continue_with(&mut self, cells: Vec<String>) {
        for (k, more) in cells.into_iter().enumerate() {
            let k = self.merged.map_or(k, |m| k.min(m));
            let cell = &mut self.cells[k];
            if more.is_empty() {
                continue;
            }
            let glue = match cell.as_str() {
                "" => "",
                t if t.ends_with('/') => "",
                _ if self.merged == Some(k) => " ",
                _ => "\n",
            };
            *cell = format!("{cell}{glue}{more}");
        }
    }

    fn row(self) -> GridRow {
        let Some(m) = self.merged else {
            return GridRow::of(self.line, self.cells);
        };
        let span = self.cells.len() - m;
        let mut row = GridRow::of(self.line, self.cells);
        let rest: Vec<String> = row.cells.drain(m..).map(|c| c.text).collect();
        let text = squash(&rest.join(" "));
        row.cells.push(super::grid::GridCell { text, span });
        row
    }
}

fn rows(lines: &[Line], starts: &[usize], wording: usize) -> Grid {
    let mut out: Vec<Building> = Vec::new();
    // The lines above the table (title, header), to know the header again after a page break.
    let mut top: Vec<String> = Vec::new();
    let mut last_data: Option<usize> = None;
    for line in lines {
        let (cells, merged) = place(line, starts, wording);
        let text = squash(&cells.join(" "));
        let new = Building {
            line: line.number,
            cells,
            merged: None,
        };
        let cells = &new.cells;
        let starts = !cells[0].is_empty() || cells.iter().take(3).any(|c| starts_indicator(c));
        let above = last_data.is_none()
            && !starts_code(&cells[0])
            && !cells.iter().any(|c| starts_indicator(c));
        if above || top.contains(&text) {
            if above {
                top.push(text);
            }
            out.push(new);
            continue;
        }
        match last_data.filter(|_| !starts) {
            Some(k) => {
                out[k].merged = out[k].merged.or(merged);
                out[k].continue_with(new.cells);
            }
            None => {
                out.push(Building { merged, ..new });
                last_data = Some(out.len() - 1);
            }
        }
    }
    out.into_iter().map(Building::row).collect()
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
