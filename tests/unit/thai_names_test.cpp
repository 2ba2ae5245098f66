// Thai words read syllable by syllable in RTGS, with the spelling many write their names in, and
// compared with Latin spellings on their letters.
#include "clearance/text/thai_names.h"

#include <gtest/gtest.h>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/thai_letters.h"

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

namespace clearance {
namespace {

size_t shared(std::string_view thai, std::string_view latin) {
  return thai_letters_match(thai_letter_keys(thai), latin);
}

TEST(ThaiLetters, SurnamesSpelledLetterByLetterMeetTheirThai) {
  EXPECT_GE(shared("ชินวัตร", "shinawatra"), 4u);      // ช sh, the final ร written
  EXPECT_GE(shared("ชินวัตร", "chinnawat"), 4u);       // RTGS: ร after a closed syllable unread
  EXPECT_GE(shared("อดุลยเดช", "adulyadej"), 4u);     // final ช as j
  EXPECT_GE(shared("เวชชาชีวะ", "vejjajiva"), 3u);    // ว v, ช j, a class twice counted once
  EXPECT_GE(shared("ชาญวีรกูล", "charnvirakul"), 4u);  // "ar" a long a; final ล as l
  EXPECT_GE(shared("ธนาธร", "thanathorn"), 4u);      // a final ร written rn
  EXPECT_GE(shared("จุลานนท์", "chulanont"), 4u);      // the silent letter kept
  EXPECT_GE(shared("จุลานนท์", "chulanon"), 3u);       // or dropped
  EXPECT_GE(shared("เศรษฐา", "srettha"), 3u);        // ษ closing a syllable as t
  EXPECT_GE(shared("จุรินทร์", "jurin"), 3u);           // ทร์ unread
  EXPECT_GE(shared("ยิ่งลักษณ์", "yingluck"), 3u);       // ษณ์ unread
  EXPECT_GE(shared("ทรงศักดิ์", "songsak"), 4u);        // ทร reads s
  EXPECT_GE(shared("ธรรมนูญ", "thammanoon"), 3u);     // รร before a final reads a
  EXPECT_GE(shared("เศรษฐพงศ์", "setthapong"), 4u);   // ษ read t, as ฐ after it
  EXPECT_GE(shared("คงสมพงษ์", "kongsompong"), 4u);   // ษ under ◌์ dropped, ง before it kept
}

TEST(ThaiLetters, OtherConsonantsDoNotMeet) {
  EXPECT_EQ(shared("ชินวัตร", "chinnakorn"), 0u);
  EXPECT_EQ(shared("คงสมพงษ์", "kongsombat"), 0u);  // ง is read: not the silent letter's
  EXPECT_EQ(shared("เวชชาชีวะ", "vejjakul"), 0u);
}

TEST(ThaiLetters, ShortWordsAndThinKeysAreNotCompared) {
  // Vowels are not compared, so a word of few consonants would meet too many names: two classes
  // are not compared at all, three are worth less than a longer word (ภิรมย์ and Ibrahim are
  // both p-r-m).
  EXPECT_TRUE(thai_letter_keys("พิธา").empty());
  EXPECT_TRUE(thai_letter_keys("Thai").empty());
  EXPECT_EQ(shared("ภิรมย์", "ibrahim"), 3u);
  EXPECT_LT(thai_letter_similarity(3, 0.8f), 0.8f);
  // No key leaves out more than one of the letters read: ชินวัตร is not "Chanont", which would
  // leave out ว and ร.
  EXPECT_GE(shared("ชินวัตร", "chinawat"), 4u);
  EXPECT_EQ(shared("ชินวัตร", "chanont"), 0u);
  EXPECT_GE(shared("เจียรวนนท์", "chearavanont"), 4u);
  // A long name's keys are all made, none cut off by the cap before the others are pruned.
  EXPECT_LT(thai_letter_keys("เกียรติศักดิ์ศรี").size(), kMaxThaiLetterKeys);
  EXPECT_GE(shared("เกียรติศักดิ์ศรี", "kiattisakdisri"), 5u);
}

TEST(ThaiLetters, FewerSharedClassesAreWorthLess) {
  EXPECT_FLOAT_EQ(thai_letter_similarity(kFullThaiLetterKey, 0.8f), 0.8f);
  EXPECT_FLOAT_EQ(thai_letter_similarity(kFullThaiLetterKey + 3, 0.8f), 0.8f);
  EXPECT_FLOAT_EQ(thai_letter_similarity(kFullThaiLetterKey - 1, 0.8f), 0.75f);
  // The Latin side: "ar" before a consonant may be a long a, h is no letter, digraphs are one.
  EXPECT_EQ(latin_thai_letter_keys("charn"), (std::vector<std::string>{"crn"}));  // "cn": short
  EXPECT_EQ(latin_thai_letter_keys("charnvirakul"),
            (std::vector<std::string>{"crnwrkr", "cnwrkr"}));
  EXPECT_EQ(latin_thai_letter_keys("panitchpakdi"), (std::vector<std::string>{"pncpkt"}));
}

}  // namespace
}  // namespace clearance
