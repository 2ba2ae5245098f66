// The official files in ../shared/data: counts must match the sources exactly.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "clearance/lists/importer.h"
#include "test_support.h"

namespace clearance {
namespace {

using test::shared;

ReadResult read_shared(const std::string& relative) {
  const std::string path = shared(relative);
  if (!std::filesystem::exists(path)) {
    ADD_FAILURE() << "shared data file missing: " << path;
    return {};
  }
  auto read = read_list_file(path, "");
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read.value().second) : ReadResult{};
}

std::map<std::string, size_t> count_by_list(const ReadResult& r) {
  std::map<std::string, size_t> counts;
  for (const auto& e : r.entities) ++counts[e.list];
  return counts;
}

size_t count_type(const ReadResult& r, EntityType type) {
  size_t n = 0;
  for (const auto& e : r.entities) n += e.type == type;
  return n;
}

const Entity* find_name(const ReadResult& r, std::string_view list, std::string_view name) {
  for (const auto& e : r.entities)
    if (e.list == list && e.name == name) return &e;
  return nullptr;
}

TEST(RealLists, ConsolidatedScreeningListCompact2026) {
  auto read = read_list_file(shared("lists/us_csl/compact_2026-07-31/screening-list.json"), "");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const auto& [source, r] = read.value();
  EXPECT_EQ(source.format, "csl-compact-json");
  EXPECT_EQ(source.published, "2026-07-31");
  EXPECT_EQ(r.entities.size(), 25921u);
  EXPECT_TRUE(r.issues.empty());
  const auto counts = count_by_list(r);
  EXPECT_EQ(counts.at("EL"), 3420u);
  EXPECT_EQ(counts.at("SDN"), 19181u);
  EXPECT_EQ(counts.at("DPL"), 1596u);
  EXPECT_EQ(counts.at("MEU"), 70u);
  EXPECT_EQ(counts.at("CMIC"), 68u);
  // Listed after the 2022 file: the parties a stale list misses.
  EXPECT_NE(find_name(r, "EL", "Moore Thread Intelligent Technology (Beijing) Co., Ltd."), nullptr);
  const Entity* huawei = find_name(r, "EL", "Huawei Technologies Co., Ltd. (Huawei)");
  ASSERT_NE(huawei, nullptr);
  EXPECT_FALSE(huawei->license_requirement.empty());
  EXPECT_EQ(huawei->addresses.at(0).country, "CN");
}

TEST(RealLists, ConsolidatedScreeningList2022) {
  const ReadResult r = read_shared("lists/us_csl/consolidated_2022-05.csv.gz");
  EXPECT_EQ(r.entities.size(), 14160u);
  EXPECT_TRUE(r.issues.empty());
  const std::map<std::string, size_t> expected = {
      {"EL", 2001}, {"SDN", 10026}, {"DPL", 462}, {"UVL", 201}, {"MEU", 71},
      {"DTC", 727}, {"ISN", 163},   {"SSI", 290}, {"PLC", 78},  {"CMIC", 68},
      {"CAP", 53},  {"NS-MBS", 17}, {"FSE", 3}};
  EXPECT_EQ(count_by_list(r), expected);
  // Ids are unique even where the CSL repeats a name or a source row id.
  std::set<std::string> ids;
  for (const auto& e : r.entities) ids.insert(e.id);
  EXPECT_EQ(ids.size(), r.entities.size());

  const Entity* huawei = find_name(r, "EL", "Huawei Technologies Co., Ltd. (Huawei)");
  ASSERT_NE(huawei, nullptr);
  EXPECT_FALSE(huawei->license_requirement.empty());
  EXPECT_FALSE(huawei->license_policy.empty());
  EXPECT_FALSE(huawei->federal_register_notice.empty());
  EXPECT_EQ(huawei->addresses.at(0).country, "CN");
  // "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Huawei Marine Networks Co., Ltd."
  const Entity* affiliate = find_name(r, "EL", "Huawei Marine Networks Co., Ltd.");
  ASSERT_NE(affiliate, nullptr);
  ASSERT_FALSE(affiliate->properties.empty());
  EXPECT_EQ(affiliate->properties.front().key, "affiliated_with");
  EXPECT_EQ(affiliate->properties.front().value, "Huawei Technologies Co., Ltd. (Huawei)");
  const Entity* fetco = find_name(r, "DTC", "Far East Trading Company, Inc.");
  ASSERT_NE(fetco, nullptr);
  EXPECT_EQ(fetco->aliases.at(0).name, "FETCO, Inc.");
  // Every address whose last part names a country resolves to an ISO code.
  size_t with_country = 0, addresses = 0;
  for (const auto& e : r.entities)
    for (const auto& a : e.addresses) {
      ++addresses;
      with_country += !a.country.empty();
    }
  EXPECT_GT(with_country, addresses * 97 / 100) << with_country << " of " << addresses;
}

TEST(RealLists, OfacSdnFullSet2021) {
  const ReadResult r = read_shared("lists/ofac/sdn_full_set_2021-07/sdn.csv");
  EXPECT_EQ(r.files.size(), 4u);
  EXPECT_EQ(r.entities.size(), 8976u);
  EXPECT_EQ(count_type(r, EntityType::person), 4620u);
  EXPECT_EQ(count_type(r, EntityType::organization), 3673u);
  EXPECT_EQ(count_type(r, EntityType::vessel), 406u);
  EXPECT_EQ(count_type(r, EntityType::aircraft), 277u);
  EXPECT_TRUE(r.issues.empty()) << to_string(r.issues.front());
  size_t strong_aliases = 0;
  for (const auto& e : r.entities)
    for (const auto& a : e.aliases) strong_aliases += a.kind != AliasKind::weak;
  // alt.csv has 11,910 rows; two repeat an alias of the same entity and four repeat its primary
  // name.
  EXPECT_EQ(strong_aliases, 11904u);
}

TEST(RealLists, OfacConsolidatedNonSdn2025) {
  const ReadResult r = read_shared("lists/ofac/cons_non_sdn_2025-12/cons_prim.csv");
  EXPECT_EQ(r.dataset, "ofac_cons");
  EXPECT_EQ(r.entities.size(), 442u);
  EXPECT_TRUE(r.issues.empty());
}

TEST(RealLists, OfacEnhancedXmlZip) {
  const ReadResult r = read_shared("lists/ofac/CONS_ENHANCED_2025-01-14.ZIP");
  EXPECT_EQ(r.entities.size(), 443u);
  EXPECT_EQ(count_type(r, EntityType::person), 80u);
  EXPECT_EQ(count_type(r, EntityType::organization), 363u);
  EXPECT_EQ(r.published, "2025-01-10");
  EXPECT_TRUE(r.issues.empty());
}

TEST(RealLists, UnConsolidatedXml) {
  const ReadResult r = read_shared("lists/un/UN_consolidated.xml");
  EXPECT_EQ(r.entities.size(), 1003u);
  EXPECT_EQ(count_type(r, EntityType::person), 730u);
  EXPECT_EQ(count_type(r, EntityType::organization), 273u);
  EXPECT_EQ(r.published, "2026-02-27");
  EXPECT_TRUE(r.issues.empty());
}

}  // namespace
}  // namespace clearance
