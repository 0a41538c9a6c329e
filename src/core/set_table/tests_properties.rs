//! Properties of reading and applying tables: for any table, the preview and apply agree; a
//! well-formed table applies and its CSV reads back to the same set.

use super::tests::{opts, set_2026};
use super::*;

use proptest::prelude::*;

/// A threshold cell of a row of one kind: judged, a share, an amount, a count.
fn cell_of(kind: u8) -> BoxedStrategy<String> {
    let common = proptest::sample::select(vec!["", "-", "x", "Theo quy định của UBND tỉnh"])
        .prop_map(String::from);
    let own: BoxedStrategy<String> = match kind {
        0 => proptest::sample::select(vec!["Đạt", "Đạt chuẩn", "Có"])
            .prop_map(String::from)
            .boxed(),
        1 => (
            0u32..=100,
            proptest::sample::select(vec!["≥ ", "Tối thiểu ", "", "⩾"]),
        )
            .prop_map(|(v, s)| format!("{s}{v}%"))
            .boxed(),
        2 => (1u32..500, 0u32..10)
            .prop_map(|(v, d)| format!("≥ {v},{d} triệu đồng/người/năm"))
            .boxed(),
        _ => (0u32..50).prop_map(|v| format!("≤ {v}")).boxed(),
    };
    prop_oneof![1 => common, 3 => own].boxed()
}

/// Rows of one kind each, distinct codes, with or without a source.
fn valid_table() -> impl Strategy<Value = String> {
    let row = (1u8..=10, 1u8..=6, 0u8..4, any::<bool>()).prop_flat_map(|(c, i, kind, src)| {
        proptest::collection::vec(cell_of(kind), 3).prop_map(move |cells| (c, i, kind, src, cells))
    });
    proptest::collection::vec(row, 1..12).prop_map(|rows| {
        let mut seen = Vec::new();
        let mut text = String::new();
        for (c, i, kind, src, mut cells) in rows {
            if seen.contains(&(c, i)) {
                continue;
            }
            seen.push((c, i));
            if cells.iter().all(|x| x == "-") {
                cells[0] = String::new();
            }
            let wording = [
                "Có thử nghiệm",
                "Tỷ lệ hộ thử nghiệm",
                "Thu nhập thử nghiệm",
                "Số vụ thử nghiệm",
            ][kind as usize];
            let source = if src { "Văn bản thử nghiệm" } else { "" };
            text.push_str(&format!(
                "{c}.{i}\t{wording} {c}.{i}\t{}\t{source}\n",
                cells.join("\t")
            ));
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text at all: read without panicking; the preview and apply agree on it.
    #[test]
    fn random_text_never_panics_and_preview_and_apply_agree(text in "(?s).{0,400}") {
        let set = set_2026();
        let table = parse(&text, &set);
        let preview = plan(&set, &table, &opts("nguồn"));
        let applied = apply(&set, &table, &Options { confirmed: true, ..opts("nguồn") });
        prop_assert_eq!(preview.ready(true), applied.is_ok());
        prop_assert_eq!(applied.err().unwrap_or_default(), preview.messages());
    }

    /// Tables of plausible and broken cells in random arrangement: everything the preview
    /// accepts, apply accepts (and gives the set the preview showed); what it refuses, the
    /// preview marked on a row or for the table.
    #[test]
    fn what_the_preview_accepts_apply_accepts(
        rows in proptest::collection::vec(
            (1u8..=11, 1u8..=6, proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(vec!["", "-", "x", "Đạt", "≥ 80%", "≤ 26,7%", "100%", "≥ 39 triệu đồng", "≥ 3", "x%", "≥ 1.234,5", "Theo quy định của UBND tỉnh", "Tối thiểu 90%", "Không quá 5%"]).prop_map(String::from),
                    "[≥≤ ]{0,2}[0-9.,\\x0b]{1,6}( ?%| ha| triệu đồng)?",
                ], 3..=4),
             "[a-zA-ZÀ-ỹ ;\"'=-]{0,12}"),
            0..12)
    ) {
        let set = set_2026();
        let text: String = rows.iter().map(|(c, i, cells, src)| {
            format!("{c}.{i}\tTỷ lệ hộ {c}.{i}\t{}\t{src}\n", cells.join("\t"))
        }).collect();
        let table = parse(&text, &set);
        let preview = plan(&set, &table, &opts("Nguồn mặc định"));
        let applied = apply(&set, &table, &Options { confirmed: true, ..opts("Nguồn mặc định") });
        prop_assert_eq!(preview.ready(true), applied.is_ok());
        match applied {
            Ok(next) => prop_assert_eq!(Some(next), preview.result),
            Err(messages) => {
                prop_assert!(!messages.is_empty());
                prop_assert_eq!(messages, preview.messages());
            }
        }
    }

    /// Well-formed tables (each row of one kind, distinct codes): apply accepts every one,
    /// the result is valid, and its CSV read back gives the same set, onto it and onto
    /// the set it was made from.
    #[test]
    fn valid_tables_apply_and_their_csv_reads_back(text in valid_table()) {
        let set = set_2026();
        let table = parse(&text, &set);
        prop_assert!(table.ok(), "{:?}", table.errors);
        let next = apply(&set, &table, &opts("Nguồn mặc định"));
        prop_assert!(next.is_ok(), "{:?}", next);
        let next = next.unwrap();
        prop_assert!(next.validate().is_empty());
        let csv = to_csv(&next);
        let again = apply(&next, &parse(&csv, &next), &opts("Nguồn mặc định"));
        prop_assert_eq!(again.as_ref(), Ok(&next));
        let fresh = apply(&set, &parse(&csv, &set), &opts("Nguồn mặc định"));
        prop_assert_eq!(fresh.as_ref(), Ok(&next));
    }

    /// Read a chunk of rows at a time (a long paste, the page painting between chunks), any
    /// table reads to the same table as at once, and `step` counts down the rows left.
    #[test]
    fn a_table_read_in_steps_is_the_table_read_at_once(
        text in prop_oneof![valid_table(), "(?s).{0,400}"],
        chunk in 1usize..6,
    ) {
        let set = set_2026();
        for text in [text.as_str(), super::tests::TEST_TABLE] {
            let Ok(g) = grid(text) else { continue };
            let mut reader = RowReader::new(&g, None, &set);
            let (_, of) = reader.progress();
            let mut left = of;
            while left > 0 {
                let now = reader.step(chunk);
                prop_assert!(now < left);
                prop_assert_eq!(reader.progress(), (of - now, of));
                left = now;
            }
            prop_assert_eq!(reader.finish(), read_grid(&g, None, &set));
        }
    }
}
