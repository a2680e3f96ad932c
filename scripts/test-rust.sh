#!/usr/bin/env bash
# Rust: formatting, lints, unit/integration/doc tests, and the checked-in schema.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
