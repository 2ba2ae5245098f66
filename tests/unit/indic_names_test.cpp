// Words in the scripts of India read as the lists spell them: the unwritten a left unsaid where
// the languages leave it, and every form the consonant comparison reads.
#include "clearance/text/indic_names.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"

namespace clearance {
namespace {

// Whether one of the word's forms spells `latin` on its consonants and written vowels.
bool reads_as(std::string_view word, std::string_view latin) {
  const auto forms = indic_reading(word).forms;
  return std::any_of(forms.begin(), forms.end(),
                     [&](const std::string& f) { return abjad_spelling_matches(f, latin); });
}

TEST(IndicNames, TheUnsaidAIsLeftOutAsTheListsLeaveItOut) {
  EXPECT_EQ(indic_reading("अमित").text, "amit");  // at the end
  EXPECT_EQ(indic_reading("राम").text, "ram");
  EXPECT_EQ(indic_reading("नरेंद्र").text, "narendra");    // not after a cluster
  EXPECT_EQ(indic_reading("मनमोहन").text, "manmohan");  // between two syllables
  EXPECT_EQ(indic_reading("আহমেদ").text, "ahmed");
  EXPECT_EQ(indic_reading("न").text, "na");  // a word of one syllable keeps it
  // ś and ṣ are sh; the nasal sign n, m before p, b, m, ng before h; व after a consonant w.
  EXPECT_EQ(indic_reading("शाह").text, "shah");
  EXPECT_EQ(indic_reading("सिंह").text, "singh");
  EXPECT_EQ(indic_reading("ਸਿੰਘ").text, "singh");
  EXPECT_EQ(indic_reading("संभव").text, "sambhav");
  EXPECT_EQ(indic_reading("द्विवेदी").text, "dwivedi");
  EXPECT_EQ(indic_reading("গাঙ্গুলী").text, "ganguli");
  // A letter with the nukta is the sound of a loanword.
  EXPECT_EQ(indic_reading("ज़ाकिर").text, "zakir");
  // Bengali's য-ফলা doubles or colours the vowel; it is no y.
  EXPECT_EQ(indic_reading("র‍্যাপিড").text, "rapid");
}

TEST(IndicNames, OtherTextIsNoReading) {
  EXPECT_TRUE(indic_reading("Amit").text.empty());
  EXPECT_TRUE(indic_reading("१२३").text.empty());       // digits
  EXPECT_TRUE(indic_reading("अमितshah").text.empty());  // two scripts in one word
  EXPECT_TRUE(indic_reading("").text.empty());
  EXPECT_FALSE(has_indic_letters("Amit Shah"));
  EXPECT_TRUE(has_indic_letters("Amit शाह"));
}

TEST(IndicNames, TheFormsLeaveTheUnwrittenVowelToTheLatinSpelling) {
  // Any vowel or none where the script writes none; the vowels it writes as written.
  for (std::string_view latin : {"benazir", "benzir", "benojir"})
    EXPECT_TRUE(reads_as("বেনজীর", latin)) << latin;  // জ also z
  EXPECT_TRUE(reads_as("ਅਮਰਿੰਦਰ", "amarinder"));
  EXPECT_TRUE(reads_as("ਅਮਰਿੰਦਰ", "amrinder"));
  EXPECT_TRUE(reads_as("চৌধুরী", "chowdhury"));
  EXPECT_TRUE(reads_as("মোশাররফ", "mosharraf"));  // rr written as two letters, said as one
  EXPECT_TRUE(reads_as("ਭਗਵੰਤ", "bhagwant"));      // व v or w
  EXPECT_TRUE(reads_as("भगवंत", "bhagwant"));
  EXPECT_TRUE(reads_as("सौरभ", "saurabh"));
  EXPECT_TRUE(reads_as("সৌরভ", "sourav"));    // Bengali ভ bh or v
  EXPECT_TRUE(reads_as("અઝીઝ", "aziz"));      // Gujarati writes z ઝ
  EXPECT_TRUE(reads_as("হোসেন", "hussain"));  // Bengali's e may write an Arabic name's i
  // Devanagari's e is an e: Shende is not Shinde; a written vowel is not another.
  EXPECT_TRUE(reads_as("शेंडे", "shende"));
  EXPECT_FALSE(reads_as("शेंडे", "shinde"));
  EXPECT_FALSE(reads_as("नीता", "niti"));
  // Consonants are as written.
  EXPECT_FALSE(reads_as("শামসুদ্দিন", "shahabuddin"));
  EXPECT_FALSE(reads_as("रमेश", "rajesh"));
}

TEST(IndicNames, TheDravidianScriptsDoNotWriteTheirConsonantsAsTheListsSpellThem) {
  EXPECT_TRUE(indic_reading("अमित").exact_consonants);
  EXPECT_TRUE(indic_reading("আহমেদ").exact_consonants);
  EXPECT_FALSE(indic_reading("நாகராஜன்").exact_consonants);
  EXPECT_FALSE(indic_reading("ചാണ്ടി").exact_consonants);
  EXPECT_FALSE(indic_reading("నాయుడు").exact_consonants);
  EXPECT_EQ(indic_reading("ഉമ്മൻ").text, "umman");  // a chillu is a consonant with no vowel
}

TEST(IndicNames, TheTableSpellsAnglicisedSurnamesAndAbbreviations) {
  for (const auto& row : read_name_table("indic_names.csv", {"written", "spellings", "source"})) {
    EXPECT_TRUE(row.fields[2].starts_with("https://")) << "indic_names.csv line " << row.line;
    EXPECT_TRUE(has_indic_letters(row.fields[0])) << "indic_names.csv line " << row.line;
  }
  const auto banerjee = indic_spellings("বন্দ্যোপাধ্যায়");
  EXPECT_NE(std::find(banerjee.begin(), banerjee.end(), "banerjee"), banerjee.end());
  EXPECT_TRUE(indic_spellings("অমিত").empty());
}

TEST(IndicNames, TheNormaliserReadsEachWordAndKeepsItsForms) {
  NameNormalizer normalizer;
  const NormalizedName name = normalizer.normalize("শ্রী মো. জাহাঙ্গীর আলম");
  ASSERT_EQ(name.tokens.size(), 4u);
  EXPECT_EQ(name.tokens[0].text, "shri");  // a title, a stopword before the name
  EXPECT_EQ(name.tokens[0].kind, TokenClass::stopword);
  EXPECT_EQ(name.tokens[1].text, "md");  // মো. Md., Mohammad
  EXPECT_EQ(name.tokens[2].text, "jahangir");
  EXPECT_EQ(name.tokens[2].source, "জাহাঙ্গীর");
  EXPECT_TRUE(name.tokens[2].marks.spelled);
  EXPECT_FALSE(name.tokens[2].abjad_forms.empty());
  EXPECT_EQ(name.tokens[3].text, "alam");
}

}  // namespace
}  // namespace clearance
