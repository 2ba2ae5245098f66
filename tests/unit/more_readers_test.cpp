// The readers of the EU annexes, the UK list, the Denied Persons List and the curated US lists:
// small fixtures written for the project, then the real files in ../shared/data.
#include <gtest/gtest.h>

#include <map>

#include "clearance/lists/importer.h"
#include "clearance/util/dates.h"
#include "clearance/util/file_io.h"
#include "test_support.h"

namespace clearance {
namespace {

using test::fixture;
using test::shared;

ReadResult read_ok(const std::string& path, const std::string& format = "") {
  auto r = read_list_file(path, format);
  EXPECT_TRUE(r.ok()) << path << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r.value().second) : ReadResult{};
}

const Entity* named(const ReadResult& r, std::string_view name) {
  for (const auto& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

TEST(Dates, EachSourcesOrder) {
  EXPECT_EQ(iso_date("11.8.1960", DateOrder::day_month_year), "1960-08-11");
  EXPECT_EQ(iso_date("29-06-2012", DateOrder::day_month_year), "2012-06-29");
  EXPECT_EQ(iso_date("06/19/2003", DateOrder::month_day_year), "2003-06-19");
  EXPECT_EQ(iso_date("2024-01-31", DateOrder::month_day_year), "2024-01-31");
  EXPECT_EQ(iso_date("March 12, 2021", DateOrder::month_day_year), "2021-03-12");
  EXPECT_EQ(iso_date("1963", DateOrder::day_month_year), "1963");
  EXPECT_EQ(iso_date("6.3.1955 or 15.3.1955", DateOrder::day_month_year), "");
  EXPECT_EQ(iso_date("31.2.1990", DateOrder::day_month_year), "");
  EXPECT_EQ(iso_date("", DateOrder::day_month_year), "");
}

TEST(EuJournalReader, EveryAnnexFileOfTheDirectoryIsOneDataset) {
  const ReadResult r = read_ok(fixture("lists/eu_small/39999R0002.csv"));
  EXPECT_EQ(r.dataset, "eu_journal");
  EXPECT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.entities.size(), 3u);
  ASSERT_EQ(r.issues.size(), 1u);  // the row without a name
  EXPECT_EQ(r.issues[0].line, 4u);
  EXPECT_EQ(r.issues[0].field, "name");
  const Entity* ivan = named(r, "EXAMPLE Ivan Petrovich");
  ASSERT_NE(ivan, nullptr);
  EXPECT_EQ(ivan->type, EntityType::person);
  EXPECT_EQ(ivan->list, "EU");
  EXPECT_EQ(ivan->sub_list, "EU-XYZ");
  EXPECT_EQ(ivan->source_id, "39999R0001-I-1");
  EXPECT_EQ(ivan->aliases.size(), 2u);
  EXPECT_EQ(ivan->dates_of_birth, std::vector<std::string>{"1960-08-11"});
  EXPECT_EQ(ivan->nationalities, std::vector<std::string>{"RU"});
  EXPECT_EQ(ivan->listed_on, "2026-03-16");
  ASSERT_EQ(ivan->identifiers.size(), 1u);
  EXPECT_EQ(ivan->identifiers[0].type, "Passport");
  const Entity* llc = named(r, "Example Trading LLC");
  ASSERT_NE(llc, nullptr);
  ASSERT_EQ(llc->addresses.size(), 1u);
  EXPECT_EQ(llc->addresses[0].country, "RU");
}

TEST(EuJournalReader, TheSameNameTwiceInOneProgrammeIsOneParty) {
  test::TempDir dir;
  SnapshotStore store(dir / "data");
  auto report = import_lists(store, {fixture("lists/eu_small")}, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  const Snapshot& s = report->snapshot;
  const Party* a = s.find_party("eu_journal:eu:39999R0001-I-2");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, s.find_party("eu_journal:eu:39999R0002-III-1"));
}

TEST(BisDplReader, TabDelimitedRowsWithDatesAndNotices) {
  const ReadResult r = read_ok(fixture("lists/dpl_small.txt"));
  EXPECT_EQ(r.dataset, "bis_dpl");
  EXPECT_EQ(r.published, "2023-06-27");
  ASSERT_EQ(r.entities.size(), 1u);
  const Entity& e = r.entities[0];
  EXPECT_EQ(e.list, "DPL");
  EXPECT_EQ(e.listed_on, "2023-06-19");
  EXPECT_EQ(e.end_date, "2033-06-19");
  EXPECT_EQ(e.federal_register_notice, "88 F.R. 41000 6/27/23");
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0].country, "AE");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].line, 3u);
}

