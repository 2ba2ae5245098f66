// Foreign names written in Chinese characters for their sound, compared with Latin spellings on
// their consonants.
#include "clearance/text/chinese_transcription.h"

#include <gtest/gtest.h>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/utf8.h"

namespace clearance {
namespace {

size_t meets(std::string_view han, std::string_view latin) {
  return transcription_match(chinese_transcription_keys(han), to_code_points(han).size(), latin);
}

TEST(ChineseTranscription, NamesMeetTheirLatinSpellings) {
  EXPECT_EQ(meets("阿布拉莫维奇", "abramovich"), 5u);  // b r m v ch; 阿 a vowel only
  EXPECT_EQ(meets("德里帕斯卡", "deripaska"), 5u);
  EXPECT_EQ(meets("季姆琴科", "timchenko"), 5u);  // 季 ji for the Russian ti
  EXPECT_EQ(meets("根纳季", "gennady"), 3u);      // and for di; nn once
  EXPECT_EQ(meets("普里戈任", "prigozhin"), 5u);  // 任 ren for zhin
  EXPECT_EQ(meets("乌斯马诺夫", "usmanov"), 4u);  // 乌 wu a vowel; 夫 fu the final v
  EXPECT_EQ(meets("哈梅内伊", "khamenei"), 3u);   // 哈 ha for kh
  EXPECT_EQ(meets("霍尼韦尔", "honeywell"), 3u);  // 霍 ho an h; w and l
  EXPECT_EQ(meets("马丁", "martin"), 3u);         // the English r unwritten
  EXPECT_EQ(meets("维克塞尔伯格", "vekselberg"), 6u);
  EXPECT_EQ(meets("卡拉什尼科夫", "kalashnikov"), 6u);
  EXPECT_EQ(meets("赛博勒克斯", "cyberlux"), 5u);  // a soft c; x is ks
}

TEST(ChineseTranscription, OtherConsonantsDoNotMeet) {
  EXPECT_EQ(meets("季姆琴科", "timoshenko"), 0u);  // 琴 qin ch, not sh (季莫申科)
  EXPECT_EQ(meets("阿布拉莫维奇", "abramov"), 0u);
  EXPECT_EQ(meets("弗里德曼", "fradkov"), 0u);
  EXPECT_EQ(meets("卡拉什尼科夫", "kalashnikova"), 6u);  // vowels are not compared
}

TEST(ChineseTranscription, AWordOfMoreSyllablesThanCharactersIsNoTranscriptionOfThem) {
  EXPECT_EQ(latin_syllables("putin"), 2u);
  EXPECT_EQ(latin_syllables("potanin"), 3u);
  EXPECT_EQ(latin_syllables("george"), 1u);  // a final e after a consonant is silent
  EXPECT_EQ(latin_syllables("yevgeniy"), 3u);
  EXPECT_EQ(meets("普京", "putin"), 3u);
  EXPECT_EQ(meets("普京", "potanin"), 0u);  // p t n alike, but three syllables in two characters
}

TEST(ChineseTranscription, OnlyRunsOfTheTablesCharactersHaveKeys) {
  EXPECT_TRUE(chinese_transcription_keys("华为技术").empty());  // 为, 技, 术 are not of the table
  EXPECT_TRUE(chinese_transcription_keys("克").empty());        // one character
  EXPECT_TRUE(chinese_transcription_keys("阿里").empty());      // a key of one class
  EXPECT_FALSE(chinese_transcription_keys("阿布拉莫维奇").empty());
  EXPECT_TRUE(latin_transcription_keys("ali").empty());
}

TEST(ChineseTranscription, ShorterKeysAreWorthLess) {
  EXPECT_FLOAT_EQ(transcription_similarity(6, 0.95f), 0.95f);
  EXPECT_FLOAT_EQ(transcription_similarity(9, 0.95f), 0.95f);
  EXPECT_LT(transcription_similarity(3, 0.95f), transcription_similarity(4, 0.95f));
}

TEST(ChineseTranscription, TheNormaliserReadsATranscriptionWhereTheWritingSaysItIsOne) {
  NameNormalizer normalizer;
  auto keyed = [&](std::string_view name) {
    size_t count = 0;
    for (const NameToken& t : normalizer.normalize(name).tokens)
      count += !t.transcription_keys.empty();
    return count;
  };
  EXPECT_EQ(keyed("罗曼·阿布拉莫维奇"), 2u);  // the interpunct between the parts
  EXPECT_EQ(keyed("霍尼韦尔国际公司"), 1u);   // a brand before organisation words
  EXPECT_EQ(keyed("阿布拉莫维奇"), 1u);       // longer than a Chinese personal name
  EXPECT_EQ(keyed("万安特"), 0u);             // a Chinese personal name of such characters
  EXPECT_EQ(keyed("丁娜凯"), 0u);
  EXPECT_EQ(keyed("Roman Abramovich"), 0u);
}

}  // namespace
}  // namespace clearance
