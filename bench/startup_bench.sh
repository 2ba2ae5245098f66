#!/usr/bin/env bash
# What one `clearance screen NAME` costs from a cold process, side by side for any number of builds
# on the same data directory (each run in turn, so machine noise falls on all alike): wall time
# (median and 90th percentile of RUNS), peak resident memory, and the peak of private memory
# (heap, from valgrind's massif: what the process cannot share with another; the mapped snapshot
# and index are shared page cache, not counted).
#
#   bench/startup_bench.sh                        # build/clearance on the current snapshot
#   bench/startup_bench.sh OLD/clearance build/clearance
#   RUNS=21 NAME="Huawei Technologies" DATA_DIR=… bench/startup_bench.sh …
#   bench/startup_bench.sh OLD/clearance@/tmp/data-old build/clearance@/tmp/data-new
#
# BUILD@DIR runs that build on its own data directory (copies of one): builds whose stored index
# differs in version would otherwise replace each other's index at every run.
# Every build is run once before timing (its index stored, the files in the page cache).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- build/clearance
RUNS=${RUNS:-21}
NAME=${NAME:-Huawei Technologies}
data_args=()
[ -n "${DATA_DIR:-}" ] && data_args=(--data-dir "$DATA_DIR")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

args_of() {  # BUILD[@DIR] → the binary and its data-directory option, one per line
  local binary=${1%@*}
  echo "$binary"
  if [[ $1 == *@* ]]; then echo "--data-dir"; echo "${1#*@}"; return; fi
  local a
  for a in "${data_args[@]}"; do echo "$a"; done
}

run() {  # BUILD[@DIR] → wall ms, peak RSS KB
  local start end cmd
  mapfile -t cmd < <(args_of "$1")
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss" "${cmd[@]}" screen "$NAME" --limit 1 \
    --format json >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(((end - start) / 1000)) $(tail -1 "$work/rss")"
}

for b in "$@"; do run "$b" >/dev/null; done
for ((i = 0; i < RUNS; i++)); do
  n=0
  for b in "$@"; do
    run "$b" >>"$work/times.$n"
    n=$((n + 1))
  done
done

printf '| build | wall p50 | wall p90 | peak RSS | peak private (heap) |\n|---|---|---|---|---|\n'
n=0
for b in "$@"; do
  heap="-"
  if command -v valgrind >/dev/null; then
    mapfile -t cmd < <(args_of "$b")
    valgrind --tool=massif --massif-out-file="$work/massif.$n" "${cmd[@]}" screen \
      "$NAME" --limit 1 --format json >/dev/null 2>&1 || true
    heap=$(python3 - "$work/massif.$n" <<'PY'
import sys
peak = 0
for line in open(sys.argv[1]):
    if line.startswith("mem_heap_B="):
        peak = max(peak, int(line.split("=")[1]))
print(f"{peak / 1e6:.1f} MB")
PY
)
  fi
  python3 - "$work/times.$n" "$b" "$heap" <<'PY'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
wall = sorted(r[0] / 1000 for r in rows)
rss = max(r[1] for r in rows) / 1024
p90 = wall[min(len(wall) - 1, int(0.9 * len(wall)))]
print(f"| {sys.argv[2]} | {statistics.median(wall):.0f} ms | {p90:.0f} ms | {rss:.0f} MB | {sys.argv[3]} |")
PY
  n=$((n + 1))
done
