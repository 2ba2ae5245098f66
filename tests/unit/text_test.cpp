#include <gtest/gtest.h>

#include <random>

#include "clearance/text/chinese_personal_names.h"
#include "clearance/text/chinese_romanization.h"
#include "clearance/text/cyrillic_romanizations.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/greek_romanizations.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/nicknames.h"
#include "clearance/text/numbers.h"
#include "clearance/text/phonetic.h"
#include "clearance/text/place_names.h"

namespace clearance {
namespace {

std::vector<std::string> texts(const NormalizedName& n) {
  std::vector<std::string> out;
  for (const auto& t : n.tokens) out.push_back(t.text);
  return out;
}

// The texts of the tokens carrying one mark.
std::vector<std::string> marked(const NormalizedName& n, bool TokenMarks::*mark) {
  std::vector<std::string> out;
  for (const auto& t : n.tokens)
    if (t.marks.*mark) out.push_back(t.text);
  return out;
}

TEST(NameNormalizer, LatinPunctuationCaseAndDiacritics) {
  NameNormalizer n;
  EXPECT_EQ(texts(n.normalize("HUAWEI Technologies Co., Ltd.")),
            (std::vector<std::string>{"huawei", "technology", "ltd"}));
  EXPECT_EQ(texts(n.normalize("Hua-Wei")), (std::vector<std::string>{"hua", "wei"}));
  EXPECT_EQ(texts(n.normalize("O'Brien & Sons")),
            (std::vector<std::string>{"obrien", "and", "sons"}));
  EXPECT_EQ(texts(n.normalize("Société Générale S.A.")),
            (std::vector<std::string>{"societe", "generale", "sa"}));
  EXPECT_EQ(texts(n.normalize("ＨＵＡＷＥＩ")),
            (std::vector<std::string>{"huawei"}));  // full-width (NFKC)
  EXPECT_EQ(texts(n.normalize("Int'l Mfg. Univ.")),
            (std::vector<std::string>{"international", "manufacturing", "university"}));
  EXPECT_EQ(texts(n.normalize("1st Brigade Forty-Four")),
            (std::vector<std::string>{"1", "brigade", "44"}));
  // A digit inside a word is a letter misread or disguised; codes and numbers stay.
  EXPECT_EQ(texts(n.normalize("Ig0r Sech1n")), (std::vector<std::string>{"igor", "sechin"}));
  EXPECT_EQ(texts(n.normalize("New H3C ACT1 A320")),
            (std::vector<std::string>{"new", "h3c", "act1", "a320"}));
  // Typographic apostrophes and the ayn/hamza marks of transliteration vanish like "'".
  EXPECT_EQ(texts(n.normalize("People’s Liberation Army")),
            (std::vector<std::string>{"peoples", "liberation", "army"}));
  EXPECT_EQ(texts(n.normalize("Al-Qaʿida")), (std::vector<std::string>{"al", "qaida"}));
}

TEST(NameNormalizer, LegalFormsFoldToOneToken) {
  NameNormalizer n;
  for (const char* name :
       {"Acme Company Limited", "Acme Co., Ltd.", "Acme Co. Limited", "Acme Ltd"})
    EXPECT_EQ(texts(n.normalize(name)), (std::vector<std::string>{"acme", "ltd"})) << name;
  EXPECT_EQ(texts(n.normalize("Romashka Obshchestvo s Ogranichennoy Otvetstvennostyu")),
            (std::vector<std::string>{"romashka", "ooo"}));
  EXPECT_EQ(texts(n.normalize("Acme Limited Liability Company")),
            (std::vector<std::string>{"acme", "llc"}));
  // A letter off in a phrase of three words; a two-word phrase must be exact.
  EXPECT_EQ(texts(n.normalize("Tactical Missiles Corporation Joynt Stock Company")),
            (std::vector<std::string>{"tactical", "missiles", "corp", "jsc"}));
  EXPECT_EQ(texts(n.normalize("Acme Limitted Liability Company")),
            (std::vector<std::string>{"acme", "llc"}));
  EXPECT_EQ(texts(n.normalize("Acme Limitted Liabillity Company")),
            (std::vector<std::string>{"acme", "limitted", "liabillity", "co"}));
  EXPECT_EQ(texts(n.normalize("Stork Limited")), (std::vector<std::string>{"stork", "ltd"}));
  EXPECT_EQ(texts(n.normalize("Privat Limited")), (std::vector<std::string>{"privat", "ltd"}));
  // Indonesia's and Malaysia's forms, before or after the name, written out or not.
  EXPECT_EQ(texts(n.normalize("Huawei Tech Investment, PT")),
            (std::vector<std::string>{"huawei", "technology", "investment", "pt"}));
  EXPECT_EQ(n.normalize("PT. Bank Mandiri (Persero) Tbk").tokens.front().kind,
            TokenClass::legal_form);
  EXPECT_EQ(texts(n.normalize("Alya Marine Sendirian Berhad")),
            texts(n.normalize("Alya Marine Sdn. Bhd.")));
  EXPECT_EQ(texts(n.normalize("Malayan Banking Berhad")),
            texts(n.normalize("Malayan Banking Bhd")));
  EXPECT_EQ(texts(n.normalize("Alya Marine Sdn. Berhad")),
            texts(n.normalize("Alya Marine Sdn. Bhd.")));
  // PT as letters apart is a person's initials.
  EXPECT_NE(n.normalize("P.T. Usha").tokens.front().kind, TokenClass::legal_form);
  const auto gmbh = n.normalize("Siemens Aktiengesellschaft");
  EXPECT_EQ(gmbh.tokens.back().text, "ag");
  EXPECT_EQ(gmbh.tokens.back().kind, TokenClass::legal_form);
}

TEST(NameNormalizer, ChineseOrganisationWordsAndPinyin) {
  NameNormalizer n;
  const auto huawei = n.normalize("华为技术有限公司");
  EXPECT_EQ(texts(huawei), (std::vector<std::string>{"huawei", "technology", "ltd"}));
  EXPECT_EQ(huawei.tokens[0].origin, TokenOrigin::pinyin);
  EXPECT_EQ(huawei.tokens[1].origin, TokenOrigin::translated);
  // Traditional characters give the same tokens.
  EXPECT_EQ(texts(n.normalize("華為技術有限公司")), texts(huawei));
  const auto harbin = n.normalize("哈尔滨工业大学");
  ASSERT_EQ(harbin.tokens.size(), 3u);
  EXPECT_EQ(harbin.tokens[0].text, "harbin");  // the conventional spelling, pinyin "haerbin" too
  EXPECT_EQ(harbin.tokens[0].alternatives, (std::vector<std::string>{"haerbin"}));
  EXPECT_EQ(harbin.tokens[1].text, "institute");
  EXPECT_NE(std::find(harbin.tokens[1].alternatives.begin(), harbin.tokens[1].alternatives.end(),
                      "university"),
            harbin.tokens[1].alternatives.end());
  // A province opening a run is its own token: 浙江大华 is "zhejiang dahua", not one run.
  EXPECT_EQ(texts(n.normalize("浙江大华技术股份有限公司")),
            (std::vector<std::string>{"zhejiang", "dahua", "technology", "ltd"}));
  // A place the word table spells keeps its administrative suffix (深圳市): the brand after it is
  // "biguang", not "shibiguang".
  EXPECT_EQ(texts(n.normalize("深圳市比广贸易有限公司")),
            (std::vector<std::string>{"shenzhen", "biguang", "trade", "ltd"}));
  // So does a place only the place table holds, spelled without it as the lists spell it: 义乌市
  // is "yiwu", not "yiwushi"; 丹东 is a place of its own before the brand.
  const auto yiwu = n.normalize("义乌市天鹰光学仪器有限公司");
  ASSERT_GE(yiwu.tokens.size(), 2u);
  EXPECT_EQ(yiwu.tokens[0].text, "yiwu");
  EXPECT_EQ(yiwu.tokens[0].source, "义乌市");
  EXPECT_TRUE(yiwu.tokens[0].marks.place);
  EXPECT_EQ(yiwu.tokens[1].text, "tianying");
  EXPECT_EQ(n.normalize("丹东鸿祥实业发展有限公司").tokens[0].text, "dandong");
  // Trade words of firms' names, from data/names/chinese_trade_words.csv: the brand before them
  // is its own run (丹东鸿祥实业 is "dandonghongxiang industry", not "dandonghongxiangshiye").
  EXPECT_EQ(
      texts(n.normalize("山东欧锐激光科技有限公司")),
      (std::vector<std::string>{"shandong", "ourui", "laser", "science", "technology", "ltd"}));
  const auto hongxiang = texts(n.normalize("丹东鸿祥实业发展有限公司"));
  EXPECT_NE(std::find(hongxiang.begin(), hongxiang.end(), "industry"), hongxiang.end());
  // Words of civil-society and government bodies translate too; a US body's "美国" is optional.
  EXPECT_EQ(texts(n.normalize("人权观察")), (std::vector<std::string>{"human", "rights", "watch"}));
  const auto ned = n.normalize("美国国家民主基金会");
  EXPECT_EQ(texts(ned), (std::vector<std::string>{"us", "national", "democracy", "foundation"}));
  EXPECT_EQ(ned.tokens[0].kind, TokenClass::stopword);
}

TEST(NameNormalizer, OtherScripts) {
  NameNormalizer n;
  EXPECT_EQ(texts(n.normalize("Владимир Путин")), (std::vector<std::string>{"vladimir", "putin"}));
  EXPECT_EQ(n.normalize("Владимир Путин").tokens[0].origin, TokenOrigin::transliterated);
  EXPECT_EQ(texts(n.normalize("Σωκράτης")).size(), 1u);
  EXPECT_FALSE(texts(n.normalize("김정은")).empty());
  EXPECT_FALSE(texts(n.normalize("محمد")).empty());
  EXPECT_FALSE(texts(n.normalize("トヨタ")).empty());
}

TEST(CyrillicRomanizations, EachSystemAndTheEndingsEnglishWrites) {
  auto has = [](const std::vector<std::string>& spellings, const char* s) {
    return std::find(spellings.begin(), spellings.end(), s) != spellings.end();
  };
  const auto sechin = cyrillic_romanizations("сечин", "sechin");
  for (const char* s : {"setschin", "setchine", "sieczin", "secin"})
    EXPECT_TRUE(has(sechin, s)) << s;
  EXPECT_FALSE(has(sechin, "sechin"));  // the spelling the normaliser already has
  const auto evgeniy = cyrillic_romanizations("евгений", "yevgeniy");
  for (const char* s : {"evgenii", "jewgeni", "evgueni", "yevgeny", "evgeny", "jewgienij"})
    EXPECT_TRUE(has(evgeniy, s)) << s;
  EXPECT_TRUE(has(cyrillic_romanizations("юлия", "yuliya"), "yulia"));
  EXPECT_TRUE(has(cyrillic_romanizations("янукович", "yanukovich"), "yanukovych"));  // Ukrainian
  EXPECT_TRUE(
      has(cyrillic_romanizations("шойгу", "shoygu"), "schoigu"));  // DIN: й i before a consonant
  EXPECT_LE(cyrillic_romanizations("александрович", "aleksandrovich").size(),
            kMaxCyrillicSpellings);
  // A letter the table does not know (Kazakh қ), or another script: no spellings.
  EXPECT_TRUE(cyrillic_romanizations("тоқаев", "tokayev").empty());
  EXPECT_TRUE(cyrillic_romanizations("abc", "abc").empty());
}

TEST(GreekRomanizations, ElotTheSoundsAndCypriotSpellings) {
  auto has = [](const std::vector<std::string>& spellings, const char* s) {
    return std::find(spellings.begin(), spellings.end(), s) != spellings.end();
  };
  const auto vasileiadis = greek_romanizations("βασιλειάδης", "basileiades");
  for (const char* s : {"vasileiadis", "vasiliadis", "vassiliadis"})
    EXPECT_TRUE(has(vasileiadis, s)) << s;
  EXPECT_TRUE(has(greek_romanizations("μπακογιάννης", "mpakogiannes"), "bakogiannis"));  // ELOT
  EXPECT_TRUE(has(greek_romanizations("μπακογιάννης", "mpakogiannes"), "bakoyannis"));
  EXPECT_TRUE(
      has(greek_romanizations("ευάγγελος", "euangelos"), "evangelos"));  // ευ before a vowel
  EXPECT_TRUE(has(greek_romanizations("ευθύμιος", "euthymios"), "efthymios"));  // before θ
  EXPECT_TRUE(has(greek_romanizations("χρήστος", "chrestos"), "hristos"));
  EXPECT_TRUE(has(greek_romanizations("ντόρα", "ntora"), "dora"));
  EXPECT_TRUE(greek_romanizations("abc", "abc").empty());
}

TEST(NameNormalizer, CyrillicWordsStayWhole) {
  NameNormalizer n;
  // Kazakh, Uzbek and other letters Russian lacks are spelled as English texts spell them.
  EXPECT_EQ(texts(n.normalize("Қасым-Жомарт Тоқаев")),
            (std::vector<std::string>{"kasym", "zhomart", "tokayev"}));
  EXPECT_EQ(texts(n.normalize("Ўзбекистон Ҳаво Йўллари")),
            (std::vector<std::string>{"ozbekiston", "havo", "yollari"}));
  // BGN/PCGN's separator marks inside a word do not split it.
  EXPECT_EQ(texts(n.normalize("Детский мир")), (std::vector<std::string>{"detskiy", "mir"}));
  EXPECT_EQ(texts(n.normalize("Подъячев")), (std::vector<std::string>{"podyachev"}));
  // So the legal form written out in full is one: ООО.
  const NormalizedName llc = n.normalize("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"БАЙКАЛ\"");
  ASSERT_EQ(llc.tokens.size(), 2u);
  EXPECT_EQ(llc.tokens[0].kind, TokenClass::legal_form);
  EXPECT_EQ(llc.tokens[1].text, "baykal");
}

TEST(NameNormalizer, FamilyNameWhenTheWritingShowsIt) {
  NameNormalizer n;
  auto family = [&](std::string_view name) {
    return marked(n.normalize(name), &TokenMarks::family);
  };
  EXPECT_EQ(family("AL-KINAYEH, Lina Mohammed"), (std::vector<std::string>{"al", "kinayeh"}));
  EXPECT_EQ(family("PUTIN, Vladimir Vladimirovich"), (std::vector<std::string>{"putin"}));
  EXPECT_EQ(family("Mohammad Ali al-Habbo"), (std::vector<std::string>{"habbo"}));
  EXPECT_EQ(family("محمد علي الحبو").size(), 1u);
  EXPECT_TRUE(family("Vladimir Putin").empty());  // word order alone does not tell
  EXPECT_TRUE(family("Putin,").empty());          // nothing after the comma
}

TEST(NameNormalizer, ArabicLineageParticles) {
  NameNormalizer n;
  const auto name = n.normalize("Noureddine Ben Mohamed ibn Belkassem");
  ASSERT_EQ(name.tokens.size(), 5u);
  EXPECT_EQ(name.tokens[1].text, "bin");  // ben, ibn, bin: one spelling, weak
  EXPECT_EQ(name.tokens[1].kind, TokenClass::stopword);
  EXPECT_EQ(name.tokens[3].text, "bin");
  EXPECT_EQ(name.tokens[0].marks.lineage, kLineageChild);
  EXPECT_EQ(name.tokens[2].marks.lineage,
            kLineageChild | kLineageParent);  // son of one, father of one
  EXPECT_EQ(name.tokens[4].marks.lineage, kLineageParent);
  const auto given = n.normalize("Ben Netanyahu");  // a particle opening a name is a given name
  EXPECT_EQ(given.tokens[0].text, "ben");
  EXPECT_EQ(given.tokens[0].kind, TokenClass::ordinary);
  EXPECT_EQ(given.tokens[1].marks.lineage, 0);
}

TEST(NameNormalizer, EastSlavicPatronymicsAreForebearsNames) {
  NameNormalizer n;
  auto parents = [&](std::string_view name) {
    std::vector<std::string> out;
    for (const auto& t : n.normalize(name).tokens)
      if (t.marks.lineage & kLineageParent) out.push_back(t.text);
    return out;
  };
  using Words = std::vector<std::string>;
  EXPECT_EQ(parents("PUTIN, Vladimir Vladimirovich"), Words{"vladimirovich"});
  EXPECT_EQ(parents("Elvira Sakhipzadovna NABIULLINA"), Words{"sakhipzadovna"});
  EXPECT_EQ(parents("YANUKOVYCH, Viktor Fedorovych"), Words{"fedorovych"});
  EXPECT_EQ(parents("Путин Владимир Владимирович"), Words{"vladimirovich"});
  // A surname of the same ending, first or last, is the family's name.
  EXPECT_EQ(parents("Roman Arkadyevich Abramovich"), Words{"arkadyevich"});
  EXPECT_TRUE(parents("Roman ABRAMOVICH").empty());
  EXPECT_TRUE(parents("ABRAMOVICH, Roman").empty());
  EXPECT_TRUE(parents("Slobodan Milosevic Jr").empty());
}

TEST(NameNormalizer, TwoLettersAreInitialsOnlyWhenWrittenSo) {
  NameNormalizer n;
  auto letters = [&](std::string_view name) {
    return marked(n.normalize(name), &TokenMarks::letters);
  };
  using Texts = std::vector<std::string>;
  EXPECT_EQ(letters("J.C. Smith"), Texts{"jc"});
  EXPECT_EQ(letters("J C Smith"), Texts{"jc"});
  EXPECT_EQ(letters("JC Juncker"), Texts{"jc"});  // capitals among mixed-case words
  EXPECT_TRUE(letters("Al Naimi").empty());       // a word
  EXPECT_TRUE(letters("AL NAIMI").empty());       // all capitals: cannot tell, a word
  EXPECT_TRUE(letters("ABD AL-HAMID AL-ASADI, Makki").empty());  // the lists' SURNAME, Given
}

TEST(Nicknames, BothWaysAndOnlyBetweenAShortFormAndItsNames) {
  using Names = std::vector<std::string>;
  EXPECT_EQ(nickname_relatives("ted"), (Names{"theodore", "edward"}));
  EXPECT_EQ(nickname_relatives("bibi"), (Names{"benjamin"}));
  const Names& william = nickname_relatives("william");
  EXPECT_NE(std::find(william.begin(), william.end(), "bill"), william.end());
  // Two short forms of one name are not each other's relatives; nor are two formal spellings.
  const Names& bill = nickname_relatives("bill");
  EXPECT_EQ(std::find(bill.begin(), bill.end(), "will"), bill.end());
  const Names& sasha = nickname_relatives("sasha");
  EXPECT_NE(std::find(sasha.begin(), sasha.end(), "aleksandr"), sasha.end());
  EXPECT_NE(std::find(sasha.begin(), sasha.end(), "alexandra"), sasha.end());
  EXPECT_TRUE(nickname_relatives("al").empty());  // the Arabic article, not Albert
  EXPECT_TRUE(nickname_relatives("huawei").empty());
}

TEST(ChinesePersonalNames, ACommonSurnameAndAShortNameReadAsAPerson) {
  EXPECT_EQ(chinese_personal_name_surname("李娜"), "李");
  EXPECT_EQ(chinese_personal_name_surname("張 學友"), "張");  // traditional, a space inside
  EXPECT_EQ(chinese_personal_name_surname("欧阳娜娜"), "欧阳");
  EXPECT_EQ(chinese_personal_name_surname("王"), "");                    // a surname alone
  EXPECT_EQ(chinese_personal_name_surname("华为"), "");                  // a brand, not a person
  EXPECT_EQ(chinese_personal_name_surname("李宁体育用品有限公司"), "");  // too long
  EXPECT_EQ(chinese_personal_name_surname("Li Na"), "");
  EXPECT_EQ(chinese_personal_name_surname("李Na"), "");
  EXPECT_EQ(chinese_personal_name_surname("\xe6\x9d"), "");  // truncated UTF-8
}

TEST(Phonetic, TransliterationVariantsShareAKey) {
  EXPECT_EQ(phonetic_key("mohammed"), phonetic_key("muhammad"));
  EXPECT_EQ(phonetic_key("mohamed"), phonetic_key("muhammad"));
  EXPECT_EQ(phonetic_key("qaddafi"), phonetic_key("gaddafi"));
  EXPECT_EQ(phonetic_key("kadhafi"), phonetic_key("gaddafi"));
  EXPECT_NE(phonetic_key("smith"), phonetic_key("jones"));
  // 'y' is a vowel except before one.
  EXPECT_EQ(phonetic_key("husayn"), phonetic_key("hussein"));
  EXPECT_EQ(phonetic_key("volodymyr"), phonetic_key("volodimir"));
  EXPECT_NE(phonetic_key("yusuf"), phonetic_key("usuf"));
  EXPECT_NE(phonetic_key("maya"), phonetic_key("maa"));
}

TEST(NameNormalizer, AbdNamesTakeOneSpellingAndKeepTheirSpacing) {
  NameNormalizer n;
  using Words = std::vector<std::string>;
  for (const char* written : {"Abd al-Rahman", "Abd-al-Rahman", "Abdul Rahman", "Abdel Rahman",
                              "Abdur Rahman", "ABD AR-RAHMAN"})
    EXPECT_EQ(texts(n.normalize(written)), (Words{"abdul", "rahman"})) << written;
  for (const char* written : {"Abdulrahman", "Abdurrahman", "Abdurahman", "Abdirahman"})
    EXPECT_EQ(texts(n.normalize(written)), Words{"abdulrahman"}) << written;
  for (const char* written : {"Abdullah", "Abdallah", "Abd Allah", "Abdulla", "Abdellah"})
    EXPECT_EQ(texts(n.normalize(written)), Words{"abdullah"}) << written;
  EXPECT_EQ(texts(n.normalize("Abdelaziz")), Words{"abdulaziz"});
  EXPECT_EQ(texts(n.normalize("ABD ALRAHMAN, Atiyah")), (Words{"abdul", "rahman", "atiyah"}));
  EXPECT_EQ(texts(n.normalize("Abd arRahman")), (Words{"abdul", "rahman"}));
  // Words that only open with the letters stay as written.
  EXPECT_EQ(texts(n.normalize("Abdi Nasir")), (Words{"abdi", "nasir"}));
  EXPECT_EQ(texts(n.normalize("Abdu Ali")), (Words{"abdu", "ali"}));
  EXPECT_EQ(texts(n.normalize("Abdan Power")), (Words{"abdan", "power"}));
  // The first part alone, with no name after it, is left alone too.
  EXPECT_EQ(texts(n.normalize("Mohammad Abdel")), (Words{"mohammad", "abdel"}));
}

TEST(Numbers, ChineseNumeralsAndOrdinals) {
  EXPECT_EQ(chinese_number("十四"), 14);
  EXPECT_EQ(chinese_number("三十八"), 38);
  EXPECT_EQ(chinese_number("五十五"), 55);
  EXPECT_EQ(chinese_number("一百零二"), 102);
  EXPECT_EQ(chinese_number("七"), 7);
  EXPECT_EQ(chinese_number("十"), 10);
  EXPECT_EQ(chinese_number("研究"), -1);
  EXPECT_EQ(chinese_number(""), -1);
  const std::string text = "集团第十四研究所";
  EXPECT_EQ(chinese_ordinal_length(text, 6), std::string("第十四").size());
  EXPECT_EQ(chinese_ordinal_length(text, 0), 0u);
  EXPECT_EQ(chinese_ordinal_length("第", 0), 0u);  // 第 without a number
  NameNormalizer n;
  EXPECT_EQ(texts(n.normalize("中国电子科技集团公司第十四研究所")).back(), "institute");
  const auto tokens = texts(n.normalize("中国电子科技集团公司第十四研究所"));
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "14"), tokens.end());
}

