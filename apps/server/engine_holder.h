#pragma once
// The screening engine the server answers with, and its replacement when the store's current
// snapshot changes. A request takes a reference to the engine in use and keeps it to the end, so a
// reload never disturbs queries in flight: they finish on the old snapshot, which is freed when the
// last of them lets go.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "clearance/lists/snapshot_store.h"
#include "clearance/match/screening_engine.h"

namespace clearance::server {

struct ReloadStats {
  uint64_t reloads = 0;   // snapshots swapped in after the first
  uint64_t failures = 0;  // reload attempts that failed (the old snapshot stayed in use)
  std::string last_error;
  std::chrono::system_clock::time_point loaded_at{};
};

class EngineHolder {
 public:
  // `ref` is "current" (follow the store) or a fixed snapshot id (never reloaded).
  EngineHolder(std::string data_dir, std::string ref, unsigned index_threads);

  // Loads the snapshot when none is in use, or when the store's current one differs from it.
  // true when a new engine was swapped in. On error the engine in use (if any) stays. The engine
  // replaced is kept until free_retired() frees it.
  Result<bool> reload();
  // Frees the engines replaced by reloads once no request uses them, waiting up to `patience`
  // for the requests in flight. Freeing a large index takes a tenth of a second: the reload
  // thread does it, not whichever request lets go of the old engine last.
  void free_retired(std::chrono::milliseconds patience);

  std::shared_ptr<const ScreeningEngine> engine() const;
  ReloadStats stats() const;
  const std::string& data_dir() const { return store_.data_dir(); }

 private:
  SnapshotStore store_;
  std::string ref_;
  unsigned index_threads_;
  std::mutex reload_mutex_;   // one reload at a time
  mutable std::mutex mutex_;  // guards engine_ and stats_
  std::shared_ptr<const ScreeningEngine> engine_;
  std::vector<std::shared_ptr<const ScreeningEngine>> retired_;  // replaced, maybe still in use
  ReloadStats stats_;
};

}  // namespace clearance::server
