#!/usr/bin/env bash
# Monitoring from the command line on real lists: subjects registered, the 2022 Consolidated
# Screening List imported (a full first run opens their alerts), decisions taken, the 2026 list
# imported (the new parties' subjects get alerts, decided ones stay decided, a full run then finds
# nothing more), a further import that leaves a false positive's party alone keeps it closed (a
# delta run), and the audit chain verifies.
source "$(dirname "$0")/lib.sh"
bin=$CLEARANCE_BIN
L=$CLEARANCE_FIXTURES/lists
CSL2022=$CLEARANCE_SHARED_DATA/lists/us_csl/consolidated_2022-05.csv.gz
CSL2026=$CLEARANCE_SHARED_DATA/lists/us_csl/compact_2026-07-31/screening-list.json
for f in "$CSL2022" "$CSL2026"; do
  [ -f "$f" ] || { echo "FAIL: shared data file missing: $f"; exit 1; }
done

# alerts_of SUBJECT [STATUS]: "party status resolution" lines of the subject's alerts.
alerts_of() {
  "$bin" alerts list --subject "$1" --limit 1000 --json ${2:+--status "$2"} |
    python3 -c 'import json,sys
for l in sys.stdin: a=json.loads(l); print(a["party"], a["status"], a["resolution"] or "-", a["id"])'
}

cat >"$WORK/subjects.csv" <<'CSV'
id,name,country,type
C-1,"Huawei Technologies Co., Ltd.",CN,organization
C-2,Inspur Group,CN,organization
C-3,Zhang Wei Bakery,,
C-4,Beijing Highlander Digital Technology Co. Ltd,CN,organization
C-5,Sunford Trading Limited,,organization
C-6,Nobody Special Widgets GmbH,DE,organization
CSV
expect_exit 0 -- "$bin" subjects add --file "$WORK/subjects.csv"
expect_in "$WORK/out" "no list snapshot yet"

# The 2022 lists: the first monitoring run screens everyone.
expect_exit 0 -- "$bin" lists import "$CSL2022"
expect_in "$WORK/out" "monitoring: full run (the first run)"
expect_in "$WORK/out" "screened 6 subject(s)"
[ -n "$(alerts_of C-1 open)" ] || { echo "FAIL: Huawei raised no alert"; failures=$((failures + 1)); }
[ -n "$(alerts_of C-2 open)" ] || { echo "FAIL: Inspur raised no alert"; failures=$((failures + 1)); }
for s in C-4 C-5 C-6; do
  [ -z "$(alerts_of $s)" ] || { echo "FAIL: $s has an alert on the 2022 lists"; failures=$((failures + 1)); }
done

# Decisions: Huawei is the party; the bakery is not the person Zhang Wei.
for id in $(alerts_of C-1 open | awk '{print $4}'); do
  expect_exit 0 -- "$bin" alerts decide "$id" --decision true_match --reason "our customer is that Huawei" --reviewer ann
done
bakery=$(alerts_of C-3 open | awk '{print $4}')
[ -n "$bakery" ] || { echo "FAIL: the bakery raised no alert to dismiss"; failures=$((failures + 1)); }
for id in $bakery; do
  expect_exit 0 -- "$bin" alerts decide "$id" --decision false_positive --reason "a bakery, not a person" --reviewer ann
done
before_c2=$(alerts_of C-2)

# The 2026 list replaces the 2022 one, in another format: nearly every record changed, so the run
# screens everyone; the new parties' subjects get alerts.
expect_exit 0 -- "$bin" lists import "$CSL2026"
expect_in "$WORK/out" "monitoring: full run (the change touches"
[ -n "$(alerts_of C-4 open)" ] || { echo "FAIL: Beijing Highlander raised no alert"; failures=$((failures + 1)); }
[ -n "$(alerts_of C-5 open)" ] || { echo "FAIL: Sunford Trading raised no alert"; failures=$((failures + 1)); }
[ -z "$(alerts_of C-6)" ] || { echo "FAIL: a subject nobody lists has an alert"; failures=$((failures + 1)); }
# Huawei's decided alerts stay decided: a true match is not asked again.
if alerts_of C-1 | grep -q " open "; then
  c1_open=$(alerts_of C-1 open | awk '{print $1}')
  for p in $c1_open; do
    if grep -q "^$p " <<<"$(alerts_of C-1 closed)"; then echo "FAIL: a decided Huawei alert reopened"; failures=$((failures + 1)); fi
  done
fi
# The delta run and a full run agree: a full run now opens nothing new.
expect_exit 0 -- "$bin" monitor run --full
expect_in "$WORK/out" "alerts opened 0, reopened 0"

