#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the app at http://127.0.0.1:8080
# (rebuilding on every change). Pass --release for the optimised build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
exec trunk serve "$@"
