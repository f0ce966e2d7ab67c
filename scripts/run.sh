#!/usr/bin/env bash
# Builds the app in release mode with the bundled corpus and serves dist/ on
# http://127.0.0.1:8080/ (PORT=... to change it) with the security headers a host should send
# (scripts/csp.mjs). Installs missing tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release true
exec node scripts/serve.mjs dist "${PORT:-8080}" --csp
