//! The browser's clock.

/// ISO 8601 in UTC: "2026-11-30T04:17:00.000Z".
pub fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

/// Local "14:32" of an ISO time, for "Đã lưu lúc 14:32".
pub fn local_hhmm(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Local "30/11/2026 14:32" of an ISO time, for lists.
pub fn local_datetime(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Today's date, for a new report.
pub fn today() -> Option<crate::core::vn::Date> {
    let d = js_sys::Date::new_0();
    crate::core::vn::Date::new(
        d.get_full_year() as u16,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
}

/// A fresh id for a draft: time-based, with randomness for two drafts in one millisecond.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("d{t:x}{r:x}")
}
