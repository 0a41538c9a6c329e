//! Embeds the shipped criteria sets minified: `criteria/*.json` stay indented for review, the
//! WASM carries them without the whitespace (see BENCHMARKS.md).

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=criteria");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
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
    }
}
