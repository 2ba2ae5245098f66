#include "clearance/lists/name_parsing.h"

#include <gtest/gtest.h>

namespace clearance {
namespace {

TEST(SplitEmbeddedAliases, ParenthesisedAka) {
  const auto s = split_embedded_aliases("Far East Trading Company, Inc. (a.k.a. FETCO, Inc.)");
  EXPECT_EQ(s.name, "Far East Trading Company, Inc.");
  ASSERT_EQ(s.aliases.size(), 1u);
  EXPECT_EQ(s.aliases[0].name, "FETCO, Inc.");
  EXPECT_EQ(s.aliases[0].kind, AliasKind::aka);
}

TEST(SplitEmbeddedAliases, ParenthesisedFkaWithCommaAndSeveralNames) {
  const auto s = split_embedded_aliases(
      "Mexpar International, Inc. (a.k.a. Pasadena Aerospace; Aviation Logistics and Supply)");
  EXPECT_EQ(s.name, "Mexpar International, Inc.");
  ASSERT_EQ(s.aliases.size(), 2u);
  EXPECT_EQ(s.aliases[1].name, "Aviation Logistics and Supply");
  const auto f = split_embedded_aliases("Gazprom Sotsinvest, OOO (f.k.a., Gazprominvestarena OOO)");
  EXPECT_EQ(f.name, "Gazprom Sotsinvest, OOO");
  ASSERT_EQ(f.aliases.size(), 1u);
  EXPECT_EQ(f.aliases[0].name, "Gazprominvestarena OOO");
  EXPECT_EQ(f.aliases[0].kind, AliasKind::fka);
}

TEST(SplitEmbeddedAliases, AliasInTheMiddleOfAPersonName) {
  const auto s = split_embedded_aliases("PEARL (A.K.A. NEI-CHIEN CHU) LI");
  EXPECT_EQ(s.name, "PEARL LI");
  ASSERT_EQ(s.aliases.size(), 1u);
  EXPECT_EQ(s.aliases[0].name, "NEI-CHIEN CHU");
}

TEST(SplitEmbeddedAliases, UnparenthesisedAka) {
  const auto s = split_embedded_aliases(
      "Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd. "
      "(Chitron-Shenzhen)");
  EXPECT_EQ(s.name, "Chitron Electronics Company Ltd.");
  ASSERT_EQ(s.aliases.size(), 1u);
  EXPECT_EQ(s.aliases[0].name, "Chi-Chung Electronics Company Ltd. (Chitron-Shenzhen)");
}

TEST(SplitEmbeddedAliases, PlainNameUntouched) {
  const auto s = split_embedded_aliases("  Huawei Technologies Co.,   Ltd. ");
  EXPECT_EQ(s.name, "Huawei Technologies Co., Ltd.");
  EXPECT_TRUE(s.aliases.empty());
}

TEST(ParseAliasList, EntityListAndSeparatorAndMarkers) {
  const auto aliases = parse_alias_list(
      "China Shipbuilding Industry Group Co., Ltd. (CSIC) 12th Research Institute; and Thermal "
      "Processing Technology "
      "Research Institute, a.k.a., Hot Working Technology Research Institute.; F.K.A. Old Name");
  ASSERT_EQ(aliases.size(), 4u);
  EXPECT_EQ(aliases[1].name, "Thermal Processing Technology Research Institute");
  EXPECT_EQ(aliases[2].name, "Hot Working Technology Research Institute.");
  EXPECT_EQ(aliases[3].name, "Old Name");
  EXPECT_EQ(aliases[3].kind, AliasKind::fka);
}

TEST(NormalizeDate, FormatsTheListsUse) {
  EXPECT_EQ(normalize_date("1957-10-10"), "1957-10-10");
  EXPECT_EQ(normalize_date("circa 1967"), "1967");
  EXPECT_EQ(normalize_date("13 May 1965"), "1965-05-13");
  EXPECT_EQ(normalize_date("Apr 1968"), "1968-04");
  EXPECT_EQ(normalize_date("16.02.2023"), "2023-02-16");
  EXPECT_EQ(normalize_date("2026-02-27T00:00:09.554Z"), "2026-02-27");
  EXPECT_EQ(normalize_date("1966 to 1968"), "1966 to 1968");
}

}  // namespace
}  // namespace clearance
