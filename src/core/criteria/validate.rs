//! The meaning of a set file, checked: every problem with its place, in Vietnamese
//! ("tiêu chí 17, chỉ tiêu 17.8: ngưỡng không hợp lệ"), all of them rather than the first.

use super::{CriteriaSet, Criterion, Indicator, Kind, SetError, Threshold, FORMAT};
use crate::core::num::Dec;
use crate::core::vecmap::VecSet;
use crate::core::vn::Date;

/// Collects errors, each with its place.
struct Errors(Vec<SetError>);

impl Errors {
    fn add(&mut self, place: &str, message: &str) {
        self.0.push(SetError {
            place: place.to_string(),
            message: message.to_string(),
        });
    }
}

const FILE: &str = "tệp";

fn is_id(s: &str) -> bool {
    !s.trim().is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl CriteriaSet {
    /// Every semantic problem of the set, each with its place.
    pub fn validate(&self) -> Vec<SetError> {
        let mut e = Errors(Vec::new());
        self.check_file(&mut e);
        let columns = self.check_columns(&mut e);
        // Inserted one by one: `collect` would sort first, and the standard library's stable
        // sort would be compiled in for this alone (see BENCHMARKS.md).
        let mut groups = VecSet::new();
        for g in &self.groups {
            groups.insert(g.id.as_str());
        }
        if self.criteria.is_empty() {
            e.add(FILE, "bộ tiêu chí không có tiêu chí nào");
        }
        let mut numbers = VecSet::new();
        let mut codes = VecSet::new();
        for c in &self.criteria {
            let place = format!("tiêu chí {}", c.number);
            if c.number == 0 || !numbers.insert(c.number) {
                e.add(&place, "số tiêu chí trùng hoặc bằng 0");
            }
            check_criterion(c, &groups, &place, &mut e);
            for i in &c.indicators {
                let place = format!("{place}, chỉ tiêu {}", i.code);
                if !codes.insert(i.code.as_str()) {
                    e.add(&place, "mã chỉ tiêu bị trùng");
                }
                check_indicator(c.number, i, &place, &mut e);
                self.check_thresholds(i, &columns, &place, &mut e);
            }
        }
        e.0
    }

    /// What the file says about itself: format, id, names, period, legal basis, programme.
    fn check_file(&self, e: &mut Errors) {
        if self.format > FORMAT {
            let m = format!(
                "{} (định dạng {}); hãy tải lại trang để cập nhật ứng dụng rồi mở lại",
                super::NEWER_FILE,
                self.format
            );
            e.add(FILE, &m);
        } else if self.format != FORMAT {
            let m = format!(
                "phiên bản định dạng {} không được hỗ trợ (cần {})",
                self.format, FORMAT
            );
            e.add(FILE, &m);
        }
        if !is_id(&self.id) {
            e.add(
                FILE,
                "mã bộ tiêu chí (id) phải gồm chữ không dấu, số, '-' hoặc '_'",
            );
        }
        if self.version.trim().is_empty() {
            e.add(FILE, "thiếu phiên bản (version)");
        }
        if self.name.trim().is_empty() {
            e.add(FILE, "thiếu tên bộ tiêu chí");
        }
        if self.period.from > self.period.to || self.period.from < 2000 {
            e.add(FILE, "giai đoạn không hợp lệ");
        }
        if self.legal_basis.number.trim().is_empty() {
            e.add(FILE, "thiếu số văn bản căn cứ");
        }
        if Date::parse_iso(&self.legal_basis.date).is_none() {
            e.add(
                FILE,
                "ngày ban hành văn bản căn cứ không hợp lệ (dạng 2022-03-08)",
            );
        }
        if !self.regions.is_empty() || self.disadvantaged_region.is_some() {
            e.add(
                FILE,
                "tệp định dạng 2 ghi cột ngưỡng ở \"columns\", không dùng \"regions\"",
            );
        }
        if self.programme.trim().is_empty() {
            e.add(FILE, "thiếu tên chương trình (programme)");
        }
    }

    /// The threshold columns and the column rule; returns the column ids.
    fn check_columns(&self, e: &mut Errors) -> VecSet<&str> {
        if !self.columns.items.is_empty() && self.columns.label.trim().is_empty() {
            e.add(
                FILE,
                "thiếu tên loại cột ngưỡng (VD: Nhóm xã, Vùng kinh tế)",
            );
        }
        let mut ids = VecSet::new();
        for c in &self.columns.items {
            let place = format!("cột \"{}\"", c.id);
            if c.id.trim().is_empty() || !ids.insert(c.id.as_str()) {
                e.add(&place, "mã cột ngưỡng trống hoặc trùng");
            }
            if c.name.trim().is_empty() {
                e.add(&place, "thiếu tên cột ngưỡng");
            }
        }
        if let Some(rule) = &self.column_rule {
            if !ids.contains(rule.column.as_str()) {
                let m = format!(
                    "cột \"{}\" của quy định riêng không có trong danh sách cột",
                    rule.column
                );
                e.add(FILE, &m);
            }
            if rule.label.trim().is_empty() {
                e.add(FILE, "quy định riêng về cột ngưỡng thiếu đối tượng áp dụng");
            }
        }
        ids
    }

    fn check_thresholds(&self, i: &Indicator, columns: &VecSet<&str>, place: &str, e: &mut Errors) {
        let mut seen = VecSet::new();
        for t in &i.thresholds {
            check_threshold_value(i, t, place, e);
            if let Some(col) = &t.column {
                if !columns.contains(col.as_str()) {
                    let m = format!("ngưỡng cho cột \"{col}\" không có trong danh sách cột");
                    e.add(place, &m);
                }
            }
            if let Some(y) = t.year.filter(|y| !self.covers(*y)) {
                let m = format!("ngưỡng năm {y} nằm ngoài giai đoạn của bộ tiêu chí");
                e.add(place, &m);
            }
            if !seen.insert((t.column.clone(), t.year)) {
                e.add(place, "hai ngưỡng cho cùng một cột và năm");
            }
        }
        let known = |col: &Option<String>, what: &str, e: &mut Errors| match col {
            Some(c) if !columns.contains(c.as_str()) => e.add(
                place,
                &format!("{what} cho cột \"{c}\" không có trong danh sách cột"),
            ),
            _ => {}
        };
        let mut open = VecSet::new();
        for o in &i.open_thresholds {
            known(&o.column, "ngưỡng để ngỏ", e);
            if o.note.trim().is_empty() {
                e.add(
                    place,
                    "ngưỡng để ngỏ cần ghi lời của văn bản (VD: Theo quy định của UBND tỉnh)",
                );
            }
            if seen.contains(&(o.column.clone(), None)) || !open.insert(o.column.clone()) {
                e.add(
                    place,
                    "một cột vừa có ngưỡng vừa để ngỏ, hoặc để ngỏ hai lần",
                );
            }
        }
        let mut not_applicable = VecSet::new();
        for c in &i.not_applicable_in {
            known(&Some(c.clone()), "\"không áp dụng\"", e);
            let has_threshold = i
                .thresholds
                .iter()
                .any(|t| t.column.as_deref() == Some(c.as_str()));
            if has_threshold || !not_applicable.insert(c.as_str()) {
                e.add(
                    place,
                    &format!("cột \"{c}\" vừa có ngưỡng vừa \"không áp dụng\", hoặc ghi hai lần"),
                );
            }
        }
    }
}

fn check_criterion(c: &Criterion, groups: &VecSet<&str>, place: &str, e: &mut Errors) {
    if c.name.trim().is_empty() {
        e.add(place, "thiếu tên tiêu chí");
    }
    let group_ok = if groups.is_empty() {
        c.group.is_empty()
    } else {
        groups.contains(c.group.as_str())
    };
    if !group_ok {
        let m = format!("nhóm \"{}\" không có trong danh sách nhóm", c.group);
        e.add(place, &m);
    }
}

fn check_indicator(criterion: u8, i: &Indicator, place: &str, e: &mut Errors) {
    let own = criterion.to_string();
    let prefix = format!("{criterion}.");
    let code_ok = i.code == own
        || i.code
            .strip_prefix(&prefix)
            .is_some_and(|r| !r.is_empty() && r.chars().all(|ch| ch.is_ascii_digit()));
    if !code_ok {
        e.add(place, &format!("mã chỉ tiêu phải là {own} hoặc {prefix}n"));
    }
    if i.wording.trim().is_empty() || i.short.trim().is_empty() {
        e.add(place, "thiếu nội dung hoặc tên ngắn của chỉ tiêu");
    }
    match (&i.kind, i.direction) {
        (Kind::YesNo, Some(_)) => e.add(place, "chỉ tiêu đạt/không đạt không có chiều so sánh"),
        (Kind::YesNo, None) if !i.thresholds.is_empty() => {
            e.add(place, "chỉ tiêu đạt/không đạt không có ngưỡng số")
        }
        (k, None) if k.is_numeric() => e.add(place, "thiếu chiều so sánh (at_least hoặc at_most)"),
        _ => {}
    }
    if let Kind::Percent {
        numerator,
        denominator,
        ..
    } = &i.kind
    {
        if numerator.trim().is_empty() || denominator.trim().is_empty() {
            e.add(place, "thiếu tên tử số hoặc mẫu số");
        }
    }
}

fn check_threshold_value(i: &Indicator, t: &Threshold, place: &str, e: &mut Errors) {
    let over_100 = matches!(i.kind, Kind::Percent { .. }) && t.value > Dec::HUNDRED;
    if t.value.is_negative() || over_100 {
        e.add(place, "ngưỡng không hợp lệ");
    }
    if t.source.trim().is_empty() {
        e.add(place, "ngưỡng thiếu nguồn (văn bản quy định)");
    }
}
