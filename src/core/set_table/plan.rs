//! What applying a read table does to a set, decided once for the preview and for applying:
//! each code of the table updates the indicator with that code or creates it in the
//! criterion its number names; indicators not in the table stay as they are. Every refusal
//! is on its row; a change to an existing indicator's kind, unit, direction or applicability,
//! or a threshold it loses, is listed and must be confirmed. An indicator's row whose cells
//! are all empty (or "x") leaves its thresholds as they are.

use super::cells::Cell;
pub use super::changes::Change;
use super::changes::{changes, column_name};
use super::grid::{Row, Table};
use super::infer::{self, evidence};
use crate::core::criteria::{CriteriaSet, Direction, Indicator, Kind, OpenThreshold, Threshold};

/// What the user adds to a table: the source of rows without one, what each share counts
/// (by code), and whether the listed changes to existing indicators are confirmed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub default_source: String,
    pub units: Vec<(String, String)>,
    pub confirmed: bool,
}

/// One indicator of the table as it will be.
#[derive(Clone, Debug, PartialEq)]
pub struct RowPlan {
    pub line: usize,
    pub code: String,
    pub criterion: u8,
    pub new: bool,
    pub kind: Kind,
    pub direction: Option<Direction>,
    /// "để tỉnh quy định: Xã nhóm 1 (Theo quy định của UBND tỉnh)", "không áp dụng: Xã nhóm 3".
    pub notes: Vec<String>,
    /// A share that no cell, column or wording says what it counts: asked on its row.
    pub needs_unit: bool,
    /// Thresholds the decision leaves open.
    pub open: usize,
    /// Why applying would refuse this row, in Vietnamese.
    pub problem: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plan {
    pub rows: Vec<RowPlan>,
    pub changes: Vec<Change>,
    /// What refuses the table as a whole (rows not read).
    pub errors: Vec<String>,
    /// The set with the table applied, when nothing refuses it.
    pub result: Option<CriteriaSet>,
}

impl Plan {
    pub fn to_confirm(&self) -> usize {
        self.changes.iter().filter(|c| c.confirm).count()
    }

    /// Whether applying would be accepted.
    pub fn ready(&self, confirmed: bool) -> bool {
        self.result.is_some() && (confirmed || self.to_confirm() == 0)
    }

