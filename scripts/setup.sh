#!/usr/bin/env bash
# Installs, at pinned versions, only what is missing: the wasm32 target, trunk, wasm-bindgen-cli
# (equal to the wasm-bindgen in Cargo.lock), wasm-opt (binaryen from npm, in .tools/),
# Chromium and ChromeDriver, LibreOffice Writer, and the end-to-end test packages.
# Nothing is downloaded from anywhere but crates.io, npm and Debian's packages.
# Source it (`. scripts/setup.sh`) or run it; it prints the PATH line it needs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TERSER_VERSION=5.51.4

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock. Its own lockfile asks for a
# crate this registry lacks, so it is installed without --locked.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  log "Cargo.lock has no wasm-bindgen entry: run 'cargo generate-lockfile' first"; exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

if ! "$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  log "installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
fi

# trunk's own JS minifier fails on wasm-bindgen's loader; scripts/post_build.py minifies it
# with terser instead.
if [ "$("$ROOT/.tools/node_modules/.bin/terser" --version 2>/dev/null)" != "terser $TERSER_VERSION" ]; then
  log "installing terser $TERSER_VERSION from npm into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent "terser@$TERSER_VERSION"
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
# Calc: the end-to-end tests open the exported CSV tables in it.
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "liberation serif" || missing+=(fonts-liberation)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ] \
   || [ ! -d tests/e2e/node_modules/puppeteer-core ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  log "installing end-to-end test packages (playwright-core, axe-core, puppeteer-core) from npm"
  # playwright-core and puppeteer-core ship no browser and download none: they drive Debian's
  # /usr/bin/chromium and /usr/bin/firefox-esr.
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

log "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(wasm-opt --version | head -1), $(terser --version), $(chromium --version 2>/dev/null | head -1)"
