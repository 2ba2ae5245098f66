# Helpers for end-to-end tests: run the binary, check exit codes and output.
set -u
: "${CLEARANCE_BIN:?}" "${CLEARANCE_FIXTURES:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null' EXIT
export CLEARANCE_DATA_DIR="$WORK/data"
failures=0

# expect_exit CODE -- command…   runs the command, saves stdout/stderr to $WORK/out, $WORK/err
expect_exit() {
  local want=$1; shift; [ "$1" = "--" ] && shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*"; sed 's/^/  stdout: /' "$WORK/out" | head -20; sed 's/^/  stderr: /' "$WORK/err" | head -20
    failures=$((failures + 1))
  fi
}

# expect_in FILE TEXT   the file contains the text
expect_in() {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAIL: '$2' not in $(basename "$1"):"; sed 's/^/  /' "$1" | head -20
    failures=$((failures + 1))
  fi
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
  echo "all checks passed"
}
