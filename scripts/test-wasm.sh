#!/usr/bin/env bash
# WebAssembly binding: installs what is missing (wasm32 target, the wasm-bindgen CLI of
# Cargo.lock's version, Chromium, a CJK font for legible screenshots, npm packages), builds
# both builds (default, and with table import) for both targets and the react-jsonschema-form
# example (esbuild), then runs the node:test suites against the Node and web glue and the browser
# tests of the demo and of the form example in headless Chromium (screenshots in target/).
# Usage: scripts/test-wasm.sh     (scripts/test.sh calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "$@"
}

# --- tools
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
wb_version=$(cargo metadata --format-version 1 --locked | python3 -c \
  'import sys, json; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "wasm-bindgen"))')
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  # Not --locked: the CLI's own lock file pins a crate version the registry may not have.
  cargo install wasm-bindgen-cli --version "$wb_version"
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || apt_install chromium
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  apt_install fonts-droid-fallback || echo "warning: no CJK font; screenshots will show boxes" >&2
fi
npm --prefix bindings-wasm ci --no-audit --no-fund --loglevel=error
# Both builds of the package: the default one and the one with table import (feature `tables`).
cargo clippy -p gongkai-wasm --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
cargo clippy -p gongkai-wasm --target wasm32-unknown-unknown --all-targets --features tables --locked -- -D warnings

# --- build. The committed TypeScript types must match the schemas before the build rewrites them.
node bindings-wasm/scripts/gen-types.mjs --check
scripts/build-wasm.sh
# The react-jsonschema-form example (examples/form/): one esbuild bundle, about a second.
node bindings-wasm/scripts/build-examples.mjs

# --- node:test: fixtures, schemas with ajv, API, calendar/deadline, audit, diff, panic recovery,
#     robustness, types (default build, Node and web glue); tables, evaluate, changes (the
#     tables build); the two builds agree, the default one lacks importTable, evaluate and
#     changes and is at most 1 MB gzipped (builds.test.mjs)
(cd bindings-wasm && node --test tests-js/)
# The JavaScript blocks of the READMEs, each a Node module run against the built package.
python3 scripts/doc-blocks.py --run js

# --- browser: the demo and the form example in headless Chromium, served from bindings-wasm/ on a
#     free loopback port
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory bindings-wasm >target/wasm-http.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null && break
  sleep 0.1
done
(cd bindings-wasm && CHROMIUM="$chromium" node tests-js/browser.mjs "http://127.0.0.1:$port" ../target)
# The form generated from the published schema by react-jsonschema-form, with validateItem.
(cd bindings-wasm && CHROMIUM="$chromium" node tests-js/form-browser.mjs "http://127.0.0.1:$port" ../target)
