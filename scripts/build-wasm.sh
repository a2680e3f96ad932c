#!/usr/bin/env bash
# Builds the WebAssembly binding: cargo (profile release-wasm) → wasm-bindgen for the browser
# (bindings-wasm/pkg-web) and Node (bindings-wasm/pkg-node) → TypeScript types from the schemas.
# Needs the wasm32 target, the wasm-bindgen CLI of Cargo.lock's version and `npm ci` (see
# scripts/test-wasm.sh, which installs them). Prints the .wasm size raw and gzipped.
# Extra arguments go to cargo: `scripts/build-wasm.sh --no-default-features` builds without
# table import (CSV/XLSX/HTML; about 480 KB of the gzipped module).
#
# No wasm-opt: measured with npm binaryen 132 (-Oz), it shrinks the raw file (2.59 → 2.34 MB)
# but the gzipped one grows (785 → 818 KB) and it costs 1.5–2.5 min per build.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build -p gongkai-wasm --target wasm32-unknown-unknown --profile release-wasm --locked "$@"
wasm=target/wasm32-unknown-unknown/release-wasm/gongkai_wasm.wasm
for target in web nodejs; do
  out=bindings-wasm/pkg-${target/nodejs/node}
  rm -rf "$out"
  wasm-bindgen "$wasm" --target "$target" --out-dir "$out" \
    --remove-name-section --remove-producers-section
done
# The web glue is an ES module and the Node glue CommonJS, whatever a parent package.json says
# (this lets Node import the web build too, for tests).
echo '{ "type": "module" }' > bindings-wasm/pkg-web/package.json
echo '{ "type": "commonjs" }' > bindings-wasm/pkg-node/package.json

node bindings-wasm/scripts/gen-types.mjs

out=bindings-wasm/pkg-web/gongkai_wasm_bg.wasm
raw=$(wc -c < "$out")
gz=$(gzip -9c "$out" | wc -c)
echo "gongkai_wasm_bg.wasm: $raw bytes raw, $gz bytes gzipped (gzip -9)"