# Dismiss whatever the bakery has now; a further list that does not touch its parties keeps the
# false positives closed.
for id in $(alerts_of C-3 open | awk '{print $4}'); do
  expect_exit 0 -- "$bin" alerts decide "$id" --decision false_positive --reason "a bakery, not a person" --reviewer ann
done
dismissed=$(alerts_of C-3 | sort)
# (The fixture holds one bad record on purpose: exit 3, the rest imported.)
expect_exit 3 -- "$bin" lists import "$L/un_small.xml"
expect_in "$WORK/out" "monitoring: delta from snapshot"
# Nobody for a changed party or a match; a subject near the threshold may be screened again.
expect_in "$WORK/out" "(0 with an alert on a changed party, 0 matching a changed or reweighted party"
[ "$(alerts_of C-3 | sort)" = "$dismissed" ] || {
  echo "FAIL: the bakery's false positives changed:"; alerts_of C-3; failures=$((failures + 1)); }
# Importing the same files again changes nothing and monitors nothing.
expect_exit 3 -- "$bin" lists import "$L/un_small.xml"
expect_in "$WORK/out" "unchanged"
if grep -q "monitoring:" "$WORK/out"; then echo "FAIL: an unchanged import monitored"; failures=$((failures + 1)); fi

# Every step is in the audit trail, and the chain holds.
expect_exit 0 -- "$bin" audit verify
expect_in "$WORK/out" "intact"
# The case file of a dismissed alert: JSON and a printable page; the whole trail as JSON Lines.
id=$(alerts_of C-3 closed | awk 'NR == 1 {print $4}')
expect_exit 0 -- "$bin" audit export --alert "$id"
expect_in "$WORK/out" '"reason": "a bakery, not a person"'
expect_in "$WORK/out" '"intact": true'
expect_in "$WORK/out" '"dataset": "us_csl"'
expect_exit 0 -- "$bin" audit export --alert "$id" --format html -o "$WORK/case.html"
expect_in "$WORK/case.html" "Zhang Wei Bakery"
expect_in "$WORK/case.html" "The whole trail verifies"
expect_exit 0 -- "$bin" audit export -o "$WORK/trail.jsonl"
expect_in "$WORK/trail.jsonl" '"action":"monitor.ran"'
expect_exit 2 -- "$bin" audit export --alert 999999
expect_exit 2 -- "$bin" audit export --format html
# The outbox holds what happened; a webhook nobody answers is a failure recorded, not a loss.
expect_exit 0 -- "$bin" notify list --pending
expect_in "$WORK/out" "alert.opened"
expect_in "$WORK/out" "monitor.ran"
printf 'hush\n' >"$WORK/secret"
: >"$WORK/empty"
expect_exit 3 -- "$bin" notify deliver --url http://127.0.0.1:1/hook --secret-file "$WORK/secret"
expect_in "$WORK/err" "tried again"
expect_exit 0 -- "$bin" notify list --pending --limit 1
expect_in "$WORK/out" "1 attempt(s)"
expect_exit 2 -- "$bin" notify deliver --url http://127.0.0.1:1/hook --secret-file "$WORK/empty"
# A batch screened with --record: every good row kept, with its row id and who screened.
printf 'id,name\nr1,Inspur Group\nr2,Nobody Special Widgets\nr3,\n' >"$WORK/batch.csv"
expect_exit 1 -- "$bin" screen --input "$WORK/batch.csv" --output "$WORK/batch.jsonl" --record --reviewer batcher
expect_exit 0 -- "$bin" audit export -o "$WORK/trail2.jsonl"
# The chunk's two screenings are kept together under one audit entry that counts them.
n=$(grep '"action":"screenings.recorded"' "$WORK/trail2.jsonl" | grep '"actor":"batcher"' | grep -c '"count":2')
[ "$n" = 1 ] || { echo "FAIL: $n batch entries of 2 screenings recorded, expected 1"; failures=$((failures + 1)); }
expect_exit 0 -- "$bin" audit verify
# With CSV output, on two threads: the rows' JSON is made for the record alone, and verifies.
{ echo 'id,name'; for i in $(seq 1 300); do echo "c$i,Counterparty Number $i Trading"; done; echo 'c301,Inspur Group'; } >"$WORK/batch2.csv"
expect_exit 1 -- "$bin" screen --input "$WORK/batch2.csv" --output "$WORK/batch2.csv.out.csv" --threads 2 --record --reviewer batcher2
expect_exit 0 -- "$bin" audit export -o "$WORK/trail3.jsonl"
n=$(grep '"action":"screenings.recorded"' "$WORK/trail3.jsonl" | grep '"actor":"batcher2"' | grep -c '"count":301')
[ "$n" = 1 ] || { echo "FAIL: $n batch entries of 301 screenings recorded, expected 1"; failures=$((failures + 1)); }
expect_exit 0 -- "$bin" audit verify
finish