    /// Every refusal, each with its row.
    pub fn messages(&self) -> Vec<String> {
        let rows = self.rows.iter().filter_map(|r| {
            r.problem
                .as_ref()
                .map(|p| format!("dòng {}: chỉ tiêu {}: {p}", r.line, r.code))
        });
        self.errors.iter().cloned().chain(rows).collect()
    }
}

/// Decides what applying `table` to `set` does.
pub fn plan(set: &CriteriaSet, table: &Table, opts: &Options) -> Plan {
    let mut out = Plan {
        errors: table.errors.iter().map(|e| e.message.clone()).collect(),
        ..Plan::default()
    };
    let mut next = set.clone();
    let mut codes: Vec<&str> = Vec::new();
    for row in &table.rows {
        if codes.contains(&row.code.as_str()) {
            continue;
        }
        codes.push(&row.code);
        let rows: Vec<&Row> = table.rows.iter().filter(|r| r.code == row.code).collect();
        out.rows.push(plan_code(&mut next, &rows, opts));
    }
    let before: Vec<String> = set.validate().iter().map(|e| e.to_string()).collect();
    for e in next.validate() {
        if before.contains(&e.to_string()) {
            continue;
        }
        let code = e.place.rsplit("chỉ tiêu ").next().unwrap_or("");
        match out.rows.iter_mut().find(|r| r.code == code) {
            Some(r) if r.problem.is_none() => r.problem = Some(e.message.clone()),
            Some(_) => {}
            None => out.errors.push(e.to_string()),
        }
    }
    for r in &out.rows {
        if let (Some((_, old)), Some((_, new))) = (set.indicator(&r.code), next.indicator(&r.code))
        {
            out.changes.extend(changes(set, old, &next, new));
        }
    }
    let fine = out.errors.is_empty() && out.rows.iter().all(|r| r.problem.is_none());
    if fine && !out.rows.is_empty() {
        out.result = Some(next);
    }
    out
}

/// The set with the table applied, or every refusal with its row. Changes that need a
/// confirmation are refused unless `opts.confirmed`.
pub fn apply(set: &CriteriaSet, table: &Table, opts: &Options) -> Result<CriteriaSet, Vec<String>> {
    let p = plan(set, table, opts);
    match p.result {
        Some(next) if p.ready(opts.confirmed) => Ok(next),
        Some(_) => Err(vec![format!(
            "Cần xác nhận {} thay đổi ở chỉ tiêu đã có trước khi áp dụng.",
            p.to_confirm()
        )]),
        None => Err(p.messages()),
    }
}

fn plan_code(next: &mut CriteriaSet, rows: &[&Row], opts: &Options) -> RowPlan {
    let code = rows[0].code.clone();
    let criterion = code
        .split('.')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let old = next.indicator(&code).map(|(_, i)| i.clone());
    let mut plan = RowPlan {
        line: rows[0].line,
        code: code.clone(),
        criterion,
        new: old.is_none(),
        kind: Kind::YesNo,
        direction: None,
        notes: Vec::new(),
        needs_unit: false,
        open: 0,
        problem: None,
    };
    let ev = match evidence(rows) {
        Ok(ev) => ev,
        Err(e) => {
            plan.problem = Some(e);
            return plan;
        }
    };
    let wording = rows
        .iter()
        .map(|r| r.wording.trim())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let mut ind = match &old {
        Some(i) => i.clone(),
        None if wording.is_empty() => {
            plan.problem = Some("chỉ tiêu mới cần nội dung: ghi nội dung ở cột “Nội dung”".into());
            return plan;
        }
        None => new_indicator(&code, wording),
    };
    if !wording.is_empty() {
        ind.wording = wording.to_string();
    }
    decide_kind(&mut ind, old.as_ref(), &ev, rows, opts, &mut plan);
    if ev.touches || old.is_none() {
        fill_thresholds(&mut ind, rows, &opts.default_source);
    } else if old
        .as_ref()
        .is_some_and(|o| !o.thresholds.is_empty() || !o.open_thresholds.is_empty())
    {
        plan.notes
            .push("ô ngưỡng để trống: giữ ngưỡng đang có".into());
    }
    describe(next, &ind, &mut plan);
    plan.kind = ind.kind.clone();
    plan.direction = ind.direction;
    let slot = next
        .criteria
        .iter_mut()
        .flat_map(|c| c.indicators.iter_mut())
        .find(|i| i.code == code);
    match slot {
        Some(i) => *i = ind,
        None => match next.criteria.iter_mut().find(|c| c.number == criterion) {
            Some(c) => c.indicators.push(ind),
            None => plan.problem = Some(format!("bộ tiêu chí không có tiêu chí {criterion}")),
        },
    }
    plan
}

fn new_indicator(code: &str, wording: &str) -> Indicator {
    Indicator {
        code: code.to_string(),
        wording: wording.to_string(),
        short: infer::short_of(wording),
        kind: Kind::YesNo,
        direction: None,
        thresholds: Vec::new(),
        may_be_not_applicable: false,
        guidance: String::new(),
        open_thresholds: Vec::new(),
        not_applicable_in: Vec::new(),
    }
}

/// Kind and direction: "Đạt" makes a judged indicator, figures a numeric one in their unit;
/// without either, an indicator keeps its kind unless a unit column or header says otherwise,
/// and a new one is numeric only if its unit or wording says so.
fn decide_kind(
    ind: &mut Indicator,
    old: Option<&Indicator>,
    ev: &infer::Evidence,
    rows: &[&Row],
    opts: &Options,
    plan: &mut RowPlan,
) {
    let guessed = ev.guessed_unit.clone().filter(|_| old.is_none());
    let unit = match ev.unit.clone().or(ev.wording_unit.clone()).or(guessed) {
        _ if ev.met => None,
        None if ev.numbers => Some(String::new()),
        unit => unit,
    };
    let keep = old.is_some_and(|o| match &unit {
        None => !ev.met || o.kind == Kind::YesNo,
        Some(u) => {
            o.kind.is_numeric()
                && (o.kind.unit() == u || (u.is_empty() && !matches!(o.kind, Kind::Percent { .. })))
        }
    });
    if keep {
        return;
    }
    let Some(unit) = unit else {
        ind.kind = Kind::YesNo;
        ind.direction = None;
        return;
    };
    let typed = opts
        .units
        .iter()
        .find(|(c, _)| *c == ind.code)
        .map(|(_, u)| u.trim().to_string());
    let counted = typed
        .filter(|u| !u.is_empty())
        .or(ev.counted.clone())
        .or_else(|| match old.map(|o| &o.kind) {
            Some(Kind::Percent { unit, .. }) => Some(unit.clone()),
            _ => None,
        })
        .or_else(|| infer::counted_from_wording(&ind.wording))
        .unwrap_or_default();
    ind.kind = infer::numeric(&unit, old.map(|o| &o.kind), &counted);
    if unit == "%" && counted.is_empty() {
        plan.needs_unit = true;
        plan.problem = Some("chỉ tiêu tỷ lệ: ghi đơn vị đếm (hộ, người, km…) ở ô “Đơn vị đếm” của dòng này hoặc ở cột “Đơn vị” (VD: “% (hộ)”)".into());
    }
    let wording = rows
        .iter()
        .map(|r| r.wording.as_str())
        .find(|w| !w.is_empty())
        .unwrap_or(&ind.wording);
    ind.direction = ev
        .direction
        .or(old.and_then(|o| o.direction))
        .or(Some(infer::direction_from_wording(wording)));
}

/// Thresholds, open thresholds and columns not applicable, as the rows give them.
fn fill_thresholds(ind: &mut Indicator, rows: &[&Row], default_source: &str) {
    ind.thresholds.clear();
    ind.open_thresholds.clear();
    ind.not_applicable_in.clear();
    if let Some(d) = rows
        .iter()
        .flat_map(|r| &r.cells)
        .find_map(|(_, c)| match c {
            Cell::Number { direction, .. } => *direction,
            _ => None,
        })
    {
        ind.direction = Some(d);
    }
    for row in rows {
        let source = match row.source.trim() {
            "" => default_source.trim(),
            s => s,
        };
        for (column, c) in &row.cells {
            match c {
                Cell::Number { value, .. } if ind.kind.is_numeric() => {
                    ind.thresholds.push(Threshold {
                        column: column.clone(),
                        year: row.year,
                        value: *value,
                        source: source.to_string(),
                    })
                }
                Cell::Open(note) if !ind.open_thresholds.iter().any(|o| o.column == *column) => {
                    ind.open_thresholds.push(OpenThreshold {
                        column: column.clone(),
                        note: note.clone(),
                        source: source.to_string(),
                    })
                }
                Cell::NotApplicable => {
                    if let Some(c) = column
                        .clone()
                        .filter(|c| !ind.not_applicable_in.contains(c))
                    {
                        ind.not_applicable_in.push(c);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The row's notes: what the decision leaves open, where the indicator does not apply.
fn describe(set: &CriteriaSet, ind: &Indicator, plan: &mut RowPlan) {
    plan.open = ind.open_thresholds.len();
    for o in &ind.open_thresholds {
        plan.notes.push(format!(
            "để ngỏ ({}): {}",
            column_name(set, &o.column),
            o.note
        ));
    }
    if !ind.not_applicable_in.is_empty() {
        let names: Vec<String> = ind
            .not_applicable_in
            .iter()
            .map(|c| column_name(set, &Some(c.clone())))
            .collect();
        plan.notes
            .push(format!("không áp dụng: {}", names.join(", ")));
    }
    if ind.kind.is_numeric() && ind.thresholds.is_empty() && ind.open_thresholds.is_empty() {
        plan.notes.push("chưa có ngưỡng".into());
    }
}
