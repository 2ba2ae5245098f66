#!/usr/bin/env bash
# HTTP API throughput and latency under wrk, side by side with two baselines on the same machine
# and snapshot: GET /healthz (the transport alone) and the same names screened in-process by the
# batch runner (the engine alone).
#
#   bench/http_bench.sh            # needs build/clearance and a current snapshot (scripts/demo.sh)
#   DURATION=20 CONNECTIONS=64 SERVER_THREADS=2 bench/http_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/clearance
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_THREADS=${SERVER_THREADS:-2}
ROWS=${ROWS:-20000}
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

# The query mix: mostly names no list carries, 2% listed names (some perturbed).
python3 bench/make_batch_input.py "$work/names.csv" "$ROWS" >/dev/null
python3 - "$work/names.csv" "$work/bodies.jsonl" <<'PY'
import csv, json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in csv.DictReader(f):
        query = {"name": row["name"]}
        if row.get("country"):
            query["country"] = row["country"]
        out.write(json.dumps(query, ensure_ascii=False) + "\n")
PY

"$bin" serve --port 0 --threads "$SERVER_THREADS" --reload-interval 0 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
  [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/serve.log"; exit 1; }
grep "in use" "$work/serve.log" | sed 's/^/# /'

run_wrk() {  # label, wrk arguments…
  local label=$1; shift
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" >"$work/wrk.txt" 2>&1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/non-2xx or socket errors:/ {print $NF}' "$work/wrk.txt")
  printf '| %-34s | %10s | %8s | %8s | %6s |\n' "$label" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t1 -c$CONNECTIONS -d${DURATION}s; server --threads $SERVER_THREADS"
printf '| %-34s | %10s | %8s | %8s | %6s |\n' "run" "req/s" "p50" "p99" "errors"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------------" "------------" "----------" "----------" "--------"
run_wrk "GET /healthz (transport only)" "http://127.0.0.1:$port/healthz"
run_wrk "POST /v1/screen, $ROWS-name mix" -s bench/http/post_bodies.lua "http://127.0.0.1:$port/v1/screen" -- "$work/bodies.jsonl"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

# The engine alone on the same names and cores: the ceiling the HTTP figure is measured against.
"$bin" screen --input "$work/names.csv" --output "$work/out.jsonl" --threads "$SERVER_THREADS" 2>"$work/batch.txt" || true
rate=$(sed -n 's/.* \([0-9]*\) rows\/s.*/\1/p' "$work/batch.txt")
printf '| %-34s | %10s | %8s | %8s | %6s |\n' "in-process batch, same names" "$rate" "" "" ""
