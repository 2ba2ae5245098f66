#!/usr/bin/env bash
# `clearance serve` as an operator runs it: start on a free port before any snapshot exists (not
# ready), import lists (picked up by SIGHUP), screen over HTTP with curl, API keys from
# `clearance api-key new`, and a clean stop on SIGTERM.
source "$(dirname "$0")/lib.sh"
L=$CLEARANCE_FIXTURES/lists
bin=$CLEARANCE_BIN

# Start the server (port 0 = any free port); the log names the port.
start_server() {
  "$bin" serve --port 0 --reload-interval 0 "$@" >"$WORK/serve.out" 2>"$WORK/serve.log" &
  SERVER_PID=$!
  PORT=""
  for _ in $(seq 1 100); do
    PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/serve.log")
    [ -n "$PORT" ] && break
    sleep 0.1
  done
  [ -n "$PORT" ] || { echo "FAIL: server did not start"; cat "$WORK/serve.log"; exit 1; }
}

# http METHOD PATH [BODY] [extra curl args…]: body to $WORK/body, status to $WORK/status
http() {
  local method=$1 path=$2 body=${3:-}; shift $(( $# < 3 ? $# : 3 ))
  curl -s -o "$WORK/body" -w '%{http_code}' -X "$method" "http://127.0.0.1:$PORT$path" \
    -H 'Content-Type: application/json' ${body:+--data-binary "$body"} "$@" >"$WORK/status"
}

expect_status() {
  if [ "$(cat "$WORK/status")" != "$1" ]; then
    echo "FAIL: status $(cat "$WORK/status"), expected $1"; head -c 400 "$WORK/body"; echo
    failures=$((failures + 1))
  fi
}

wait_ready() {
  for _ in $(seq 1 100); do
    http GET /readyz
    [ "$(cat "$WORK/status")" = 200 ] && return 0
    sleep 0.1
  done
  echo "FAIL: never ready"; cat "$WORK/serve.log"; failures=$((failures + 1))
}

# No snapshot yet: alive, not ready, screening answers 503 with a reason.
start_server
http GET /healthz; expect_status 200
http GET /readyz; expect_status 503
http POST /v1/screen '{"name":"Example Microelectronics"}'; expect_status 503
expect_in "$WORK/body" '"code":"not_ready"'

# Import, then SIGHUP: the server picks the snapshot up without a restart.
"$bin" lists import "$L/csl_small.csv" >/dev/null 2>&1
kill -HUP "$SERVER_PID"
wait_ready
http POST /v1/screen '{"name":"Example Microelectronics","country":"CN"}'; expect_status 200
expect_in "$WORK/body" '"entity_id":"us_csl:el:example-microelectronics-co"'
expect_in "$WORK/body" '"matched_name":"Example Microelectronics Co."'
http POST /v1/screen '{"name":"Example Microelectronics","country":"CN"}' -H 'Expect:'
"$bin" screen "Example Microelectronics" --country CN --format jsonl >"$WORK/cli.json" 2>/dev/null
# The CLI and the API print the same object for the same query.
if ! cmp -s <(tr -d '\n' <"$WORK/cli.json") "$WORK/body"; then
  echo "FAIL: CLI and API output differ"; failures=$((failures + 1))
fi
http POST /match/default '{"queries":{"q":{"schema":"Company","properties":{"name":["Example Microelectronics"]}}}}'
expect_status 200
expect_in "$WORK/body" '"match":true'
http POST /v1/screen '{"name": '; expect_status 400
expect_in "$WORK/body" '"code":"invalid_json"'
http GET /metrics; expect_status 200
expect_in "$WORK/body" 'clearance_http_requests_total{route="/v1/screen",code="200"} 2'

# SIGTERM: a clean stop, exit 0.
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; rc=$?; SERVER_PID=""
[ "$rc" = 0 ] || { echo "FAIL: serve exited $rc on SIGTERM"; failures=$((failures + 1)); }
expect_in "$WORK/serve.log" "stopped"

# API keys: a new key, its hash in the keys file, the key in the request.
expect_exit 0 -- "$bin" api-key new --label ci
key=$(sed -n 's/^key:  //p' "$WORK/out")
sed -n 's/^line: //p' "$WORK/out" >"$WORK/keys"
expect_in "$WORK/keys" " ci"
# `api-key hash -` reads the key from stdin and prints the same hash as the keys-file line.
printf '%s\n' "$key" | "$bin" api-key hash - >"$WORK/hash"
expect_in "$WORK/keys" "$(cat "$WORK/hash")"
if grep -qF "$key" "$WORK/keys"; then echo "FAIL: the key itself is in the keys file"; failures=$((failures + 1)); fi
start_server --api-keys "$WORK/keys"
wait_ready
http POST /v1/screen '{"name":"x"}'; expect_status 401
http POST /v1/screen '{"name":"x"}' -H "Authorization: Bearer $key"; expect_status 200
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; SERVER_PID=""

# A keys file with a plain key instead of a hash is refused at start.
echo "$key" >"$WORK/plain_keys"
expect_exit 2 -- "$bin" serve --port 0 --api-keys "$WORK/plain_keys"
expect_in "$WORK/err" "plain_keys:1"

finish
