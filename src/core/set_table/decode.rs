//! A table file's bytes as text, in the encodings Excel saves CSV in: UTF-8 (with or without
//! a byte-order mark), UTF-16 ("Unicode Text", by its byte-order mark) and Windows-1258 (the
//! Vietnamese "ANSI" of Excel on Windows). The encoding is named, so that a person who sees
//! odd letters knows why. What is not text (a Word or Excel file, a PDF) is named too, with
//! what to do instead.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
}

impl Encoding {
    pub fn name_vi(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16 (“Unicode Text” của Excel)",
            Encoding::Windows1258 => "Windows-1258 (bảng mã tiếng Việt của Windows)",
        }
    }
}

/// What a file that is not text is, and what to do with it; `None` for text.
pub fn not_text(bytes: &[u8]) -> Option<String> {
    let zip = bytes.starts_with(b"PK\x03\x04");
    let member = |name: &str| {
        crate::core::unzip::members(bytes).is_ok_and(|m| m.iter().any(|(n, _)| n.starts_with(name)))
    };
    if zip && member("word/") {
        Some("Đây là tệp Word (.docx): dùng nút “Nhập bảng từ tệp Word (.docx)”.".into())
    } else if zip && member("xl/") {
        Some("Đây là tệp Excel (.xlsx): trong Excel chọn “Lưu thành” (Save As) kiểu CSV UTF-8, rồi nhập tệp CSV đó.".into())
    } else if zip {
        Some("Đây là tệp nén (.zip), không phải bảng CSV.".into())
    } else if bytes.starts_with(b"%PDF") {
        Some(
            "Đây là tệp PDF: mở tệp, chọn cả bảng, sao chép rồi dán vào ô “Dán bảng chỉ tiêu”."
                .into(),
        )
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("Đây là tệp Word hoặc Excel đời cũ (.doc, .xls): hãy mở và lưu thành .docx, hoặc thành CSV UTF-8.".into())
    } else {
        None
    }
}

/// The text of a table file, and its encoding; or why it is not a table's text.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    if let Some(what) = not_text(bytes) {
        return Err(what);
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks(2).map(|c| match (c, le) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => 0xFFFD,
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| "Tệp UTF-16 bị hỏng (có ký tự không đọc được).".to_string())
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok((utf16(rest, true)?, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok((utf16(rest, false)?, Encoding::Utf16Be));
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(_) if bytes.len() != body.len() => Err(
            "Tệp ghi là UTF-8 nhưng có byte không đọc được: tệp bị hỏng hoặc không phải văn bản."
                .into(),
        ),
        Err(_) => windows_1258(bytes).map(|t| (t, Encoding::Windows1258)),
    }
}

/// Windows-1258 from 0x80 up (0: not a character). Tone marks are combining (0xCC, 0xD2,
/// 0xDE, 0xEC, 0xF2); the text is composed later.
const CP1258: [u16; 128] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0, //
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178, //
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, //
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, //
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, //
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, //
    0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, //
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, //
    0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, //
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, //
    0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, //
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, //
    0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, //
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF, //
];

fn windows_1258(bytes: &[u8]) -> Result<String, String> {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        let c = match b {
            0..=0x7F => Some(char::from(b)),
            _ => char::from_u32(u32::from(CP1258[usize::from(b - 0x80)])).filter(|c| *c != '\0'),
        };
        match c {
            Some(c) if !c.is_control() || matches!(c, '\t' | '\n' | '\r') => out.push(c),
            _ => return Err("Tệp không phải văn bản UTF-8, UTF-16 hay Windows-1258: hãy lưu bảng thành “CSV UTF-8” rồi nhập lại.".into()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::vn::compose;

    #[test]
    fn excels_encodings_are_read_and_named() {
        let text = "Mã chỉ tiêu;Nội dung\n1.1;Tỷ lệ hộ đạt";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le), Ok((text.to_string(), Encoding::Utf16Le)));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be), Ok((text.to_string(), Encoding::Utf16Be)));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.bytes());
        assert_eq!(decode(&bom).unwrap().1, Encoding::Utf8);
        // "Tỷ lệ hộ đạt" in Windows-1258: y + hook above (0xD2), e-circumflex + dot below (0xF2),
        // o-circumflex + dot below, d-stroke (0xF0), a + dot below.
        let cp = b"1.1;T\x79\xD2 l\xEA\xF2 h\xF4\xF2 \xF0a\xF2t";
        let (read, enc) = decode(cp).unwrap();
        assert_eq!(enc, Encoding::Windows1258);
        assert_eq!(compose(&read), "1.1;Tỷ lệ hộ đạt");
        assert!(decode(&[0xEF, 0xBB, 0xBF, 0xFF]).is_err());
        assert!(decode(&[0x81]).unwrap_err().contains("CSV UTF-8"));
        assert!(decode(b"%PDF-1.7").unwrap_err().contains("PDF"));
    }
}
