// Organisation words a Latin name leaves romanised (text/romanized_org_words.h), the trade words
// translators choose between folded to one (text/legal_forms.h), and a number that opens a unit's
// name (text/numbers.h). Against the real lists: name_tables_test.cpp.
#include "clearance/text/romanized_org_words.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"

namespace clearance {
namespace {

bool has(const std::vector<std::string>* english, std::string_view word) {
  return english && std::find(english->begin(), english->end(), word) != english->end();
}

const NameToken* token(const NormalizedName& name, std::string_view text) {
  const auto it = std::find_if(name.tokens.begin(), name.tokens.end(),
                               [&](const NameToken& t) { return t.text == text; });
  return it == name.tokens.end() ? nullptr : &*it;
}

TEST(RomanizedOrgWords, EveryRowHasOneEnglishWordAndASource) {
  for (const auto& row :
       read_name_table("romanized_org_words.csv", {"written", "english", "language", "source"})) {
    EXPECT_TRUE(row.fields[3].starts_with("https://")) << "line " << row.line;
    EXPECT_EQ(row.fields[1].find(' '), std::string::npos) << "line " << row.line;
  }
  EXPECT_TRUE(has(romanized_org_word("maskan"), "housing"));
  EXPECT_TRUE(has(romanized_org_word("muyok"), "trade"));  // folded as "trading" is
  EXPECT_EQ(romanized_org_word("huawei"), nullptr);
}

TEST(RomanizedOrgWords, RussianWordsComeFromTheCyrillicTableInEveryRomanisation) {
  // A stem met with any ending, in BGN and the other systems.
  EXPECT_TRUE(has(romanized_org_word("zavod"), "plant"));
  EXPECT_TRUE(has(romanized_org_word("oruzheinyy"), "arms"));
  EXPECT_TRUE(has(romanized_org_word("oruzheynyy"), "arms"));
  EXPECT_TRUE(has(romanized_org_word("konstruktorskoye"), "design"));
  EXPECT_TRUE(has(romanized_org_word("obyedinenie"), "association"));
  EXPECT_TRUE(has(romanized_org_word("obedinenie"), "association"));
  EXPECT_TRUE(has(romanized_org_word("gaz"), "gas"));  // a short stem is a whole word only
  EXPECT_EQ(romanized_org_word("gazprom"), nullptr);
  // A country's name is a brand when a name keeps it romanised: Bank Rossiya.
  EXPECT_EQ(romanized_org_word("rossiya"), nullptr);
  // Optional words alone (компани "?company") give no English.
  EXPECT_EQ(romanized_org_word("kompaniya"), nullptr);
}

TEST(RomanizedOrgWords, TheNormaliserGivesTheWordItsEnglishAsAlternatives) {
  NameNormalizer normalizer;
  const NormalizedName bank = normalizer.normalize("Bank Maskan");
  const NameToken* maskan = token(bank, "maskan");
  ASSERT_NE(maskan, nullptr);
  EXPECT_NE(std::find(maskan->alternatives.begin(), maskan->alternatives.end(), "housing"),
            maskan->alternatives.end());
  // Sherkat, Sharikat, Hoesa: the word for a company, a legal form.
  const NormalizedName sherkat = normalizer.normalize("Sherkat-e Melli Naftkesh");
  EXPECT_EQ(sherkat.tokens.front().kind, TokenClass::legal_form);
}

TEST(TradeWords, WordsTranslatorsChooseBetweenAreOne) {
  NameNormalizer normalizer;
  auto texts = [&](std::string_view name) {
    std::vector<std::string> out;
    for (const NameToken& t : normalizer.normalize(name).tokens) out.push_back(t.text);
    return out;
  };
  EXPECT_EQ(texts("Kazan Optical Mechanical Factory"), texts("Kazan Optical Machinery Plant"));
  EXPECT_EQ(texts("Tula Cartridge Works"), texts("Tula Cartridge Plant"));
  EXPECT_EQ(texts("China Aeronautical Radio"), texts("China Aviation Radio"));
  EXPECT_EQ(texts("General Department of Atomic Energy"), texts("General Bureau of Atomic Energy"));
  EXPECT_EQ(texts("Admiralty Wharves"), texts("Admiralty Shipyards"));
  // A translation's alternatives fold too: управление's "directorate" meets a list's Directorate.
  const NormalizedName upravlenie = normalizer.normalize("Главное разведывательное управление");
  const NormalizedName directorate = normalizer.normalize("Main Intelligence Directorate");
  EXPECT_TRUE(
      std::any_of(upravlenie.tokens.begin(), upravlenie.tokens.end(), [&](const NameToken& t) {
        return t.text == directorate.tokens.back().text ||
               std::find(t.alternatives.begin(), t.alternatives.end(),
                         directorate.tokens.back().text) != t.alternatives.end();
      }));
}

TEST(TradeWords, ANumberOpeningAUnitsNameNumbersTheUnit) {
  NameNormalizer normalizer;
  auto series = [&](std::string_view name, std::string_view number) {
    const NormalizedName n = normalizer.normalize(name);
    const NameToken* t = token(n, number);
    return t && t->marks.series;
  };
  // The unit's word within three words after the number: no series number of a family.
  EXPECT_FALSE(series("Joint Stock Company 121 Aviation Repair Plant", "121"));
  EXPECT_FALSE(series("33 Research Institute", "33"));
  EXPECT_TRUE(series("Blackstone Capital Partners 7", "7"));
  EXPECT_TRUE(series("Apollo Investment Fund 8 Holdings", "8"));
}

}  // namespace
}  // namespace clearance
