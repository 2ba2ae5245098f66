// Snapshot start-up: decoding a stored snapshot file and building the screening index from it,
// for the standard list set (see shared_lists.h). Target: both together ≤ 1 s.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "clearance/lists/snapshot_codec.h"
#include "clearance/match/name_index.h"
#include "shared_lists.h"

using namespace clearance;

namespace {

const std::string& encoded_standard_snapshot() {
  static const std::string bytes = [] {
    Snapshot s = *bench::load_standard_lists();
    return encode_snapshot(s);
  }();
  return bytes;
}

void BM_DecodeSnapshot(benchmark::State& state) {
  const std::string& bytes = encoded_standard_snapshot();
  for (auto _ : state) {
    auto snapshot = decode_snapshot(bytes, "bench");
    benchmark::DoNotOptimize(snapshot);
  }
  state.counters["MB"] = static_cast<double>(bytes.size()) / (1 << 20);
}
BENCHMARK(BM_DecodeSnapshot)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_BuildIndex(benchmark::State& state) {
  auto snapshot = std::make_shared<const Snapshot>(
      decode_snapshot(encoded_standard_snapshot(), "bench").value());
  for (auto _ : state) {
    auto index = NameIndex::build(snapshot, static_cast<unsigned>(state.range(0)));
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_BuildIndex)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_ParseOfficialFiles(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(bench::load_standard_lists());
}
BENCHMARK(BM_ParseOfficialFiles)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
