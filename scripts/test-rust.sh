#!/usr/bin/env bash
# Rust: formatting, lints, licences, unit/integration/doc tests, the checked-in schema, API docs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
python3 scripts/check-licenses.py
cargo test --workspace --locked
# The API docs build without broken links.
RUSTDOCFLAGS="-D warnings" cargo doc -p gongkai --no-deps --locked