// Institutes are numbered digit by digit (第七六零研究所 "760th", 七一五所 "715"), the zero written
// 零, 〇 or the circle ○; and often without 第, the number just before the institute word.
TEST(Numbers, ChineseNumbersReadDigitByDigit) {
  EXPECT_EQ(chinese_number("七六零"), 760);
  EXPECT_EQ(chinese_number("七一五"), 715);
  EXPECT_EQ(chinese_number("二〇二"), 202);
  EXPECT_EQ(chinese_number("七六○"), 760);
  EXPECT_EQ(chinese_number("一百零二"), 102);  // with its units, read by them
  EXPECT_EQ(chinese_number("零"), 0);
  NameNormalizer n;
  auto holds = [&](const std::string& name, const std::string& word) {
    const auto tokens = texts(n.normalize(name));
    return std::find(tokens.begin(), tokens.end(), word) != tokens.end();
  };
  EXPECT_TRUE(holds("中国船舶重工集团公司第七六零研究所", "760"));
  EXPECT_TRUE(holds("七六○研究所", "760"));
  EXPECT_TRUE(holds("中国船舶七一五所", "715"));
  EXPECT_TRUE(holds("五十四所", "54"));
  EXPECT_EQ(texts(n.normalize("七六○研究所")).back(), "institute");
  // Not a number before another word: a brand's numerals stay its name (三一重工 Sany).
  EXPECT_FALSE(holds("三一重工", "31"));
  // A number too long for an int is its digits still, never "-1".
  EXPECT_EQ(chinese_number_text("七七七七七七七七七七七"), "77777777777");
  for (const char* name : {"七七七七七七七七七七七研究所", "第七七七七七七七七七七七研究所"}) {
    EXPECT_TRUE(holds(name, "77777777777")) << name;
    EXPECT_FALSE(holds(name, "-1")) << name;
  }
}

