#!/usr/bin/env bash
# `clearance lists …` end to end: import, info, diff, history, bad files, update over HTTP.
source "$(dirname "$0")/lib.sh"
F=$CLEARANCE_FIXTURES/lists
bin=$CLEARANCE_BIN

expect_exit 0 -- "$bin" --version
expect_in "$WORK/out" "clearance 0."
expect_exit 0 -- "$bin" lists formats
expect_in "$WORK/out" "ofac-enhanced-xml"

# No snapshot yet: a clear message, exit 2.
expect_exit 2 -- "$bin" lists info
expect_in "$WORK/err" "lists import"

# Import with malformed rows: they are reported with file, line and field; exit 3.
expect_exit 3 -- "$bin" lists import "$F/csl_small.csv" "$F/un_small.xml" --issues "$WORK/issues.txt"
expect_in "$WORK/out" "imported us_csl"
expect_in "$WORK/out" "3 entities,    2 skipped"
expect_in "$WORK/err" "csl_small.csv:4 [name]: name is empty"
expect_in "$WORK/issues.txt" "un_small.xml [INDIVIDUAL[2]/FIRST_NAME]: name is empty"
first=$("$bin" lists info --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

expect_exit 0 -- "$bin" lists info
expect_in "$WORK/out" "$first"
expect_in "$WORK/out" "us_csl         EL"
expect_in "$WORK/out" "un_sc          UN       DPRK"

# A file that is not the format it claims: refused, nothing changes.
expect_exit 2 -- "$bin" lists import --format ofac-csv "$F/un_small.xml"
expect_in "$WORK/err" "is not a ofac-csv file"
expect_in "$WORK/err" "current snapshot is unchanged"
expect_exit 0 -- "$bin" lists info
expect_in "$WORK/out" "$first"

# A second import adds a dataset; diff shows the additions.
expect_exit 3 -- "$bin" lists import "$F/cn_custom.csv"
expect_exit 0 -- "$bin" lists diff "$first"
expect_in "$WORK/out" "3 added, 0 removed, 0 changed"
expect_in "$WORK/out" "+ cn_mofcom:uel:UEL-2023-1"
expect_exit 0 -- "$bin" lists history
expect_in "$WORK/out" "* "

# A changed source file: the diff names the entity and the fields that changed.
sed 's/Presumption of denial./Policy of denial./' "$F/csl_small.csv" > "$WORK/consolidated.csv"
second=$("$bin" lists info --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
expect_exit 3 -- "$bin" lists import "$WORK/consolidated.csv"
expect_exit 0 -- "$bin" lists diff "$second" current
expect_in "$WORK/out" "0 added, 0 removed, 1 changed"
expect_in "$WORK/out" "[license_policy]"

# lists update from a loopback HTTP server, with a truncated-file check via a wrong checksum.
mkdir -p "$WORK/www" && cp "$F/un_small.xml" "$WORK/www/consolidated.xml"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$WORK/www" >/dev/null 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1',$port))" 2>/dev/null && break; sleep 0.1; done
cat > "$WORK/sources.json" <<JSON
{"connect_timeout_seconds": 5, "timeout_seconds": 30,
 "sources": [{"name": "un_sc", "format": "un-xml",
              "files": [{"url": "http://127.0.0.1:$port/consolidated.xml", "save_as": "consolidated.xml"}]}]}
JSON
expect_exit 3 -- "$bin" lists update --config "$WORK/sources.json"
expect_in "$WORK/out" "imported un_sc"
sed -i 's/"save_as": "consolidated.xml"/"save_as": "consolidated.xml", "sha256": "0000"/' "$WORK/sources.json"
before=$("$bin" lists info --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
expect_exit 2 -- "$bin" lists update --config "$WORK/sources.json"
expect_in "$WORK/err" "does not match the expected"
expect_exit 0 -- "$bin" lists info
expect_in "$WORK/out" "$before"

# Parties: a links file joins two records; one that names an unknown record imports nothing; the
# links stay with later imports; lists parties shows the link and its reason.
cat > "$WORK/links.csv" <<'CSV'
record_a,record_b,relation,note
cn_mofcom:uel:UEL-2023-1,cn_mofcom:uel:UEL-2023-2,same,test: one party
CSV
expect_exit 3 -- "$bin" lists import "$F/cn_custom.csv" --links "$WORK/links.csv"
expect_exit 0 -- "$bin" lists parties
expect_in "$WORK/out" "user_links_file"
printf 'record_a,record_b,relation\ncn_mofcom:uel:UEL-2023-1,nobody:here,same\n' > "$WORK/bad_links.csv"
kept=$("$bin" lists info --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
expect_exit 2 -- "$bin" lists import "$F/cn_custom.csv" --links "$WORK/bad_links.csv"
expect_in "$WORK/err" "nobody:here"
expect_exit 3 -- "$bin" lists import "$F/cn_custom.csv"
expect_exit 0 -- "$bin" lists parties
expect_in "$WORK/out" "user_links_file"

# Global options after the subcommand; the age of each list by its publication date.
expect_exit 0 -- "$bin" lists info --data-dir "$CLEARANCE_DATA_DIR"
expect_in "$WORK/out" "parties"
expect_in "$WORK/out" "age"

finish
