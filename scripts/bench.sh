#!/usr/bin/env bash
# Prints every performance figure: first-load sizes per file (gzip -9), native benchmarks of
# the core, browser figures at 4× CPU slowdown (Chromium via the DevTools protocol), the
# roll-up of 1,000 files, and Lighthouse's mobile scores of each page's first visit (3 runs).
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
printf '\n== Lighthouse, first visit (tests/e2e/lighthouse.mjs)\n'
LIGHTHOUSE_VERSION=12.2.3
if [ "$(.tools/lighthouse/node_modules/.bin/lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  # Pinned: Lighthouse 13 needs Node 22. Only the benchmarks use it, so setup.sh does not.
  npm install --prefix .tools/lighthouse --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
node tests/e2e/lighthouse.mjs
