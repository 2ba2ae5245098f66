#!/usr/bin/env bash
# The case store killed at random points (kill -9) during monitoring runs and decisions: after each
# kill the audit chain verifies, no subject × party has two alerts, a decided alert and its
# decision are both there or neither, and every decision taken before is still there.
source "$(dirname "$0")/lib.sh"
bin=$CLEARANCE_BIN
L=$CLEARANCE_FIXTURES/lists
"$bin" lists import "$L/csl_small.csv" "$L/un_small.xml" >/dev/null 2>&1

# Subjects: some match listed parties, most do not; enough for a run to last a while.
python3 - "$WORK/subjects.csv" <<'PY'
import random, sys
random.seed(7)
listed = ["Example Microelectronics Company", "John Doe", "Far East Widget Company",
          "Short Row Limited"]
words = ["Alpha", "Harbor", "Nova", "Trading", "Systems", "Green", "Valley", "Metals", "Orbit"]
with open(sys.argv[1], "w") as f:
    f.write("id,name\n")
    for i in range(3000):
        name = random.choice(listed) if i % 10 == 0 else " ".join(random.sample(words, 3))
        f.write(f"S{i},{name} {i % 7 if i % 10 else ''}\n".replace(" \n", "\n"))
PY
expect_exit 0 -- "$bin" subjects add --file "$WORK/subjects.csv"

# check: the invariants, whatever was killed where.
check() {
  expect_exit 0 -- "$bin" audit verify
  "$bin" alerts list --limit 100000 --json >"$WORK/alerts.jsonl" 2>/dev/null
  python3 - "$WORK/alerts.jsonl" "$bin" "$1" <<'PY' || failures=$((failures + 1))
import json, subprocess, sys
alerts = [json.loads(l) for l in open(sys.argv[1])]
pairs = [(a["subject"], a["party"]) for a in alerts]
if len(pairs) != len(set(pairs)):
    sys.exit(f"FAIL ({sys.argv[3]}): a subject x party has two alerts")
for a in alerts:
    if a["resolution"] not in ("true_match", "false_positive"):
        continue
    shown = json.loads(subprocess.run([sys.argv[2], "alerts", "show", str(a["id"])],
                                      capture_output=True, text=True).stdout)
    if not shown["decisions"]:
        sys.exit(f"FAIL ({sys.argv[3]}): alert {a['id']} is {a['resolution']} with no decision")
PY
}
decided() { "$bin" alerts list --status closed --limit 100000 --json | wc -l; }

# (Adding them screened them: their alerts are open already.) How long a run takes on this
# machine and build sets when the kills land: anywhere from a tenth of a run to its end.
start=$(date +%s%N)
expect_exit 0 -- "$bin" monitor run --full
run_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "first run"
[ "$("$bin" alerts list --status open --limit 100000 --json | wc -l)" -ge 100 ] ||
  { echo "FAIL: fewer than 100 open alerts to work with"; failures=$((failures + 1)); }
# Decide a few alerts for good.
for id in $("$bin" alerts list --status open --limit 5 --json | python3 -c 'import json,sys
for l in sys.stdin: print(json.loads(l)["id"])'); do
  expect_exit 0 -- "$bin" alerts decide "$id" --decision false_positive --reason "not them" --reviewer ann
done
kept=$(decided)
[ "$kept" -ge 5 ] || { echo "FAIL: only $kept decided alerts"; failures=$((failures + 1)); }

for round in 1 2 3 4 5 6; do
  # A full run killed somewhere in its course.
  "$bin" monitor run --full >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random; print($run_ms * random.uniform(0.1, 1.0) / 1000)")"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  check "monitoring, round $round"
  # A decision killed at once or a moment later.
  id=$("$bin" alerts list --status open --limit 1 --json | python3 -c 'import json,sys
for l in sys.stdin: print(json.loads(l)["id"])')
  if [ -n "$id" ]; then
    "$bin" alerts decide "$id" --decision true_match --reason "same party" --reviewer bo >/dev/null 2>&1 &
    pid=$!
    sleep "0.0$(( RANDOM % 10 ))"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    check "decision, round $round"
  fi
  now=$(decided)
  [ "$now" -ge "$kept" ] || { echo "FAIL: decided alerts went from $kept to $now"; failures=$((failures + 1)); }
  kept=$now
done
# A run left alone still finishes and finds the store whole.
expect_exit 0 -- "$bin" monitor run --full
check "last run"
finish
