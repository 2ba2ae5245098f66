// Micro benchmarks of the screening engine's parts, on the standard list set (shared_lists.h):
// normalising a name, scoring one pair, finding a token's fuzzy neighbours, and whole queries of
// each kind through the index — with the session's neighbour cache warm (a batch or a server
// repeating common words) and cold (every word new) — against the brute-force reference.
// The distribution over a realistic query mix is screen_latency's job; these isolate the parts.
#include <benchmark/benchmark.h>

#include "clearance/match/screener.h"
#include "clearance/match/term_table.h"
#include "clearance/text/name_normalizer.h"
#include "shared_lists.h"

using namespace clearance;

namespace {

const std::shared_ptr<const NameIndex>& standard_index() {
  static const std::shared_ptr<const NameIndex> index =
      NameIndex::build(bench::load_standard_lists(), 2);
  return index;
}

const Screener& standard_screener() {
  static const Screener screener(standard_index());
  return screener;
}

// One query of each kind; the argument of the benchmarks below indexes this table.
const std::vector<std::string> kQueries = {
    "Huawei Technologies Co., Ltd.",   // listed, exact
    "Rosoboronexprot",                 // listed, a typo
    "PUTIN, Vladimir Vladimirovich",   // listed person, "SURNAME, Given"
    "Northern Star Electronics GmbH",  // non-listed company
    "Maria Garcia",                    // non-listed person
    "华为技术有限公司",                // Chinese name of a listed company
    "Amelie A. Lambert",               // non-listed, a lone initial (the slow tail)
};

void BM_Normalize(benchmark::State& state) {
  NameNormalizer normalizer;
  const std::string& name = kQueries[static_cast<size_t>(state.range(0))];
  for (auto _ : state) benchmark::DoNotOptimize(normalizer.normalize(name));
  state.SetLabel(name);
}
BENCHMARK(BM_Normalize)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

void BM_ScoreOnePair(benchmark::State& state) {
  const NameIndex& index = *standard_index();
  TermTable terms(index);
  NameNormalizer normalizer;
  const PreparedQuery query =
      prepare_query(normalizer.normalize("Huawei Technologies Company Limited"), terms);
  const TermTable::AdHocName ad_hoc =
      terms.make_name(normalizer.normalize("HUAWEI TECHNOLOGIES CO., LTD."));
  const IndexedName name = ad_hoc.view();
  for (auto _ : state) benchmark::DoNotOptimize(name_score_only(query, name, terms, false));
}
BENCHMARK(BM_ScoreOnePair);

void BM_SimilarTerms(benchmark::State& state) {
  const NameIndex& index = *standard_index();
  const std::string token = state.range(0) == 0 ? "electronics" : "lebedev";
  std::vector<NameIndex::SimilarTerm> out;
  for (auto _ : state) {
    out.clear();
    index.similar_terms(token, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetLabel(token);
  state.counters["terms"] = static_cast<double>(out.size());
}
BENCHMARK(BM_SimilarTerms)->Arg(0)->Arg(1);

void screen(benchmark::State& state, bool warm) {
  const Screener& screener = standard_screener();
  ScreenSession session;
  ScreenQuery q;
  q.name = kQueries[static_cast<size_t>(state.range(0))];
  ScreenOptions options;
  size_t hits = 0, scored = 0;
  for (auto _ : state) {
    if (!warm) session.similar_cache.clear();
    const ScreenResult r = screener.screen(q, options, session);
    hits = r.hits.size();
    scored = r.scored;
  }
  state.SetLabel(q.name);
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["scored"] = static_cast<double>(scored);
}
void BM_ScreenWarm(benchmark::State& state) {
  screen(state, true);
}
void BM_ScreenCold(benchmark::State& state) {
  screen(state, false);
}
BENCHMARK(BM_ScreenWarm)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScreenCold)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

void BM_ScreenBruteForce(benchmark::State& state) {
  const Screener& screener = standard_screener();
  ScreenSession session;
  ScreenQuery q;
  q.name = kQueries[static_cast<size_t>(state.range(0))];
  ScreenOptions options;
  for (auto _ : state) benchmark::DoNotOptimize(screener.screen_all_names(q, options, session));
  state.SetLabel(q.name);
}
BENCHMARK(BM_ScreenBruteForce)->Arg(0)->Arg(3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
