// Organisation words of names in other scripts translated as the lists translate them
// (text/org_words.h): Persian and Arabic, Thai, Japanese, Russian; Persian names written as one
// word. Against the real lists: name_tables_test.cpp.
#include "clearance/text/org_words.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/arabic_script_names.h"
#include "clearance/text/cyrillic_org_words.h"
#include "clearance/text/japanese_reading.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/thai_names.h"

namespace clearance {
namespace {

std::vector<std::string> texts(const std::vector<NameToken>& tokens) {
  std::vector<std::string> out;
  for (const NameToken& t : tokens) out.push_back(t.text);
  return out;
}

const NameToken* token(const std::vector<NameToken>& tokens, std::string_view text) {
  const auto it = std::find_if(tokens.begin(), tokens.end(),
                               [&](const NameToken& t) { return t.text == text; });
  return it == tokens.end() ? nullptr : &*it;
}

TEST(OrgWords, EveryTableRowHasItsWordEnglishAndSource) {
  EXPECT_NO_THROW(read_name_table("arabic_org_words.csv", {"arabic", "english", "source"}));
  EXPECT_NO_THROW(read_name_table("thai_org_words.csv", {"thai", "english", "source"}));
  EXPECT_NO_THROW(read_name_table("japanese_org_words.csv", {"japanese", "english", "source"}));
  EXPECT_NO_THROW(read_name_table("cyrillic_org_words.csv", {"stem", "english", "source"}));
  const OrgWordTable thai("thai_org_words.csv", "thai");
  // The longest word at a place: ประเทศไทย "Thailand", not ไทย "Thai" after something else.
  const std::string text = "ประเทศไทย";
  ASSERT_NE(thai.longest_at(text, 0), nullptr);
  EXPECT_EQ(thai.longest_at(text, 0)->written, text);
  EXPECT_EQ(thai.find("ไม่มี"), nullptr);
}

TEST(OrgWords, AnEntryIsItsTokensAlternativesAndOptionalWords) {
  const NameToken national = translated_token("national/melli", "ملی");
  EXPECT_EQ(national.text, "national");
  EXPECT_EQ(national.alternatives, std::vector<std::string>{"melli"});
  EXPECT_EQ(national.origin, TokenOrigin::translated);
  EXPECT_EQ(national.kind, TokenClass::ordinary);
  EXPECT_EQ(national.source, "ملی");
  EXPECT_EQ(translated_token("?company", "شرکت").kind, TokenClass::stopword);
  std::vector<NameToken> out;
  append_translation({"electric", "power"}, "電力", out);
  EXPECT_EQ(texts(out), (std::vector<std::string>{"electric", "power"}));
}

TEST(ArabicScriptNames, OrganisationWordsAreTranslated) {
  NameNormalizer normalizer;
  // شرکت ملی نفت ایران: company national oil Iran, as "National Iranian Oil Company".
  const NormalizedName n = normalizer.normalize("شرکت ملی نفت ایران");
  EXPECT_EQ(texts(n.tokens), (std::vector<std::string>{"co", "national", "oil", "iran"}));
  for (const NameToken& t : n.tokens) {
    EXPECT_EQ(t.origin, TokenOrigin::translated) << t.text;
    EXPECT_FALSE(t.marks.abjad) << t.text;  // English, spelled in full
  }
  EXPECT_NE(n.tokens[0].kind, TokenClass::ordinary);  // a legal form, which lists leave out
  // With the article (بنك سورية المركزي, "the central"), and a word no table knows beside them.
  const NormalizedName syria = normalizer.normalize("بنك سورية المركزي");
  EXPECT_EQ(texts(syria.tokens), (std::vector<std::string>{"bank", "syria", "central"}));
  const NormalizedName sepah = normalizer.normalize("بانک سپه");
  ASSERT_EQ(sepah.tokens.size(), 2u);
  EXPECT_EQ(sepah.tokens[0].text, "bank");
  EXPECT_TRUE(sepah.tokens[1].marks.abjad);
  // A name the names table spells is a name, not a word to translate.
  EXPECT_EQ(normalizer.normalize("محمد").tokens.at(0).origin, TokenOrigin::transliterated);
}

TEST(ArabicScriptNames, TwoNamesWrittenAsOneWordAreReadApart) {
  EXPECT_EQ(arabic_script_compound("محمدجواد").size(), 2u);
  EXPECT_EQ(arabic_script_compound("عبدالقدیر").size(), 2u);  // 'Abd and al-Qadir
  EXPECT_TRUE(arabic_script_compound("محمد").empty());        // a name of the table
  EXPECT_TRUE(arabic_script_compound("محمدی").empty());       // Mohammadi: one letter after
  EXPECT_TRUE(arabic_script_compound("عبدالله").empty());     // Abdullah: the table's own
  EXPECT_TRUE(arabic_script_compound("بانک").empty());        // an organisation word
  NameNormalizer normalizer;
  const NormalizedName javad = normalizer.normalize("محمدجواد ظریف");
  ASSERT_EQ(javad.tokens.size(), 3u);
  EXPECT_EQ(javad.tokens[1].text, "javad");
  // Any-Latin's ain (ʿ) inside a word no longer cuts it in two: مستضعفان is one word.
  EXPECT_EQ(normalizer.normalize("مستضعفان").tokens.size(), 1u);
}

TEST(ThaiNames, AnOrganisationsWordsAreTranslatedAndItsNameSpelledBeside) {
  NameNormalizer normalizer;
  // ธนาคารกรุงเทพ, written as one word: bank, Bangkok.
  const NormalizedName bank = normalizer.normalize_query("ธนาคารกรุงเทพ");
  EXPECT_EQ(texts(bank.tokens), (std::vector<std::string>{"bank", "bangkok"}));
  // Beside it, the name spelled as before (some lists write Thanakhan Krung Thep).
  ASSERT_EQ(bank.readings.size(), 1u);
  ASSERT_EQ(bank.readings[0].tokens.size(), 1u);
  EXPECT_EQ(bank.readings[0].tokens[0].text, thai_spellings("ธนาคารกรุงเทพ").front());
  // The letters between table words are read as one word: กรุงไทย → krung, thai.
  const NormalizedName krung = normalizer.normalize("ธนาคารกรุงไทย");
  EXPECT_EQ(texts(krung.tokens), (std::vector<std::string>{"bank", "krung", "thai"}));
  // A person's name holding a short table word (ไทย) is a name: spelled, not translated.
  EXPECT_FALSE(is_thai_organisation_word("ไทยเจริญ"));
  const NormalizedName person = normalizer.normalize_query("สมชาย ไทยเจริญ");
  for (const NameToken& t : person.tokens) EXPECT_NE(t.origin, TokenOrigin::translated);
  EXPECT_TRUE(person.readings.empty());
}

TEST(JapaneseReading, OrganisationWordsAreTranslatedInASecondReading) {
  if (!JapaneseReader::available()) GTEST_SKIP() << "no MeCab dictionary on this machine";
  NameNormalizer normalizer;
  // The dictionary holds 三菱重工業 as one word: cut before 重工業, its head read again.
  const NormalizedName n = normalizer.normalize_query("三菱重工業");
  const auto translated =
      std::find_if(n.readings.begin(), n.readings.end(),
                   [](const NormalizedName& r) { return token(r.tokens, "heavy") != nullptr; });
  ASSERT_NE(translated, n.readings.end());
  EXPECT_NE(token(translated->tokens, "mitsubishi"), nullptr);
  // The reading as spelled stays too (NIHON SEKIGUN is how some lists write 日本赤軍).
  const NormalizedName red = normalizer.normalize_query("日本赤軍");
  EXPECT_TRUE(std::any_of(red.readings.begin(), red.readings.end(), [](const NormalizedName& r) {
    return token(r.tokens, "sekigun") != nullptr;
  }));
  EXPECT_TRUE(std::any_of(red.readings.begin(), red.readings.end(), [](const NormalizedName& r) {
    return token(r.tokens, "army") != nullptr;
  }));
}

TEST(CyrillicOrgWords, AStemInAnyCaseEndingIsTranslatedAndStaysSpelled) {
  ASSERT_NE(cyrillic_org_word("группа"), nullptr);
  EXPECT_EQ(cyrillic_org_word("группы"), cyrillic_org_word("группа"));  // "of the group"
  EXPECT_NE(cyrillic_org_word("государственной"), nullptr);
  EXPECT_NE(cyrillic_org_word("україни"), nullptr);      // Ukrainian
  EXPECT_EQ(cyrillic_org_word("газпром"), nullptr);      // a brand, not газ and an ending
  EXPECT_EQ(cyrillic_org_word("банкротство"), nullptr);  // bankruptcy
  NameNormalizer normalizer;
  // Each word the lists translate keeps the spelling of those that transliterate it.
  const NormalizedName n = normalizer.normalize("Объединённая судостроительная корпорация");
  ASSERT_EQ(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[0].text, "obyedinennaya");
  EXPECT_NE(std::find(n.tokens[0].alternatives.begin(), n.tokens[0].alternatives.end(), "united"),
            n.tokens[0].alternatives.end());
  // A legal or generic word is its English (which the lists' side reads as a legal form).
  EXPECT_EQ(n.tokens[2].text, "corp");
  // Quotes around a name do not hide the words beside it; a name with none is as before.
  const NormalizedName rostec = normalizer.normalize("Государственная корпорация «Ростех»");
  EXPECT_EQ(texts(rostec.tokens),
            (std::vector<std::string>{"gosudarstvennaya", "corp", "rostekh"}));
  EXPECT_EQ(texts(normalizer.normalize("Владимир Путин").tokens),
            (std::vector<std::string>{"vladimir", "putin"}));
}

TEST(CyrillicOrgWords, ANameInTheGenitiveIsComparedAsItsNominative) {
  EXPECT_EQ(cyrillic_nominatives("вагнера"), (std::vector<std::string>{"вагнер"}));
  EXPECT_EQ(cyrillic_nominatives("петровского"),
            (std::vector<std::string>{"петровский", "петровской", "петровскый"}));
  EXPECT_EQ(cyrillic_nominatives("москвы"), (std::vector<std::string>{"москва"}));
  EXPECT_EQ(cyrillic_nominatives("николая"), (std::vector<std::string>{"николай"}));
  EXPECT_TRUE(cyrillic_nominatives("газпром").empty());  // no genitive ending
  EXPECT_TRUE(cyrillic_nominatives("ива").empty());      // too short to say
  NameNormalizer normalizer;
  // In an organisation's name: the nominative compared, the word as written kept exact.
  const NormalizedName wagner = normalizer.normalize("Группа «Вагнера»");
  ASSERT_EQ(wagner.tokens.size(), 2u);
  EXPECT_EQ(wagner.tokens[1].text, "vagner");
  EXPECT_EQ(wagner.tokens[1].alternatives, (std::vector<std::string>{"vagnera"}));
  // "имени" (named after) is a word lists leave out.
  const NormalizedName plant = normalizer.normalize("Завод имени Свердлова");
  ASSERT_EQ(plant.tokens.size(), 3u);
  EXPECT_EQ(plant.tokens[1].kind, TokenClass::stopword);
  EXPECT_EQ(plant.tokens[2].text, "sverdlov");
  // A person's name is not an organisation's: a surname ending in -а stays as written.
  EXPECT_EQ(texts(normalizer.normalize("Анна Петрова").tokens),
            (std::vector<std::string>{"anna", "petrova"}));
}

}  // namespace
}  // namespace clearance
