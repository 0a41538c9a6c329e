#!/usr/bin/env bash
# The release site as shipped, but with every WASM module's function names kept (wasm-opt -g),
# into target/dist-names/: what twiggy and the browser's profiler read (scripts/size_report.sh,
# tests/e2e/profile.mjs). Built from a copy of the work tree (tracked and new files) with the
# pages' wasm-opt parameters given -g, into its own target directory, so dist/ and target/
# stay as they are. The modules differ from the shipped ones by their name section only, give
# or take a few bytes of wasm-opt's choices.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
SRC=target/names-src
rm -rf "$SRC"
mkdir -p "$SRC"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && cp --parents -P "$f" "$SRC/"
done
ln -sfn "$ROOT/.tools" "$SRC/.tools"
for html in "$SRC"/index.html "$SRC"/tools.html; do
  sed -i 's/data-wasm-opt-params="\([^"]*\)"/data-wasm-opt-params="\1 -g"/g' "$html"
done
grep -q -- '-g"' "$SRC/index.html" || { echo "names_build: wasm-opt parameters not found in index.html" >&2; exit 1; }
(cd "$SRC" && CARGO_TARGET_DIR="$ROOT/target/names" trunk build --release --locked --dist "$ROOT/target/dist-names" >"$ROOT/target/names-build.log" 2>&1) \
  || { tail -30 target/names-build.log >&2; exit 1; }
ls target/dist-names/*_bg.wasm target/dist-names/*/*_bg.wasm
