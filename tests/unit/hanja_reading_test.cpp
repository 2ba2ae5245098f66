// Korean names written in Han characters read in Korean with libhangul's Hanja dictionary.
#include "clearance/text/hanja_reading.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/match/screener.h"
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

TEST(HanjaReading, AFirmsProperNameReadInKorean) {
  ASSERT_TRUE(hanja_dictionary_available());
  EXPECT_EQ(hanja_in_hangul("端川"), "단천");
  EXPECT_EQ(hanja_in_hangul("連峰"), "련봉");  // the North's ㄹ, the dictionary's first reading
  EXPECT_EQ(hanja_in_hangul("端川 Bank"), "");
}

// A Korean firm as Chinese text writes it: its proper name read in Korean, the words Chinese
// translates kept, a reading that counts against parties of Korea alone.
TEST(HanjaReading, KoreanFirmsAsChineseWritesThemMeetPartiesOfKorea) {
  ASSERT_TRUE(hanja_dictionary_available());
  auto snapshot = std::make_shared<Snapshot>();
  for (const char* country : {"KP", "CN"}) {
    Entity e;
    e.id = fmt::format("t:{}", country);
    e.type = EntityType::organization;
    e.name = "Tanchon Commercial Bank";
    e.addresses.push_back({});
    e.addresses.back().country = country;
    snapshot->entities.push_back(std::move(e));
  }
  // Other banks, so that "commercial" and "bank" weigh as the common words they are.
  for (const char* place : {"Amur", "Baltic", "Caspian", "Danube", "Euphrates", "Fergana", "Gobi",
                            "Hormuz", "Indus", "Jordan", "Kama", "Lena"}) {
    Entity e;
    e.id = fmt::format("t:{}", place);
    e.type = EntityType::organization;
    e.name = fmt::format("{} Commercial Bank", place);
    snapshot->entities.push_back(std::move(e));
  }
  const Screener screener(std::shared_ptr<const NameIndex>(NameIndex::build(snapshot)));
  ScreenSession session;
  ScreenQuery q;
  q.name = "端川商业银行";
  std::vector<std::string> ids;
  for (const Hit& h : screener.screen(q, {}, session).hits) ids.push_back(h.entity->id);
  EXPECT_EQ(ids, std::vector<std::string>{"t:KP"});
  // A name without a word that says it is a firm's is not read so.
  NameNormalizer normalizer;
  const NormalizedName bare = normalizer.normalize_query("端川");
  EXPECT_FALSE(std::any_of(bare.readings.begin(), bare.readings.end(), [](const auto& r) {
    return r.language == "ko" && !r.tokens.empty() && r.tokens[0].text == "tanchon";
  }));
}

}  // namespace
}  // namespace clearance
