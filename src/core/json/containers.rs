//! Objects and arrays for the `Reader`: entering and leaving them (depth limited), their
//! members, a struct's fields (`#[derive(ReadObject)]` reads through `fields`), and skipping
//! any value.

use super::error::{JsonError, What};
use super::reader::{Reader, MAX_DEPTH};
use std::borrow::Cow;

/// An object or array being read: whether a member was read yet, and for a struct's object
/// which of its fields were seen.
pub struct Open {
    first: bool,
    seen: u64,
}

impl<'a> Reader<'a> {
    /// Any value, read and dropped: checked as JSON, its strings not decoded (so an escaped
    /// lone surrogate, valid JSON that no Rust string holds, passes here as in serde_json).
    pub fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek()? {
            b'{' => {
                let mut object = self.begin_object()?;
                while self.more(&mut object, b'}')? {
                    if self.peek()? != b'"' {
                        return Err(self.unexpected());
                    }
                    self.skip_str()?;
                    self.colon()?;
                    self.skip()?;
                }
                Ok(())
            }
            b'[' => {
                let mut array = self.begin_array()?;
                while self.item(&mut array)? {
                    self.skip()?;
                }
                Ok(())
            }
            _ => self.scalar(),
        }
    }

    pub fn begin_object(&mut self) -> Result<Open, JsonError> {
        self.open(b'{')
    }

    pub fn begin_array(&mut self) -> Result<Open, JsonError> {
        self.open(b'[')
    }

    fn open(&mut self, bracket: u8) -> Result<Open, JsonError> {
        if self.peek()? != bracket {
            return Err(self.wrong_type());
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.error(self.pos, What::Syntax));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(Open {
            first: true,
            seen: 0,
        })
    }

    /// Whether another member of `open` follows: reads the comma before it, or the bracket
    /// `close` that ends it.
    fn more(&mut self, open: &mut Open, close: u8) -> Result<bool, JsonError> {
        let b = self.peek()?;
        if b == close {
            self.pos += 1;
            self.depth -= 1;
            return Ok(false);
        }
        if !open.first {
            if b != b',' {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        open.first = false;
        Ok(true)
    }

    /// Whether the array has another item; the item is read next.
    pub fn item(&mut self, array: &mut Open) -> Result<bool, JsonError> {
        self.more(array, b']')
    }

    /// The object's next key and where it starts (its colon read; the value is read next),
    /// or `None` at its end.
    pub fn key(&mut self, object: &mut Open) -> Result<Option<(usize, Cow<'a, str>)>, JsonError> {
        if !self.more(object, b'}')? {
            return Ok(None);
        }
        if self.peek()? != b'"' {
            return Err(self.unexpected());
        }
        let at = self.pos;
        let key = self.str_token()?;
        self.colon()?;
        Ok(Some((at, key)))
    }

    fn colon(&mut self) -> Result<(), JsonError> {
        if self.peek()? != b':' {
            return Err(self.unexpected());
        }
        self.pos += 1;
        Ok(())
    }

    /// The next field of a struct's object: the index in `fields` of the names it was given
    /// under (each field's key, then its older names), its value to be read next; `None` at the
    /// object's end. A key given twice, under any of its names, is refused; an unknown key is
    /// refused when `strict`, else its value is skipped. At most 64 fields.
    pub fn field(
        &mut self,
        object: &mut Open,
        fields: &[&[&str]],
        strict: bool,
    ) -> Result<Option<usize>, JsonError> {
        while let Some((at, key)) = self.key(object)? {
            match fields.iter().position(|names| names.contains(&&*key)) {
                Some(i) => {
                    if object.seen & (1 << i) != 0 {
                        return Err(self.error(at, What::Duplicate(fields[i][0].into())));
                    }
                    object.seen |= 1 << i;
                    return Ok(Some(i));
                }
                None if strict => return Err(self.error(at, What::Unknown(key.into_owned()))),
                None => self.skip()?,
            }
        }
        Ok(None)
    }

    /// Reads every field of a struct's object into its slot (`#[derive(ReadObject)]`).
    pub fn fields(
        &mut self,
        object: &mut Open,
        fields: &[&[&str]],
        strict: bool,
        slots: &mut [&mut dyn Place],
    ) -> Result<(), JsonError> {
        while let Some(i) = self.field(object, fields, strict)? {
            if let Some(slot) = slots.get_mut(i) {
                slot.place(self)?;
            }
        }
        Ok(())
    }

    /// A field the struct requires is absent from the object just read: the first of those
    /// in `required` (a mask of places in `fields`) that it lacks. The place is the object's
    /// closing brace.
    pub fn missing(&self, object: &Open, fields: &[&[&str]], required: u64) -> JsonError {
        let absent = required & !object.seen;
        let key = fields
            .get(absent.trailing_zeros() as usize)
            .and_then(|names| names.first())
            .unwrap_or(&"");
        self.error(self.pos.saturating_sub(1), What::Missing(key.to_string()))
    }
}

/// A struct's field being read (`#[derive(ReadObject)]`): a field with a default is read in
/// place, over its default; a required one into a `Required`, empty until its key is met.
pub trait Place {
    fn place(&mut self, r: &mut Reader<'_>) -> Result<(), JsonError>;
}

impl<T: super::FromJson> Place for T {
    fn place(&mut self, r: &mut Reader<'_>) -> Result<(), JsonError> {
        *self = T::read(r)?;
        Ok(())
    }
}

/// A required field being read.
pub struct Required<T>(pub Option<T>);

impl<T: super::FromJson> Place for Required<T> {
    fn place(&mut self, r: &mut Reader<'_>) -> Result<(), JsonError> {
        self.0 = Some(T::read(r)?);
        Ok(())
    }
}
