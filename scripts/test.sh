#!/usr/bin/env bash
# Sets up what is missing, then runs every test: native core tests, browser tests
# (wasm-bindgen-test in headless Chromium), the release build with its size budget, and the
# end-to-end tests that drive the built site in Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native tests (cargo test)"
cargo test --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build (trunk)"
trunk build --release --locked

step "end-to-end tests (Chromium driven by playwright-core)"
cd tests/e2e
node --test --test-concurrency=1 --test-reporter=spec *.test.mjs
