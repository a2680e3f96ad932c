#!/usr/bin/env bash
# Rust: formatting, lints, licences, unit/integration/doc tests, the checked-in schema, API docs,
# the shell blocks of the READMEs.
set -euo pipefail
cd "$(dirname "$0")/.."
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
