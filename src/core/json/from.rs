//! `FromJson`: a type read from JSON by the `Reader`, and its impls for the standard types the
//! app's formats use. Structs get theirs from `#[derive(ReadObject)]`, unit enums from
//! `#[derive(ReadName)]` (crate `tieuchi-derive`); `Dec`, `VecMap` and `Kind` have theirs
//! beside their other impls.

use super::error::JsonError;
use super::reader::Reader;

/// A type read from a JSON value.
pub trait FromJson: Sized {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError>;
}

/// Reads a whole text as one `T`: nothing but whitespace may follow the value. A byte-order
/// mark is the caller's to remove.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    let mut r = Reader::new(text);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok(value)
}

impl FromJson for String {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.string()
    }
}

impl FromJson for bool {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.bool()
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
                // In range by `integer`'s bounds.
                r.integer(<$t>::MIN as i64, <$t>::MAX as u64).map(|v| v as $t)
            }
        }
    )*};
}

integers!(u8, u16, u32, u64, usize, i64);

/// `null` is `None` (as an absent field is, by the derive).
impl<T: FromJson> FromJson for Option<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        if r.null()? {
            return Ok(None);
        }
        T::read(r).map(Some)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let mut array = r.begin_array()?;
        let mut items = Vec::new();
        while r.item(&mut array)? {
            items.push(T::read(r)?);
        }
        Ok(items)
    }
}

/// A map key, written as JSON text: text itself, or a whole number's digits.
pub trait FromKey: Sized {
    fn from_key(key: &str) -> Option<Self>;
}

impl FromKey for String {
    fn from_key(key: &str) -> Option<Self> {
        Some(key.to_string())
    }
}

impl FromKey for u8 {
    fn from_key(key: &str) -> Option<Self> {
        let canonical = key == "0" || !key.starts_with('0');
        if key.is_empty() || !canonical || !key.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        key.parse().ok()
    }
}

/// Any JSON number: a version or schema read before anything else, so a number that is not a
/// whole one is named as damaged rather than as another type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number(Option<u64>);

impl Number {
    /// The number, when it is written as a whole number from 0 to `u64::MAX` (no fraction,
    /// no exponent: "1.0" is none).
    pub fn as_u64(&self) -> Option<u64> {
        self.0
    }
}

impl FromJson for Number {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (_, text) = r.number()?;
        Ok(Number(super::reader::whole(text).flatten()))
    }
}

/// A JSON number's text as a plain decimal (what `Dec::parse_plain` reads): the point moved by the exponent, zeros
/// ending a fraction dropped ("1.50" → "1.5", "1E-6" → "0.000001"); `None` for an exponent
/// that no `Dec` could hold.
pub fn plain_decimal(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    fn trim_fraction(s: &str) -> &str {
        match s.contains('.') {
            true => s.trim_end_matches('0').trim_end_matches('.'),
            false => s,
        }
    }
    let Some(e) = text.find(['e', 'E']) else {
        return Some(trim_fraction(text).into());
    };
    let exponent: i64 = text[e + 1..].parse().ok()?;
    let (sign, mantissa) = match text[..e].strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", &text[..e]),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    if digits.bytes().all(|b| b == b'0') {
        return Some("0".into());
    }
    // Where the point falls among the digits.
    let point = (int.len() as i64).checked_add(exponent)?;
    if !(-40..=40).contains(&point) {
        return None;
    }
    let plain = if point <= 0 {
        format!(
            "{sign}0.{}{digits}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else if point as usize >= digits.len() {
        format!(
            "{sign}{digits}{}",
            "0".repeat(point as usize - digits.len())
        )
    } else {
        let (i, f) = digits.split_at(point as usize);
        format!("{sign}{i}.{f}")
    };
    Some(trim_fraction(&plain).to_string().into())
}

/// Any value, checked and dropped: a probe's field whose presence alone counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ignored;

impl FromJson for Ignored {
    fn read(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.skip().map(|_| Ignored)
    }
}

/// A unit enum read by name (`#[derive(ReadName)]`): its names, as serde writes them
/// (`rename_all`, `rename`; an `alias` adds a name), the variant of each, and the name a
/// variant is written under.
pub trait Named: Sized {
    const NAMES: &'static [&'static str];
    fn nth(index: usize) -> Self;
    fn name(&self) -> &'static str;

    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES.iter().position(|n| *n == name).map(Self::nth)
    }
}
