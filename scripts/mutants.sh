#!/usr/bin/env bash
# Mutation testing of core source files with cargo-mutants (issue 18; see TESTING.md).
#
#   scripts/mutants.sh [FILES…]      e.g. scripts/mutants.sh core/src/rules/channels.rs
#
# Installs cargo-mutants when it is missing (`cargo install --locked cargo-mutants`), then for
# each file mutates it in place, one mutant at a time (the file is restored after each; do not
# edit the tree while it runs), runs the core tests that exercise that file (not the whole suite:
# hostile.rs and the corpus take minutes each), and prints the score, (caught + timeouts) over
# (caught + missed + timeouts), and every missed mutant. Unviable mutants (that do not compile)
# are not counted. Without FILES, the files of TESTING.md's table. Results are kept under
# target/mutants/<file>/ (caught.txt, missed.txt, timeout.txt, outcomes.json).
#
# If interrupted, check `git diff` for a mutant left in the file (cargo-mutants restores it on
# Ctrl-C; a killed run may not).
#
# MUTANTS_TESTS replaces the test targets (e.g. MUTANTS_TESTS=--lib: the unit tests only, about
# half the build time per mutant; mutants only the integration tests catch then count as missed,
# so the score is a lower bound). MUTANTS_ARGS adds cargo-mutants options (e.g.
# MUTANTS_ARGS="--baseline skip" when the tests are known to pass).
#
# Not a CI gate: a file takes 10–40 minutes on a shared machine. Re-run it when a measured file
# changes, and update the table in TESTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if ! cargo mutants --version >/dev/null 2>&1; then
  echo "installing cargo-mutants"
  cargo install --locked cargo-mutants
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(core/src/rules/channels.rs core/src/rules/time.rs core/src/calendar/mod.rs
         core/src/deadline.rs)
fi

# The core test targets that exercise a file (the unit tests always).
tests_for() {
  case "$1" in
    core/src/rules/*) echo "--lib --test fixtures --test examples" ;;
    core/src/calendar/*) echo "--lib --test calendar --test calendar_api --test deadline" ;;
    core/src/deadline.rs) echo "--lib --test deadline --test calendar_api --test audit" ;;
    core/src/import/text*) echo "--lib --test import_text --test import_fixtures --test roundtrip" ;;
    core/src/laws/*) echo "--lib --test laws --test fixtures" ;;
    core/src/*) echo "--lib" ;;
    *) echo "scripts/mutants.sh: $1 is not a core source file" >&2; return 1 ;;
  esac
}

count() {
  if [ -f "$1" ]; then grep -c . "$1" || true; else echo 0; fi
}

status=0
summary=""
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "scripts/mutants.sh: no such file: $f" >&2; exit 2; }
  read -r -a tests <<<"${MUTANTS_TESTS:-$(tests_for "$f")}"
  read -r -a extra <<<"${MUTANTS_ARGS:-}"
  out="target/mutants/$(echo "$f" | tr '/' '_')"
  rm -rf "$out"
  mkdir -p "$out"
  echo "=== $f (cargo test -p gongkai ${tests[*]})"
  # Exit 2 (mutants missed) and 3 (timeouts) are reported below; anything else (1: bad
  # arguments, 4: the tests fail without any mutation) is an error.
  rc=0
  cargo mutants --package gongkai --in-place --file "$f" --output "$out" \
    --timeout 120 ${extra[@]+"${extra[@]}"} -- "${tests[@]}" || rc=$?
  case $rc in
    0 | 2 | 3) ;;
    *) echo "cargo mutants failed on $f (exit $rc)" >&2; status=1 ;;
  esac
  dir="$out/mutants.out"
  caught=$(count "$dir/caught.txt")
  missed=$(count "$dir/missed.txt")
  timeout=$(count "$dir/timeout.txt")
  unviable=$(count "$dir/unviable.txt")
  total=$((caught + missed + timeout))
  score=$(awk -v c="$caught" -v t="$timeout" -v n="$total" \
    'BEGIN { if (n == 0) print "n/a"; else printf "%.0f%%", 100 * (c + t) / n }')
  echo "--- $f: $score ($caught caught, $timeout timeouts, $missed missed, $unviable unviable)"
  if [ "$missed" -gt 0 ]; then
    echo "missed:"
    sed 's/^/  /' "$dir/missed.txt"
  fi
  summary+="$f: $score ($caught caught, $timeout timeouts, $missed missed, $unviable unviable)"$'\n'
done
echo "=== mutation scores"
printf '%s' "$summary"
exit $status
