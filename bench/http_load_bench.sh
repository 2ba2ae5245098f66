#!/usr/bin/env bash
# The server under load and under attack, side by side for any number of builds on the same
# snapshot (each run alternately, so machine noise falls on all alike):
#   1. wrk POSTing /v1/screen (a 20,000-name mix) while two list imports land and the server is
#      told to reload each (a new snapshot loaded and indexed beside the one serving): errors,
#      p50, p99 and the slowest request;
#   2. GET /healthz while clients keep posting a pathological batch (1,000 names at threshold 0.01
#      and 10 hits each, the most the batch route accepts): how long health checks wait behind it.
#
#   bench/http_load_bench.sh                      # build/clearance, needs a current snapshot
#   bench/http_load_bench.sh OLD/clearance build/clearance
#   DURATION=20 CONNECTIONS=32 ROUNDS=2 SERVER_THREADS=2 RUNS="reloads healthz" bench/http_load_bench.sh …
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- build/clearance
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-1}
ROWS=${ROWS:-20000}
work=$(mktemp -d)
server_pid=""
hammer_pids=()
cleanup() {
  for p in "${hammer_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/make_batch_input.py "$work/names.csv" "$ROWS" >/dev/null
python3 - "$work/names.csv" "$work/bodies.jsonl" "$work/batch.json" <<'PY'
import csv, json, sys
names = []
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in csv.DictReader(f):
        names.append(row["name"])
        query = {"name": row["name"]}
        if row.get("country"):
            query["country"] = row["country"]
        out.write(json.dumps(query, ensure_ascii=False) + "\n")
with open(sys.argv[3], "w", encoding="utf-8") as out:
    json.dump({"threshold": 0.01, "limit": 10,
               "queries": [{"name": n} for n in names[:1000]]}, out, ensure_ascii=False)
PY

# Each server gets its own data directory holding a copy of the current snapshot of the user's
# (scripts/demo.sh), so imports during a run touch neither the user's store nor the other runs.
source_dir=${CLEARANCE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/clearance}
current=$(cat "$source_dir/CURRENT")
fresh_data_dir() {
  rm -rf "$work/data"
  mkdir -p "$work/data/snapshots"
  cp "$source_dir/snapshots/$current.snap" "$work/data/snapshots/"
  cp "$source_dir/CURRENT" "$work/data/CURRENT"
}

start_server() {  # binary
  fresh_data_dir
  "$1" serve --data-dir "$work/data" --port 0 --threads "${SERVER_THREADS:-2}" --reload-interval 0 2>"$work/serve.log" &
  server_pid=$!
  port=""
  for _ in $(seq 1 600); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
    [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0
    sleep 0.1
  done
  cat "$work/serve.log" >&2
  exit 1
}
stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
# wrk's figures, in milliseconds: p50 p99 max errors requests/s
wrk_figures() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    $1 == "Latency" && !max { max = ms($4) }
    /non-2xx or socket errors:/ { errors = $NF }
    /Requests\/sec/ { rps = $2 }
    END { printf "%8.2f | %8.2f | %8.1f | %6d | %8.0f", p50, p99, max, errors, rps }' "$1"
}

reloads_run() {  # binary
  start_server "$1"
  local t1 t2
  t1=$(awk "BEGIN { print $DURATION * 0.25 }")
  t2=$(awk "BEGIN { print $DURATION * 0.6 }")
  local import=("$1" lists import --data-dir "$work/data" --allow-shrink)  # its own index format
  ( sleep "$t1"
    "${import[@]}" tests/fixtures/lists/cn_custom.csv >/dev/null 2>&1 || true  # 3: rows skipped
    curl -s -o /dev/null -X POST "http://127.0.0.1:$port/v1/admin/reload"
    sleep "$(awk "BEGIN { print $t2 - $t1 }")"
    "${import[@]}" tests/fixtures/lists/cn_custom.jsonl >/dev/null 2>&1 || true
    curl -s -o /dev/null -X POST "http://127.0.0.1:$port/v1/admin/reload" ) &
  local reloader=$!
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/http/post_bodies.lua \
    "http://127.0.0.1:$port/v1/screen" -- "$work/bodies.jsonl" >"$work/wrk.txt" 2>&1
  wait "$reloader" || true
  local reloads
  reloads=$(grep -c "in use" "$work/serve.log" || true)
  [ "$reloads" -ge 3 ] || echo "# warning: $1 loaded $reloads snapshots, not 3" >&2
  # How long each reload took to make its engine (snapshot decoded, index mapped or built), from
  # the server's log; the first line is the start, not a reload.
  local made
  made=$(grep "in use" "$work/serve.log" | tail -n +2 |
    sed -n 's/.*loaded in \([0-9.]*\) s, index[a-z ]* in \([0-9.]*\) s.*/\1 \2/p' |
    awk '{ printf "%s%.0f", sep, ($1 + $2) * 1000; sep = " / " }')
  printf '| %-40s | reloads | %s | %s |\n' "$1" "$(wrk_figures "$work/wrk.txt")" "${made:--}"
  stop_server
}

health_run() {  # binary
  start_server "$1"
  # Clients posting the pathological batch back to back (HAMMERS, default 1: the issue's "one
  # pathological batch running"; 2 keeps both cores of this machine busy).
  for _ in $(seq 1 "${HAMMERS:-1}"); do
    ( while true; do curl -s -o /dev/null --max-time 600 -H 'Content-Type: application/json' \
        --data-binary @"$work/batch.json" "http://127.0.0.1:$port/v1/screen/batch"; done ) &
    hammer_pids+=($!)
  done
  sleep 1
  wrk -t1 -c4 -d"${DURATION}s" --latency -s bench/http/count_failures.lua \
    "http://127.0.0.1:$port/healthz" >"$work/wrk.txt" 2>&1 || true
  for p in "${hammer_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  hammer_pids=()
  printf '| %-40s | healthz | %s | - |\n' "$1" "$(wrk_figures "$work/wrk.txt")"
  stop_server
}

echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t1, ${DURATION}s; serve --threads 2"
echo "# reloads: -c$CONNECTIONS POST /v1/screen, $ROWS-name mix; a list import and POST /v1/admin/reload at 25% and 60%"
echo "# healthz: -c4 GET /healthz while ${HAMMERS:-1} client(s) post a 1,000-name batch (threshold 0.01, limit 10) back to back"
printf '| %-40s | %-7s | %8s | %8s | %8s | %6s | %8s | %s |\n' build run "p50 ms" "p99 ms" "max ms" errors "req/s" "reload ms"
for round in $(seq 1 "$ROUNDS"); do
  case " ${RUNS:-reloads healthz} " in *" reloads "*) for bin in "$@"; do reloads_run "$bin"; done ;; esac
  case " ${RUNS:-reloads healthz} " in *" healthz "*) for bin in "$@"; do health_run "$bin"; done ;; esac
done
