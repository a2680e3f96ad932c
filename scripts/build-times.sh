#!/usr/bin/env bash
# What each build costs from a clean checkout: clones the committed HEAD into a temporary
# folder and times, one after the other, the debug CLI, the release CLI (what `cargo install
# --path cli` builds), the release Python wheel (maturin, in a venv of its own) and both
# WebAssembly builds (scripts/build-wasm.sh, after `npm ci`). Prints wall and CPU time and the
# load average before and after each (on a shared machine the wall time grows with the load).
# Needs what the builds need (README, "Build and install"); the wasm-bindgen CLI is installed
# first if missing, and timed. Usage: scripts/build-times.sh   (takes tens of minutes)
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timed() { # timed NAME COMMAND…
  local name=$1 load
  shift
  load=$(cut -d' ' -f1 /proc/loadavg)
  if /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/$name.log" 2>&1; then
    read -r wall user sys <"$work/time"
    printf '%-22s %7.0f s wall %7.0f s CPU   load %s → %s\n' "$name" "$wall" \
      "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$load" "$(cut -d' ' -f1 /proc/loadavg)"
  else
    echo "$name failed; the end of its log:" >&2
    tail -20 "$work/$name.log" >&2
  fi
}

echo "$(nproc) cores, $(date -u)"
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb" ]; then
  timed wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$wb"
fi
git clone -q . "$work/src"
cd "$work/src"
timed "CLI debug" cargo build -p gongkai-cli --locked
timed "CLI release" cargo build --release -p gongkai-cli --locked
python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q "maturin>=1.9,<2"
(cd bindings-python && CARGO_TARGET_DIR="$work/target-wheel" timed "Python wheel" \
  "$work/venv/bin/maturin" build --release -o "$work/dist")
timed "npm ci" npm --prefix bindings-wasm ci --no-audit --no-fund --loglevel=error
timed "WebAssembly (both)" scripts/build-wasm.sh
