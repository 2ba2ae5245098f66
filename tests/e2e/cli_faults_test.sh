#!/usr/bin/env bash
# Bad input and interrupted work on the command line: a clear error (exit 2) naming what was
# wrong, nothing half-done left behind, and no subject that is stored without being screened.
source "$(dirname "$0")/lib.sh"
bin=$CLEARANCE_BIN
L=$CLEARANCE_FIXTURES/lists
X=$'\xff\xfe'
"$bin" lists import "$L/csl_small.csv" "$L/un_small.xml" >/dev/null 2>&1; [ $? -le 3 ] ||
  { echo "FAIL: lists import"; exit 1; }
subjects_count() {
  "$bin" subjects list --json | grep -c '"id"'
}

# Invalid UTF-8 in an argument: refused before anything is written, the argument named.
before=$(subjects_count)
expect_exit 2 -- "$bin" subjects add "U$X" "Example Microelectronics Co."
expect_in "$WORK/err" "not valid UTF-8"
expect_exit 2 -- "$bin" subjects add U1 "Example Microelectronics Co." --reviewer "r$X"
expect_in "$WORK/err" "--reviewer"
[ "$(subjects_count)" = "$before" ] || { echo "FAIL: a refused subject was stored"; failures=$((failures + 1)); }
expect_exit 2 -- "$bin" screen "Example$X" --record
expect_exit 0 -- "$bin" audit export
expect_exit 0 -- "$bin" audit verify

# A threshold that is not a number in [0, 1].
expect_exit 2 -- "$bin" screen "Example Microelectronics Co." --threshold nan
expect_exit 2 -- "$bin" subjects add N1 "Example Microelectronics Co." --threshold nan
[ "$(subjects_count)" = "$before" ] || { echo "FAIL: a subject refused for its threshold was stored"; failures=$((failures + 1)); }

# Hits cut by --limit 0 still say hits (exit 1), not "no hit".
expect_exit 1 -- "$bin" screen "Example Microelectronics Co." --limit 0 --format jsonl

# A snapshot id or data directory too long for the file system: an error, not an abort.
long=$(printf 'A%.0s' $(seq 1 300))
expect_exit 2 -- "$bin" screen "Example" --snapshot "$long"
expect_exit 2 -- "$bin" lists info "$long"

# A batch from a pipe is refused (it would read as empty and pass as "no hit").
printf 'id,name\nR1,Example Microelectronics Co.\n' >"$WORK/rows.csv"
expect_exit 2 -- bash -c "cat '$WORK/rows.csv' | '$bin' screen --input /dev/stdin --input-format csv --output '$WORK/rows.jsonl'"
expect_in "$WORK/err" "not a regular file"

# A subjects file: a row with a byte that is not UTF-8 in any column, a name over the batch's
# limit, a nesting too deep, a date or country that cannot be, a row of the wrong width — each
# rejected with its file, line and field; the good rows stored and screened.
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
with open(f"{w}/subjects.csv", "wb") as f:
    f.write(b"id,name,country,dob,note\n")
    f.write(b"G1,Example Microelectronics Co.,CN,,ok\n")
    f.write(b"B1,Some Trader,C\xf4te d'Ivoire,,latin-1 country\n")
    f.write(b"B2,Other Trader,US,,bad\xff note\n")
    f.write(b"B3," + b"x" * 5000 + b",US,,long name\n")
    f.write(b"B4,Date Trader,US,2026-13-45,impossible date\n")
    f.write(b"B5,Place Trader,Atlantis,,unknown country\n")
    f.write(b"B6,Wide Trader,US,,note,extra\n")
    f.write(b"G2,Plain Widgets GmbH,DE,,ok\n")
with open(f"{w}/deep.jsonl", "w") as f:
    f.write('{"id":"D1","name":"Deep Trader","extra":' + "[" * 100000 + "]" * 100000 + "}\n")
    f.write('{"id":"G3","name":"Example Microelectronics Co."}\n')
PY
expect_exit 3 -- "$bin" subjects add --file "$WORK/subjects.csv"
for line in 3 4 5 6 7 8; do expect_in "$WORK/err" "subjects.csv:$line"; done
expect_in "$WORK/err" "country"
expect_in "$WORK/err" "note"
expect_exit 0 -- "$bin" subjects list --json
for id in B1 B2 B3 B4 B5 B6; do
  grep -q "\"id\":\"$id\"" "$WORK/out" && { echo "FAIL: rejected row $id stored"; failures=$((failures + 1)); }
