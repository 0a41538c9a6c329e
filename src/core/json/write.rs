//! `ToJson`: the app's types written as compact JSON, byte for byte as serde_json wrote them
//! before (stored drafts and sets, fingerprints, files): keys in field order, strings escaped
//! as serde_json escapes them, numbers as their digits. Structs get theirs from
//! `#[derive(WriteObject)]`, unit enums from `#[derive(WriteName)]` (crate `tieuchi-derive`,
//! from the same `#[serde]` attributes serde's derive reads); `Dec`, `VecMap` and `Kind` have
//! theirs beside their other impls.
//!
//! Why not serde's `Serialize`: per struct it compiled a serializer with a way out after every
//! field (serde_json's writer can fail) and escaped every key at run time, and `Dec` went
//! through serde_json's float printer. Here a struct is a list of constant keys and calls, and
//! nothing fails. serde's derive stays on the types as the oracle the tests hold this writer to.

/// A JSON text being written. `fresh`: nothing written yet in the object or array just begun
/// (so the next key or item takes no comma). No stack is needed: after a value ends, whatever
/// contains it has had a value.
#[derive(Default)]
pub struct Writer {
    out: String,
    fresh: bool,
}

/// A value written as JSON.
pub trait ToJson {
    fn write_json(&self, w: &mut Writer);
}

/// `value` as compact JSON.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Writer::default();
    value.write_json(&mut w);
    w.out
}

impl Writer {
    pub fn begin_object(&mut self) {
        self.out.push('{');
        self.fresh = true;
    }

    /// A key the derive wrote out whole, quotes and colon included (`"name":`): field names
    /// need no escaping.
    pub fn key(&mut self, quoted: &str) {
        self.comma();
        self.out.push_str(quoted);
    }

    /// A key known only at run time (a map's), escaped.
    pub fn map_key(&mut self, key: &str) {
        self.comma();
        self.string(key);
        self.out.push(':');
    }

    pub fn end_object(&mut self) {
        self.out.push('}');
        self.fresh = false;
    }

    pub fn begin_array(&mut self) {
        self.out.push('[');
        self.fresh = true;
    }

    pub fn item(&mut self) {
        self.comma();
    }

    pub fn end_array(&mut self) {
        self.out.push(']');
        self.fresh = false;
    }

    fn comma(&mut self) {
        if !self.fresh {
            self.out.push(',');
        }
        self.fresh = false;
    }

    /// Text as it stands: a number's digits, `true`, `null`.
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// A string, escaped as serde_json escapes it: the quote, the backslash and the control
    /// characters (`\b \t \n \f \r` by name, the others as `\u00XX`); everything else as is.
    pub fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => '"',
                b'\\' => '\\',
                0x08 => 'b',
                b'\t' => 't',
                b'\n' => 'n',
                0x0c => 'f',
                b'\r' => 'r',
                0..=0x1f => 'u',
                _ => continue,
            };
            // `i` is an ASCII byte's place: a character boundary.
            self.out.push_str(s.get(start..i).unwrap_or_default());
            self.out.push('\\');
            self.out.push(short);
            if short == 'u' {
                self.out.push_str("00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
            start = i + 1;
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    /// A whole number's digits.
    pub fn integer(&mut self, n: i128) {
        if n < 0 {
            self.out.push('-');
        }
        self.digits(n.unsigned_abs(), 1);
    }

    /// `n`'s decimal digits, at least `width` of them (zeros before).
    pub fn digits(&mut self, mut n: u128, width: usize) {
        let mut buf = [b'0'; 40];
        let mut i = buf.len();
        while n > 0 || buf.len() - i < width {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        for &d in &buf[i..] {
            self.out.push(char::from(d));
        }
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut Writer) {
        w.raw(if *self { "true" } else { "false" });
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, w: &mut Writer) {
                w.integer(i128::from(*self));
            }
        }
    )*};
}

integers!(u8, u16, u32, u64, i64);

impl ToJson for usize {
    fn write_json(&self, w: &mut Writer) {
        w.integer(*self as i128);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

/// `None` is `null` (a field that skips it says so in its `skip_serializing_if`).
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Some(v) => v.write_json(w),
            None => w.raw("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut Writer) {
        w.begin_array();
        for v in self {
            w.item();
            v.write_json(w);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer) {
        self.as_slice().write_json(w);
    }
}

/// A map key as serde_json writes it: text as a string, a whole number as its digits quoted.
pub trait ToKey {
    fn write_key(&self, w: &mut Writer);
}

impl ToKey for String {
    fn write_key(&self, w: &mut Writer) {
        w.map_key(self);
    }
}

impl ToKey for u8 {
    fn write_key(&self, w: &mut Writer) {
        w.comma();
        w.out.push('"');
        w.digits(u128::from(*self), 1);
        w.out.push_str("\":");
    }
}
