#pragma once
// The official list files of ../shared/data read into one in-memory snapshot, for benchmarks and
// quality evaluation (the same set the tests count: CSL 2022, OFAC SDN 2021 and non-SDN 2025 in
// both formats, UN 2026).
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "clearance/lists/importer.h"
#include "clearance/lists/party_linker.h"
#include "clearance/match/screening_engine.h"
#include "clearance/model/snapshot.h"

namespace clearance::bench {

inline std::string shared_data_dir() {
  if (const char* env = std::getenv("CLEARANCE_SHARED_DATA"); env && *env) return env;
  return CLEARANCE_SHARED_DATA_DIR;
}

inline std::vector<std::string> standard_list_files() {
  const std::string d = shared_data_dir() + "/lists/";
  return {d + "us_csl/consolidated_2022-05.csv.gz", d + "ofac/sdn_full_set_2021-07/sdn.csv",
          d + "ofac/cons_non_sdn_2025-12/cons_prim.csv", d + "ofac/CONS_ENHANCED_2025-01-14.ZIP",
          d + "un/UN_consolidated.xml"};
}

// The freshest file of each source the demo imports (scripts/demo.sh) that names China's parties
// in the US lists: the CSL of 2026-07-31 (Entity List, MEU, CMIC…), OFAC's SDN of 2024 and non-SDN
// of 2025, the UN list, DoD's § 1260H list and the NDAA lists.
inline std::vector<std::string> current_us_list_files() {
  const std::string d = shared_data_dir() + "/lists/";
  const std::string leg = d + "us_other/special_legislation/";
  return {d + "us_csl/compact_2026-07-31/screening-list.json",
          d + "ofac/sdn_2024-05-03/sdn.csv",
          d + "ofac/cons_non_sdn_2025-12/cons_prim.csv",
          d + "un/UN_consolidated.xml",
          d + "us_other/dod_1260h_chinese_military_companies.csv",
          leg + "section_5949.csv",
          leg + "section_889.csv",
          leg + "section_1286.csv"};
}

inline std::shared_ptr<const Snapshot> load_lists(const std::vector<std::string>& files) {
  auto snapshot = std::make_shared<Snapshot>();
  for (const auto& file : files) {
    auto read = read_list_file(file, "");
    if (!read) throw std::runtime_error(read.error().message);
    for (auto& e : read->second.entities) snapshot->entities.push_back(std::move(e));
    snapshot->sources.push_back(read->first);
  }
  snapshot->entities.sort_by_id();
  // Linked into parties as an import links them: screening answers parties.
  auto linked = link_parties(*snapshot, nullptr, false);
  if (!linked) throw std::runtime_error(linked.error().message);
  return snapshot;
}

inline std::shared_ptr<const Snapshot> load_standard_lists() {
  return load_lists(standard_list_files());
}

// A screening engine over an in-memory snapshot: its index built (not stored), on two threads.
inline std::unique_ptr<ScreeningEngine> engine_for(std::shared_ptr<const Snapshot> snapshot) {
  auto engine = std::make_unique<ScreeningEngine>();
  engine->snapshot = snapshot;
  engine->index = NameIndex::build(snapshot, 2);
  engine->screener = std::make_unique<Screener>(engine->index);
  return engine;
}

}  // namespace clearance::bench
