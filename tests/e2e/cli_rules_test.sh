#!/usr/bin/env bash
# `clearance classify`, `clearance check` and `clearance chips` end to end: catalogue chips and
# spec files, dates across rule changes, exit codes, bad input, parties screened against a snapshot.
source "$(dirname "$0")/lib.sh"
bin=$CLEARANCE_BIN
R=$CLEARANCE_FIXTURES/rules

expect_exit 0 -- "$bin" chips
expect_in "$WORK/out" "nvidia-h100-sxm"

# Classification with every step; the 2022 rule's I/O prong on the H800.
expect_exit 0 -- "$bin" classify --chip "H100 SXM" --date 2024-06-01 --format json
expect_in "$WORK/out" '"eccn": "3A090.a"'
expect_in "$WORK/out" '"tpp": 15831.2'
expect_in "$WORK/out" 'PD = TPP 15831.2 / applicable die area 814 mm² = 19.45'
expect_exit 0 -- "$bin" classify --chip H800 --date 2023-06-15 --format text
expect_in "$WORK/out" "I/O is 528 GB/s"
expect_in "$WORK/out" "NVIDIA H800 SXM — 3A991.p"

# A spec file whose PD decides, without a die area: undecided (exit 3), the missing figure named.
cat > "$WORK/spec.json" <<'JSON'
{"name": "Example accelerator", "datacenter": true,
 "throughput": [{"precision": "INT8", "bits": 8, "tops": 300}]}
JSON
expect_exit 3 -- "$bin" classify --spec "$WORK/spec.json" --date 2025-01-01 --format json
expect_in "$WORK/out" '"decided": false'
expect_in "$WORK/out" "applicable die area"
echo '{"name": "x", "throughput": [{"precision": "INT8", "bits": 8}]}' > "$WORK/bad.json"
expect_exit 2 -- "$bin" classify --spec "$WORK/bad.json"
expect_in "$WORK/err" "bad.json: throughput[0]: tops: missing"
expect_exit 2 -- "$bin" classify --chip "H999"
expect_in "$WORK/err" 'no chip "H999" in the catalogue'
expect_exit 2 -- "$bin" classify --chip H100 --date 2024-02-30x
expect_in "$WORK/err" "expected YYYY-MM-DD"

# License determination: exit 1 when a license is required, 0 when not, 3 when facts are missing.
expect_exit 1 -- "$bin" check --chip H100 --destination CN --party-hq CN --date 2024-06-01 --format json
expect_in "$WORK/out" '"license_required": "yes"'
expect_in "$WORK/out" '"citation": "§ 742.6(a)(6)(iii)"'
expect_in "$WORK/out" '"review_policy": "presumption of denial"'
expect_exit 0 -- "$bin" check --chip "RTX 4090" --destination Germany --party-hq DE --date 2026-03-01 --format text
expect_in "$WORK/out" "No license required on the facts given"
expect_in "$WORK/out" "TEXT: § 742.6(a)(6)(iii)(A) reads worldwide"
expect_exit 3 -- "$bin" check --chip H100 --form computer --origin TW --ship-from TW --us-content 20 \
  --destination CN --party-hq CN --date 2024-06-01 --format json
expect_in "$WORK/out" '"license_required": "indeterminate"'
expect_in "$WORK/out" "direct product of US-origin technology"
expect_exit 2 -- "$bin" check --chip H100 --destination Atlantis --date 2024-06-01
expect_in "$WORK/err" 'destination: unknown country "Atlantis"'
expect_exit 2 -- "$bin" check --eccn EAR99 --destination CN --owner "Holding Co"
expect_in "$WORK/err" "expected NAME=PERCENT"

# Parties: refused without a snapshot, screened with one.
expect_exit 2 -- "$bin" check --eccn EAR99 --destination CN --party "Huawei Technologies Co., Ltd."
expect_in "$WORK/err" "without a list snapshot"
"$bin" lists import "$R/parties.jsonl" >/dev/null 2>&1
expect_exit 1 -- "$bin" check --eccn EAR99 --destination CN --party-hq CN \
  --party "Huawei Technologies Co., Ltd." --date 2025-06-01 --format json
expect_in "$WORK/out" '"list": "EL"'
expect_in "$WORK/out" '"footnotes": ['
expect_in "$WORK/out" '"FN1"'
expect_in "$WORK/out" '"snapshot":'
expect_exit 0 -- "$bin" check --eccn EAR99 --destination MY --party-hq CN --party "Example Subsidiary Sdn Bhd" \
  --owner "Example Listed Holding Company=60" --date 2026-03-01 --format json
expect_in "$WORK/out" "due-diligence red flag"

# Lists older than --max-list-age, or published long before the transaction, are flagged: the UN
# fixture says it was generated on 2026-01-15.
"$bin" lists import "$CLEARANCE_FIXTURES/lists/un_small.xml" >/dev/null 2>&1
expect_exit 0 -- "$bin" check --eccn EAR99 --destination MY --party-hq MY --party "Nobody Listed Ltd" \
  --date 2026-09-01 --max-list-age 1 --format json
expect_in "$WORK/out" "list un_sc was published 2026-01-15"
expect_in "$WORK/out" "before the transaction date 2026-09-01"
expect_exit 0 -- "$bin" check --eccn EAR99 --destination MY --party-hq MY --party "Nobody Listed Ltd" \
  --date 2026-01-20 --max-list-age 36500 --format json
if grep -q "un_sc was published" "$WORK/out"; then echo "FAIL: a current list flagged"; failures=$((failures + 1)); fi

finish
