// Names written in Japanese read with MeCab's dictionary and spelled in Hepburn as the lists
// spell them; a Chinese name is not read as Japanese.
#include "clearance/text/japanese_reading.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "clearance/text/japanese_names.h"
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

// Given names read from the dictionary of names (enamdict), which MeCab's dictionary reads
// character by character: a person it names (安倍晋三), or a surname MeCab knows and a given name
// of two kanji or more (篠田建市 Ken'ichi, every reading of the given name an alternative).
TEST(JapaneseReading, PersonsNamesReadByTheDictionaryOfNames) {
  ASSERT_TRUE(std::ifstream(kEnamdictPath).good())
      << "the dictionary of Japanese names (enamdict) is missing";
  JapaneseReader reader;
  const auto abe = read_japanese_person_name("安倍晋三", reader);
  ASSERT_EQ(abe.size(), 2u);
  EXPECT_EQ(abe[0].spelling, "abe");
  EXPECT_EQ(abe[1].spelling, "shinzo");
  EXPECT_EQ(abe[1].source, "晋三");
  const auto suga = read_japanese_person_name("菅義偉", reader);  // MeCab reads 菅 Kan
  ASSERT_EQ(suga.size(), 2u);
  EXPECT_EQ(suga[0].spelling, "suga");
  EXPECT_EQ(suga[1].spelling, "yoshihide");
  const auto shinoda = read_japanese_person_name("篠田建市", reader);
  ASSERT_EQ(shinoda.size(), 2u);
  EXPECT_EQ(shinoda[0].spelling, "shinoda");
  EXPECT_EQ(shinoda[1].spelling, "kenichi");
  // The surname keeps MeCab's reading (佐藤 Sato, not the dictionary's Saito too).
  const auto sato = read_japanese_person_name("佐藤和夫", reader);
  ASSERT_EQ(sato.size(), 2u);
  EXPECT_EQ(sato[0].spelling, "sato");
  EXPECT_TRUE(std::find(sato[0].alternatives.begin(), sato[0].alternatives.end(), "saito") ==
              sato[0].alternatives.end());
  EXPECT_NE(std::find(sato[1].alternatives.begin(), sato[1].alternatives.end(), "tomoo"),
            sato[1].alternatives.end());
  // Not read: a given name of one kanji (明 has dozens of name readings), a name of two that no
  // person of the dictionary bears (王芳, a Chinese name), kana, a name of one character.
  EXPECT_TRUE(read_japanese_person_name("池田明", reader).empty());
  EXPECT_TRUE(read_japanese_person_name("王芳", reader).empty());
  EXPECT_TRUE(read_japanese_person_name("アベシンゾウ", reader).empty());
  EXPECT_TRUE(read_japanese_person_name("森", reader).empty());
  // The normaliser screens it as a reading beside the others.
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize_query("安倍晋三");
  EXPECT_TRUE(std::any_of(n.readings.begin(), n.readings.end(), [](const NormalizedName& r) {
    return r.language == "ja" && r.tokens.size() == 2 && r.tokens[1].text == "shinzo";
  }));
}

}  // namespace
}  // namespace clearance
