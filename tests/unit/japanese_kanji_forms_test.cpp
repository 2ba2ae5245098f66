// Chinese characters as Japanese writes them, and Japanese firms as Chinese text writes them
// read with their brands in Japanese.
#include "clearance/text/japanese_kanji_forms.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/match/screener.h"
#include "clearance/text/japanese_reading.h"
#include "clearance/text/name_normalizer.h"

namespace clearance {
namespace {

TEST(JapaneseKanjiForms, TraditionalCharactersInTheirJapaneseForms) {
  ASSERT_GT(japanese_kanji_form_count(), 500u)
      << "KANJIDIC2 (kanjidic-xml) or the Unicode Han database (unicode-data) is missing";
  // Old forms of the reform (KANJIDIC2), Jinmeiyō old forms (Unihan), the project's table.
  EXPECT_EQ(in_japanese_kanji_forms("三菱重工业株式会社", "三菱重工業株式會社"),
            "三菱重工業株式会社");
  EXPECT_EQ(in_japanese_kanji_forms("丰田", "豐田"), "豊田");
  EXPECT_EQ(in_japanese_kanji_forms("泽", "澤"), "沢");
  EXPECT_EQ(in_japanese_kanji_forms("发", "發"), "発");
  EXPECT_EQ(in_japanese_kanji_forms("黄", "黃"), "黄");
  EXPECT_EQ(in_japanese_kanji_forms("产", "產"), "産");
  // A simplified character that is Japanese's own form stays as written (ICU spells it 內).
  EXPECT_EQ(in_japanese_kanji_forms("内", "內"), "内");
  // Characters Japanese is written in stay.
  EXPECT_EQ(in_japanese_kanji_forms("日立", "日立"), "日立");
  // A character Japanese is not written in: nothing to read.
  EXPECT_EQ(in_japanese_kanji_forms("啊", "啊"), "");
}

TEST(JapaneseKanjiForms, LegalFormsOnlyJapaneseFirmsHave) {
  EXPECT_TRUE(has_japanese_company_form("三菱重工业株式会社"));
  EXPECT_TRUE(has_japanese_company_form("株式會社普利司通"));
  EXPECT_TRUE(has_japanese_company_form("某某合同会社"));
  EXPECT_FALSE(has_japanese_company_form("华为技术有限公司"));
  EXPECT_FALSE(has_japanese_company_form("会社"));
}

bool has_reading_with(const NormalizedName& name, std::initializer_list<std::string_view> words) {
  return std::any_of(name.readings.begin(), name.readings.end(), [&](const NormalizedName& r) {
    return std::all_of(words.begin(), words.end(), [&](std::string_view w) {
      return std::any_of(r.tokens.begin(), r.tokens.end(), [&](const NameToken& t) {
        return t.text == w ||
               std::find(t.alternatives.begin(), t.alternatives.end(), w) != t.alternatives.end();
      });
    });
  });
}

TEST(JapaneseKanjiForms, JapaneseFirmsAsChineseWritesThemReadInJapanese) {
  ASSERT_TRUE(JapaneseReader::available()) << "MeCab's dictionary (mecab-naist-jdic) is missing";
  ASSERT_GT(japanese_kanji_form_count(), 500u);
  NameNormalizer normalizer;
  // The brand read in Japanese, the words Chinese translates kept translated.
  EXPECT_TRUE(has_reading_with(normalizer.normalize_query("三菱重工业株式会社"),
                               {"mitsubishi", "heavy", "industry"}));
  EXPECT_TRUE(has_reading_with(normalizer.normalize_query("富士通网络解决方案株式会社"),
                               {"fujitsu", "network", "solutions"}));
  // Latin letters beside the brand stay as written.
  EXPECT_TRUE(has_reading_with(normalizer.normalize_query("小松NTC株式会社"), {"komatsu", "ntc"}));
  // Traditional characters and the traditional legal form.
  EXPECT_TRUE(has_reading_with(normalizer.normalize_query("三菱電機株式會社"), {"mitsubishi"}));
  // Without a Japanese legal form, a firm's brand is read as Japanese too (丰田汽车 Toyota
  // Motor), a reading that counts against parties of Japan alone.
  const NormalizedName toyota = normalizer.normalize_query("丰田汽车公司");
  EXPECT_TRUE(has_reading_with(toyota, {"toyota", "motor"}));
  EXPECT_TRUE(std::any_of(toyota.readings.begin(), toyota.readings.end(),
                          [](const auto& r) { return r.language == kJapaneseBrandReading; }));
  // Not a name without a word that says it is a firm's, nor a brand Japanese does not read.
  for (const char* name : {"丰田", "华为技术有限公司"}) {
    const NormalizedName n = normalizer.normalize_query(name);
    EXPECT_FALSE(std::any_of(n.readings.begin(), n.readings.end(), [](const auto& r) {
      return r.language == "ja" || r.language == kJapaneseBrandReading;
    })) << name;
  }
}

// A Chinese firm's name read as a Japanese brand meets a party of Japan, not the same name of a
// party elsewhere; with a Japanese legal form it meets either.
TEST(JapaneseKanjiForms, ABrandReadInJapaneseMeetsPartiesOfJapan) {
  ASSERT_TRUE(JapaneseReader::available());
  ASSERT_GT(japanese_kanji_form_count(), 500u);
  auto snapshot = std::make_shared<Snapshot>();
  for (const char* country : {"JP", "US"}) {
    Entity e;
    e.id = fmt::format("t:{}", country);
    e.type = EntityType::organization;
    e.name = "Toyota Motor Corporation";
    e.addresses.push_back({});
    e.addresses.back().country = country;
    snapshot->entities.push_back(std::move(e));
  }
  const Screener screener(std::shared_ptr<const NameIndex>(NameIndex::build(snapshot)));
  ScreenSession session;
  auto hit_ids = [&](const char* name) {
    ScreenQuery q;
    q.name = name;
    std::vector<std::string> ids;
    for (const Hit& h : screener.screen(q, {}, session).hits) ids.push_back(h.entity->id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(hit_ids("丰田汽车公司"), std::vector<std::string>{"t:JP"});
  EXPECT_EQ(hit_ids("丰田汽车株式会社"), (std::vector<std::string>{"t:JP", "t:US"}));
}

}  // namespace
}  // namespace clearance
