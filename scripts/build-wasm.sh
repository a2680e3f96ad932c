#!/usr/bin/env bash
# Builds the WebAssembly binding twice from the same crate, each through cargo (profile
# release-wasm) → wasm-bindgen for the browser (web) and Node (nodejs):
#   default build (no table import, audit, diff, evaluate or changes)
#                                 → bindings-wasm/pkg-web, pkg-node
#                                   (the package's `gongkai-wasm`, `gongkai-wasm/web`)
#   `--features tables` (CSV, XLSX, HTML, DOCX; audit, diff, evaluate, changes)
#                                 → bindings-wasm/pkg-tables-web, pkg-tables-node
#                                   (`gongkai-wasm/tables`, `gongkai-wasm/tables/web`)
# then the TypeScript types from the schemas. Prerequisites, checked first (in well under a
# second) and installed when missing: the wasm32 target (rustup, seconds), the wasm-bindgen CLI
# of Cargo.lock's version (`cargo install`, a few minutes once) and the npm packages of
# bindings-wasm (`npm ci`, seconds); Node >= 20.19 must be there already. With
# GONGKAI_NO_INSTALL=1 nothing is installed: the script says what to run and stops. Prints the
# size of both .wasm files raw and gzipped, against the 1 MB gzipped goal of the default one
# (a measurement, not a check). Extra arguments go to both cargo builds.
#
# The second build recompiles only the gongkai-wasm crate and relinks (the core is shared): a few
# seconds, plus two wasm-bindgen runs.
#
# No wasm-opt: measured with npm binaryen 132 (-Oz), it shrinks the raw file (2.59 → 2.34 MB)
# but the gzipped one grows (785 → 818 KB) and it costs 1.5–2.5 min per build. Measured again
# for issue 14 on the default build (1,101 KB gzipped): -O3 and -Os both give 1,168 KB gzipped,
# and -O3 makes validate only about 10% faster. Again on the 969 KB build (core at opt-level "s"):
# -Oz 1,015 KB and -O3 1,016 KB gzipped, over the 1 MB goal.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# --- prerequisites
missing=()
need() { # need WHAT COMMAND…: install WHAT by running COMMAND, or say to
  local what=$1
  shift
  if [ "${GONGKAI_NO_INSTALL:-}" = 1 ]; then
    missing+=("$what: run  $*")
  else
    echo "build-wasm.sh: installing $what: $*" >&2
    "$@" || { echo "build-wasm.sh: could not install $what; run: $*" >&2; exit 1; }
  fi
}
if ! command -v node >/dev/null; then
  echo "build-wasm.sh: Node.js >= 20.19 is needed (https://nodejs.org, or apt-get install nodejs npm)" >&2
  exit 1
fi
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' || {
  echo "build-wasm.sh: Node.js >= 20.19 is needed, found $(node --version)" >&2
  exit 1
}
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
  need "the wasm32 target (seconds)" rustup target add wasm32-unknown-unknown
fi
# The wasm-bindgen CLI must be the version of the crate in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  # Not --locked: the CLI's own lock file pins a crate version the registry may not have.
  need "wasm-bindgen-cli $wb_version (a few minutes, once)" cargo install wasm-bindgen-cli --version "$wb_version"
fi
lock=bindings-wasm/node_modules/.package-lock.json
if [ ! -f "$lock" ] || [ bindings-wasm/package-lock.json -nt "$lock" ]; then
  need "the npm packages of bindings-wasm (seconds)" npm --prefix bindings-wasm ci --no-audit --no-fund --loglevel=error
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "build-wasm.sh: missing prerequisites (GONGKAI_NO_INSTALL=1):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release-wasm/gongkai_wasm.wasm

# build NAME OUT_PREFIX [cargo arguments…]: one cargo build, glue for both targets in
# bindings-wasm/OUT_PREFIX{web,node}.
build() {
  local name=$1 prefix=$2
  shift 2
  echo "--- $name build"
  cargo build -p gongkai-wasm --target wasm32-unknown-unknown --profile release-wasm --locked "$@"
  for target in web nodejs; do
    local out=bindings-wasm/${prefix}${target/nodejs/node}
    rm -rf "$out"
    wasm-bindgen "$wasm" --target "$target" --out-dir "$out" \
      --remove-name-section --remove-producers-section
  done
  # The web glue is an ES module and the Node glue CommonJS, whatever a parent package.json says
  # (this lets Node import the web build too, for tests).
  echo '{ "type": "module" }' > "bindings-wasm/${prefix}web/package.json"
  echo '{ "type": "commonjs" }' > "bindings-wasm/${prefix}node/package.json"
}

# has_import_table DIR: whether the glue in DIR exports importTable.
has_import_table() {
  grep -q 'export function importTable' "$1/gongkai_wasm.d.ts"
}

build default pkg- "$@"
build tables pkg-tables- --features tables "$@"

# Each entry point must get the build it names (the cdylib's path is the same for both).
if has_import_table bindings-wasm/pkg-web || ! has_import_table bindings-wasm/pkg-tables-web; then
  echo "build-wasm.sh: pkg-web/ must lack importTable and pkg-tables-web/ have it" >&2
  exit 1
fi

node bindings-wasm/scripts/gen-types.mjs

# Sizes (gzip -9, as a server would send them).
goal=1000000
for dir in pkg-web pkg-tables-web; do
  out=bindings-wasm/$dir/gongkai_wasm_bg.wasm
  raw=$(wc -c < "$out")
  gz=$(gzip -9c "$out" | wc -c)
  line="$dir/gongkai_wasm_bg.wasm: $raw bytes raw, $gz bytes gzipped (gzip -9)"
  if [ "$dir" = pkg-web ]; then
    if [ "$gz" -le "$goal" ]; then
      line="$line: within the 1 MB goal ($((goal - gz)) bytes to spare)"
    else
      line="$line: over the 1 MB goal by $((gz - goal)) bytes"
    fi
  fi
  echo "$line"
done
