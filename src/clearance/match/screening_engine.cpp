#include "clearance/match/screening_engine.h"

#include <chrono>
#include <filesystem>

#include "clearance/util/file_io.h"

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
  engine->index = NameIndex::open_or_build(engine->snapshot, store.index_path(engine->snapshot->id),
                                           threads, &engine->index_report);
  engine->screener = std::make_unique<Screener>(engine->index);
  engine->load_seconds = std::chrono::duration<double>(loaded - start).count();
  engine->index_seconds = std::chrono::duration<double>(clock::now() - loaded).count();
  return engine;
}

Status store_name_index(const SnapshotStore& store, const Snapshot& snapshot, unsigned threads) {
  namespace fs = std::filesystem;
  const std::string path = store.index_path(snapshot.id);
  if (auto st = write_derived_file(path, NameIndex::build_file(snapshot, threads)); !st) return st;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path(), ec))
    if (entry.path().extension() == ".index" && entry.path() != fs::path(path))
      fs::remove(entry.path(), ec);  // a process mapping it keeps its pages until it unmaps
  return Ok{};
}

}  // namespace clearance
