//! A minimal ZIP writer (deflate via miniz_oxide, CRC-32 by `core::crc32`): all a .docx needs.
//!
//! Why not the `zip` crate: it adds about 75 KB gzipped to the WASM bundle for reading,
//! encryption and format variants the app never uses; writing an archive is ~80 lines.
//! The tests read every archive back with the `zip` crate, so the format is checked by an
//! independent implementation.

/// One file to store.
pub struct ZipEntry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
}

/// Builds a ZIP archive. Entries are deflated when that makes them smaller.
pub fn write(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 1980-01-01 00:00 (DOS date: years since 1980 << 9 | month << 5 | day), a fixed time so
    // the same report gives the same bytes.
    let (time, date): (u16, u16) = (0, (1 << 5) | 1);
    for e in entries {
        let crc = crate::core::crc32::hash(e.data);
        let deflated = miniz_oxide::deflate::compress_to_vec(e.data, 6);
        let (method, body): (u16, &[u8]) = if deflated.len() < e.data.len() {
            (8, &deflated)
        } else {
            (0, e.data)
        };
        let offset = out.len() as u32;
        let name = e.name.as_bytes();
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        put16(&mut out, 20); // version needed
        put16(&mut out, 0x0800); // UTF-8 names
        put16(&mut out, method);
        put16(&mut out, time);
        put16(&mut out, date);
        put32(&mut out, crc);
        put32(&mut out, body.len() as u32);
        put32(&mut out, e.data.len() as u32);
        put16(&mut out, name.len() as u16);
        put16(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(body);
        // Central directory record.
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by
        put16(&mut central, 20); // needed
        put16(&mut central, 0x0800);
        put16(&mut central, method);
        put16(&mut central, time);
        put16(&mut central, date);
        put32(&mut central, crc);
        put32(&mut central, body.len() as u32);
        put32(&mut central, e.data.len() as u32);
        put16(&mut central, name.len() as u16);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0);
    out
}

fn put16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}
