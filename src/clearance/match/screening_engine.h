#pragma once
// A stored snapshot made ready to screen: loaded, indexed, timed. Immutable once built; a new
// snapshot makes a new engine (the server swaps them whole).
#include <memory>
#include <string>

#include "clearance/lists/snapshot_store.h"
#include "clearance/match/screener.h"

namespace clearance {

struct ScreeningEngine {
  std::shared_ptr<const Snapshot> snapshot;
  std::shared_ptr<const NameIndex> index;
  std::unique_ptr<Screener> screener;
  double load_seconds = 0;
  double index_seconds = 0;
};

Result<std::unique_ptr<ScreeningEngine>> load_screening_engine(const SnapshotStore& store,
                                                               const std::string& ref,
                                                               unsigned threads);

}  // namespace clearance
