//! Embeds the shipped criteria sets minified: `criteria/*.json` stay indented for review, the
//! WASM carries them without the whitespace (see BENCHMARKS.md).

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=criteria");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The catalogue: what the editor lists of every shipped set before reading its file
    // (see core::sets). Newest period first, as the app offers them.
    let mut listed: Vec<(u16, u16, String)> = Vec::new();
    for entry in fs::read_dir("criteria").expect("criteria/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a criteria file is UTF-8");
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().expect("a file name");
        fs::write(Path::new(&out).join(name), value.to_string()).expect("OUT_DIR is writable");
        let text = |k: &str| value[k].as_str().unwrap_or_default().to_string();
        let year = |k: &str| value["period"][k].as_u64().unwrap_or_default() as u16;
        let indicators: usize = value["criteria"]
            .as_array()
            .map(|c| {
                c.iter()
                    .map(|c| c["indicators"].as_array().map_or(0, Vec::len))
                    .sum()
            })
            .unwrap_or_default();
        listed.push((
            year("to"),
            year("from"),
            format!(
                "Listed {{ id: {:?}, name: {:?}, version: {:?}, from: {}, to: {}, indicators: {} }},",
                text("id"),
                text("name"),
                text("version"),
                year("from"),
                year("to"),
                indicators
            ),
        ));
    }
    listed.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
    let entries: Vec<String> = listed.into_iter().map(|(_, _, e)| e).collect();
    let catalogue = format!(
        "pub const CATALOGUE: &[Listed] = &[{}];\n",
        entries.join(" ")
    );
    fs::write(Path::new(&out).join("catalogue.rs"), catalogue).expect("OUT_DIR is writable");
}
