// tests/cases/party_queries.csv against the demo's lists (the freshest file of every source in
// ../shared/data): no party twice in any query's top 5, and the Huawei query's first party carries
// its Entity List and CMIC listings. Prints how many first parties carry every list the case
// expects. One test, so the lists are imported and indexed once.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>

#include "clearance/lists/importer.h"
#include "clearance/match/screening_engine.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"
#include "test_support.h"

namespace clearance {
namespace {

// An independent test of "the same party twice": two hits sharing an OFAC entity number, or whose
// names are the same words.
std::set<std::string> identity_keys(const Snapshot& snapshot, const Hit& hit) {
  std::set<std::string> keys;
  std::vector<const Entity*> records = {hit.entity};
  if (hit.party)
    for (uint32_t m : hit.party->members) records.push_back(&snapshot.entities[m]);
  for (const Entity* e : records) {
    const bool numbered =
        !e->source_id.empty() && std::all_of(e->source_id.begin(), e->source_id.end(),
                                             [](char c) { return c >= '0' && c <= '9'; });
    if (numbered && (istarts_with(e->dataset, "ofac_") || e->list == "SDN" || e->list == "SSI" ||
                     e->list == "CMIC"))
      keys.insert("ofac " + e->source_id);
  }
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c :
       hit.party ? snapshot.entities[hit.party->members.front()].name : hit.entity->name) {
    if (c >= 0x80 || std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  std::sort(words.begin(), words.end());
  keys.insert("name " + join(words, " "));
  return keys;
}

TEST(PartyQueries, NoPartyTwiceInTheTopFiveOnTheDemoLists) {
  const std::string lists = test::shared("lists");
  REQUIRE_SHARED_FILE(lists + "/us_csl/compact_2026-07-31/screening-list.json");
  test::TempDir dir;
  const std::string china = dir / "cn_lists.csv";
  const std::string convert = fmt::format(
      "python3 '{}/tools/convert_china_list.py' '{}/china/cn_sanctions_opensanctions.csv' "
      "'{}' 2>/dev/null",
      CLEARANCE_SOURCE_DIR, lists, china);
  ASSERT_EQ(std::system(convert.c_str()), 0) << convert;
  SnapshotStore store(dir / "data");
  auto report = import_lists(
      store,
      {lists + "/us_csl/compact_2026-07-31/screening-list.json", lists + "/ofac/sdn_2024-05-03",
       lists + "/ofac/cons_non_sdn_2025-12", lists + "/ofac/CONS_ENHANCED_2025-01-14.ZIP",
       lists + "/un/UN_consolidated.xml", china},
      {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  auto engine = load_screening_engine(store, "current", 2);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  const Snapshot& snapshot = *engine.value()->snapshot;

  // China's list names in the cases are the source's; the converter gives them codes.
  const std::map<std::string, std::string> china_codes = {
      {"List of Export Controls", "CN-ECL"},
      {"Export Control Watch List", "CN-ECWL"},
      {"AFSL", "CN-AFSL"},
      {"List of Targets of Countermeasures", "CN-CM"},
      {"Decision on Countermeasures against U.S. military-industry enterprises and senior managers",
       "CN-CM"},
      {"Diehard \"Taiwan Independence\" Separatists", "CN-TW"},
      {"Henchmen and Accomplices of \"Taiwan Independence\"", "CN-TW"}};

  auto content = read_file(std::string(CLEARANCE_SOURCE_DIR) + "/tests/cases/party_queries.csv");
  ASSERT_TRUE(content.ok());
  CsvReader reader(content.value());
  CsvRecord row;
  ASSERT_TRUE(reader.next(row).value());
  const CsvHeader header(row.fields);
  ScreenSession session;
  ScreenOptions options;
  options.limit = 5;
  size_t queries = 0, with_duplicates = 0, carrying_all = 0;
  while (reader.next(row).value()) {
    ++queries;
    ScreenQuery q;
    q.name = std::string(field_or_empty(row, header.index("query")));
    const ScreenResult result = engine.value()->screener->screen(q, options, session);
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < result.hits.size(); ++i)
      for (const std::string& key : identity_keys(snapshot, result.hits[i])) {
        auto [it, fresh] = seen.emplace(key, i);
        if (!fresh && it->second != i) {
          ++with_duplicates;
          ADD_FAILURE() << q.name << ": hits " << it->second << " and " << i << " share " << key;
          goto next_query;
        }
      }
  next_query:
    std::set<std::string> first_lists;
    if (!result.hits.empty())
      for (uint32_t m : result.hits[0].party->members)
        first_lists.insert(snapshot.entities[m].list);
    bool all = !result.hits.empty();
    for (std::string list : split_trimmed(field_or_empty(row, header.index("expect_lists")), ";")) {
      if (auto c = china_codes.find(list); c != china_codes.end()) list = c->second;
      all = all && first_lists.count(list);
    }
    carrying_all += all;
    if (q.name == "Huawei Technologies Co., Ltd.") {
      EXPECT_TRUE(first_lists.count("EL") && first_lists.count("CMIC"))
          << join(std::vector<std::string>(first_lists.begin(), first_lists.end()), ",");
    }
  }
  EXPECT_GE(queries, 60u);
  EXPECT_EQ(with_duplicates, 0u);
  fmt::print(
      "party queries: {}; with a party twice in the top 5: {}; first party carries every "
      "expected list: {} ({:.1f} %)\n",
      queries, with_duplicates, carrying_all, 100.0 * carrying_all / queries);
}

}  // namespace
}  // namespace clearance
