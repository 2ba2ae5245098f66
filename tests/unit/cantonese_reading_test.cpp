// Han names read in Cantonese and spelled as Hong Kong spells them (text/cantonese_reading.h).
#include "clearance/text/cantonese_reading.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/name_normalizer.h"

namespace clearance {
namespace {

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(CantoneseReading, AJyutpingSyllableIsSpelledAsHongKongSpellsIt) {
  EXPECT_EQ(cantonese_spellings("zoeng").front(), "cheung");  // 張
  EXPECT_TRUE(has(cantonese_spellings("zoeng"), "tseung"));
  EXPECT_EQ(cantonese_spellings("jyut").front(), "yuet");  // 月
  EXPECT_EQ(cantonese_spellings("jyu").front(), "yu");     // 余
  EXPECT_EQ(cantonese_spellings("zyu").front(), "chu");    // 朱
  EXPECT_EQ(cantonese_spellings("gaa").front(), "ka");     // 家
  EXPECT_TRUE(has(cantonese_spellings("sing"), "shing"));  // 誠
  EXPECT_TRUE(has(cantonese_spellings("gwok"), "kwok"));   // 國, and Macau's
  EXPECT_TRUE(has(cantonese_spellings("gwok"), "kuok"));
  EXPECT_TRUE(has(cantonese_spellings("keoi"), "kui"));  // 驹
  EXPECT_TRUE(has(cantonese_spellings("lei"), "lee"));   // 李
  EXPECT_TRUE(has(cantonese_spellings("lei"), "li"));
  EXPECT_TRUE(has(cantonese_spellings("ngo"), "ngor"));  // 娥
  EXPECT_EQ(cantonese_spellings("ng").front(), "ng");    // 吳, a syllable of its own
  EXPECT_EQ(cantonese_spellings("aa").front(), "a");
  EXPECT_TRUE(cantonese_spellings("xyz").empty());
  EXPECT_TRUE(cantonese_spellings("").empty());
}

TEST(CantoneseReading, APersonsNameInHanCharactersIsReadSyllableBySyllable) {
  ASSERT_TRUE(cantonese_readings_available())
      << "unicode-data's Unihan_Readings.txt.bz2 is missing";
  // Traditional and simplified characters alike.
  for (const char* name : {"李嘉誠", "李嘉诚"}) {
    const auto syllables = cantonese_name_syllables(name);
    ASSERT_EQ(syllables.size(), 3u) << name;
    EXPECT_TRUE(has(syllables[0].spellings, "li")) << name;
    EXPECT_EQ(syllables[1].spellings.front(), "ka") << name;
    EXPECT_TRUE(has(syllables[2].spellings, "shing")) << name;
  }
  EXPECT_TRUE(cantonese_name_syllables("李").empty());              // one character
  EXPECT_TRUE(cantonese_name_syllables("中国人民解放军").empty());  // not a person's name
  EXPECT_TRUE(cantonese_name_syllables("Li Ka Shing").empty());     // not Han
  EXPECT_EQ(cantonese_name_syllables("林鄭 月娥").size(), 4u);      // a space between
  // As a query's reading: the family name marked, each syllable spelled exactly.
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize_query("林鄭月娥");
  const auto yue = std::find_if(n.readings.begin(), n.readings.end(),
                                [](const NormalizedName& r) { return r.language == "yue"; });
  ASSERT_NE(yue, n.readings.end());
  ASSERT_EQ(yue->tokens.size(), 4u);
  EXPECT_EQ(yue->tokens[0].text, "lam");
  EXPECT_TRUE(yue->tokens[0].marks.family);
  EXPECT_EQ(yue->tokens[1].text, "cheng");
  EXPECT_TRUE(yue->tokens[1].marks.family);  // a married woman's two family names
  EXPECT_FALSE(yue->tokens[2].marks.family);
  EXPECT_TRUE(yue->tokens[3].marks.syllable);
  EXPECT_TRUE(has(yue->tokens[3].alternatives, "ngor"));
}

}  // namespace
}  // namespace clearance
