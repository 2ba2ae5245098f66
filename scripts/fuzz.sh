#!/usr/bin/env bash
# Builds the fuzz harnesses (fuzz/) with clang, libFuzzer, AddressSanitizer and UBSan, and runs
# each for a bounded time or number of inputs. A crash, leak, timeout or out-of-memory fails the
# run; the input that caused it is kept in build-fuzz/crashes/<harness>/ (copy it into
# fuzz/regressions/<harness>/ once fixed, and the test suite replays it for ever).
#
#   scripts/fuzz.sh                         # every harness, 30 s each
#   scripts/fuzz.sh --seconds 10 name http_api
#   scripts/fuzz.sh --runs 1000000 csl_csv  # a documented long run (docs/BENCHMARKS.md)
#   scripts/fuzz.sh --no-build …            # run what build-fuzz holds (several runs at once)
#
# The corpus each harness grows is kept in build-fuzz/corpus/<harness>/ between runs, started from
# its seeds (fuzz/corpus/<harness>/, the fixtures fuzz/CMakeLists.txt names).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=30
runs=""
build_first=1
harnesses=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-build) build_first=0; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) harnesses+=("$1"); shift ;;
  esac
done
build=build-fuzz
if [ $build_first = 1 ]; then
  scripts/install-deps.sh
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DCLEARANCE_FUZZ=ON -DCLEARANCE_SANITIZE=ON \
    -DCLEARANCE_BUILD_TESTS=OFF -DCLEARANCE_BUILD_BENCH=OFF >/dev/null
fi
if [ ${#harnesses[@]} -eq 0 ]; then
  mapfile -t harnesses < <(cd "$build/fuzz" && ls ./*.seeds | sed 's|^\./||; s|\.seeds$||' | sort)
fi
if [ $build_first = 1 ]; then
  cmake --build "$build" -j "$(nproc)" --target "${harnesses[@]/#/fuzz_}"
fi

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
limit=(-max_total_time="$seconds")
[ -n "$runs" ] && limit=(-runs="$runs")
failed=()
printf '%-18s %10s %9s %7s %8s %s\n' harness inputs "exec/s" cov corpus result
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  crashes="$build/crashes/$h"
  mkdir -p "$corpus" "$crashes"
  # Seed files are copied in (libFuzzer reads directories); seed directories are read beside it.
  seed_dirs=()
  while IFS= read -r seed; do
    [ -z "$seed" ] && continue
    if [ -d "$seed" ]; then seed_dirs+=("$seed"); else cp -n "$seed" "$corpus/" 2>/dev/null || true; fi
  done <"$build/fuzz/$h.seeds"
  log="$build/crashes/$h.log"
  status=passed
  "$build/fuzz/fuzz_$h" "${limit[@]}" -timeout=10 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "${seed_dirs[@]}" >"$log" 2>&1 ||
    status=FAILED
  inputs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  # A harness that fails before reporting coverage leaves no such line (grep finds nothing).
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.* cov: \([0-9]*\).*/\1/p' || true)
  printf '%-18s %10s %9s %7s %8s %s\n' "$h" "${inputs:-?}" "${rate:-?}" "${cov:-?}" \
    "$(ls "$corpus" | wc -l)" "$status"
  if [ "$status" = FAILED ]; then
    failed+=("$h")
    grep -E "ERROR|SUMMARY|fuzz check failed|Test unit written" "$log" | head -5 | sed 's/^/    /'
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found faults in: ${failed[*]} (logs: $build/crashes/<harness>.log)" >&2
  exit 1
fi
