// Chinese organisation names written in pinyin (text/pinyin_org_words.h), and the places a
// Chinese name opens with as the lists spell them (data/names/chinese_places.csv).
#include "clearance/text/pinyin_org_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"

namespace clearance {
namespace {

// Each token as "text" or "text/alternative/…", in order.
std::vector<std::string> words(const std::string& name) {
  NameNormalizer normalizer;
  std::vector<std::string> out;
  for (const NameToken& t : normalizer.normalize(name).tokens) {
    std::string word = t.text;
    for (const std::string& a : t.alternatives) word += "/" + a;
    out.push_back(std::move(word));
  }
  return out;
}

bool has_word(const std::vector<std::string>& tokens, const std::string& word) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const std::string& t) {
    return t == word || t.starts_with(word + "/") ||
           t.find("/" + word + "/") != std::string::npos || t.ends_with("/" + word);
  });
}

// Empty, or lower-case words joined by '/' ("changdu/qamdo").
bool is_spelling(const std::string& field) {
  bool letter_before = false;
  for (char c : field) {
    if (c == '/' && !letter_before) return false;
    if (c != '/' && (c < 'a' || c > 'z')) return false;
    letter_before = c != '/';
  }
  return field.empty() || letter_before;
}

TEST(PinyinOrgWords, ANameInPinyinReadsItsWordsAsTheCharactersAre) {
  // The Entity List's alias of Beijing Hileed Solutions, word for word as 北京海力联合科技有限公司.
  const auto pinyin = words("Beijing Haili Lianhe Keji Youxian Gongsi");
  const auto han = words("北京海力联合科技有限公司");
  EXPECT_TRUE(has_word(pinyin, "united")) << ::testing::PrintToString(pinyin);
  EXPECT_TRUE(has_word(pinyin, "technology")) << ::testing::PrintToString(pinyin);
  EXPECT_TRUE(has_word(pinyin, "ltd")) << ::testing::PrintToString(pinyin);
  EXPECT_FALSE(has_word(pinyin, "gongsi"));
  // The brand's own syllables stay as written; one English word keeps the pinyin beside it.
  EXPECT_TRUE(has_word(pinyin, "haili"));
  EXPECT_TRUE(has_word(pinyin, "lianhe"));
  EXPECT_TRUE(has_word(han, "technology"));
}

TEST(PinyinOrgWords, AWordSpelledOverSeveralWordsIsOneWord) {
  // 微电子 written "Wei Dianzi": microelectronics, as 微电子 is; 集成电路 "Jicheng Dianlu":
  // integrated circuit.
  const auto micro = words("Chengdu Haiguang Wei Dianzi Jishu");
  EXPECT_TRUE(has_word(micro, "microelectronics")) << ::testing::PrintToString(micro);
  EXPECT_FALSE(has_word(micro, "wei"));
  const auto circuit = words("Hefei Jinghe Jicheng Dianlu Gufen Youxian Gongsi");
  EXPECT_TRUE(has_word(circuit, "integrated")) << ::testing::PrintToString(circuit);
  EXPECT_TRUE(has_word(circuit, "circuit"));
}

TEST(PinyinOrgWords, ANameReadSoStillMeetsTheSameWordsLeftAsWritten) {
  // "Haiguang Keji" alone is not read as pinyin; the list's name, read so, keeps Keji beside its
  // English.
  EXPECT_TRUE(has_word(words("Chengdu Haiguang Keji Youxian Gongsi"), "keji"));
  // Half a translation is none: 国防 "national defense" after a place alone stays as written.
  const auto bureau = words("Kashi Guofang Daxing Road");
  EXPECT_FALSE(has_word(bureau, "national")) << ::testing::PrintToString(bureau);
}

TEST(PinyinOrgWords, OneWordAloneIsABrandsSyllables) {
  // 化工 is huagong; so is 华工, a brand. Alone beside English words it is left as written.
  EXPECT_FALSE(has_word(words("Huagong Tech"), "chemical"));
  EXPECT_FALSE(has_word(words("Shanghai Huagong"), "chemical"));
  // Beside another word of the table, or in a longer name a Chinese place opens, it is the word.
  EXPECT_TRUE(has_word(words("Shanghai Huagong Keji"), "chemical"));
  EXPECT_TRUE(has_word(words("Beijing Huada Shiye Co Ltd"), "industry"));
  // Legal forms are not the name's words, however written.
  EXPECT_FALSE(has_word(words("Shanghai Huagong Limited"), "chemical"));
}

TEST(PinyinOrgWords, APlacesAdministrativeWordIsDropped) {
  const auto joined = words("Shenzhenshi Zhangge Yiqi Youxian Gongsi");
  EXPECT_EQ(joined.front(), "shenzhen") << ::testing::PrintToString(joined);
  EXPECT_TRUE(has_word(joined, "instrument"));
  const auto apart = words("FOSHAN SHI LANJIAN DIANZI GUFEN YOUXIAN GONGSI");
  EXPECT_FALSE(has_word(apart, "shi")) << ::testing::PrintToString(apart);
  // Not in a name that is no Chinese name in pinyin.
  EXPECT_TRUE(has_word(words("Shi Trading House"), "shi"));
}

TEST(PinyinOrgWords, APlaceIsSpelledAsTheListsSpellItWhereICUReadsItOtherwise) {
  // ICU reads 佛山 "fushan"; the lists write Foshan.
  const auto foshan = words("佛山市蓝箭电子股份有限公司");
  ASSERT_FALSE(foshan.empty());
  EXPECT_TRUE(foshan.front().starts_with("foshan")) << ::testing::PrintToString(foshan);
  for (const auto& row : read_name_table("chinese_places.csv", {"place", "source"}, {"spelling"}))
    EXPECT_TRUE(is_spelling(row.fields[2])) << "data/names/chinese_places.csv line " << row.line;
  for (const auto& row :
       read_name_table("pinyin_other_readings.csv", {"character", "reading", "source"}))
    EXPECT_TRUE(row.fields[2].starts_with("https://")) << "line " << row.line;
}

}  // namespace
}  // namespace clearance
