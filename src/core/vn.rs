//! Vietnamese text conventions: dates, Unicode composition, ASCII slugs, text cleaning, names
//! compared as people write them.

use crate::core::de::{ReadObject, WriteObject};
use serde::Serialize;

/// A calendar date as entered on the report ("ngày 26 tháng 6 năm 2024").
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, ReadObject, WriteObject,
)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1900 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Reads the ISO form an `<input type="date">` gives: "2024-06-26".
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "ngày 05 tháng 02 năm 2024": days below 10 and months 1–2 take a leading zero
    /// (Decree 30/2020/NĐ-CP).
    pub fn long_vi(&self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {} năm {}", self.day, month, self.year)
    }
}

/// Precomposed Vietnamese vowels: for each base, its forms with the five tone marks, in the
/// order grave, acute, hook above, tilde, dot below.
const VOWELS: [(char, [char; 5]); 12] = [
    ('a', ['à', 'á', 'ả', 'ã', 'ạ']),
    ('ă', ['ằ', 'ắ', 'ẳ', 'ẵ', 'ặ']),
    ('â', ['ầ', 'ấ', 'ẩ', 'ẫ', 'ậ']),
    ('e', ['è', 'é', 'ẻ', 'ẽ', 'ẹ']),
    ('ê', ['ề', 'ế', 'ể', 'ễ', 'ệ']),
    ('i', ['ì', 'í', 'ỉ', 'ĩ', 'ị']),
    ('o', ['ò', 'ó', 'ỏ', 'õ', 'ọ']),
    ('ô', ['ồ', 'ố', 'ổ', 'ỗ', 'ộ']),
    ('ơ', ['ờ', 'ớ', 'ở', 'ỡ', 'ợ']),
    ('u', ['ù', 'ú', 'ủ', 'ũ', 'ụ']),
    ('ư', ['ừ', 'ứ', 'ử', 'ữ', 'ự']),
    ('y', ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ']),
];
/// Combining tone marks in the order of `VOWELS`.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
/// Vowels with a modifier: (plain, combining modifier, result).
const MODIFIED: [(char, char, char); 6] = [
    ('a', '\u{306}', 'ă'),
    ('a', '\u{302}', 'â'),
    ('e', '\u{302}', 'ê'),
    ('o', '\u{302}', 'ô'),
    ('o', '\u{31b}', 'ơ'),
    ('u', '\u{31b}', 'ư'),
];

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Lower case of a Latin or Vietnamese letter; other characters are returned unchanged.
///
/// The app needs case mapping only for Vietnamese (headers in capitals, phrase search), and
/// this covers every Vietnamese letter; `char::to_lowercase` would add Unicode's full case
/// tables (~20 KB) to the WASM.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 32,
        0xC0..=0xDE if u != 0xD7 => u + 32,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 => u + 1,
        0x1AF => 0x1B0,
        0x1EA0..=0x1EF9 if u % 2 == 0 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Upper case of a Latin or Vietnamese letter; see `lower`.
pub fn upper(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x61..=0x7A => u - 32,
        0xE0..=0xFE if u != 0xF7 => u - 32,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 => u - 1,
        0x1B0 => 0x1AF,
        0x1EA1..=0x1EF9 if u % 2 == 1 => u - 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Vietnamese text in capitals: "xã Liên Sơn" → "XÃ LIÊN SƠN".
pub fn to_upper(text: &str) -> String {
    text.chars().map(upper).collect()
}

/// Vietnamese text in lower case.
pub fn to_lower(text: &str) -> String {
    text.chars().map(lower).collect()
}

fn with_case(c: char, is_upper: bool) -> char {
    if is_upper {
        upper(c)
    } else {
        c
    }
}

/// The plain letter under a Vietnamese letter: 'ệ' → 'e', 'Đ' → 'D'.
fn base_letter(c: char) -> char {
    let l = lower(c);
    let upper = l != c;
    if l == 'đ' {
        return if upper { 'D' } else { 'd' };
    }
    for (base, toned) in VOWELS {
        if base == l || toned.contains(&l) {
            let plain = MODIFIED
                .iter()
                .find(|m| m.2 == base)
                .map(|m| m.0)
                .unwrap_or(base);
            return with_case(plain, upper);
        }
    }
    c
}

/// Composes Vietnamese letters written in decomposed form (a base letter followed by
/// combining marks, as some keyboards and macOS file names produce) into the precomposed
/// form Word and Times New Roman render best. Other text passes through unchanged.
pub fn compose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek().is_none_or(|n| !is_combining(*n)) {
            out.push(c);
            continue;
        }
        let mut marks = Vec::new();
        while let Some(&m) = chars.peek() {
            if !is_combining(m) {
                break;
            }
            marks.push(m);
            chars.next();
        }
        let upper = lower(c) != c;
        let mut letter = lower(c);
        let mut tone = None;
        let mut rest = Vec::new();
        for m in marks {
            if let Some(t) = TONES
                .iter()
                .position(|t| *t == m)
                .filter(|_| tone.is_none())
            {
                tone = Some(t);
            } else if let Some(&(_, _, result)) =
                MODIFIED.iter().find(|(p, md, _)| *p == letter && *md == m)
            {
                letter = result;
            } else {
                rest.push(m);
            }
        }
        match tone {
            None => out.push(with_case(letter, upper)),
            Some(t) => match VOWELS.iter().find(|(b, _)| *b == letter) {
                Some((_, toned)) => out.push(with_case(toned[t], upper)),
                // Not a Vietnamese vowel: keep the mark as it came.
                None => {
                    out.push(with_case(letter, upper));
                    out.push(TONES[t]);
                }
            },
        }
        out.extend(rest);
    }
    out
}

