#pragma once
// What the fuzz harnesses share: a check that fails loudly (the fuzzer records the input), and a
// small screening engine built once from the fixture lists, for harnesses that screen.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "clearance/lists/importer.h"
#include "clearance/lists/snapshot_store.h"
#include "clearance/match/screening_engine.h"
#include "clearance/util/strings.h"

namespace clearance::fuzz {

// An invariant the code under test broke: print it and abort, so the input is kept as a crash.
#define FUZZ_CHECK(condition, what)                                                               \
  do {                                                                                            \
    if (!(condition)) {                                                                           \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d): %s\n", #condition, __FILE__, __LINE__, \
                   std::string(what).c_str());                                                    \
      std::abort();                                                                               \
    }                                                                                             \
  } while (0)

// A directory that lives as long as the process (the fixture snapshot is stored there).
inline const std::string& scratch_dir() {
  static const std::string dir = [] {
    char pattern[] = "/tmp/clearance-fuzz-XXXXXX";
    const char* made = mkdtemp(pattern);
    FUZZ_CHECK(made != nullptr, "mkdtemp");
    return std::string(made);
  }();
  return dir;
}

// The fixture lists imported into a scratch store: the data directory of the engine below.
inline const std::string& fixture_data_dir() {
  static const std::string dir = [] {
    const std::string data = scratch_dir() + "/data";
    SnapshotStore store(data);
    const std::string fixtures = CLEARANCE_FIXTURES_DIR;
    auto report = import_lists(store,
                               {fixtures + "/lists/csl_small.csv", fixtures + "/lists/un_small.xml",
                                fixtures + "/lists/cn_custom.csv"},
                               {});
    FUZZ_CHECK(report.ok(), report ? "" : report.error().message);
    return data;
  }();
  return dir;
}

inline const ScreeningEngine& fixture_engine() {
  static const std::unique_ptr<ScreeningEngine> engine = [] {
    SnapshotStore store(fixture_data_dir());
    auto loaded = load_screening_engine(store, "current", 1);
    FUZZ_CHECK(loaded.ok(), loaded ? "" : loaded.error().message);
    return std::move(loaded.value());
  }();
  return *engine;
}

}  // namespace clearance::fuzz
