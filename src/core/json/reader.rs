//! A pull reader of JSON text (RFC 8259): a cursor over a `&str` that the types' `FromJson`
//! impls drive, value by value. It is not generic: one copy of the parser serves every type,
//! where serde_json's deserializer is compiled again for each type it reads.
//!
//! Strings are checked as JSON requires (no raw control characters; every escape, surrogate
//! pairs included), numbers against JSON's grammar and returned as their text, so each type
//! reads them exactly; objects and arrays (`containers.rs`) nest at most `MAX_DEPTH` deep, so a
//! hostile file is refused, never a stack overflow.

use super::error::{JsonError, What};
use std::borrow::Cow;

/// How deep objects and arrays may nest (as serde_json allows).
pub const MAX_DEPTH: u32 = 128;

/// A cursor over JSON text.
pub struct Reader<'a> {
    text: &'a str,
    pub(super) pos: usize,
    pub(super) depth: u32,
}

/// Whether any of the eight bytes of `word` is a quote, a backslash or a control character:
/// a byte-wise "is zero" (`(v - 1) & !v` in its high bit) of the word compared with each.
fn has_special(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    let found =
        control | zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\')));
    found & (ONES << 7) != 0
}

/// A number's digits as a whole number: `None` when it has a fraction or an exponent,
/// `Some(None)` when it is beyond `u64`.
pub(super) fn whole(digits: &str) -> Option<Option<u64>> {
    let mut size: Option<u64> = Some(0);
    for d in digits.bytes() {
        if !d.is_ascii_digit() {
            return None;
        }
        size = size
            .and_then(|n| n.checked_mul(10))
            .and_then(|n| n.checked_add(u64::from(d - b'0')));
    }
    Some(size)
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    /// `what` at byte `at` of the text.
    pub fn error(&self, at: usize, what: What) -> JsonError {
        JsonError::new(self.text, at, what)
    }

    #[inline(always)]
    pub(super) fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The byte here is not what JSON allows, or the text ends.
    pub(super) fn unexpected(&self) -> JsonError {
        let what = match self.byte() {
            Some(_) => What::Syntax,
            None => What::Eof,
        };
        self.error(self.pos, what)
    }

    fn skip_space(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Passes over a string's plain characters, to its next quote, backslash or control
    /// character (or the end of the text): one tight loop for the bulk of a file.
    fn plain_run(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        // Eight bytes at a time while none of them is special (as serde_json does).
        while let Some(Ok(word)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
            if has_special(u64::from_le_bytes(word)) {
                break;
            }
            i += 8;
        }
        while let Some(&b) = bytes.get(i) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            i += 1;
        }
        self.pos = i;
    }

    /// The next byte that is not whitespace, left unread; an error where the text ends.
    pub fn peek(&mut self) -> Result<u8, JsonError> {
        self.skip_space().ok_or_else(|| self.unexpected())
    }

    /// Where the next value starts (whitespace skipped): the place of an error about it as a
    /// whole.
    pub fn value_start(&mut self) -> Result<usize, JsonError> {
        self.peek().map(|_| self.pos)
    }

    /// After the value: nothing but whitespace may follow.
    pub fn end(&mut self) -> Result<(), JsonError> {
        match self.skip_space() {
            None => Ok(()),
            Some(_) => Err(self.unexpected()),
        }
    }

    /// The value here is not of the type asked for. A scalar is read first, as serde_json
    /// does, so a malformed or cut one is named as such; an object or array is not entered.
    pub(super) fn wrong_type(&mut self) -> JsonError {
        let at = self.pos;
        if let Some(b'{' | b'[') = self.byte() {
            return self.error(at, What::WrongType);
        }
        match self.scalar() {
            Err(e) => e,
            Ok(()) => self.error(at, What::WrongType),
        }
    }

    /// A string's text, unescaped.
    pub fn string(&mut self) -> Result<String, JsonError> {
        if self.peek()? != b'"' {
            return Err(self.wrong_type());
        }
        Ok(self.str_token()?.into_owned())
    }

    /// At an opening quote: the string's text, borrowed from the input when it has no escape.
    pub(super) fn str_token(&mut self) -> Result<Cow<'a, str>, JsonError> {
        let text = self.text;
        self.pos += 1;
        // Text up to `run` is in `out`; an escape starts building it.
        let mut run = self.pos;
        let mut out: Option<String> = None;
        loop {
            self.plain_run();
            match self.byte() {
                None => return Err(self.unexpected()),
                Some(b'"') => {
                    let tail = &text[run..self.pos];
                    self.pos += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(&text[run..self.pos]);
                    self.pos += 1;
                    s.push(self.escape()?);
                    run = self.pos;
                }
                Some(0..=0x1f) => return Err(self.unexpected()),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// At an opening quote: the string checked and passed over.
    pub(super) fn skip_str(&mut self) -> Result<(), JsonError> {
        self.pos += 1;
        loop {
            self.plain_run();
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') if self.text.as_bytes().get(self.pos + 1) == Some(&b'u') => {
                    self.pos += 2;
                    self.hex4()?;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                None | Some(0..=0x1f) => return Err(self.unexpected()),
                Some(_) => self.pos += 1,
            }
        }
    }

    /// After a backslash: the character the escape stands for.
    fn escape(&mut self) -> Result<char, JsonError> {
        let c = match self.byte() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                return self.unicode();
            }
            _ => return Err(self.unexpected()),
        };
        self.pos += 1;
        Ok(c)
    }

    /// After `\u`: four hex digits, and a second escape when they are a high surrogate.
    fn unicode(&mut self) -> Result<char, JsonError> {
        let at = self.pos - 2;
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                let rest = &self.text[self.pos..];
                if rest.len() < 2 && "\\u".starts_with(rest) {
                    self.pos = self.text.len();
                    return Err(self.unexpected());
                }
                if !rest.starts_with("\\u") {
                    return Err(self.error(at, What::Syntax));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(at, What::Syntax));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            code => code,
        };
        // A lone low surrogate is no character.
        char::from_u32(code).ok_or_else(|| self.error(at, What::Syntax))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        if self.pos + 4 > self.text.len() {
            // Cut short, whatever the digits there are (as serde_json says).
            self.pos = self.text.len();
            return Err(self.unexpected());
        }
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.byte() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.unexpected()),
            };
            value = value * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(value)
    }

    /// A number's text and where it starts, checked against JSON's grammar (`-`, digits
    /// without a leading zero, a fraction, an exponent); the type reading it decides what it
    /// may be.
    pub fn number(&mut self) -> Result<(usize, &'a str), JsonError> {
        match self.peek()? {
            b'-' | b'0'..=b'9' => {
                let at = self.pos;
                Ok((at, self.num_token()?))
            }
            _ => Err(self.wrong_type()),
        }
    }

    fn num_token(&mut self) -> Result<&'a str, JsonError> {
        let start = self.pos;
        if self.byte() == Some(b'-') {
            self.pos += 1;
        }
        match self.byte() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected()),
        }
        if self.byte() == Some(b'.') {
            self.pos += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.pos += 1;
            }
            self.some_digits()?;
        }
        Ok(&self.text[start..self.pos])
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.byte() {
            self.pos += 1;
        }
    }

    fn some_digits(&mut self) -> Result<(), JsonError> {
        match self.byte() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            _ => Err(self.unexpected()),
        }
    }

    /// A whole number from `min` to `max`. A fraction or an exponent is another type (as
    /// serde_json has it: a float); a whole number out of range is an invalid value.
    pub fn integer(&mut self, min: i64, max: u64) -> Result<i128, JsonError> {
        let (at, text) = self.number()?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, text),
        };
        let Some(size) = whole(digits) else {
            return Err(self.error(at, What::WrongType));
        };
        let fits = match (size, negative) {
            (Some(n), false) => n <= max,
            (Some(n), true) => n <= min.unsigned_abs(),
            (None, _) => false,
        };
        if !fits {
            return Err(self.error(at, What::Invalid));
        }
        let size = i128::from(size.unwrap_or_default());
        Ok(if negative { -size } else { size })
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), JsonError> {
        for &w in word {
            if self.byte() != Some(w) {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        Ok(())
    }

    pub fn bool(&mut self) -> Result<bool, JsonError> {
        match self.peek()? {
            b't' => self.literal(b"true").map(|_| true),
            b'f' => self.literal(b"false").map(|_| false),
            _ => Err(self.wrong_type()),
        }
    }

    /// Reads `null` when it comes next; true if it did.
    pub fn null(&mut self) -> Result<bool, JsonError> {
        if self.peek()? != b'n' {
            return Ok(false);
        }
        self.literal(b"null").map(|_| true)
    }

    /// Which of `names` the string here is (an enum's names).
    pub fn name(&mut self, names: &[&str]) -> Result<usize, JsonError> {
        if self.peek()? != b'"' {
            return Err(self.wrong_type());
        }
        let at = self.pos;
        let name = self.str_token()?;
        names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| self.error(at, What::UnknownName(name.into_owned())))
    }

    pub(super) fn scalar(&mut self) -> Result<(), JsonError> {
        match self.peek()? {
            b'"' => self.skip_str(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.num_token().map(drop),
            _ => Err(self.unexpected()),
        }
    }
}
