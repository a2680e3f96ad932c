#!/usr/bin/env bash
# Rust: formatting, lints, licences, unit/integration/doc tests, the checked-in schema, API docs,
# the shell blocks of the READMEs.
set -euo pipefail
cd "$(dirname "$0")/.."
# The CLI's allocator (mimalloc) is built from C: a C compiler is needed.
if ! command -v cc >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends gcc libc6-dev
fi
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
python3 scripts/check-licenses.py
cargo test --workspace --locked
# The READMEs' code blocks: each marked or classified, and the shell ones run with the built
# gongkai on the PATH (scripts/doc-blocks.py; Python and JS blocks run in their suites).
python3 scripts/doc-blocks.py
python3 scripts/doc-blocks.py --run sh
# The API docs build without broken links.
RUSTDOCFLAGS="-D warnings" cargo doc -p gongkai --no-deps --locked
