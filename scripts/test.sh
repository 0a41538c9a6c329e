#!/usr/bin/env bash
# Sets up what is missing, then runs every test: native core tests, browser tests
# (wasm-bindgen-test in headless Chromium), the release build with its size budget, and the
# end-to-end tests that drive the built site in Chromium. Ends with one line of totals.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints (rustfmt, clippy for native and wasm32)"
# Both ship with the machine's toolchain; rustup cannot download components here.
if cargo fmt --version >/dev/null 2>&1; then cargo fmt --check; else echo "rustfmt not installed: format check skipped"; fi
if cargo clippy --version >/dev/null 2>&1; then
  cargo clippy --locked --all-targets -- -D warnings
  cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings
else
  echo "clippy not installed: lints skipped"
fi

step "native tests (cargo test)"
cargo test --locked 2>&1 | tee -a "$LOG"

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser 2>&1 | tee -a "$LOG"

step "release build (trunk)"
trunk build --release --locked

step "end-to-end tests (Chromium driven by playwright-core)"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec *.test.mjs) 2>&1 | tee -a "$LOG"

# cargo: "test result: ok. N passed; M failed"; node: "ℹ pass N" / "ℹ fail M".
awk '/^test result:/ { p += $4; f += $6 } /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 }
     END { printf "\ntests: %d passed, %d failed\n", p, f }' "$LOG"
