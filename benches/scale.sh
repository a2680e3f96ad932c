#!/usr/bin/env bash
# Scale figures, measured as whole processes side by side in one run (release build):
#   1. peak RSS of `gongkai validate big.json --format json` on a generated catalogue of N items
#      (default 125,000: about 100 MB, half the items with a warning), streamed (a file) and in
#      memory (the same bytes on standard input), against the file's size;
#   2. wall time of the same command against the floor, a process that reads the file and walks
#      it with serde's IgnoredAny (benches/floor/ignored_any_floor.rs), on the criterion benches'
#      clean 10,000-item catalogue (examples/generate.rs), on a 10,000-item one from the
#      generator above (about 21,000 issues) and on the large one (best of 5 runs each);
#   3. `gongkai validate DIR` on M small catalogues (default 2,000): files per second with the
#      default --jobs (the cores) against --jobs 1.
# Usage: benches/scale.sh [N] [M]. Needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-125000}
M=${2:-2000}
out=target/bench-data/scale
mkdir -p "$out"
profile=${GONGKAI_BENCH_PROFILE:-release}  # "bench" (thin LTO) builds faster, into the same folder
cargo build --profile "$profile" --quiet -p gongkai-cli
cargo build --profile "$profile" --quiet -p gongkai --example ignored_any_floor
cargo build --profile "$profile" --quiet -p gongkai --example generate
gk=target/release/gongkai
floor=target/release/examples/ignored_any_floor

# Half the items get a time limit without its starting point (a time.no_anchor warning).
gen() {
  python3 - "$1" <<'PY'
import json, sys
sys.path.insert(0, "benches")
from gen_catalogue import generate
cat = generate(int(sys.argv[1]))
for i, item in enumerate(cat["items"]):
    if i % 2 == 0:
        item["time_limit"] = {"kind": "working_days", "days": 20}
json.dump(cat, sys.stdout, ensure_ascii=False, indent=1)
PY
}

big=$out/catalogue-$N.json
[ -s "$big" ] || gen "$N" > "$big"
small=$out/catalogue-10000.json
[ -s "$small" ] || gen 10000 > "$small"

rss() { # peak RSS in KiB of a command (stdout discarded)
  /usr/bin/time -f "%M" -o "$out/time.txt" "$@" > /dev/null || true
  cat "$out/time.txt"
}
best() { # best wall time in ms of 5 runs
  local b=999999999
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N); "$@" > /dev/null || true; t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 ))
    (( ms < b )) && b=$ms
  done
  echo "$b"
}

size=$(stat -c %s "$big")
r_stream=$(rss "$gk" validate "$big" --format json)
r_memory=$(/usr/bin/time -f "%M" -o "$out/time.txt" "$gk" validate - --format json < "$big" > /dev/null || true; cat "$out/time.txt")
r_floor=$(rss "$floor" "$big")
issues=$("$gk" validate "$big" --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['issues']))" || true)
echo "catalogue: $N items, $((size / 1000000)) MB, $issues issues"
awk -v s="$size" -v a="$r_stream" -v b="$r_memory" -v c="$r_floor" 'BEGIN {
  printf "peak RSS  streamed (FILE): %6.1f MB  %.2f x the file\n", a*1024/1e6, a*1024/s
  printf "peak RSS  in memory (-):   %6.1f MB  %.2f x the file\n", b*1024/1e6, b*1024/s
  printf "peak RSS  floor:           %6.1f MB  %.2f x the file\n", c*1024/1e6, c*1024/s }'

# The criterion benches' catalogue (README, Performance): 10,000 coherent items, clean under
# every rule, so that the time is validation's and not the report's.
clean=$out/generated-10000.json
[ -s "$clean" ] || target/release/examples/generate 10000 > "$clean"

for f in "$clean" "$small" "$big"; do
  t_gk=$(best "$gk" validate "$f" --format json)
  t_floor=$(best "$floor" "$f")
  awk -v f="$(basename "$f")" -v a="$t_gk" -v b="$t_floor" 'BEGIN {
    printf "%s: validate --format json %d ms, floor %d ms: %.2f x\n", f, a, b, a/(b>0?b:1) }'
done

dir=$out/many-$M
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  python3 - "$dir" "$M" <<'PY'
import json, sys
sys.path.insert(0, "benches")
from gen_catalogue import generate
d, m = sys.argv[1], int(sys.argv[2])
for k in range(m):
    with open(f"{d}/{k:05d}.json", "w", encoding="utf-8") as f:
        json.dump(generate(30, seed=k), f, ensure_ascii=False)
PY
fi
t1=$(best "$gk" validate "$dir" --format json --jobs 1 2>/dev/null)
tn=$(best "$gk" validate "$dir" --format json 2>/dev/null)
awk -v m="$M" -v a="$t1" -v b="$tn" -v c="$(nproc)" 'BEGIN {
  printf "%d files of 30 items: --jobs 1 %.0f files/s, --jobs %d %.0f files/s (%.2f x)\n", m, m*1000/a, c, m*1000/b, a/b }'
