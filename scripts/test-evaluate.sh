#!/usr/bin/env bash
# The 通报 of `gongkai evaluate` in a browser: evaluates examples/evaluation/ into
# target/evaluate-test (JSON, HTML, XLSX), then opens the HTML from file:// in headless
# Chromium (cli/tests-js/evaluate.mjs: no console error, nothing loaded from outside, every
# chart has data, the ranking matches the JSON, every deduction's findings resolve, A4 print;
# screenshots in target/evaluate-report*.png).
# Usage: scripts/test-evaluate.sh     (scripts/test.sh calls it, after test-site.sh)
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
npm --prefix cli/tests-js ci --no-audit --no-fund --loglevel=error

rm -rf target/evaluate-test
(cd examples/evaluation && cargo run -q --locked -p gongkai-cli -- evaluate --manifest units.csv \
  --today 2026-04-10 -o ../../target/evaluate-test/report.json -o ../../target/evaluate-test/report.html \
  -o ../../target/evaluate-test/report.xlsx)
CHROMIUM="$chromium" node cli/tests-js/evaluate.mjs target/evaluate-test/report.html \
  target/evaluate-test/report.json target
