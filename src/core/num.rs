//! Exact decimal numbers for figures and thresholds. (About 440 lines: a third are its tests.)
//!
//! Figures and thresholds are decimals as people write them ("78,91", "124.75", "26.7"). Storing
//! them as fixed-point integers makes every comparison exact: 19/20 is exactly 95 %, which a
//! binary float cannot promise.

use crate::core::json::{plain_decimal, FromJson, JsonError, Reader, What};
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// Number of decimal places kept.
pub const PLACES: u32 = 6;
const SCALE: i128 = 1_000_000;
/// Largest magnitude accepted from a user or a file (a thousand billion).
const LIMIT: i128 = 1_000_000_000_000 * SCALE;

/// A decimal with six fractional digits, stored as an integer count of millionths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(i128);

/// Why a typed number was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    Empty,
    NotANumber,
    TooManyDecimals,
    TooLarge,
}

impl NumError {
    /// The message shown under an input.
    pub fn message_vi(&self) -> &'static str {
        match self {
            NumError::Empty => "Chưa nhập số liệu.",
            NumError::NotANumber => "Không phải là số. Ví dụ hợp lệ: 146 hoặc 78,91.",
            NumError::TooManyDecimals => "Quá nhiều chữ số thập phân (tối đa 6).",
            NumError::TooLarge => "Số quá lớn.",
        }
    }
}

impl Dec {
    pub const ZERO: Dec = Dec(0);
    pub const HUNDRED: Dec = Dec(100 * SCALE);

    pub fn from_int(v: i64) -> Dec {
        Dec(v as i128 * SCALE)
    }

