#!/usr/bin/env bash
# Prints every performance figure: first-load sizes per file (gzip -9), native benchmarks of
# the core (with the growth from 50 to 500 indicators), browser figures at 4× CPU slowdown
# (Chromium via the DevTools protocol; the growth with the set's size; the side by side with a
# SurveyJS form, installed into .tools/surveyjs for this only), the roll-up of 1,000 files,
# and Lighthouse's mobile scores of each page's first visit (3 runs).
# Figures, not pass/fail: the budget check lives in tests/e2e/size.test.mjs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(rustc --version)"
trunk build --release --locked >/dev/null 2>&1 || trunk build --release --locked
# TEST DATA of 50 and 500 indicators for the growth figures (tests/e2e/testdata.mjs).
mkdir -p target/testdata
for n in 50 500; do node tests/e2e/testdata.mjs "$n" --envelope >"target/testdata/draft-$n.json"; done
printf '\n== native (cargo bench --bench core)\n'
cargo bench --locked --bench core 2>/dev/null | grep -v '^$'
SURVEYJS_VERSION=2.5.38
if [ "$(node -p "require('./.tools/surveyjs/node_modules/survey-js-ui/package.json').version" 2>/dev/null)" != "$SURVEYJS_VERSION" ]; then
  # Only the side by side uses it (tests/e2e/surveyjs-page.mjs); nothing of it is in the app.
  npm install --prefix .tools/surveyjs --no-audit --no-fund --silent "survey-core@$SURVEYJS_VERSION" "survey-js-ui@$SURVEYJS_VERSION"
fi
printf '\n== browser (tests/e2e/bench.mjs)\n'
node tests/e2e/bench.mjs
printf '\n== Lighthouse, first visit (tests/e2e/lighthouse.mjs)\n'
LIGHTHOUSE_VERSION=12.2.3
if [ "$(.tools/lighthouse/node_modules/.bin/lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  # Pinned: Lighthouse 13 needs Node 22. Only the benchmarks use it, so setup.sh does not.
  npm install --prefix .tools/lighthouse --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
node tests/e2e/lighthouse.mjs
