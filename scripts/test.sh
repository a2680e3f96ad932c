#!/usr/bin/env bash
# Installs what the tests need and runs every test: Rust, Python, Node, browser.
# Usage: scripts/test.sh            (from anywhere; CI calls it through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

for part in scripts/test-rust.sh scripts/test-python.sh scripts/test-wasm.sh; do
  if [ -x "$part" ]; then
    echo "=== $part"
    "$part"
  fi
done
echo "=== all test suites passed"