TEST(Numbers, SeriesNumbersAreDigitsAndRomanNumeralsAsWritten) {
  for (const char* written : {"7", "2004", "000", "II", "VII", "VIII", "IX", "XIV", "XXXIX", "V"})
    EXPECT_TRUE(is_series_number(written)) << written;
  for (const char* written : {"", "vii", "Xi", "IIII", "VX", "XL", "MIX", "24th", "Seven", "7a"})
    EXPECT_FALSE(is_series_number(written)) << written;
  NameNormalizer n;
  // A Roman numeral before a dotted abbreviation stays a token of its own.
  EXPECT_EQ(texts(n.normalize("Blackstone Real Estate Partners V L.P.")),
            (std::vector<std::string>{"blackstone", "real", "estate", "partners", "v", "lp"}));
  EXPECT_EQ(marked(n.normalize("Blackstone Real Estate Partners V L.P."), &TokenMarks::series),
            std::vector<std::string>{"v"});
  EXPECT_EQ(texts(n.normalize("Partners 7 L.P.")),
            (std::vector<std::string>{"partners", "7", "lp"}));
  // Letters still make an abbreviation, and number words and ordinals are not series numbers.
  EXPECT_EQ(texts(n.normalize("N.U.D.T.")), std::vector<std::string>{"nudt"});
  EXPECT_EQ(texts(n.normalize("S M I C")), std::vector<std::string>{"smic"});
  EXPECT_TRUE(marked(n.normalize("First Systems"), &TokenMarks::series).empty());
  EXPECT_TRUE(marked(n.normalize("CSSC 24th Research Institute"), &TokenMarks::series).empty());
  // A first letter, or one with a dot, is an initial.
  EXPECT_TRUE(marked(n.normalize("V. Putin"), &TokenMarks::series).empty());
  EXPECT_TRUE(marked(n.normalize("V Putin"), &TokenMarks::series).empty());
}

