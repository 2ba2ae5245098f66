// Thai words read syllable by syllable in RTGS, with the spelling many write their names in.
#include "clearance/text/thai_names.h"

#include <gtest/gtest.h>

#include "clearance/text/name_normalizer.h"

namespace clearance {
namespace {

std::string rtgs(std::string_view word) {
  const auto s = thai_spellings(word);
  return s.empty() ? "" : s.front();
}

TEST(ThaiNames, WordsInRtgs) {
  EXPECT_EQ(rtgs("ไทย"), "thai");          // ย closing ai is not read
  EXPECT_EQ(rtgs("สมศักดิ์"), "somsak");      // unwritten o; ดิ์ silenced
  EXPECT_EQ(rtgs("กรุงเทพ"), "krungthep");  // a cluster; a vowel written before
  EXPECT_EQ(rtgs("สวัสดี"), "sawatdi");      // unwritten a; ส closing a syllable is t
  EXPECT_EQ(rtgs("ประเทศ"), "prathet");
  EXPECT_EQ(rtgs("เชียงใหม่"), "chiangmai");  // เ-ีย; a silent ห; tone marks dropped
  EXPECT_EQ(rtgs("ชลบุรี"), "chonburi");      // ล closing a syllable is n
  EXPECT_EQ(rtgs("ชวน"), "chuan");          // ว between consonants is ua
  EXPECT_EQ(rtgs("ทอง"), "thong");          // อ as the vowel
  EXPECT_EQ(rtgs("สุวรรณ"), "suwan");        // รร
  EXPECT_EQ(rtgs("จันทร์"), "chan");          // ร์ silenced, ท after a closed syllable unread
  EXPECT_EQ(rtgs("Thai"), "");
}

TEST(ThaiNames, TheSecondSpellingWritesTheLetters) {
  const auto jaidee = thai_spellings("ใจดี");
  ASSERT_EQ(jaidee.size(), 2u);
  EXPECT_EQ(jaidee[0], "chaidi");
  EXPECT_EQ(jaidee[1], "jaidee");  // จ j, ี ee
  const auto thawisin = thai_spellings("ทวีสิน");
  ASSERT_EQ(thawisin.size(), 2u);
  EXPECT_EQ(thawisin[0], "thawisin");
  EXPECT_EQ(thawisin[1], "thaveesin");
}

TEST(ThaiNames, TheNormaliserGivesAWordItsSpellings) {
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize("สมศักดิ์ ใจดี");
  ASSERT_EQ(n.tokens.size(), 2u);
  EXPECT_EQ(n.tokens[0].text, "somsak");
  EXPECT_EQ(n.tokens[0].source, "สมศักดิ์");
  EXPECT_EQ(n.tokens[1].text, "chaidi");
  ASSERT_EQ(n.tokens[1].alternatives.size(), 1u);
  EXPECT_EQ(n.tokens[1].alternatives[0], "jaidee");
  EXPECT_EQ(n.tokens[1].origin, TokenOrigin::transliterated);
}

}  // namespace
}  // namespace clearance