TEST(UsCuratedReader, StatuteListsAndTheFccCoveredList) {
  const ReadResult ndaa = read_ok(fixture("lists/us_other_small/section_889.csv"));
  EXPECT_EQ(ndaa.dataset, "us_ndaa_889");
  ASSERT_EQ(ndaa.entities.size(), 1u);
  EXPECT_EQ(ndaa.entities[0].list, "NDAA-889");
  EXPECT_EQ(ndaa.entities[0].type, EntityType::organization);
  EXPECT_EQ(ndaa.entities[0].aliases.size(), 2u);
  ASSERT_EQ(ndaa.entities[0].addresses.size(), 1u);
  EXPECT_EQ(ndaa.entities[0].addresses[0].country, "CN");

  const ReadResult fcc = read_ok(fixture("lists/us_other_small/fcc_covered_list.csv"));
  ASSERT_EQ(fcc.entities.size(), 1u);
  EXPECT_EQ(fcc.entities[0].name, "Example Telecom Company");
  EXPECT_EQ(fcc.entities[0].listed_on, "2021-03-12");
  EXPECT_TRUE(fcc.issues.empty());
  ASSERT_EQ(fcc.warnings.size(), 1u);  // routers: a kind of equipment, no producer named
  EXPECT_NE(fcc.warnings[0].find(":3:"), std::string::npos) << fcc.warnings[0];
}

TEST(OfacCsvReader, SdnCsvWithoutItsCompanionsWarns) {
  test::TempDir dir;
  auto bytes = read_file_raw(fixture("lists/sdn_set/sdn.csv"));
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(write_file_atomic(dir / "sdn.csv", bytes.value()).ok());
  const ReadResult r = read_ok(dir / "sdn.csv");
  EXPECT_FALSE(r.entities.empty());
  EXPECT_EQ(r.warnings.size(), 3u);  // no add.csv, alt.csv, sdn_comments.csv
}

TEST(UkFcdoReader, ATruncatedSpreadsheetIsRefused) {
  const std::string ods = shared("lists/uk/FCDO_UK_Sanctions_List_2025-08-11.ods");
  REQUIRE_SHARED_FILE(ods);
  test::TempDir dir;
  auto bytes = read_file_raw(ods);
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(write_file_atomic(dir / "FCDO_cut.ods", bytes->substr(0, bytes->size() / 2)).ok());
  auto r = read_list_file(dir / "FCDO_cut.ods", "uk-fcdo-ods");
  EXPECT_FALSE(r.ok());
}

TEST(RealListsMore, EveryOtherListFileInSharedData) {
  struct Expect {
    const char* path;
    const char* dataset;
    size_t entities;
    size_t issues;
  };
  // Counts from the files themselves: the EU annexes' rows, the UK sheet's rows (two have no
  // name), the DPL's rows, the curated lists' rows (the FCC's four product categories left out).
  const Expect expected[] = {
      {"lists/eu/journal_sanctions/consolidated", "eu_journal", 8017, 0},
      {"lists/uk/FCDO_UK_Sanctions_List_2025-08-11.ods", "uk_fcdo", 5300, 2},
      {"lists/bis/dpl_2022-09.txt", "bis_dpl", 581, 0},
      {"lists/bis/bis_mieu.csv", "bis_mieu", 13, 0},
      {"lists/us_other/dod_1260h_chinese_military_companies.csv", "dod_1260h", 397, 0},
      {"lists/us_other/fcc_covered_list.csv", "fcc_covered", 12, 0},
      {"lists/us_other/special_legislation/section_889.csv", "us_ndaa_889", 5, 0},
      {"lists/us_other/special_legislation/section_5949.csv", "us_ndaa_5949", 3, 0},
      {"lists/us_other/special_legislation/section_1286.csv", "us_ndaa_1286", 443, 0},
      {"lists/us_other/special_legislation/inksna.csv", "us_state_inksna", 28, 0},
  };
  for (const Expect& x : expected) {
    std::string path = shared(x.path);
    if (std::string(x.dataset) == "eu_journal") path += "/32014R0833.csv";
    REQUIRE_SHARED_FILE(path);
    const ReadResult r = read_ok(path);
    EXPECT_EQ(r.dataset, x.dataset) << x.path;
    EXPECT_EQ(r.entities.size(), x.entities) << x.path;
    EXPECT_EQ(r.issues.size(), x.issues) << x.path;
  }
}

}  // namespace
}  // namespace clearance