    /// Millionths, for arithmetic in other modules of the core.
    pub fn raw(self) -> i128 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses a number as a Vietnamese official or an English-locale phone would type it.
    ///
    /// Decimal comma ("78,91") and decimal point ("78.91") are both accepted, with dots or
    /// spaces as thousands separators ("1.234,5", "1 234"). When the only separator is a single
    /// dot followed by exactly three digits ("1.234") it is read the Vietnamese way, as a
    /// thousands separator; the editor shows the value it understood next to the input.
    pub fn parse_vn(input: &str) -> Result<Dec, NumError> {
        let s: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        let s = s.strip_suffix('%').unwrap_or(&s).trim_end();
        if s.is_empty() {
            return Err(NumError::Empty);
        }
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        if body.is_empty()
            || !body
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(NumError::NotANumber);
        }
        let commas = body.matches(',').count();
        let dots = body.matches('.').count();
        let (int_part, frac_part): (String, &str) = if commas > 1 {
            return Err(NumError::NotANumber);
        } else if commas == 1 {
            // Comma is the decimal mark; dots may only group thousands.
            let (i, f) = body.split_once(',').unwrap_or((body, ""));
            if f.contains('.') || !valid_grouping(i, '.') {
                return Err(NumError::NotANumber);
            }
            (i.replace('.', ""), f)
        } else if dots == 0 {
            (body.to_string(), "")
        } else if dots == 1 {
            let (i, f) = body.split_once('.').unwrap_or((body, ""));
            if f.len() == 3 && !i.is_empty() && i != "0" {
                (format!("{i}{f}"), "")
            } else {
                (i.to_string(), f)
            }
        } else {
            if !valid_grouping(body, '.') {
                return Err(NumError::NotANumber);
            }
            (body.replace('.', ""), "")
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(NumError::NotANumber);
        }
        if frac_part.len() > PLACES as usize {
            return Err(NumError::TooManyDecimals);
        }
        let digits = int_part.trim_start_matches('0');
        if digits.len() > 13 {
            return Err(NumError::TooLarge);
        }
        let int_value: i128 = if digits.is_empty() {
            0
        } else {
            digits.parse().map_err(|_| NumError::NotANumber)?
        };
        let mut frac_value: i128 = 0;
        for (i, c) in frac_part.chars().enumerate() {
            let d = c.to_digit(10).ok_or(NumError::NotANumber)? as i128;
            frac_value += d * 10_i128.pow(PLACES - 1 - i as u32);
        }
        let raw = int_value * SCALE + frac_value;
        if raw > LIMIT {
            return Err(NumError::TooLarge);
        }
        Ok(Dec(if negative { -raw } else { raw }))
    }

    /// Parses the plain notation of data files and JSON ("26.7", "95").
    pub fn parse_plain(s: &str) -> Option<Dec> {
        let s = s.trim();
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (i, f) = body.split_once('.').unwrap_or((body, ""));
        if i.is_empty() && f.is_empty() {
            return None;
        }
        if !i.chars().all(|c| c.is_ascii_digit()) || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if f.len() > PLACES as usize || i.trim_start_matches('0').len() > 13 {
            return None;
        }
        let iv: i128 = if i.is_empty() { 0 } else { i.parse().ok()? };
        let mut fv: i128 = 0;
        for (k, c) in f.chars().enumerate() {
            fv += c.to_digit(10)? as i128 * 10_i128.pow(PLACES - 1 - k as u32);
        }
        let raw = iv * SCALE + fv;
        Some(Dec(if negative { -raw } else { raw }))
    }

    /// `num / den * 100`, compared exactly against `threshold` (a percentage).
    pub fn cmp_percent(num: Dec, den: Dec, threshold: Dec) -> Option<Ordering> {
        if den.0 <= 0 {
            return None;
        }
        // num/den*100 ? t  <=>  num*100*SCALE ? t*den  (both sides in millionths squared)
        let left = num.0.checked_mul(100)?.checked_mul(SCALE)?;
        let right = threshold.0.checked_mul(den.0)?;
        Some(left.cmp(&right))
    }

    /// `num / den * 100`, rounded half away from zero to six places.
    pub fn percent_of(num: Dec, den: Dec) -> Option<Dec> {
        if den.0 <= 0 {
            return None;
        }
        let n = num.0.checked_mul(100)?.checked_mul(SCALE)?;
        Some(Dec(div_round(n, den.0)))
    }

    /// `num / den * 100` to `places` decimals, rounded toward failing: down when the threshold
    /// is a minimum, up when it is a maximum (`up`). Computed exactly from the counts, so a
    /// shown figure never passes a threshold the exact one fails: 227/850 against "≤ 26,7%"
    /// shows "26,71%", never "26,7%".
    pub fn percent_toward_failing(num: Dec, den: Dec, places: u32, up: bool) -> Option<Dec> {
        if den.0 <= 0 || num.0 < 0 {
            return None;
        }
        let places = places.min(PLACES);
        let n = num.0.checked_mul(100)?.checked_mul(10_i128.pow(places))?;
        let (q, r) = (n / den.0, n % den.0);
        let q = if up && r != 0 { q + 1 } else { q };
        Some(Dec(q * 10_i128.pow(PLACES - places)))
    }

    /// How a typed number was read, written differently from any way it can be typed, so a
    /// misreading shows: "38.999" reads "38 999" (a whole number), "38,999" reads
    /// "38 phẩy 999", "1.234,5" reads "1 234 phẩy 5".
    pub fn reading_vi(self) -> String {
        let abs = self.0.unsigned_abs();
        let int = decimal(abs / SCALE as u128, 1);
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push('\u{a0}');
            }
            grouped.push(c);
        }
        let frac = decimal(abs % SCALE as u128, PLACES as usize);
        let frac = frac.trim_end_matches('0');
        let sign = if self.0 < 0 { "âm " } else { "" };
        if frac.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped} phẩy {frac}")
        }
    }

    /// Rounds half away from zero to `places` decimals.
    pub fn round(self, places: u32) -> Dec {
        let places = places.min(PLACES);
        let unit = 10_i128.pow(PLACES - places);
        Dec(div_round(self.0, unit) * unit)
    }

    /// Vietnamese notation with exactly `places` decimals, truncated: "78,91", "1.234,50".
    pub fn fmt_vn(self, places: u32) -> String {
        self.format(places, '.', ',', true)
    }

    /// Vietnamese notation with at most `places` decimals and trailing zeros removed:
    /// "26,7", "95", "124,75".
    pub fn fmt_vn_short(self, places: u32) -> String {
        self.format(places, '.', ',', false)
    }

    /// Plain notation for data files: "26.7".
    pub fn fmt_plain(self) -> String {
        self.format(PLACES, '\0', '.', false)
    }

    /// Cuts to `places` decimals (towards zero).
    pub fn trunc(self, places: u32) -> Dec {
        let unit = 10_i128.pow(PLACES - places.min(PLACES));
        Dec(self.0 / unit * unit)
    }

    // Display truncates rather than rounds, as the example report does (146/185 = 78,9189… is
    // written "78,91%"): a shown figure then never reaches a threshold the real one misses.
    fn format(self, places: u32, group: char, mark: char, fixed: bool) -> String {
        let places = places.min(PLACES);
        let r = self.trunc(places);
        let negative = r.0 < 0;
        let abs = r.0.unsigned_abs();
        let int = abs / SCALE as u128;
        let frac = (abs % SCALE as u128) / 10_u128.pow(PLACES - places);
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        let digits = decimal(int, 1);
        for (i, c) in digits.chars().enumerate() {
            if group != '\0' && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if places > 0 {
            let mut f = decimal(frac, places as usize);
            if !fixed {
                while f.ends_with('0') {
                    f.pop();
                }
            }
            if !f.is_empty() {
                out.push(mark);
                out.push_str(&f);
            }
        }
        out
    }
}

