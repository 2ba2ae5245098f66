// Foreign names written in katakana spelled as the lists spell them: the vowels Japanese adds
// dropped, the sounds it merges spelled every way.
#include "clearance/text/katakana_loanwords.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/utf8.h"

namespace clearance {
namespace {

std::vector<std::string> spellings(std::string_view katakana) {
  return loanword_spellings(to_code_points(katakana));
}

bool has(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

TEST(KatakanaLoanwords, TheAddedVowelsDroppedAndTheMergedSoundsSpelledEveryWay) {
  EXPECT_TRUE(has(spellings("プーチン"), "putin"));         // チ is ti, ー not written
  EXPECT_TRUE(has(spellings("ウラジーミル"), "vladimir"));  // ウ v, ラ la, ジ di, ル r closing
  EXPECT_TRUE(has(spellings("バッシャール"), "bashar"));    // ッ: the consonant read once
  EXPECT_TRUE(has(spellings("ハーメネイー"), "khamenei"));  // ハ kh
  EXPECT_TRUE(has(spellings("カディロフ"), "kadirov"));     // a closing フ v
  EXPECT_TRUE(has(spellings("ラムザン"), "ramzan"));        // u after m, before a consonant
  EXPECT_TRUE(has(spellings("アサド"), "asad"));            // o after d, closing
  EXPECT_TRUE(has(spellings("ハマス"), "hamas"));
  EXPECT_TRUE(has(spellings("ヤヌコーヴィチ"), "yanukovich"));  // i after ch, closing
  EXPECT_TRUE(has(spellings("ジョン"), "jong"));                // ン ng, closing
  // Hepburn's spelling first, the vowels Japanese adds dropped.
  EXPECT_EQ(spellings("プーチン").front(), "puchin");
  EXPECT_EQ(spellings("キム").front(), "kim");
  // A vowel that is no addition stays: ム before a vowel.
  EXPECT_TRUE(has(spellings("ムサ"), "musa") || has(spellings("ムサ"), "msa"));
  EXPECT_FALSE(has(spellings("ムアンマル"), "mnmar"));
}

TEST(KatakanaLoanwords, KatakanaAloneAndBounded) {
  EXPECT_TRUE(spellings("プーチン漢").empty());
  EXPECT_TRUE(spellings("ひらがな").empty());
  EXPECT_TRUE(spellings("ー").empty());
  EXPECT_TRUE(spellings("ア").empty());  // one letter says nothing
  const auto many = spellings("ラリルレロラリルレロラリルレロ");
  EXPECT_LE(many.size(), kMaxLoanwordSpellings);
  EXPECT_FALSE(many.empty());
  for (const auto& s : many) EXPECT_FALSE(s.empty());
}

TEST(KatakanaLoanwords, TheNormaliserGivesTheJapaneseReadingTheSpellings) {
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize_query("ウラジーミル・プーチン");
  const NormalizedName* japanese = nullptr;
  for (const NormalizedName& r : n.readings)
    if (r.language == "ja") japanese = &r;
  ASSERT_NE(japanese, nullptr);
  ASSERT_EQ(japanese->tokens.size(), 2u);
  EXPECT_TRUE(has(japanese->tokens[0].alternatives, "vladimir"));
  EXPECT_TRUE(has(japanese->tokens[1].alternatives, "putin"));
  EXPECT_TRUE(has(japanese->tokens[1].abjad_forms, "putin"));
  // A name in kanji is no loanword.
  const NormalizedName tanaka = normalizer.normalize_query("田中角栄");
  for (const NormalizedName& r : tanaka.readings)
    for (const NameToken& t : r.tokens) EXPECT_TRUE(t.abjad_forms.empty()) << t.text;
}

}  // namespace
}  // namespace clearance