TEST(PlaceNames, WholeNamesOfCountriesAndRegions) {
  NameNormalizer n;
  EXPECT_EQ(marked(n.normalize("Faberlic Europe Sp. z o.o."), &TokenMarks::place),
            std::vector<std::string>{"europe"});
  EXPECT_EQ(marked(n.normalize("Bank of China (Hong Kong) Limited"), &TokenMarks::place),
            (std::vector<std::string>{"china", "hong", "kong"}));
  EXPECT_EQ(marked(n.normalize("Banco Santander México S.A."), &TokenMarks::place),
            std::vector<std::string>{"mexico"});
  EXPECT_EQ(marked(n.normalize("United Kingdom Trading"), &TokenMarks::place),
            (std::vector<std::string>{"united", "kingdom"}));
  // Part of a country's name is not one.
  EXPECT_TRUE(marked(n.normalize("United Marine Corporation"), &TokenMarks::place).empty());
  EXPECT_TRUE(marked(n.normalize("Kong Industries"), &TokenMarks::place).empty());
}

TEST(ChineseRomanization, PinyinAndWadeGilesShareAKey) {
  auto key = [](std::string_view t) { return chinese_romanization_key(t); };
  EXPECT_EQ(key("jinping"), "cin.ping.");
  EXPECT_EQ(key("xi"), key("hsi"));
  EXPECT_EQ(key("jinping"), key("chin") + key("ping"));     // Chin-ping
  EXPECT_EQ(key("zedong"), key("tse") + key("tung"));       // Tse-tung
  EXPECT_EQ(key("zhongshan"), key("chung") + key("shan"));  // Chung-Shan
  EXPECT_EQ(key("xian"), key("hsien"));                     // -ien = -ian
  EXPECT_EQ(key("zi"), key("tzu"));                         // tzu = zi
  EXPECT_EQ(key("shi"), key("shih"));                       // -ih = -i
  EXPECT_EQ(key("yiqing"), key("iching"));                  // the glide pinyin writes
  EXPECT_EQ(key("guo"), key("kuo"));
  EXPECT_EQ(key("ge"), key("ko"));   // Wade–Giles o after k/h is pinyin e
  EXPECT_EQ(key("duo"), key("to"));  // and uo after t, l, n, ts…
  EXPECT_EQ(key("bo"), key("po"));
  EXPECT_NE(key("guo"), key("ge"));
  EXPECT_EQ(key("jiang"), key("chiang"));
  // Different syllables stay apart; words that are no run of syllables have no key.
  EXPECT_NE(key("jin"), key("jing"));
  EXPECT_NE(key("mao"), key("miao"));
  EXPECT_EQ(key("smith"), "");
  EXPECT_EQ(key("kim"), "");
  EXPECT_EQ(key("international"), "");
  EXPECT_EQ(key("x"), "");
  EXPECT_EQ(key("zhangzhangzhangzhang"), "cang.cang.cang.cang.");
  EXPECT_EQ(key("anananananananananananan"), "");  // more than six syllables
}

// The bounded distance must equal the textbook one whenever it is within the bound.
TEST(EditDistance, BoundedAgreesWithReferenceOnRandomStrings) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> length(0, 12), letter(0, 3);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string a, b;
    for (int i = length(rng); i > 0; --i) a += static_cast<char>('a' + letter(rng));
    for (int i = length(rng); i > 0; --i) b += static_cast<char>('a' + letter(rng));
    const int reference = reference_edit_distance(a, b);
    for (int max = 0; max <= 3; ++max) {
      const int bounded = bounded_edit_distance(a, b, max);
      if (reference <= max)
        ASSERT_EQ(bounded, reference) << a << " / " << b << " max " << max;
      else
        ASSERT_EQ(bounded, max + 1) << a << " / " << b << " max " << max;
    }
  }
}

}  // namespace
}  // namespace clearance
