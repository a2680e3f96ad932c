#!/usr/bin/env bash
# Fuzzes the parsers and entry points with cargo-fuzz (libFuzzer), one target after another.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]
#   SECONDS  time per target (default 60); the targets are listed in fuzz/Cargo.toml
#            (`cargo fuzz list --fuzz-dir fuzz`)
#
# Installs cargo-fuzz when it is missing (`cargo install cargo-fuzz --locked`), writes the seed
# corpora from the test fixtures (scripts/fuzz-seeds.py; fuzz/corpus/ is not committed, and what
# a run finds is kept there for the next run), builds every target, and runs each for SECONDS.
# Exits non-zero when a target crashes, hangs or runs out of memory, and prints the reproducer
# (under fuzz/artifacts/<target>/) and the command that replays it.
#
# cargo-fuzz needs unstable compiler flags (sanitizer coverage): RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them, so no nightly toolchain is needed.
#
# Environment:
#   GONGKAI_FUZZ_SANITIZER  address (default) or none (faster to build and run; Rust code is
#                           memory-safe, AddressSanitizer watches the dependencies' unsafe code)
#   GONGKAI_FUZZ_ARGS       extra libFuzzer flags, e.g. "-jobs=2 -workers=2" or "-seed=1"
#   GONGKAI_FUZZ_CORPUS     the corpus directory (default fuzz/corpus, kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
export RUSTC_BOOTSTRAP=1

seconds=${1:-60}
shift || true
case "$seconds" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [TARGET…]" >&2; exit 2 ;;
esac
sanitizer=${GONGKAI_FUZZ_SANITIZER:-address}
started=$(date +%s)
stamp() { echo "[fuzz +$(($(date +%s) - started))s] $*"; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  stamp "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
stamp "$(cargo fuzz --version)"

# Seeds: the fixtures, plus workbooks exported by the CLI (the repository holds no .xlsx).
xlsx_dir=$(mktemp -d)
trap 'rm -rf "$xlsx_dir"' EXIT
cargo build -q --locked -p gongkai-cli
cli=target/debug/gongkai
"$cli" convert tests/export/catalogue.json -o "$xlsx_dir/export.xlsx" 2>/dev/null
for f in tests/corpus/*.csv; do
  "$cli" convert "$f" -o "$xlsx_dir/$(basename "$f" .csv).xlsx" 2>/dev/null || true
done
corpus=${GONGKAI_FUZZ_CORPUS:-fuzz/corpus}
GONGKAI_FUZZ_CORPUS="$corpus" python3 scripts/fuzz-seeds.py "$xlsx_dir"
stamp "seeds ready"

build=(--fuzz-dir fuzz --sanitizer "$sanitizer")
cargo fuzz build "${build[@]}"
stamp "targets built (sanitizer: $sanitizer)"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list --fuzz-dir fuzz)
fi

# Per target: the longest input (bytes) and the dictionary.
options_for() {
  case "$1" in
    validate_json | validate_item_json) echo "-max_len=65536 -dict=fuzz/dict/json.dict" ;;
    diff) echo "-max_len=131072 -dict=fuzz/dict/json.dict" ;;
    import_xlsx) echo "-max_len=131072 -dict=fuzz/dict/xlsx.dict" ;;
    import_docx) echo "-max_len=131072 -dict=fuzz/dict/docx.dict" ;;
    import_csv | import_html) echo "-max_len=65536 -dict=fuzz/dict/cells.dict" ;;
    calendar) echo "-max_len=131072 -dict=fuzz/dict/cells.dict" ;;
    export) echo "-max_len=4096" ;;
    *) echo "-max_len=8192 -dict=fuzz/dict/cells.dict" ;;
  esac
}

failed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$t" "$corpus/$t"
  before=$(ls "fuzz/artifacts/$t")
  stamp "running $t for ${seconds}s"
  # -timeout: an input taking longer is a hang (reported like a crash); -rss_limit_mb and
  # -malloc_limit_mb: more memory is a failure too.
  # shellcheck disable=SC2046,SC2086
  if ! cargo fuzz run "${build[@]}" "$t" "$corpus/$t" -- \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
      -print_final_stats=1 $(options_for "$t") ${GONGKAI_FUZZ_ARGS:-} \
      2>"fuzz/artifacts/$t.log"; then
    tail -n 60 "fuzz/artifacts/$t.log" >&2
    failed+=("$t")
    for a in $(comm -13 <(echo "$before") <(ls "fuzz/artifacts/$t")); do
      echo "fuzz: $t failed; reproducer: fuzz/artifacts/$t/$a" >&2
      echo "  replay: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz --sanitizer $sanitizer $t fuzz/artifacts/$t/$a" >&2
    done
  else
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "fuzz/artifacts/$t.log" |
      tr '\n' ' ' | sed "s/^/  $t: /; s/\$/\n/"
  fi
done

stamp "done"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#targets[@]} targets run, ${#failed[@]} failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets run for ${seconds}s each, 0 failed"
