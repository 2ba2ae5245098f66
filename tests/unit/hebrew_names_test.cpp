// Hebrew words read as the lists spell them: the table's spellings, and for other words every
// reading of their letters, each compared on its consonants with a Latin word.
#include "clearance/text/hebrew_names.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"

namespace clearance {
namespace {

// Whether one of the word's readings spells `latin` on its consonants.
bool reads_as(std::string_view hebrew, std::string_view latin) {
  const auto forms = hebrew_abjad_forms(hebrew);
  return std::any_of(forms.begin(), forms.end(),
                     [&](const std::string& f) { return abjad_spelling_matches(f, latin); });
}

TEST(HebrewNames, TheTableSpellsCommonNamesAsTheListsDo) {
  EXPECT_NO_THROW(read_name_table("hebrew_names.csv", {"hebrew", "spellings", "source"}));
  for (const auto& row : read_name_table("hebrew_names.csv", {"hebrew", "spellings", "source"})) {
    EXPECT_TRUE(row.fields[2].starts_with("https://")) << "hebrew_names.csv line " << row.line;
    EXPECT_TRUE(has_hebrew_letters(row.fields[0])) << "hebrew_names.csv line " << row.line;
  }
  const auto avraham = hebrew_spellings("אברהם");
  ASSERT_FALSE(avraham.empty());
  EXPECT_EQ(avraham.front(), "avraham");
  EXPECT_NE(std::find(avraham.begin(), avraham.end(), "abraham"), avraham.end());
  // Points and final forms do not change the word; a word the table lacks has no spellings.
  EXPECT_EQ(hebrew_spellings("אַבְרָהָם"), avraham);
  EXPECT_TRUE(hebrew_spellings("גרינשפן").empty());
}

TEST(HebrewNames, TheTablesSpellingsComeAlsoAsGermanFrenchAndRussianWriteThem) {
  EXPECT_NO_THROW(read_name_table("hebrew_spelling_conventions.csv",
                                  {"system", "from", "to", "where", "source"}));
  const auto yitzhak = hebrew_spellings("יצחק");
  ASSERT_FALSE(yitzhak.empty());
  EXPECT_EQ(yitzhak.front(), "yitzhak");  // the table's own spellings first
  for (std::string_view other : {"jitzchak", "itshak", "itskhak"})
    EXPECT_NE(std::find(yitzhak.begin(), yitzhak.end(), other), yitzhak.end()) << other;
  const auto shlomo = hebrew_spellings("שלמה");
  for (std::string_view other : {"schlomo", "chlomo"})
    EXPECT_NE(std::find(shlomo.begin(), shlomo.end(), other), shlomo.end()) << other;
  // The sh of Moshe is no h to write as kh.
  const auto moshe = hebrew_spellings("משה");
  EXPECT_EQ(std::find(moshe.begin(), moshe.end(), "moskhe"), moshe.end());
}

TEST(HebrewNames, EveryReadingOfAnAmbiguousLetterMeetsItsSpelling) {
  // ח as h, kh or ch; צ as tz, ts or z; ב as b or v; ו as a vowel or v; פ as p or f.
  for (std::string_view latin : {"yitzhak", "itzhak", "yitschak", "izhak"})
    EXPECT_TRUE(reads_as("יצחק", latin)) << latin;
  EXPECT_TRUE(reads_as("גרינשפן", "greenspan"));
  EXPECT_TRUE(reads_as("סלבודקין", "slobodkin"));
  EXPECT_TRUE(reads_as("רוטשילד", "rothschild"));
  EXPECT_TRUE(reads_as("אלפסי", "alfasi"));
  // The letters a Latin spelling reads as one stay apart: כה is k then h (Kahane).
  EXPECT_TRUE(reads_as("כהנא", "kahane"));
  // A geresh makes צ ch and ג j.
  EXPECT_TRUE(reads_as("צ'רניחובסקי", "chernichovsky"));
  EXPECT_TRUE(reads_as("ג'ורג'", "george") || reads_as("ג'ורג'", "jorj"));
  // Other consonants are other names; a vowel the word writes must be in the spelling.
  EXPECT_FALSE(reads_as("גרינשפן", "greenberg"));
  EXPECT_FALSE(reads_as("יוסף", "yasaf"));  // ו writes an o or u here, or is v
  EXPECT_TRUE(reads_as("יוסף", "yosef"));
}

TEST(HebrewNames, ReadingsKeepTheVowelsTheWordWritesAndOtherLanguagesLetters) {
  // (Hebrew, Latin, whether one reads as the other.) A word written without ו has no o or u
  // (רבין is Rabin, not Rubin); one with a ו may leave another out (סלבודקין Slobodkin). A final
  // ה writes a vowel: דניאלה is Daniella, not Daniel. Other languages' letters: German j for י
  // and s for ז, Spanish j for ח, Russian g for ה.
  const std::tuple<std::string_view, std::string_view, bool> cases[] = {
      {"רבין", "rabin", true},     {"רבין", "rubin", false},   {"דניאלה", "daniella", true},
      {"דניאלה", "daniel", false}, {"דיין", "dajan", true},    {"מופז", "mofas", true},
      {"חיים", "jaim", true},      {"הרצוג", "gertsog", true},
  };
  for (const auto& [hebrew, latin, reads] : cases)
    EXPECT_EQ(reads_as(hebrew, latin), reads) << hebrew << " / " << latin;
}

TEST(HebrewNames, ReadingsAreBoundedAndTheLikeliestComesFirst) {
  const auto forms = hebrew_abjad_forms("חבצלת");
  EXPECT_LE(forms.size(), kMaxHebrewForms);
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms.front(), std::string(1, kOAndUWritten) + "hbtzlt");
  // Many ambiguous letters: still bounded, every form distinct.
  const auto many = hebrew_abjad_forms("חבפצכחבפצכ");
  EXPECT_LE(many.size(), kMaxHebrewForms);
  for (size_t k = 0; k < many.size(); ++k)
    for (size_t m = k + 1; m < many.size(); ++m) EXPECT_NE(many[k], many[m]);
  EXPECT_TRUE(hebrew_abjad_forms("abc").empty());
  EXPECT_TRUE(hebrew_abjad_forms("").empty());
}

// German writes a consonant י j (Jitzchak, Netanjahu, Dajan); a י between two consonants is a
// vowel, which no language writes j.
TEST(HebrewNames, OnlyAConsonantYodReadsJ) {
  auto reads_j = [](std::string_view hebrew) {
    const auto forms = hebrew_abjad_forms(hebrew);
    return std::any_of(forms.begin(), forms.end(),
                       [](const std::string& f) { return f.find('j') != std::string::npos; });
  };
  EXPECT_TRUE(reads_j("יצחק"));    // first letter
  EXPECT_TRUE(reads_j("דיין"));    // doubled
  EXPECT_TRUE(reads_j("נתניהו"));  // before ה or ו, opening a syllable
  EXPECT_FALSE(reads_j("סימון"));  // Simon: a vowel between two consonants
  EXPECT_FALSE(reads_j("דניאל"));  // Daniel: before the א of -el, the vowel i
}

TEST(HebrewNames, TheNormaliserGivesEachWordItsSpellingsOrReadings) {
  NameNormalizer normalizer;
  // Maqaf and hyphen part words; a tabled word carries its spellings, another its readings.
  const NormalizedName n = normalizer.normalize("בן־ציון גרינשפן");
  ASSERT_EQ(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[0].text, "ben");  // opening the name: a given name, no lineage particle
  EXPECT_EQ(n.tokens[1].text, "zion");
  EXPECT_TRUE(n.tokens[1].abjad_forms.empty());
  EXPECT_TRUE(n.tokens[2].marks.abjad);
  EXPECT_GT(n.tokens[2].abjad_forms.size(), 1u);
  EXPECT_EQ(n.tokens[2].source, "גרינשפן");
  // Latin and digits among Hebrew words stay as written.
  const NormalizedName mixed = normalizer.normalize("Elbit מערכות 2000");
  ASSERT_EQ(mixed.tokens.size(), 3u);
  EXPECT_EQ(mixed.tokens[0].text, "elbit");
  EXPECT_EQ(mixed.tokens[1].text, normalizer.normalize("Systems").tokens[0].text);
  EXPECT_EQ(mixed.tokens[2].text, "2000");
}

}  // namespace
}  // namespace clearance
