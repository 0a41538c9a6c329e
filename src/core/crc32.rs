//! CRC-32 (IEEE 802.3, the checksum of ZIP members), a byte at a time through one 256-entry
//! table built at compile time. crc32fast, used before, is faster on long inputs but carries
//! 16 KB of slice-by-16 tables, which do not compress: about 16 KB gzip of the tools' module
//! and of the report worker (BENCHMARKS.md). At a byte a step it checksums a roll-up's
//! workbook or a report in a few milliseconds. Checked against crc32fast in the tests.

const POLY: u32 = 0xEDB8_8320;

const TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { POLY ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// The CRC-32 of `bytes`.
pub fn hash(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::hash;
    use proptest::prelude::*;

    #[test]
    fn the_check_value_of_crc_32() {
        assert_eq!(hash(b"123456789"), 0xCBF4_3926);
        assert_eq!(hash(b""), 0);
    }

    proptest! {
        #[test]
        fn equals_crc32fast(bytes in proptest::collection::vec(any::<u8>(), 0..5000)) {
            prop_assert_eq!(hash(&bytes), crc32fast::hash(&bytes));
        }
    }
}
