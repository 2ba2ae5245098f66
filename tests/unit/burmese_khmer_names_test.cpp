// Burmese and Khmer names read as the lists spell them: syllables cut where the script's rules
// cut them, each spelled from its letters, titles before a name left as stopwords. What the
// scorer makes of them against the lists: screening_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/burmese_names.h"
#include "clearance/text/khmer_names.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"

namespace clearance {
namespace {

bool spells(const std::vector<std::string>& spellings, const std::string& s) {
  return std::find(spellings.begin(), spellings.end(), s) != spellings.end();
}

TEST(BurmeseNames, SyllablesAreCutWhereTheScriptCutsThem) {
  using V = std::vector<std::string>;
  EXPECT_EQ(burmese_syllables("မင်းအောင်လှိုင်"), (V{"မင်း", "အောင်", "လှိုင်"}));
  EXPECT_EQ(burmese_syllables("ဝင်းမြင့်"), (V{"ဝင်း", "မြင့်"}));
  // A consonant stacked under the next closes the syllable before it: ကုမ္ပဏီ is kum-pa-ni.
  EXPECT_EQ(burmese_syllables("ကုမ္ပဏီ"), (V{"ကုမ္", "ပ", "ဏီ"}));
  EXPECT_TRUE(burmese_syllables("").empty());
}

TEST(BurmeseNames, EachSyllableIsSpelledAsNamesSpellIt) {
  EXPECT_EQ(burmese_spellings("မင်း").front(), "min");
  EXPECT_EQ(burmese_spellings("အောင်").front(), "aung");
  EXPECT_EQ(burmese_spellings("လှိုင်").front(), "hlaing");
  EXPECT_TRUE(spells(burmese_spellings("ထွန်း"), "tun"));  // the medial w is the rime's u
  EXPECT_TRUE(spells(burmese_spellings("ထွန်း"), "htun"));
  EXPECT_TRUE(spells(burmese_spellings("မြင့်"), "myint"));  // a creaky nasal keeps its t
  EXPECT_TRUE(spells(burmese_spellings("ညွန့်"), "nyunt"));
  EXPECT_TRUE(spells(burmese_spellings("ရွှေ"), "shwe"));
  EXPECT_TRUE(spells(burmese_spellings("ကျော်"), "kyaw"));
  EXPECT_EQ(burmese_spellings("အေး").front(), "aye");  // a syllable names spell whole
  EXPECT_TRUE(spells(burmese_spellings("ဦး"), "oo"));
  EXPECT_TRUE(burmese_spellings("့").empty());  // a mark alone reads nothing
  for (const char* s : {"မင်း", "ကုမ္", "ရွှေ", "ဦး"})
    EXPECT_LE(burmese_spellings(s).size(), kMaxBurmeseSpellings);
}

TEST(BurmeseNames, TitlesOpenANameOnly) {
  const std::vector<std::string> s = burmese_syllables("ဗိုလ်ချုပ်မှူးကြီးမင်းအောင်လှိုင်");
  std::string english;
  EXPECT_EQ(burmese_title_at(s, 0, &english), 4u);
  EXPECT_EQ(english, "senior general");
  EXPECT_EQ(burmese_title_at(s, 4), 0u);
  NameNormalizer normalizer;
  // ဦး before a name is the honorific U; closing a name it is the name's Oo.
  auto texts = [&](const char* name) {
    std::vector<std::pair<std::string, bool>> out;
    for (const NameToken& t : normalizer.normalize(name).tokens)
      out.emplace_back(t.text, t.kind == TokenClass::ordinary);
    return out;
  };
  using P = std::vector<std::pair<std::string, bool>>;
  EXPECT_EQ(texts("ဦးသိန်းစိန်"), (P{{"u", false}, {"thein", true}, {"sein", true}}));
  EXPECT_EQ(texts("မြထွန်းဦး"), (P{{"mya", true}, {"htun", true}, {"oo", true}}));
  // A title alone is the name.
  EXPECT_EQ(texts("ဦး"), (P{{"oo", true}}));
}

TEST(KhmerNames, SyllablesAndSpellings) {
  using V = std::vector<std::string>;
  EXPECT_EQ(khmer_syllables("ម៉ាណែត"), (V{"ម៉ា", "ណែត"}));
  EXPECT_EQ(khmer_syllables("ប៊ុនហៀង"), (V{"ប៊ុន", "ហៀង"}));
  EXPECT_EQ(khmer_syllables("សំផន"), (V{"សំ", "ផន"}));  // ំ closes its syllable
  EXPECT_EQ(khmer_syllables("រ៉ានី"), (V{"រ៉ា", "នី"}));  // a consonant before a vowel opens one
  // After a bare consonant, a consonant with one stacked under it closes the syllable; the
  // stacked one opens the next.
  EXPECT_EQ(khmer_syllables("សម្តេច"), (V{"សម", "តេច"}));
  EXPECT_EQ(khmer_syllables("ចន្ថា"), (V{"ចន", "ថា"}));
  EXPECT_EQ(khmer_syllables("ស្រី"), (V{"ស្រី"}));        // a cluster opening a word stays one
  EXPECT_TRUE(spells(khmer_spellings("ហ៊ុន"), "hun"));  // triisap: the o-series u
  EXPECT_TRUE(spells(khmer_spellings("ប៉ុល"), "pol"));  // muusikatoan: the a-series o
  EXPECT_TRUE(spells(khmer_spellings("ពត"), "pot"));
  EXPECT_TRUE(spells(khmer_spellings("គន់"), "kun"));  // bantoc shortens o-series o to u
  EXPECT_TRUE(spells(khmer_spellings("ណែត"), "net"));
  EXPECT_TRUE(spells(khmer_spellings("ខៀវ"), "khieu"));
  EXPECT_TRUE(spells(khmer_spellings("ឡុត"), "loth"));
  EXPECT_TRUE(khmer_spellings("៉").empty());
  std::string english;
  EXPECT_EQ(khmer_title_length("សម្តេចហ៊ុន", &english), std::string("សម្តេច").size());
  EXPECT_EQ(english, "samdech");
  EXPECT_EQ(khmer_title_length("ហ៊ុន"), 0u);
}

TEST(BurmeseKhmerNames, TablesHaveTheirFieldsAndSources) {
  EXPECT_NO_THROW(
      read_name_table("burmese_letters.csv", {"letters", "kind", "spellings", "source"}));
  EXPECT_NO_THROW(read_name_table("burmese_titles.csv", {"title", "english", "source"}));
  EXPECT_NO_THROW(read_name_table("burmese_org_words.csv", {"burmese", "english", "source"}));
  EXPECT_NO_THROW(
      read_name_table("khmer_letters.csv", {"letters", "kind", "series", "spellings", "source"}));
  EXPECT_NO_THROW(read_name_table("khmer_titles.csv", {"title", "english", "source"}));
  EXPECT_NO_THROW(read_name_table("khmer_org_words.csv", {"khmer", "english", "source"}));
}

}  // namespace
}  // namespace clearance
