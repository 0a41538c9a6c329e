#!/usr/bin/env bash
# The editor's WASM as the release build makes it (cargo, wasm-bindgen, wasm-opt -Oz with the
# page's parameters), without trunk and the other pages: a quick figure for trying a size
# remedy (about a minute after a change, against several for the whole site). Prints raw and
# gzip -9 bytes of the module and its JS glue; the module is kept as target/editor-size/
# <label>.wasm (with its names, for scripts/wasm_breakdown.py, when NAMES=1).
# The figures are a few KB above the shipped ones: the post-build hook's short import names
# (scripts/wasm_imports.py) and terser are not applied. Compare like with like.
#
#   scripts/editor_size.sh before      (then change something)      scripts/editor_size.sh after
#   WASM_OPT_FLAGS="-Oz --low-memory-unused --converge" scripts/editor_size.sh converge
#   BIN=cong-cu scripts/editor_size.sh tools
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
LABEL=${1:-editor}
BIN=${BIN:-tieuchi}
FLAGS=${WASM_OPT_FLAGS:--Oz --low-memory-unused}
OUT=target/editor-size
mkdir -p "$OUT/$LABEL"
# shellcheck disable=SC2086
if ! cargo build --release --locked --target wasm32-unknown-unknown --bin "$BIN" ${CARGO_FLAGS:-} >"$OUT/$LABEL.log" 2>&1; then
  grep -E -A8 '^error' "$OUT/$LABEL.log" >&2
  exit 1
fi
wasm-bindgen --target web --no-typescript --out-dir "$OUT/$LABEL" "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/$BIN.wasm"
# shellcheck disable=SC2086
wasm-opt $FLAGS ${NAMES:+-g} --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  -o "$OUT/$LABEL.wasm" "$OUT/$LABEL/${BIN}_bg.wasm"
node -e '
const fs = require("fs"), zlib = require("zlib");
const [label, wasm, js] = process.argv.slice(1);
const size = (f) => { const b = fs.readFileSync(f); return [b.length, zlib.gzipSync(b, { level: 9 }).length]; };
const [wr, wg] = size(wasm), [jr, jg] = size(js);
console.log(`${label}: wasm ${wr} raw, ${wg} gzip -9; js glue ${jr} raw, ${jg} gzip -9 (unminified); wasm + js gzip ${wg + jg}`);
' "$LABEL" "$OUT/$LABEL.wasm" "$OUT/$LABEL/${BIN}.js"
