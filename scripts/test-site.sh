#!/usr/bin/env bash
# The 基层政务公开专题 site in a browser: writes the site of the bundled example, its records
# (tests/site/records/) and the corpus tables with `gongkai site` into target/site-test, then
# opens it from file:// in headless Chromium (cli/tests-js/site.mjs: every link, the filter,
# keyboard, axe-core, phone width, print; screenshots in target/site-*.png).
# Usage: scripts/test-site.sh     (scripts/test.sh calls it, after test-wasm.sh has installed
# Chromium and a CJK font)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium
fi
# Test-only tools (playwright-core drives the system's Chromium; axe-core checks accessibility).
npm --prefix cli/tests-js ci --no-audit --no-fund --loglevel=error

rm -rf target/site-test
cargo run -q --locked -p gongkai-cli -- site examples/wuzhi-municipal.json tests/corpus/*.csv \
  --records tests/site/records --base-url https://portal.example/zt/ -o target/site-test
CHROMIUM="$chromium" node cli/tests-js/site.mjs target/site-test target
