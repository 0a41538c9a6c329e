#!/usr/bin/env bash
# Prints every performance figure: first-load sizes per file (gzip -9), native benchmarks of
# the core, and browser figures at 4× CPU slowdown (Chromium via the DevTools protocol).
# Figures, not pass/fail: the budget check lives in tests/e2e/size.test.mjs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(rustc --version)"
trunk build --release --locked >/dev/null 2>&1 || trunk build --release --locked
printf '\n== native (cargo bench --bench core)\n'
cargo bench --locked --bench core 2>/dev/null | grep -v '^$'
printf '\n== browser (tests/e2e/bench.mjs)\n'
node tests/e2e/bench.mjs
