// A branch or office of an organisation read as the organisation's name too.
#include "clearance/text/branch_offices.h"

#include <gtest/gtest.h>

#include "clearance/text/name_normalizer.h"

namespace clearance {
namespace {

std::vector<std::string> readings_of(const std::string& name) {
  NameNormalizer normalizer;
  std::vector<std::string> out;
  for (const NormalizedName& r : branch_office_readings(normalizer.normalize(name))) {
    std::string text;
    for (const NameToken& t : r.tokens) text += (text.empty() ? "" : " ") + t.text;
    out.push_back(text);
  }
  return out;
}

TEST(BranchOffices, TheOfficeWordsAndTheirPlaceLeftOut) {
  EXPECT_EQ(readings_of("Bank Melli Iran, Hamburg Branch"),
            (std::vector<std::string>{"bank melli iran hamburg", "bank melli iran"}));
  EXPECT_EQ(readings_of("Sberbank Representative Office in Germany"),
            (std::vector<std::string>{"sberbank"}));
  EXPECT_EQ(readings_of("Rosoboronexport Rep. Office Tehran"),
            (std::vector<std::string>{"rosoboronexport"}));
  EXPECT_EQ(readings_of("Branch of Rosoboronexport in Minsk"),
            (std::vector<std::string>{"rosoboronexport"}));
  EXPECT_EQ(readings_of("Beijing Branch of Example Trading"),
            (std::vector<std::string>{"example trade"}));  // (trade words folded)
  const auto huawei = readings_of("HUAWEI TECHNOLOGIES CO., LTD. DUBAI BRANCH");
  ASSERT_EQ(huawei.size(), 2u);
  EXPECT_EQ(huawei[1].find("dubai"), std::string::npos);
}

TEST(BranchOffices, AWordThatIsNoOfficeWordOrANameOfNoOwnWordGivesNoReading) {
  EXPECT_TRUE(readings_of("Example Trading Co").empty());
  EXPECT_TRUE(readings_of("Branch Banking and Trust Company").empty());  // a name, not an office
  EXPECT_TRUE(readings_of("Golden Branch Trading LLC").empty());
  EXPECT_TRUE(readings_of("Branch").empty());
  EXPECT_TRUE(readings_of("Ltd Branch").empty());  // nothing of its own left
}

TEST(BranchOffices, TheQueryIsScreenedAsTheOrganisationToo) {
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize_query("Bank Melli Iran Hamburg Branch");
  ASSERT_GE(n.readings.size(), 2u);
  EXPECT_TRUE(normalizer.normalize("Bank Melli Iran Hamburg Branch").readings.empty());  // a list's
}

}  // namespace
}  // namespace clearance