/// `n` in decimal digits, zero-padded to at least `width`. The standard library's formatting
/// of 128-bit integers (`to_string`, `{:06}`) would be compiled in for this alone.
fn decimal(mut n: u128, width: usize) -> String {
    let mut digits = Vec::new();
    while n > 0 || digits.len() < width {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

fn div_round(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if r.abs() * 2 >= d.abs() {
        q + if (n < 0) != (d < 0) { -1 } else { 1 }
    } else {
        q
    }
}

/// Whether `s` groups digits by three with `sep` ("1.234.567"), or has no separator at all.
fn valid_grouping(s: &str, sep: char) -> bool {
    if !s.contains(sep) {
        return true;
    }
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.fmt_plain())
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // As a JSON number: whole numbers as integers ("95"); others as the double nearest to
        // the decimal (an exact integer divided by 10^6 is correctly rounded), which serde_json
        // writes as its shortest text ("26.7").
        if self.0 % SCALE == 0 {
            return s.serialize_i64((self.0 / SCALE) as i64);
        }
        s.serialize_f64(self.0 as f64 / SCALE as f64)
    }
}

/// As serde_json wrote it from the `Serialize` above, without a float: whole numbers as
/// integers ("95"); below 0.00001 in size, the one digit serde_json's float printer gave with
/// its exponent ("5e-6"); others as the plain decimal ("26.7"), which is the shortest text of
/// the double serde's division gave whenever the decimal has at most 15 significant digits and
/// is below 2^55 / 10^6 (about 3.6 * 10^10). Beyond either (more than a threshold has: the
/// division rounded twice, or the double could not hold the digits) serde_json's text read
/// back as another number; the decimal itself is written, and reads back as the same `Dec`.
impl crate::core::json::ToJson for Dec {
    fn write_json(&self, w: &mut crate::core::json::Writer) {
        let (whole, frac) = (self.0 / SCALE, (self.0 % SCALE).unsigned_abs());
        if frac == 0 {
            return w.integer(whole);
        }
        if self.0 < 0 {
            w.raw("-");
        }
        if whole == 0 && frac < 10 {
            w.digits(frac, 1);
            return w.raw("e-6");
        }
        w.digits(whole.unsigned_abs(), 1);
        w.raw(".");
        let (mut frac, mut places) = (frac, PLACES as usize);
        while frac % 10 == 0 {
            frac /= 10;
            places -= 1;
        }
        w.digits(frac, places);
    }
}

