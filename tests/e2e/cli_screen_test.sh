#!/usr/bin/env bash
# `clearance screen` and `clearance compare` end to end: single names, batch files (good rows,
# bad rows, BOM, CRLF, quoted commas, Chinese, huge field, empty file, JSON Lines), deterministic
# order across thread counts, and an interrupted run resumed without duplicated output.
source "$(dirname "$0")/lib.sh"
L=$CLEARANCE_FIXTURES/lists
B=$CLEARANCE_FIXTURES/batch
bin=$CLEARANCE_BIN

expect_exit 2 -- "$bin" screen "Anything"
expect_in "$WORK/err" "lists import"
"$bin" lists import "$L/csl_small.csv" "$L/un_small.xml" "$L/cn_custom.csv" >/dev/null 2>&1

# One name: exit 1 with a hit, 0 without; JSON follows the output contract.
expect_exit 1 -- "$bin" screen "Example Microelectronics" --format json
expect_in "$WORK/out" '"entity_id": "us_csl:el:example-microelectronics-co"'
expect_in "$WORK/out" '"license_policy": "Presumption of denial."'
expect_in "$WORK/out" '"matched_name": "Example Microelectronics Co."'
expect_exit 0 -- "$bin" screen "Nobody Special" --format jsonl
expect_in "$WORK/out" '"hits":[]'
expect_exit 2 -- "$bin" screen "x" --type spaceship
expect_exit 0 -- "$bin" compare "Doe, John" "John Doe" --type person
expect_in "$WORK/out" "score 1.000"

# Batch CSV with BOM, CRLF, quoted commas, Chinese text and every kind of bad row.
expect_exit 1 -- "$bin" screen --input "$B/mixed.csv" --output "$WORK/mixed.jsonl"
expect_in "$WORK/err" "10 rows, 4 with hits (4 hits), 5 rejected"
python3 - "$WORK/mixed.jsonl" > "$WORK/summary.txt" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print(d["id"], d["line"], " ".join(h["entity_id"] for h in d["hits"]))
PY
cat > "$WORK/expected.txt" <<'TXT'
a1 2 us_csl:el:example-microelectronics-co
a2 3 us_csl:sdn:12345
a3 4 
a8 9 cn_mofcom:uel:UEL-2023-1
a9 10 un_sc:un:KPe.900
TXT
diff "$WORK/expected.txt" "$WORK/summary.txt" || { echo "FAIL: batch output differs"; failures=$((failures + 1)); }
cat > "$WORK/expected_errors.csv" <<'TXT'
line,id,field,error
5,a4,name,name is missing
6,a5,name,invalid UTF-8
7,a6,dob,"date of birth '1960-13-01' is not YYYY, YYYY-MM or YYYY-MM-DD"
8,a7,type,"type 'spaceship' is not person, organization, vessel or aircraft"
11,a10,country,unknown country 'Atlantis'
TXT
diff "$WORK/expected_errors.csv" "$WORK/mixed.jsonl.errors.csv" || { echo "FAIL: errors file differs"; failures=$((failures + 1)); }

# JSON Lines in, CSV out (one row per hit).
expect_exit 1 -- "$bin" screen --input "$B/queries.jsonl" --output "$WORK/q.csv"
cat > "$WORK/expected_q.csv" <<'TXT'
line,id,query,party_id,lists,entity_id,list,source,name,matched_name,score,license_requirement,license_policy,federal_register_notice
1,j1,Raytheon Missiles & Defense,P-09bf5325cf24,UEL,cn_mofcom:uel:UEL-2023-2,UEL,cn_mofcom,Raytheon Missiles & Defense,Raytheon Missiles & Defense,1.000,,,
2,j2,Ivan Petrov,P-217f546df8eb,UN,un_sc:un:KPi.900,UN,un_sc,IVAN PETROV SERGEEVICH,Иван Петров,1.000,,,
TXT
diff "$WORK/expected_q.csv" "$WORK/q.csv" || { echo "FAIL: CSV output differs"; failures=$((failures + 1)); }
expect_in "$WORK/q.csv.errors.csv" "3,3,,not a JSON object"
expect_in "$WORK/q.csv.errors.csv" "4,j4,name,must be a string"

# A huge field is rejected, the next row still screened; an empty file is not an error.
expect_exit 1 -- "$bin" screen --input "$B/huge.csv" --output "$WORK/h.jsonl"
expect_in "$WORK/h.jsonl.errors.csv" '2,h1,name,"name is 5000 bytes, the limit is 1024"'
expect_in "$WORK/h.jsonl" '"id":"h2"'
expect_exit 0 -- "$bin" screen --input "$B/empty.csv" --output "$WORK/e.jsonl"
expect_exit 2 -- "$bin" screen --input "$WORK/missing.csv" --output "$WORK/x.jsonl"

# Deterministic order whatever the thread count; an interrupted run resumes without duplicates.
python3 - "$WORK/big.csv" <<'PY'
import sys
names = ["Example Microelectronics Co.", "Nobody Special Ltd", "Ivan Petrov", "Raytheon Missiles & Defense",
         "Some Trading Company", "洛克希德·马丁导弹与火控公司", "Doe John"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("id,name\n")
    for i in range(120000):
        f.write(f"r{i},{names[i % len(names)]}\n")
PY
"$bin" screen --input "$WORK/big.csv" --output "$WORK/one.jsonl" --threads 1 2>/dev/null
"$bin" screen --input "$WORK/big.csv" --output "$WORK/two.jsonl" --threads 2 2>/dev/null
cmp -s "$WORK/one.jsonl" "$WORK/two.jsonl" || { echo "FAIL: output depends on thread count"; failures=$((failures + 1)); }
timeout -s KILL 1 "$bin" screen --input "$WORK/big.csv" --output "$WORK/resumed.jsonl" 2>/dev/null
[ -f "$WORK/resumed.jsonl" ] && { echo "FAIL: killed run left a final output file"; failures=$((failures + 1)); }
"$bin" screen --input "$WORK/big.csv" --output "$WORK/resumed.jsonl" --resume >/dev/null 2>"$WORK/err"
cmp -s "$WORK/one.jsonl" "$WORK/resumed.jsonl" || { echo "FAIL: resumed output differs from a clean run"; failures=$((failures + 1)); }
[ -f "$WORK/resumed.jsonl.partial" ] && { echo "FAIL: partial file left behind"; failures=$((failures + 1)); }
sed 's/^/  /' "$WORK/err"

# --lists: one value per flag (the names after it stay names); an unknown list is an error.
expect_exit 2 -- "$bin" screen --lists nope "Raytheon Missiles & Defense"
expect_in "$WORK/err" "'nope' is not a list or dataset"
"$bin" screen --format jsonl --lists uel "Raytheon Missiles & Defense" "Ivan Petrov" > "$WORK/lists.jsonl" || true
[ "$(wc -l < "$WORK/lists.jsonl")" -eq 2 ] || { echo "FAIL: --lists swallowed the names"; failures=$((failures + 1)); }

finish