/// Cleans user text for a document: composes Vietnamese, drops control characters other than
/// tab and newline (XML 1.0 cannot carry them), and normalises line ends.
pub fn clean_text(text: &str) -> String {
    compose(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .filter(|c| !matches!(*c, '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// An ASCII file-name slug: "6 tháng đầu năm 2024" → "6-thang-dau-nam-2024".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in compose(text).chars() {
        let b = lower(base_letter(c));
        if b.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(b);
        } else if !is_combining(c) {
            dash = true;
        }
    }
    out
}

/// Lower case with Vietnamese letters composed, for phrase search in notes.
pub fn fold(text: &str) -> String {
    to_lower(&compose(text))
}

/// A lower-case letter without its tone mark, and the mark's index in `TONES`: 'ệ' → ('ê', 4).
fn untoned(c: char) -> Option<(char, usize)> {
    VOWELS
        .iter()
        .find_map(|(base, toned)| toned.iter().position(|t| *t == c).map(|k| (*base, k)))
}

/// A name as a key for telling whether two writings are the same name: Vietnamese letters
/// composed (NFC), lower case, runs of spaces (tabs, no-break spaces) as one and none around,
/// invisible characters (zero-width space, byte-order mark) dropped, "Ð" (eth, left by old font
/// conversions) as "đ", and each word's tone mark moved to the word's end, so the old and the
/// new placement ("Hoà Bình", "Hòa Bình"; "Thuỷ", "Thủy") give one key. Only for comparing:
/// never shown.
pub fn name_key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        let mut tones = Vec::new();
        let mut letters = String::new();
        for c in word.chars() {
            match c {
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => {}
                '\u{f0}' => letters.push('đ'),
                l => match untoned(l) {
                    Some((base, tone)) => {
                        letters.push(base);
                        tones.push(TONES[tone]);
                    }
                    None => letters.push(l),
                },
            }
        }
        if letters.is_empty() && tones.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&letters);
        out.extend(tones);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_follow_the_decree() {
        assert_eq!(
            Date::new(2024, 2, 5).unwrap().long_vi(),
            "ngày 05 tháng 02 năm 2024"
        );
        assert_eq!(
            Date::new(2024, 6, 26).unwrap().long_vi(),
            "ngày 26 tháng 6 năm 2024"
        );
        assert_eq!(
            Date::new(2024, 12, 1).unwrap().long_vi(),
            "ngày 01 tháng 12 năm 2024"
        );
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert_eq!(Date::parse_iso("2024-06-26"), Date::new(2024, 6, 26));
        assert_eq!(Date::parse_iso("2024-13-01"), None);
    }

    #[test]
    fn composes_decomposed_vietnamese() {
        let decomposed = "Lie\u{302}\u{300}n So\u{31b}n, Đa\u{323}t, NO\u{302}NG THO\u{302}N MO\u{31b}\u{301}I, tie\u{302}u chi\u{301}";
        assert_eq!(
            compose(decomposed),
            "Liền Sơn, Đạt, NÔNG THÔN MỚI, tiêu chí"
        );
        // Tone before modifier also composes.
        assert_eq!(compose("e\u{301}\u{302}"), "ế");
        // Precomposed text and non-Vietnamese marks pass through.
        assert_eq!(compose("Liên Sơn"), "Liên Sơn");
        assert_eq!(compose("n\u{303}"), "n\u{303}");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(
            slug("Báo cáo NTM Liên Sơn 6 tháng đầu năm 2024"),
            "bao-cao-ntm-lien-son-6-thang-dau-nam-2024"
        );
        assert_eq!(slug("Xã Đồng Ý — cả năm"), "xa-dong-y-ca-nam");
        assert_eq!(slug("Lie\u{302}\u{300}n So\u{31b}n"), "lien-son");
    }

    #[test]
    fn case_mapping_covers_every_vietnamese_letter_like_unicode() {
        let letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
        for c in letters.chars() {
            let u = c.to_uppercase().next().unwrap();
            assert_eq!(upper(c), u, "{c}");
            assert_eq!(lower(u), c, "{u}");
        }
        assert_eq!(
            to_upper("ủy ban nhân dân xã liên sơn"),
            "ỦY BAN NHÂN DÂN XÃ LIÊN SƠN"
        );
        assert_eq!(to_lower("CHƯA ĐẠT"), "chưa đạt");
    }

    #[test]
    fn name_keys_match_what_people_write_for_one_name() {
        let one = name_key("Hòa Bình");
        for written in [
            "Hòa Bình",
            "Hoà Bình",
            "HÒA BÌNH",
            "  hòa   bình ",
            "Ho\u{300}a Bi\u{300}nh",
            "Hoa\u{300}\u{a0}Bình",
            "\u{feff}Hòa\tBình",
            "Hòa\u{200b} Bình",
        ] {
            assert_eq!(name_key(written), one, "{written:?}");
        }
        assert_eq!(name_key("Thuỷ Xuân"), name_key("Thủy Xuân"));
        assert_eq!(name_key("Hoè Nhai"), name_key("Hòe Nhai"));
        assert_eq!(name_key("ÐỒNG TÂM"), name_key("Đồng Tâm"));
        // Different names stay different: a tone, a modifier, a letter.
        assert_ne!(name_key("Hòa Bình"), name_key("Hóa Bình"));
        assert_ne!(name_key("Tân Thành"), name_key("Tấn Thành"));
        assert_ne!(name_key("Đồng Tâm"), name_key("Đông Tâm"));
        assert_ne!(name_key("Hòa Bình"), name_key("Hòa Bình 2"));
        assert_eq!(name_key("   "), "");
    }

    #[test]
    fn cleaning_removes_control_characters() {
        assert_eq!(clean_text("a\u{0}b\u{7}c\r\nd\te"), "abc\nd\te");
    }
}
