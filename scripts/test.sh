#!/usr/bin/env bash
# Builds with AddressSanitizer and UBSan, warnings as errors, and runs the whole test suite, then
# each fuzz harness for FUZZ_SECONDS (default 5; 0 skips).
# Usage: scripts/test.sh [ctest arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build=build-test
# -O1 and line tables only: the sanitizers need no more, and compiling takes half as long as at
# -O2 -g (the suite's runtime grows a little; the build is most of the run).
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DCLEARANCE_SANITIZE=ON -DCLEARANCE_WERROR=ON -DCLEARANCE_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
ctest --test-dir "$build" -j "$(nproc)" --output-on-failure "$@" || status=1
# Every fuzz harness for a bounded time under libFuzzer (clang build in build-fuzz).
if [ "${FUZZ_SECONDS:-5}" != 0 ]; then
  scripts/fuzz.sh --seconds "${FUZZ_SECONDS:-5}" || status=1
fi
scripts/check-format.sh || { echo "clang-format: run scripts/check-format.sh --fix" >&2; status=1; }
exit $status
