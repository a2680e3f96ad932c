#!/usr/bin/env bash
# Rust: formatting, lints, licences, unit/integration/doc tests, the checked-in schema.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
python3 scripts/check-licenses.py
cargo test --workspace --locked
