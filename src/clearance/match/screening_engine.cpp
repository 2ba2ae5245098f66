#include "clearance/match/screening_engine.h"

#include <chrono>

namespace clearance {

Result<std::unique_ptr<ScreeningEngine>> load_screening_engine(const SnapshotStore& store,
                                                               const std::string& ref,
                                                               unsigned threads) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  auto snapshot = store.load(ref);
  if (!snapshot) return snapshot.error();
  auto engine = std::make_unique<ScreeningEngine>();
  engine->snapshot = std::make_shared<const Snapshot>(std::move(snapshot.value()));
  const auto loaded = clock::now();
  engine->index = NameIndex::build(engine->snapshot, threads);
  engine->screener = std::make_unique<Screener>(engine->index);
  engine->load_seconds = std::chrono::duration<double>(loaded - start).count();
  engine->index_seconds = std::chrono::duration<double>(clock::now() - loaded).count();
  return engine;
}

}  // namespace clearance
