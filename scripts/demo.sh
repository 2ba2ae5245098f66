#!/usr/bin/env bash
# The main job on built-in defaults: install dependencies, build, import the official list files
# found in ../shared/data (the project's own sample files when that directory is absent), and
# screen the sample names in data/sample_names.txt. Snapshots go to the default data directory
# (override with CLEARANCE_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target clearance
bin=build/clearance

shared=${CLEARANCE_SHARED_DATA:-../shared/data}
lists=()
if [ -d "$shared/lists" ]; then
  L=$shared/lists
  # The freshest file of every source: the CSL of 2026-07-31 (Entity List, MEU, UVL, DPL, SDN…),
  # OFAC's SDN of 2024-05-03 (sdn.csv alone: its aliases and addresses come through the CSL's copy
  # of each entry, linked by OFAC number), OFAC's non-SDN list of 2025-12 (CSV and Enhanced XML),
  # the UN list of 2026-02-27.
  # Then the EU's annexes, the UK list, BIS's Denied Persons and MIEU lists, DoD's § 1260H list, the
  # FCC Covered List and the NDAA and other statutory lists (docs/LIST_FORMATS.md lists every file
  # of ../shared/data/lists and why the few left out are left out).
  lists=("$L/us_csl/compact_2026-07-31/screening-list.json" "$L/ofac/sdn_2024-05-03"
         "$L/ofac/cons_non_sdn_2025-12" "$L/ofac/CONS_ENHANCED_2025-01-14.ZIP" "$L/un/UN_consolidated.xml"
         "$L/eu/journal_sanctions/consolidated" "$L/uk/FCDO_UK_Sanctions_List_2025-08-11.ods"
         "$L/bis/dpl_2022-09.txt" "$L/bis/bis_mieu.csv" "$L/us_other" "$L/us_other/special_legislation")
  if [ -f "$L/china/cn_sanctions_opensanctions.csv" ]; then
    # China's lists have no official machine-readable file: convert the EN/ZH extract to the
    # custom list format (outside the repository).
    cn=$(mktemp --suffix=.csv)
    trap 'rm -f "$cn"' EXIT
    python3 tools/convert_china_list.py "$L/china/cn_sanctions_opensanctions.csv" "$cn"
    lists+=("$cn")
  fi
else
  echo "no $shared/lists: importing the project's sample list files instead" >&2
  F=tests/fixtures/lists
  lists=("$F/csl_small.csv" "$F/sdn_set" "$F/un_small.xml" "$F/enhanced_small.xml" "$F/cn_custom.csv")
fi

"$bin" lists import --replace-all "${lists[@]}" || [ $? -eq 3 ]   # 3 = some records skipped, reported above
echo
mapfile -t names < <(grep -v '^#' data/sample_names.txt | grep -v '^$')
"$bin" screen --format table --limit 3 "${names[@]}" || [ $? -eq 1 ]   # 1 = hits found

# The rules engine on a catalogued chip: classification, then a dated license determination with a
# party screened against the snapshot just imported.
echo
"$bin" classify --chip "H100 SXM" --date 2026-03-01 --format text
echo
"$bin" check --chip "H100 SXM" --destination CN --party-hq CN --date 2026-03-01 --certifications-dd \
  --party "Huawei Technologies Co., Ltd." --format text || [ $? -eq 1 ]   # 1 = license required