/// Read exactly as written: a JSON number's text (an exponent moves the point: "2.5e3" is
/// 2500), or a string of a plain decimal ("26.7"). A number with more than six places or
/// thirteen digits before the point, or a whole number above 10^12, is an invalid value.
impl FromJson for Dec {
    fn read(r: &mut Reader<'_>) -> Result<Dec, JsonError> {
        let at = r.value_start()?;
        if r.peek()? == b'"' {
            let text = r.string()?;
            return Dec::parse_plain(&text)
                .ok_or_else(|| r.error(at, What::Own(format!("“{text}” không phải là số"))));
        }
        let (_, text) = r.number()?;
        let whole = !text.contains(['.', 'e', 'E']);
        plain_decimal(text)
            .and_then(|plain| Dec::parse_plain(&plain))
            .filter(|d| !whole || d.0.abs() <= LIMIT)
            .ok_or_else(|| r.error(at, What::Invalid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::from_str;

    fn p(s: &str) -> Dec {
        Dec::parse_vn(s).unwrap()
    }

    #[test]
    fn parses_both_decimal_marks_and_thousands_dots() {
        assert_eq!(p("78,91").fmt_plain(), "78.91");
        assert_eq!(p("78.91").fmt_plain(), "78.91");
        assert_eq!(p("1.234,5").fmt_plain(), "1234.5");
        assert_eq!(p("1.234").fmt_plain(), "1234");
        assert_eq!(p("1.234.567").fmt_plain(), "1234567");
        assert_eq!(p("0.125").fmt_plain(), "0.125");
        assert_eq!(p("124,75").fmt_plain(), "124.75");
        assert_eq!(p(" 1 234 ").fmt_plain(), "1234");
        assert_eq!(p("17,72%").fmt_plain(), "17.72");
        assert_eq!(p("-3").fmt_plain(), "-3");
        assert_eq!(p(",5").fmt_plain(), "0.5");
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for bad in [
            "abc", "1,2,3", "1.23,4.5", "12a", "1..2", "--1", "1.2345.6", ",", "1e5",
        ] {
            assert_eq!(Dec::parse_vn(bad), Err(NumError::NotANumber), "{bad}");
        }
        assert_eq!(Dec::parse_vn("  "), Err(NumError::Empty));
        assert_eq!(Dec::parse_vn("1,1234567"), Err(NumError::TooManyDecimals));
        assert_eq!(Dec::parse_vn("99999999999999"), Err(NumError::TooLarge));
    }

    #[test]
    fn formats_the_vietnamese_way() {
        assert_eq!(p("1234,5").fmt_vn(2), "1.234,50");
        assert_eq!(p("26,7").fmt_vn_short(2), "26,7");
        assert_eq!(p("95").fmt_vn_short(2), "95");
        assert_eq!(
            Dec::percent_of(p("146"), p("185")).unwrap().fmt_vn(2),
            "78,91"
        );
        assert_eq!(p("94,999").fmt_vn(2), "94,99");
    }

    #[test]
    fn percent_comparison_is_exact() {
        assert_eq!(
            Dec::cmp_percent(p("19"), p("20"), p("95")),
            Some(Ordering::Equal)
        );
        assert_eq!(
            Dec::cmp_percent(p("1"), p("3"), p("33,333333")),
            Some(Ordering::Greater)
        );
        assert_eq!(Dec::cmp_percent(p("1"), p("0"), p("95")), None);
    }

    #[test]
    fn serde_round_trips_through_json_numbers() {
        let d: Dec = from_str("26.7").unwrap();
        assert_eq!(d, p("26,7"));
        assert_eq!(serde_json::to_string(&d).unwrap(), "26.7");
        let i: Dec = from_str("95").unwrap();
        assert_eq!(i, Dec::from_int(95));
    }
}