done
for id in G1 G2; do
  grep -q "\"id\":\"$id\"" "$WORK/out" || { echo "FAIL: good row $id not stored"; failures=$((failures + 1)); }
done
expect_exit 0 -- "$bin" alerts list --subject G1 --json
expect_in "$WORK/out" '"subject":"G1"'
expect_exit 3 -- "$bin" subjects add --file "$WORK/deep.jsonl"
expect_in "$WORK/err" "deep.jsonl:1"
expect_exit 0 -- "$bin" alerts list --subject G3 --json
expect_in "$WORK/out" '"subject":"G3"'

# A subject given while the snapshot cannot be read: refused with nothing stored.
snap=$(ls "$CLEARANCE_DATA_DIR"/snapshots/*.snap | head -1)
cp "$snap" "$WORK/snap.bak"
truncate -s 100 "$snap"
expect_exit 2 -- "$bin" subjects add F1 "Example Microelectronics Co."
cp "$WORK/snap.bak" "$snap"
expect_exit 0 -- "$bin" subjects list --json
grep -q '"id":"F1"' "$WORK/out" && { echo "FAIL: F1 stored by a failed add"; failures=$((failures + 1)); }

# A subject stored but never screened (its add stopped between the two, as a kill would leave
# it: its screening's near score and alerts removed here) is screened by the next `monitor run`,
# and another add of it does not pass it by.
expect_exit 0 -- "$bin" subjects add F2 "Example Microelectronics Co."
"$bin" monitor run >/dev/null 2>&1  # this snapshot monitored: the next run has nothing to do
forget_screening() {
  python3 - "$CLEARANCE_DATA_DIR/cases.db" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DELETE FROM subject_near WHERE subject_id = ?", (sys.argv[2],))
db.execute("DELETE FROM alerts WHERE subject_id = ?", (sys.argv[2],))
db.commit()
PY
}
forget_screening F2
expect_exit 1 -- "$bin" monitor run
expect_in "$WORK/out" "never screened"
expect_exit 0 -- "$bin" alerts list --subject F2 --json
expect_in "$WORK/out" '"subject":"F2"'
forget_screening F2
expect_exit 0 -- "$bin" subjects add F2 "Example Microelectronics Co."
expect_in "$WORK/out" "never screened"
expect_exit 0 -- "$bin" alerts list --subject F2 --json
expect_in "$WORK/out" '"subject":"F2"'

# `audit verify` while another command records: intact every time.
python3 -c "
import sys
print('id,name')
for i in range(20000): print(f'V{i},Verify Trader {i}')" >"$WORK/many.csv"
"$bin" subjects add --file "$WORK/many.csv" >/dev/null 2>&1 &
adder=$!
for i in 1 2 3 4 5; do
  sleep 0.1
  expect_exit 0 -- "$bin" audit verify
done
wait $adder
expect_exit 0 -- "$bin" audit verify

# --replace-all with one list's file would drop every other list: refused without --allow-shrink.
expect_exit 2 -- "$bin" lists import --replace-all "$L/us_other_small/fcc_covered_list.csv"
expect_in "$WORK/err" "--allow-shrink"

# A snapshot whose bytes were changed: `lists info` reports it with exit 2.
snap=$(ls "$CLEARANCE_DATA_DIR"/snapshots/*.snap | head -1)
cp "$snap" "$WORK/snap.bak"
python3 - "$snap" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 0x20
open(p, "wb").write(bytes(b))
PY
expect_exit 2 -- "$bin" lists info
cp "$WORK/snap.bak" "$snap"

# batch_screenings_count: the screenings the case store's batches hold.
batch_screenings_count() {
  python3 - "$CLEARANCE_DATA_DIR/cases.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT coalesce(sum(last_id - first_id + 1), 0) FROM screening_batches").fetchone()[0])
PY
}

# A batch stopped (kill -9 once its first checkpoint is written) and resumed: with other screening
# options it is refused (one output must not mix them); with the same, every row is recorded once.
python3 -c "
print('id,name')
for i in range(60000): print(f'K{i},Example Microelectronics Co. {i}' if i % 100 == 0 else f'K{i},Quiet Trader {i}')" >"$WORK/big.csv"
"$bin" screen --input "$WORK/big.csv" --output "$WORK/big.jsonl" --threads 1 --record >/dev/null 2>&1 &
batch=$!
for i in $(seq 1 600); do
  [ -f "$WORK/big.jsonl.partial.checkpoint" ] && break
  sleep 0.01
done
kill -9 $batch 2>/dev/null
wait $batch 2>/dev/null
if [ -f "$WORK/big.jsonl.partial.checkpoint" ]; then
  expect_exit 2 -- "$bin" screen --input "$WORK/big.csv" --output "$WORK/big.jsonl" --threads 1 --record --resume --threshold 0.95
  expect_in "$WORK/err" "--threshold"
  expect_exit 1 -- "$bin" screen --input "$WORK/big.csv" --output "$WORK/big.jsonl" --threads 1 --record --resume
  recorded=$(batch_screenings_count)
  [ "$recorded" = 60000 ] || { echo "FAIL: 60000 rows recorded as $recorded screenings"; failures=$((failures + 1)); }
  expect_exit 0 -- "$bin" audit verify
else
  echo "FAIL: the batch finished before it could be stopped"; failures=$((failures + 1))
fi

# The same on two threads with CSV output, stopped once a chunk is written (a chunk's body made on
# a screening thread, its transaction in flight): resumed, every row is recorded once and the
# output is the uninterrupted run's.
rm -f "$CLEARANCE_DATA_DIR"/cases.db*
"$bin" screen --input "$WORK/big.csv" --output "$WORK/big2.csv" --threads 2 --record >/dev/null 2>&1 &
batch=$!
for i in $(seq 1 1500); do
  grep -qs '"line":[1-9]' "$WORK/big2.csv.partial.checkpoint" && break
  sleep 0.01
done
kill -9 $batch 2>/dev/null
wait $batch 2>/dev/null
if [ -f "$WORK/big2.csv.partial.checkpoint" ]; then
  expect_exit 1 -- "$bin" screen --input "$WORK/big.csv" --output "$WORK/big2.csv" --threads 2 --record --resume
  recorded=$(batch_screenings_count)
  [ "$recorded" = 60000 ] || { echo "FAIL: 60000 rows recorded as $recorded screenings (two threads)"; failures=$((failures + 1)); }
  expect_exit 0 -- "$bin" audit verify
  expect_exit 1 -- "$bin" screen --input "$WORK/big.csv" --output "$WORK/whole.csv" --threads 2
  cmp -s "$WORK/big2.csv" "$WORK/whole.csv" || { echo "FAIL: the resumed CSV output differs from an uninterrupted run's"; failures=$((failures + 1)); }
else
  echo "FAIL: the two-thread batch finished before it could be stopped"; failures=$((failures + 1))
fi

# A subjects file whose header names a column twice (the second's values would be lost), a JSON
# row whose name is a number, an id holding a NUL byte: refused, the file or row named.
printf 'id,name,name\nH1,First Name,Second Name\n' >"$WORK/twice.csv"
expect_exit 2 -- "$bin" subjects add --file "$WORK/twice.csv"
expect_in "$WORK/err" "twice"
printf '{"id":"J1","name":123}\n{"id":"J2","name":"Plain Widgets GmbH"}\n' >"$WORK/number.jsonl"
expect_exit 3 -- "$bin" subjects add --file "$WORK/number.jsonl"
expect_in "$WORK/err" "number.jsonl:1: name: must be text"
printf 'id,name\nN\0x,Nul Trader\nN2,Plain Trader\n' >"$WORK/nul.csv"
expect_exit 3 -- "$bin" subjects add --file "$WORK/nul.csv"
expect_in "$WORK/err" "control character"
printf 'id,name,name\nR1,First,Second\n' >"$WORK/twice_rows.csv"
expect_exit 2 -- "$bin" screen --input "$WORK/twice_rows.csv" --output "$WORK/twice_rows.jsonl"
expect_in "$WORK/err" "twice"

# Counts and ids out of their range are refused, not read as the largest value (CLI11 saturates).
expect_exit 2 -- "$bin" screen "Example Microelectronics Co." --limit -1
expect_exit 2 -- "$bin" screen "Example Microelectronics Co." --limit 18446744073709551616
expect_exit 2 -- "$bin" alerts show 99999999999999999999
expect_exit 2 -- "$bin" alerts list --limit -5

finish
