#pragma once
// A stored snapshot made ready to screen: loaded, its name index mapped (or built and stored),
// timed. Immutable once made; a new snapshot makes a new engine (the server swaps them whole).
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
  IndexLoadReport index_report;  // mapped, or built and why
};

Result<std::unique_ptr<ScreeningEngine>> load_screening_engine(const SnapshotStore& store,
                                                               const std::string& ref,
                                                               unsigned threads);

// Builds the snapshot's name index and stores it (store.index_path), and removes the stored
// indexes of other snapshots, which a later load rebuilds if it needs them. For
// ImportOptions::after_commit: the caller holds the data-directory lock.
Status store_name_index(const SnapshotStore& store, const Snapshot& snapshot, unsigned threads);

}  // namespace clearance
