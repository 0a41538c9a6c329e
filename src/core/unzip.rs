//! Reads the files of a .zip archive (draft files as they arrive by e-mail; a .docx): stored or
//! deflated entries, found through the central directory. What cannot be read is named, never a panic.

/// Larger archives are refused: a province's files are a few megabytes.
const MAX_TOTAL: usize = 512 * 1024 * 1024;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// One member: its name and its bytes, or why it could not be read.
pub type Member = (String, Result<Vec<u8>, String>);

/// The members of an archive (folders left out), or why it is not a readable archive.
pub fn members(zip: &[u8]) -> Result<Vec<Member>, String> {
    // The end of central directory record: the last "PK\5\6" within the final 64 KB + 22.
    let from = zip.len().saturating_sub(65_557);
    let end = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or("không phải tệp nén .zip hoặc tệp bị cắt cụt")?;
    let count = u16_at(zip, end + 10).ok_or("tệp nén bị hỏng")?;
    let mut at = u32_at(zip, end + 16).ok_or("tệp nén bị hỏng")?;
    let mut out = Vec::new();
    let mut total = 0usize;
    for _ in 0..count {
        if zip.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02]) {
            return Err("danh mục của tệp nén bị hỏng".into());
        }
        let field = |o| u16_at(zip, at + o).ok_or("tệp nén bị hỏng");
        let (method, name_len, extra_len, comment_len) =
            (field(10)?, field(28)?, field(30)?, field(32)?);
        let compressed = u32_at(zip, at + 20).ok_or("tệp nén bị hỏng")?;
        let size = u32_at(zip, at + 24).ok_or("tệp nén bị hỏng")?;
        let local = u32_at(zip, at + 42).ok_or("tệp nén bị hỏng")?;
        let name_bytes = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or("tệp nén bị hỏng")?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if name.ends_with('/') {
            continue;
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL {
            return Err("tệp nén quá lớn".into());
        }
        out.push((name, member(zip, local, method, compressed, size)));
    }
    Ok(out)
}

fn member(
    zip: &[u8],
    local: usize,
    method: usize,
    compressed: usize,
    size: usize,
) -> Result<Vec<u8>, String> {
    if zip.get(local..local + 4) != Some(&[0x50, 0x4b, 0x03, 0x04]) {
        return Err("tệp trong tệp nén bị hỏng".into());
    }
    let start = local
        + 30
        + u16_at(zip, local + 26).ok_or("tệp nén bị hỏng")?
        + u16_at(zip, local + 28).ok_or("tệp nén bị hỏng")?;
    let body = zip
        .get(start..start.saturating_add(compressed))
        .ok_or("tệp trong tệp nén bị cắt cụt")?;
    match method {
        0 => Ok(body.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, size.max(1))
            .map_err(|_| "tệp trong tệp nén bị hỏng (không giải nén được)".to_string()),
        _ => Err("tệp nén dùng cách nén không hỗ trợ (chỉ hỗ trợ ZIP thường)".into()),
    }
}
