//! Why a JSON text could not be read, in Vietnamese, with the line and column of the place.

/// What went wrong, before it is placed in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// Not JSON at this character (a stray character, a bad escape, nesting deeper than
    /// `reader::MAX_DEPTH`, something after the value).
    Syntax,
    /// The text ends inside a value: a file cut short.
    Eof,
    /// A field the type requires is absent (its key).
    Missing(String),
    /// A key the type does not have, where unknown keys are refused.
    Unknown(String),
    /// A field given twice, under its key or an older name (its key).
    Duplicate(String),
    /// A name that is none of an enum's names.
    UnknownName(String),
    /// A value of another type than the one expected (text where a number belongs).
    WrongType,
    /// A value of the right type out of range (a number too large, 300 for a u8).
    Invalid,
    /// A message of our own, already in Vietnamese (an indicator kind that is not one).
    Own(String),
}

/// The three kinds of failure callers tell apart (the names serde_json gives them): the text
/// is not JSON, it is cut short, or it is JSON that does not fit the type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Syntax,
    Eof,
    Data,
}

/// A reading error with its place: line and column count from 1, columns in characters, as
/// an editor shows them. Boxed: every reading step returns a `Result`, which stays one word
/// (`Result<(), JsonError>` a pointer that is null when all went well).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError(Box<Placed>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Placed {
    what: What,
    line: usize,
    column: usize,
}

impl JsonError {
    /// `what` at byte `at` of `text`. For the end of the text, the place is its last
    /// character (a file cut short ends there).
    #[cold]
    #[inline(never)]
    pub(super) fn new(text: &str, at: usize, what: What) -> JsonError {
        let bytes = &text.as_bytes()[..at.min(text.len())];
        let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + bytes[..line_start].iter().filter(|&&b| b == b'\n').count();
        // Characters before the place: every byte but UTF-8's continuation bytes.
        let before = bytes[line_start..]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        let column = if what == What::Eof {
            before.max(1)
        } else {
            before + 1
        };
        JsonError(Box::new(Placed { what, line, column }))
    }

    pub fn what(&self) -> &What {
        &self.0.what
    }

    pub fn category(&self) -> Category {
        match self.0.what {
            What::Syntax => Category::Syntax,
            What::Eof => Category::Eof,
            _ => Category::Data,
        }
    }

    pub fn line(&self) -> usize {
        self.0.line
    }

    pub fn column(&self) -> usize {
        self.0.column
    }

    /// The message the user reads: "thiếu mục “to” (dòng 1, cột 14)".
    pub fn message_vi(&self) -> String {
        let what = match &self.0.what {
            What::Syntax => "sai cú pháp JSON".to_string(),
            What::Eof => "tệp bị cắt cụt".to_string(),
            What::Missing(key) => format!("thiếu mục “{key}”"),
            What::Unknown(key) => format!("có mục không thuộc định dạng: “{key}”"),
            What::Duplicate(key) => format!("mục bị lặp: “{key}”"),
            What::UnknownName(name) => format!("giá trị không có trong định dạng: “{name}”"),
            What::WrongType => "sai kiểu dữ liệu".to_string(),
            What::Invalid => "giá trị không hợp lệ".to_string(),
            What::Own(message) => message.clone(),
        };
        format!("{what} (dòng {}, cột {})", self.0.line, self.0.column)
    }
}
