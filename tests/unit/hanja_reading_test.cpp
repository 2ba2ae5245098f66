// Korean names written in Han characters read in Korean with libhangul's Hanja dictionary.
#include "clearance/text/hanja_reading.h"

#include <gtest/gtest.h>

#include "clearance/text/name_normalizer.h"

namespace clearance {
namespace {

TEST(HanjaReading, KoreanNamesInHanCharactersReadInHangul) {
  ASSERT_TRUE(hanja_dictionary_available()) << "libhangul-data's hanja.txt is missing";
  EXPECT_EQ(hanja_name_in_hangul("金日成"), "김일성");  // 金 as a family name is 김, not 금
  EXPECT_EQ(hanja_name_in_hangul("崔龍海"), "최룡해");
  EXPECT_EQ(hanja_name_in_hangul("朴 正熙"), "박정희");  // a space after the family name
  // Not a Korean person's name: too long, no Korean family name, other letters.
  EXPECT_EQ(hanja_name_in_hangul("中国电子科技集团"), "");
  EXPECT_EQ(hanja_name_in_hangul("Kim"), "");
  EXPECT_EQ(hanja_name_in_hangul("金"), "");
}

TEST(HanjaReading, TheNormaliserReadsAQueryInKoreanBesideChinese) {
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize_query("金日成");
  const NormalizedName* korean = nullptr;
  for (const NormalizedName& r : n.readings)
    if (r.language == "ko") korean = &r;
  ASSERT_NE(korean, nullptr);
  ASSERT_EQ(korean->tokens.size(), 3u);  // the family name and one token per syllable
  EXPECT_EQ(korean->tokens[0].text, "kim");
  EXPECT_TRUE(korean->tokens[1].marks.syllable);
  EXPECT_TRUE(normalizer.normalize("金日成").readings.empty());  // a list's name: as written
}

}  // namespace
}  // namespace clearance
