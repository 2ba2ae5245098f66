// Names written in Japanese read with MeCab's dictionary and spelled in Hepburn as the lists
// spell them; a Chinese name is not read as Japanese.
#include "clearance/text/japanese_reading.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/utf8.h"

namespace clearance {
namespace {

std::string hepburn(std::string_view kana) {
  return kana_to_hepburn(to_code_points(kana));
}

TEST(JapaneseReading, KanaInHepburn) {
  EXPECT_EQ(hepburn("アサハラ"), "asahara");
  EXPECT_EQ(hepburn("ショウコウ"), "shoukou");
  EXPECT_EQ(hepburn("ジュンイチロウ"), "junichirou");
  EXPECT_EQ(hepburn("ニッポン"), "nippon");
  EXPECT_EQ(hepburn("マッチャ"), "matcha");
  EXPECT_EQ(hepburn("ひかりのわ"), "hikarinowa");  // hiragana too
  EXPECT_EQ(hepburn("ファイル"), "fairu");
  EXPECT_EQ(hepburn("ティー"), "tii");  // ー doubles its vowel
  EXPECT_EQ(hepburn("カ漢"), "");       // not kana alone
  EXPECT_EQ(hepburn("ウォ"), "wo");
}

TEST(JapaneseReading, LongVowelsAsTheListsWriteThem) {
  const auto sato = hepburn_spellings("satou");
  ASSERT_EQ(sato.size(), 3u);
  EXPECT_EQ(sato[0], "sato");
  EXPECT_EQ(sato[1], "satou");
  EXPECT_EQ(sato[2], "satoh");
  EXPECT_EQ(hepburn_spellings("shoukou").front(), "shoko");
  EXPECT_EQ(hepburn_spellings("yuuki").front(), "yuki");
  EXPECT_EQ(hepburn_spellings("niigata").front(), "niigata");
  EXPECT_EQ(hepburn_spellings("tanaka").size(), 1u);
}

TEST(JapaneseReading, OnlyTheCharactersJapaneseIsWrittenIn) {
  EXPECT_TRUE(in_japanese_charset("田中角栄"));
  EXPECT_TRUE(in_japanese_charset("山口組 髙橋"));  // an extension's kanji too
  EXPECT_FALSE(in_japanese_charset("华为"));        // simplified Chinese
  EXPECT_FALSE(in_japanese_charset("张伟"));
  EXPECT_TRUE(in_japanese_charset("Tanaka"));
}

TEST(JapaneseReading, NamesReadByTheDictionary) {
  ASSERT_TRUE(JapaneseReader::available()) << "MeCab's dictionary (mecab-naist-jdic) is missing";
  JapaneseReader reader;
  const auto tanaka = reader.read("田中角栄");
  ASSERT_EQ(tanaka.size(), 2u);
  EXPECT_EQ(tanaka[0].spelling, "tanaka");
  EXPECT_EQ(tanaka[0].source, "田中");
  EXPECT_EQ(tanaka[1].spelling, "kakuei");
  const auto mitsubishi = reader.read("三菱商事");
  ASSERT_FALSE(mitsubishi.empty());
  EXPECT_EQ(mitsubishi[0].spelling, "mitsubishishoji");
  // The next likeliest readings of the same words are alternatives: 清司 Seiji or Kiyoshi.
  const auto seiji = reader.read("田中清司");
  ASSERT_EQ(seiji.size(), 2u);
  EXPECT_EQ(seiji[1].spelling, "seiji");
  EXPECT_NE(std::find(seiji[1].alternatives.begin(), seiji[1].alternatives.end(), "kiyoshi"),
            seiji[1].alternatives.end());
  EXPECT_TRUE(seiji[0].alternatives.empty());  // 田中 reads one way
  // Kana make a name Japanese whatever the dictionary knows of its words.
  EXPECT_FALSE(reader.read("トヨタ自動車").empty());
  // Chinese names in simplified characters, or with words that are no nouns, are not read.
  EXPECT_TRUE(reader.read("华为技术有限公司").empty());
  EXPECT_TRUE(reader.read("张伟").empty());
  EXPECT_TRUE(reader.read("Tanaka").empty());
}

TEST(JapaneseReading, TheNormaliserAddsTheReadingBesideTheChineseOne) {
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize_query("田中角栄");
  EXPECT_TRUE(normalizer.normalize("田中角栄").readings.empty());  // a list's name: as written
  ASSERT_FALSE(n.tokens.empty());
  EXPECT_EQ(n.tokens[0].origin, TokenOrigin::pinyin);
  // (Also a Korean reading: 田 is a Korean family name too, which counts against Korean parties.)
  ASSERT_FALSE(n.readings.empty());
  const NormalizedName& japanese = n.readings[0];
  EXPECT_EQ(japanese.language, "ja");
  ASSERT_EQ(japanese.tokens.size(), 2u);
  EXPECT_EQ(japanese.tokens[0].text, "tanaka");
  EXPECT_EQ(japanese.tokens[0].origin, TokenOrigin::transliterated);
  EXPECT_TRUE(normalizer.normalize_query("Tanaka Kakuei").readings.empty());
}

}  // namespace
}  // namespace clearance
