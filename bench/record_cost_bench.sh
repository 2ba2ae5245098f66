#!/usr/bin/env bash
# What `screen --input --record` costs over the same batch unrecorded: ROUNDS rounds, each running
# the batch unrecorded then recorded (into a fresh case store), so that machine noise falls on both
# alike. Prints each run, the medians and their ratio, and checks that both outputs are identical.
#
#   bench/record_cost_bench.sh INPUT.csv                 # build/clearance, default data directory
#   ROUNDS=7 THREADS=2 FORMAT=csv DATA_DIR=/tmp/d bench/record_cost_bench.sh INPUT.csv [BUILD]
#
# The data directory must hold a snapshot (`clearance lists import …`); its case store (cases.db)
# is left alone: the recorded runs write to a copy of the data directory's snapshots.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 INPUT.csv [BUILD]" >&2; exit 2; }
input=$1
bin=${2:-build/clearance}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-2}
FORMAT=${FORMAT:-jsonl}
source_dir=${DATA_DIR:-${CLEARANCE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/clearance}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the data directory without its case store, so that each recorded run starts empty.
mkdir -p "$work/data"
for f in "$source_dir"/*; do
  case $(basename "$f") in cases.db*) ;; *) cp -r "$f" "$work/data/" ;; esac
done
"$bin" --data-dir "$work/data" screen "warm up" >/dev/null 2>&1 || true

seconds() {  # command… → wall seconds of the command
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || [ $? -le 3 ]
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

plain=() recorded=()
for round in $(seq 1 "$ROUNDS"); do
  p=$(seconds "$bin" --data-dir "$work/data" screen --input "$input" \
    --output "$work/plain.$FORMAT" --threads "$THREADS")
  rm -f "$work/data"/cases.db*
  r=$(seconds "$bin" --data-dir "$work/data" screen --input "$input" \
    --output "$work/recorded.$FORMAT" --threads "$THREADS" --record --reviewer bench)
  plain+=("$p") recorded+=("$r")
  echo "round $round: unrecorded $p s, recorded $r s"
done
cmp -s "$work/plain.$FORMAT" "$work/recorded.$FORMAT" || { echo "outputs differ" >&2; exit 1; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mp=$(median "${plain[@]}") mr=$(median "${recorded[@]}")
size=$(du -b "$work/data/cases.db" | cut -f1)
echo "rows: $(($(wc -l <"$input") - 1)), threads $THREADS, output $FORMAT"
echo "median unrecorded $mp s, recorded $mr s: recording costs $(echo "scale=6; r = ($mr / $mp - 1) * 100; scale=1; r / 1" | bc) %"
echo "case store after one recorded run: $((size / 1000000)) MB"
"$bin" --data-dir "$work/data" audit verify
