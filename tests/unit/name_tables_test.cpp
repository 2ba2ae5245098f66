// The name tables of data/names (the build's data check: every row has its source, every Chinese
// name names a record of the current lists) and what they do to matching: given names in other
// languages, titles, other languages' spellings, Chinese names of listed parties, organisation
// names in other scripts.
#include "clearance/text/name_tables.h"

#include <gtest/gtest.h>

#include <set>

#include "clearance/lists/importer.h"
#include "clearance/lists/listed_names.h"
#include "clearance/match/explanation.h"
#include "clearance/match/screener.h"
#include "clearance/match/threshold.h"
#include "clearance/text/arabic_script_names.h"
#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/given_names.h"
#include "clearance/text/utf8.h"
#include "shared_lists.h"

namespace clearance {
namespace {

bool matched_by(const NameMatch& m, MatchHow how) {
  return std::any_of(m.alignments.begin(), m.alignments.end(),
                     [how](const TokenAlignment& t) { return t.how == how; });
}

TEST(NameTables, EveryRowHasItsFieldsAndSource) {
  EXPECT_NO_THROW(read_name_table("given_names.csv", {"names", "source"}));
  EXPECT_NO_THROW(read_name_table("titles.csv", {"title", "language", "source"}));
  EXPECT_NO_THROW(read_name_table("chinese_places.csv", {"place", "source"}));
  EXPECT_NO_THROW(read_name_table("korean_surnames.csv", {"hangul", "spellings", "source"}));
  EXPECT_NO_THROW(read_name_table("korean_org_words.csv", {"hangul", "english", "source"}));
  EXPECT_NO_THROW(read_name_table(
      "cyrillic_romanizations.csv",
      {"letters", "icao", "german", "french", "ukrainian", "polish", "scientific", "source"}));
  EXPECT_NO_THROW(read_name_table("greek_romanizations.csv",
                                  {"letters", "elot", "english", "phonetic", "source"}));
  EXPECT_NO_THROW(read_name_table("hebrew_spelling_conventions.csv",
                                  {"system", "from", "to", "where", "source"}));
  // One character and its one pinyin syllable a row, each character once.
  std::set<std::string> characters;
  for (const auto& row :
       read_name_table("chinese_transcription.csv", {"character", "pinyin", "source"})) {
    EXPECT_EQ(to_code_points(row.fields[0]).size(), 1u) << "line " << row.line;
    EXPECT_TRUE(std::all_of(row.fields[1].begin(), row.fields[1].end(),
                            [](char c) { return c >= 'a' && c <= 'z'; }))
        << "line " << row.line;
    EXPECT_TRUE(characters.insert(row.fields[0]).second) << "line " << row.line;
  }
  EXPECT_GE(chinese_listed_names().size(), 300u);
  for (const ListedName& row : chinese_listed_names()) {
    EXPECT_TRUE(row.source_url.starts_with("http")) << "chinese_names.csv line " << row.line;
    EXPECT_EQ(row.checked.size(), 10u) << "chinese_names.csv line " << row.line;
  }
  // A missing table or column is an error that names it.
  try {
    read_name_table("given_names.csv", {"names", "no_such_column"});
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("given_names.csv"), std::string::npos);
  }
}

TEST(NameTables, GivenNamesTitlesAndSpellings) {
  const auto& forms = given_name_equivalents("oleksandr");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "aleksandr"), forms.end());
  EXPECT_TRUE(given_name_equivalents("zzz").empty());
  EXPECT_TRUE(is_title("president"));
  EXPECT_FALSE(is_title("vladimir"));
  auto has = [](const std::vector<std::string>& v, const char* s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(has(foreign_spellings("poutine"), "putin"));
  EXPECT_TRUE(has(foreign_spellings("poetin"), "putin"));
  EXPECT_TRUE(has(foreign_spellings("wladimir"), "vladimir"));
  EXPECT_TRUE(has(foreign_spellings("sergejs"), "sergey"));
  EXPECT_FALSE(has(foreign_spellings("roberts"), "robert"));  // an English family name
}

class NameTablesOnLists : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    snapshot_ = bench::load_lists(bench::current_us_list_files());
    screener_ = new Screener(std::shared_ptr<const NameIndex>(NameIndex::build(snapshot_, 2)));
  }
  static void TearDownTestSuite() {
    delete screener_;
    snapshot_.reset();
  }
  // The index's hits for a name, after checking they are those scoring every name finds.
  ScreenResult screen_as_brute_force_does(const std::string& name) {
    ScreenOptions options;
    ScreenQuery query;
    query.name = name;
    ScreenResult indexed = screener_->screen(query, options, session_);
    const ScreenResult all = screener_->screen_all_names(query, options, session_);
    EXPECT_EQ(indexed.hits.size(), all.hits.size()) << name;
    for (size_t k = 0; k < std::min(indexed.hits.size(), all.hits.size()); ++k) {
      EXPECT_EQ(indexed.hits[k].entity->id, all.hits[k].entity->id) << name;
      EXPECT_FLOAT_EQ(indexed.hits[k].score, all.hits[k].score) << name;
    }
    return indexed;
  }
  // The names of the parties a query finds (up to 20, best first), one a line.
  std::string parties_found(const std::string& name) {
    ScreenQuery q;
    q.name = name;
    ScreenOptions options;
    options.limit = 20;
    std::string names;
    for (const Hit& h : screener_->screen(q, options, session_).hits)
      names += h.entity->name + "\n";
    return names;
  }
  // The score of two names compared as a person's.
  float person_score(std::string_view a, std::string_view b) {
    return screener_->compare(std::string(a), std::string(b), EntityType::person, session_).score;
  }
  static std::shared_ptr<const Snapshot> snapshot_;
  static Screener* screener_;
  ScreenSession session_;
};
std::shared_ptr<const Snapshot> NameTablesOnLists::snapshot_;
Screener* NameTablesOnLists::screener_ = nullptr;

// The data check: every row of chinese_names.csv names a record of its list (list code and a name
// or alias of the record), so a typo or a delisted party is found, with the row's line.
TEST_F(NameTablesOnLists, EveryChineseNameBelongsToARecordOfItsList) {
  std::set<std::pair<std::string, std::string>> present;
  const auto fold = listed_name_key;
  for (const Entity& e : snapshot_->entities) {
    present.insert({e.list, fold(e.name)});
    for (const Alias& a : e.aliases) present.insert({e.list, fold(a.name)});
  }
  for (const ListedName& row : chinese_listed_names())
    EXPECT_TRUE(present.count({row.list, fold(row.listed_name)}))
        << "data/names/chinese_names.csv line " << row.line << ": no " << row.list
        << " record is named \"" << row.listed_name << "\"";
  const auto coverage = listed_name_coverage(snapshot_->entities);
  ASSERT_TRUE(coverage.count("EL"));
  EXPECT_GT(coverage.at("EL").first, 150u);
}

TEST_F(NameTablesOnLists, AChineseBrandFindsTheListedPartyWithItsSource) {
  ScreenQuery q;
  q.name = "海光";  // Hygon: neither a translation nor the pinyin of its English name
  const auto result = screener_->screen(q, {}, session_);
  ASSERT_FALSE(result.hits.empty());
  const Hit& hit = result.hits.front();
  ASSERT_GE(hit.alias, 0);
  EXPECT_EQ(hit.entity->aliases[hit.alias].kind, AliasKind::added);
  const auto j = hit_to_json(hit, result.query, *screener_);
  EXPECT_EQ(j["matched_name_kind"], "added_by_clearance");
  EXPECT_NE(j["matched_name_source"].get<std::string>().find("chinese_names.csv"),
            std::string::npos);
  // Never shown as the list's own text.
  for (const auto& alias : j["aliases"]) EXPECT_NE(alias.get<std::string>(), "海光");
  // The brand under another place and trade word.
  q.name = "北京寒武纪科技有限公司";
  const auto cambricon = screener_->screen(q, {}, session_);
  ASSERT_FALSE(cambricon.hits.empty());
  EXPECT_NE(cambricon.hits.front().entity->name.find("Cambricon"), std::string::npos);
}

// A Chinese name whose translation says what the English name leaves out (中国人民解放军: the
// People's Liberation Army, before a university's name) is added, and found as written; one whose
// translation the English name holds word for word (南京理工大学) is not: the English name keeps
// its structure where the translation loses it.
TEST_F(NameTablesOnLists, AChineseNameIsAddedWhenItsTranslationSaysMoreThanTheListedName) {
  auto added = [&](const std::string& listed_start, const std::string& chinese) {
    for (const Entity& e : snapshot_->entities)
      if (e.name.rfind(listed_start, 0) == 0)
        for (const Alias& a : e.aliases)
          if (a.kind == AliasKind::added && a.name == chinese) return true;
    return false;
  };
  EXPECT_TRUE(added("National University of Defense Technology", "中国人民解放军国防科技大学"));
  EXPECT_FALSE(added("Nanjing University of Science and Technology", "南京理工大学"));
  ScreenQuery q;
  q.name = "中国人民解放军国防科技大学";
  const auto result = screener_->screen(q, {}, session_);
  ASSERT_FALSE(result.hits.empty());
  EXPECT_NE(result.hits.front().entity->name.find("National University of Defense Technology"),
            std::string::npos);
}

// A group's brand names every record of its list that carries it: the table gives 华大九天 to
// Beijing Huada Jiutian, and Shanghai Huada Jiutian, listed beside it, is the same brand; 智谱 is
// the brand of Zhipu Huazhang and of Zhipu Linghang. A record whose name does not carry the brand's
// words (Huawei Marine for 华为's 海思) gets nothing.
TEST_F(NameTablesOnLists, AGroupsBrandNamesEveryRecordOfItsListThatCarriesIt) {
  const std::string huada = parties_found("华大九天");
  // The brand's own record first, the group's other records after it at the same score.
  EXPECT_EQ(huada.rfind("Beijing Huada Jiutian", 0), 0u) << huada;
  EXPECT_NE(huada.find("Shanghai Huada Jiutian"), std::string::npos) << huada;
  const std::string zhipu = parties_found("智谱");
  EXPECT_EQ(zhipu.rfind("Beijing Zhipu Huazhang", 0), 0u) << zhipu;
  EXPECT_NE(zhipu.find("Zhipu Linghang"), std::string::npos) << zhipu;
  const std::string hisilicon = parties_found("海思");
  EXPECT_EQ(hisilicon.find("Marine"), std::string::npos) << hisilicon;
}

// A group's English brand that is no pinyin (Naura for 北方华创, Cambricon for 寒武纪): the
// group's short name names every record of its list that opens with that brand after its place;
// a firm of the group with a brand of its own (Cambricon Jixingge: 行歌) lends it to no other
// record, and an English word (Aircraft, written by firms everywhere) is no brand. The brand with
// a firm's place ranks that firm first.
TEST_F(NameTablesOnLists, AGroupsEnglishBrandNamesTheRecordsThatOpenWithIt) {
  const std::string naura = parties_found("北方华创");
  EXPECT_EQ(naura.rfind("Naura Technology Group", 0), 0u) << naura;
  EXPECT_NE(naura.find("Wuxi Naura Microelectronics Equipment"), std::string::npos) << naura;
  const std::string cambricon = parties_found("寒武纪");
  EXPECT_NE(cambricon.find("Suzhou Cambricon Information Technology"), std::string::npos)
      << cambricon;
  // The brand with a firm's place: that firm first.
  const std::string suzhou = parties_found("苏州寒武纪");
  EXPECT_EQ(suzhou.rfind("Suzhou Cambricon Information Technology", 0), 0u) << suzhou;
  const std::string jixingge = parties_found("行歌科技");
  EXPECT_EQ(jixingge.find("Cambricon Technologies Corporation"), std::string::npos) << jixingge;
  const std::string xian_aircraft = parties_found("西飞");
  EXPECT_EQ(xian_aircraft.find("Chengdu Aircraft"), std::string::npos) << xian_aircraft;
  EXPECT_EQ(xian_aircraft.find("Shenyang Aircraft"), std::string::npos) << xian_aircraft;
}

// A numbered institute in Chinese finds the list's "760th Research Institut[e]" (as the list cuts
// it). The number alone with the institute word (七六○研究所) is its best match, under the
// threshold: the list's name says whose institute it is.
TEST_F(NameTablesOnLists, ANumberedInstituteInChineseFindsItsListing) {
  auto top = [&](const char* name, float threshold) {
    ScreenQuery q;
    q.name = name;
    ScreenOptions options;
    options.threshold = threshold;
    const ScreenResult r = screener_->screen(q, options, session_);
    return r.hits.empty() ? std::string() : r.hits.front().entity->name;
  };
  EXPECT_NE(top("中国船舶重工集团公司第七六零研究所", 0.8f).find("760th Research Institut"),
            std::string::npos);
  EXPECT_NE(top("中国船舶七一五所", 0.8f).find("715th Research Institut"), std::string::npos);
  EXPECT_NE(top("七六○研究所", 0.7f).find("760th Research Institut"), std::string::npos);
}

TEST_F(NameTablesOnLists, GivenNamesAndTitlesAcrossLanguages) {
  const NameMatch m = screener_->compare(
      "Alexander Lukashenko", "Aleksandr Grigoryevich LUKASHENKO", EntityType::person, session_);
  EXPECT_TRUE(matched_by(m, MatchHow::equivalent));
  EXPECT_GT(m.score, 0.8f);
  for (const char* query : {"Президент Владимир Путин", "Vladimir Poutine", "Wladimir Poetin"})
    EXPECT_GT(
        screener_->compare(query, "Vladimir Vladimirovich PUTIN", EntityType::person, session_)
            .score,
        0.8f)
        << query;
  EXPECT_LT(
      screener_->compare("Hussein Salami", "Hassan SALAMI", EntityType::person, session_).score,
      0.86f);
  EXPECT_GT(
      screener_->compare("Mahan Airlines", "MAHAN AIR", EntityType::organization, session_).score,
      0.8f);
  // A concern (Konzern, концерн) is a group; another concern is not this one.
  for (const char* query : {"Kalashnikov Group", "卡拉什尼科夫集团", "Концерн Калашников"})
    EXPECT_GT(
        screener_->compare(query, "Concern Kalashnikov", EntityType::organization, session_).score,
        0.8f)
        << query;
  EXPECT_LT(
      screener_->compare("Vega Group", "Concern Agat", EntityType::organization, session_).score,
      0.8f);
  EXPECT_GT(screener_
                ->compare("Huawei Technolgies Co Ltd", "HUAWEI TECHNOLOGIES CO. LTD.",
                          EntityType::organization, session_)
                .score,
            0.8f);
}

TEST_F(NameTablesOnLists, KoreanNamesInHangulAsTheListsSpellThem) {
  for (const auto& [hangul, latin] :
       {std::pair{"김정은", "KIM JONG UN"}, std::pair{"김정은", "Kim Jong-un"},
        std::pair{"김여정", "Kim Yeo-jeong"}, std::pair{"최룡해", "CHOE RYONG HAE"},
        std::pair{"리병철", "RI PYONG CHOL"}, std::pair{"박봉주", "Park Bong-ju"}})
    EXPECT_GT(screener_->compare(hangul, latin, EntityType::person, session_).score, 0.8f)
        << hangul << " / " << latin;
  for (const auto& [hangul, latin] :
       {std::pair{"김정은", "KIM JONG IL"}, std::pair{"김영철", "KIM CHOL YONG"},
        std::pair{"김민준", "KIM, Man Chun"}})
    EXPECT_LT(screener_->compare(hangul, latin, EntityType::person, session_).score, 0.8f)
        << hangul << " / " << latin;
  // Organisations: the table's words translated, the proper name between them spelled.
  EXPECT_GT(
      screener_->compare("조선대성은행", "Korea Daesong Bank", EntityType::organization, session_)
          .score,
      0.8f);
  EXPECT_GT(screener_->compare("고려항공", "Air Koryo", EntityType::organization, session_).score,
            0.8f);
}

TEST_F(NameTablesOnLists, JapaneseNamesReadAsTheListsSpellThem) {
  // 山口組 is listed as YAMAGUCHI-GUMI: found through its Japanese reading, which the hit says it
  // aligns; the index finds what scoring every name finds.
  ScreenOptions options;
  auto named = [](const char* name) {
    ScreenQuery q;
    q.name = name;
    return q;
  };
  for (const char* name : {"山口組", "住吉会", "稲川会", "麻原彰晃", "トヨタ自動車", "三井物産"}) {
    const ScreenResult indexed = screener_->screen(named(name), options, session_);
    const ScreenResult all = screener_->screen_all_names(named(name), options, session_);
    ASSERT_EQ(indexed.hits.size(), all.hits.size()) << name;
    for (size_t k = 0; k < indexed.hits.size(); ++k) {
      EXPECT_EQ(indexed.hits[k].entity->id, all.hits[k].entity->id) << name;
      EXPECT_FLOAT_EQ(indexed.hits[k].score, all.hits[k].score) << name;
    }
  }
  const ScreenResult yamaguchi = screener_->screen(named("山口組"), options, session_);
  ASSERT_FALSE(yamaguchi.hits.empty());
  EXPECT_EQ(yamaguchi.hits[0].matched_name(), "YAMAGUCHI-GUMI");
  EXPECT_EQ(yamaguchi.hits[0].score, 1.0f);
  ASSERT_TRUE(yamaguchi.hits[0].reading);
  EXPECT_EQ(yamaguchi.hits[0].reading->tokens[0].source, "山口組");
  // Read exactly: a short surname a letter apart is another person.
  EXPECT_LT(screener_->compare("佐藤健", "SAITO Ken", EntityType::person, session_).score, 0.8f);
  EXPECT_GT(screener_->compare("佐藤健", "SATO Ken", EntityType::person, session_).score, 0.8f);
  // A Chinese name in simplified characters is read as Chinese alone.
  EXPECT_TRUE(screener_->screen(named("华为技术有限公司"), options, session_).hits[0].reading ==
              nullptr);
}

TEST_F(NameTablesOnLists, KoreanNamesInHanCharactersReadInKorean) {
  // 金正恩, as Chinese writes Kim Jong Un, finds him through its Korean reading; a Korean reading
  // counts against Korean parties alone, and the index finds what scoring every name finds.
  ScreenOptions options;
  ScreenQuery query;
  query.name = "金正恩";
  const ScreenResult indexed = screener_->screen(query, options, session_);
  const ScreenResult all = screener_->screen_all_names(query, options, session_);
  ASSERT_FALSE(indexed.hits.empty());
  ASSERT_EQ(indexed.hits.size(), all.hits.size());
  for (size_t k = 0; k < indexed.hits.size(); ++k)
    EXPECT_EQ(indexed.hits[k].entity->id, all.hits[k].entity->id);
  EXPECT_EQ(indexed.hits[0].score, 1.0f);
  EXPECT_NE(indexed.hits[0].matched_name().find("Jong Un"), std::string::npos)
      << indexed.hits[0].matched_name();
  ASSERT_TRUE(indexed.hits[0].reading);
  EXPECT_EQ(indexed.hits[0].reading->tokens[0].text, "kim");
}

TEST_F(NameTablesOnLists, HebrewNamesAsTheListsSpellThem) {
  // A name the table spells, and a surname it does not, met on its consonants below an exact
  // spelling; another surname of other consonants is another person.
  const NameMatch greenspan =
      screener_->compare("שלמה גרינשפן", "Shlomo GREENSPAN", EntityType::person, session_);
  EXPECT_GT(greenspan.score, 0.8f);
  EXPECT_TRUE(matched_by(greenspan, MatchHow::skeleton));
  EXPECT_LT(person_score("שלמה גרינשפן", "Shlomo GREENBERG"), 0.8f);
  EXPECT_GT(person_score("אברהם פרידמן", "Abraham FRIEDMAN"), 0.8f);
  EXPECT_LT(person_score("אברהם פרידמן", "Abraham FELDMAN"), 0.8f);
}

TEST_F(NameTablesOnLists, NamesInTheScriptsOfIndiaMeetTheirLatinSpellings) {
  // Read with the unsaid a left out and met on their consonants, a vowel the script leaves
  // unwritten being the Latin spelling's to write.
  for (const auto& [indic, latin] :
       {std::pair{"বেনজীর আহমেদ", "AHMED, Benazir"}, std::pair{"अमित शाह", "Amit SHAH"},
        std::pair{"ਅਮਰਿੰਦਰ ਸਿੰਘ", "Amarinder SINGH"},
        std::pair{"মোহাম্মদ শামসুদ্দিন", "Mohammad SHAMSUDDIN"},
        std::pair{"মমতা বন্দ্যোপাধ্যায়", "Mamata BANERJEE"}})
    EXPECT_TRUE(meets_threshold(person_score(indic, latin), 0.8f)) << indic << " / " << latin;
  // A consonant apart is another name; a short word is its reading exactly.
  for (const auto& [indic, other] :
       {std::pair{"অমিত শাহ", "Amir SHAH"}, std::pair{"মোহাম্মদ শামসুদ্দিন", "Mohammad SHAHABUDDIN"},
        std::pair{"মোহাম্মদ শামসুদ্দিন", "মোহাম্মদ সাহাবুদ্দিন"},
        std::pair{"খান মোহাম্মদ আসাদ", "AZAD, Khan Mohammad"}})
    EXPECT_FALSE(meets_threshold(person_score(indic, other), 0.8f)) << indic << " / " << other;
  const NameMatch benazir =
      screener_->compare("বেনজীর আহমেদ", "AHMED, Benazir", EntityType::person, session_);
  EXPECT_TRUE(matched_by(benazir, MatchHow::skeleton));  // below an exact spelling
  EXPECT_LT(benazir.score, 1.0f);
  // Against the lists the index finds what scoring every name finds: the SDN's Benazir AHMED.
  const ScreenResult found = screen_as_brute_force_does("বেনজীর আহমেদ");
  ASSERT_FALSE(found.hits.empty());
  EXPECT_EQ(found.hits.front().entity->name, "AHMED, Benazir");
  screen_as_brute_force_does("ਅਮਰਿੰਦਰ ਸਿੰਘ");
}

TEST_F(NameTablesOnLists, OrganisationsWrittenWithAnotherTradeWordOrARomanisedOne) {
  const auto organisation = [&](std::string_view a, std::string_view b) {
    return screener_->compare(std::string(a), std::string(b), EntityType::organization, session_)
        .score;
  };
  for (const auto& [query, listed] :
       {std::pair{"Housing Bank", "BANK MASKAN"},
        std::pair{"Bank Refah Kargaran", "Workers Welfare Bank"},
        std::pair{"Lazurit Central Design Bureau JSC",
                  "AKTSIONERNOYE OBSHCHESTVO TSENTRALNOYE KONSTRUKTORSKOYE BYURO LAZURIT"},
        std::pair{"Kazan Optical-Mechanical Factory", "Kazan Optical-Mechanical Plant"}})
    EXPECT_TRUE(meets_threshold(organisation(query, listed), 0.8f)) << query << " / " << listed;
  // Another bank's romanised word, another plant's number.
  EXPECT_FALSE(meets_threshold(organisation("Bank Maskan", "Bank Mellat"), 0.8f));
  EXPECT_FALSE(meets_threshold(organisation("Joint Stock Company 123 Aviation Repair Plant",
                                            "Joint Stock Company 121 Aviation Repair Plant"),
                               0.8f));
  screen_as_brute_force_does("Tsentralnoye Konstruktorskoye Byuro Lazurit");
  screen_as_brute_force_does("Housing Bank of Iran");
}

TEST_F(NameTablesOnLists, ThaiNamesMeetTheirEnglishSpellingsOnTheirLetters) {
  // Surnames of Pali or Sanskrit origin as their bearers spell them, which no reading of the Thai
  // gives; below an exact spelling, so a given name that differs keeps the name under 0.80.
  const NameMatch thaksin =
      screener_->compare("ทักษิณ ชินวัตร", "Thaksin SHINAWATRA", EntityType::person, session_);
  EXPECT_GT(thaksin.score, 0.8f);
  EXPECT_LT(thaksin.score, 1.0f);
  EXPECT_TRUE(matched_by(thaksin, MatchHow::skeleton));
  EXPECT_GT(person_score("อภิสิทธิ์ เวชชาชีวะ", "Abhisit VEJJAJIVA"), 0.8f);
  EXPECT_LT(person_score("ทักษิณ ชินวัตร", "Somchai SHINAWATRA"), 0.8f);
  EXPECT_LT(person_score("ทักษิณ ชินวัตร", "Thaksin CHINNAKORN"), 0.8f);
  // Against the lists the index finds what scoring every name finds, and a Thai name of short
  // words meets no listed name on its consonants alone.
  screen_as_brute_force_does("แพทองธาร ชินวัตร");
  EXPECT_TRUE(screen_as_brute_force_does("ชวน ภิรมย์").hits.empty());
  EXPECT_TRUE(screen_as_brute_force_does("ธนินท์ เจียรวนนท์").hits.empty());
}

TEST_F(NameTablesOnLists, ArabicScriptNamesAsTheListsSpellThem) {
  for (const auto& [arabic, latin] :
       {std::pair{"محمد علي", "Mohamed ALI"}, std::pair{"بشار الأسد", "Bashar AL-ASSAD"},
        std::pair{"قاسم سليماني", "Qasem SOLEIMANI"}})
    EXPECT_GT(screener_->compare(arabic, latin, EntityType::person, session_).score, 0.8f)
        << arabic << " / " << latin;
  EXPECT_LT(screener_->compare("بشار الأسد", "Maher AL-ASSAD", EntityType::person, session_).score,
            0.8f);
  EXPECT_NO_THROW(read_name_table("arabic_names.csv", {"arabic", "spellings", "source"}));
  // A word the table does not spell meets a Latin word of the same consonants, below an exact
  // spelling; the joined article is no consonant of the name.
  const NameMatch bashir = screener_->compare("البشير", "AL-BASHIR", EntityType::person, session_);
  EXPECT_TRUE(matched_by(bashir, MatchHow::skeleton));
  const NameMatch other = screener_->compare("البشير", "AL-BASHAR", EntityType::person, session_);
  EXPECT_FALSE(matched_by(other, MatchHow::skeleton));
  EXPECT_EQ(consonant_skeleton("mohamed"), consonant_skeleton("muhammad"));
  EXPECT_EQ(consonant_skeleton("hussein"), "hsn");
  EXPECT_EQ(consonant_skeleton("ali"), "");  // too few consonants to say anything
  // A consonant before ه or ح is two letters, not the digraph the transliteration writes: the word
  // is also read with its h apart.
  EXPECT_EQ(with_h_apart("sphr"), "sp|hr");
  EXPECT_EQ(with_h_apart("mahdi"), "");
  EXPECT_TRUE(meets_threshold(person_score("سپهر حیدری", "Sepehr HEIDARI"), 0.8f));
  EXPECT_TRUE(meets_threshold(person_score("سهیل عباسی", "Soheil ABBASI"), 0.8f));
  EXPECT_FALSE(meets_threshold(person_score("سپهر حیدری", "Sepideh HEIDARI"), 0.8f));
  // Persian reads و as v first in a word, before a long vowel and after ا; elsewhere a vowel. It
  // says ق and غ gh, ض ذ ظ z, ث ص s: a Persian name's words are also read so (persian_reading),
  // but not a word with Arabic's own letters (ي, ك, …), nor any word of a name without Persian's
  // (ی, ک, …).
  using Reading = std::pair<std::string, std::string>;
  for (const auto& [abjad, v] : std::vector<Reading>{{"wlayty", "vlayty"},
                                                     {"phlwy", "phlvy"},
                                                     {"dawwd", "davwd"},
                                                     {"mwswy", "mwsvy"},
                                                     {"rwhany", ""}})
    EXPECT_EQ(with_waw_as_v(abjad), v) << abjad;
  for (const auto& [word, said] : std::vector<Reading>{{"قاسمی", "ghasmy"},
                                                       {"رمضانی", "rmzany"},
                                                       {"ذاکری", "zakry"},
                                                       {"ثابتی", "sabty"},
                                                       {"عباسی", "basy"},
                                                       {"Ali", ""}})
    EXPECT_EQ(persian_reading(word), said) << word;
  struct Pair {
    std::string query, listed;
    bool meets;
  };
  for (const Pair& p : std::vector<Pair>{{"علی اکبر ولایتی", "Ali Akbar VELAYATI", true},
                                         {"علی اکبر ولایتی", "Ali Akbar VALIZADEH", false},
                                         {"علی رمضانی", "Ali RAMEZANI", true},
                                         {"رستم قاسمی", "Rostam GHASEMI", true},
                                         {"قاسم محمدی", "Qasem MOHAMMADI", true},
                                         {"رستم قاسمی", "Rostam GHASSEMLOU", false},
                                         {"شفیق محمد", "Shafigh MOHAMMAD", true},
                                         {"شفيق محمد", "Shafigh MOHAMMAD", false},
                                         {"قيس سعید", "Ghais SAEED", false}})
    EXPECT_EQ(meets_threshold(person_score(p.query, p.listed), 0.8f), p.meets)
        << p.query << " / " << p.listed;
  EXPECT_TRUE(has_persian_letters("محمدی"));
  EXPECT_FALSE(has_persian_letters("محمد"));
  EXPECT_TRUE(has_arabic_only_letters("قيس"));
  EXPECT_EQ(consonant_skeleton("azzam"), "zm");  // two do, with the long vowels where written
  EXPECT_TRUE(abjad_spelling_matches("zam", "azzam"));
  EXPECT_FALSE(abjad_spelling_matches("zam", "zimu"));  // ا writes an a after the z
}

TEST_F(NameTablesOnLists, ForeignNamesInArabicScriptMeetTheirLatinSpellings) {
  // Arabic writes a foreign p with ب, v with ف, g with ج, ch with تش, and every vowel as a long
  // one: such a word spells the Latin one letter for letter.
  for (const auto& [arabic, latin] :
       {std::pair{"فلاديمير بوتين", "PUTIN, Vladimir Vladimirovich"},
        std::pair{"سيرجي لافروف", "LAVROV, Sergei Viktorovich"},
        std::pair{"جورج بوش", "George BUSH"}, std::pair{"إيغور سيشين", "SECHIN, Igor Ivanovich"},
        std::pair{"فيكتور يانوكوفيتش", "YANUKOVYCH, Viktor Fedorovych"}})
    EXPECT_TRUE(meets_threshold(person_score(arabic, latin), 0.8f)) << arabic << " / " << latin;
  for (const auto& [arabic, latin] :
       {std::pair{"فلاديمير بوتين", "POTANIN, Vladimir Olegovich"},
        std::pair{"سيرجي لافروف", "Sergei LVOV"}, std::pair{"جورج بوش", "George BASH"}})
    EXPECT_FALSE(meets_threshold(person_score(arabic, latin), 0.8f)) << arabic << " / " << latin;
  SpellingShape putin;
  read_latin_shape("putin", putin);
  EXPECT_EQ(abjad_spelling(abjad_shape("bwtyn", true), putin), AbjadSpelling::every_vowel);
  // Hebrew's and Persian's ב and ب are b: they have a letter for p.
  EXPECT_EQ(abjad_spelling(abjad_shape("bwtyn", false), putin), AbjadSpelling::none);
  SpellingShape mohamed;
  read_latin_shape("mohamed", mohamed);
  EXPECT_EQ(abjad_spelling(abjad_shape("mhmd", true), mohamed), AbjadSpelling::consonants);
  // Looked up by a key that writes p as b, v as f, g as j; x is k and s.
  EXPECT_EQ(consonant_skeleton("putin"), consonant_skeleton("bwtyn"));
  EXPECT_EQ(consonant_skeleton("alexander"), consonant_skeleton("alksndr"));
  EXPECT_EQ(with_tsh_as_ch("yanwkwfytsh"), "yanwkwfych");
  EXPECT_EQ(with_tsh_as_ch("bwtyn"), "");
  EXPECT_EQ(without_vowel_seat("ayghwr"), "yghwr");
  EXPECT_EQ(without_vowel_seat("ahmd"), "ahmd");
  // A Russian's patronymic weighs as a forebear's name, less than a middle name.
  EXPECT_GT(person_score("Vladimir Putin", "Vladimir Vladimirovich PUTIN"),
            person_score("Vladimir Putin", "Vladimir Aleksandr PUTIN"));
  // ج may write a foreign zh; z stays z.
  EXPECT_TRUE(meets_threshold(person_score("بافل جوكوف", "Pavel ZHUKOV"), 0.8f));
  EXPECT_FALSE(meets_threshold(person_score("بافل جوكوف", "Pavel ZUKOV"), 0.8f));
  // Two words Arabic writes apart that the list writes as one.
  const auto organisation = [&](std::string_view a, std::string_view b) {
    return screener_->compare(std::string(a), std::string(b), EntityType::organization, session_)
        .score;
  };
  EXPECT_TRUE(meets_threshold(organisation("نورد ستريم", "NORDSTREAM"), 0.8f));
  EXPECT_FALSE(meets_threshold(organisation("نورد ستريم", "NORDSTROM"), 0.8f));
}

TEST_F(NameTablesOnLists, ASecondSurnameIsLeftOutAsAMiddleNameIs) {
  // PATERNAL MATERNAL, Given: a record names the person by the first surname.
  EXPECT_TRUE(
      meets_threshold(person_score("Ismael Zambada", "ZAMBADA GARCIA, Ismael Mario"), 0.8f));
  EXPECT_GT(person_score("Ismael Zambada", "ZAMBADA GARCIA, Ismael"),
            person_score("Ismael Garcia", "ZAMBADA GARCIA, Ismael"));
  // The second alone, or another given name, is another person.
  EXPECT_FALSE(meets_threshold(person_score("Mario Garcia", "ZAMBADA GARCIA, Ismael Mario"), 0.8f));
  EXPECT_FALSE(
      meets_threshold(person_score("Vicente Zambada", "ZAMBADA GARCIA, Ismael Mario"), 0.8f));
  // A given name of the other gender (a for o) is another name, not a typo of it.
  EXPECT_TRUE(meets_threshold(person_score("Camila Torres", "TORRES MARTINEZ, Camila"), 0.8f));
  EXPECT_FALSE(meets_threshold(person_score("Camila Torres", "TORRES MARTINEZ, Camilo"), 0.8f));
}

TEST(ArabicScriptNames, AFinalAlefMaqsuraIsALongA) {
  NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize("مقتدى");
  ASSERT_EQ(n.tokens.size(), 1u);
  EXPECT_TRUE(n.tokens[0].marks.abjad);
  EXPECT_TRUE(abjad_spelling_matches(n.tokens[0].text, "muqtada")) << n.tokens[0].text;
}

TEST(ArabicScriptNames, AWordBeforeAllahIsAlsoReadJoinedToIt) {
  NameNormalizer normalizer;
  // As written: two words; the reading beside it: one, which Latin spells either way.
  const NormalizedName n = normalizer.normalize_query("فضل الله");
  ASSERT_EQ(n.tokens.size(), 2u);
  ASSERT_EQ(n.readings.size(), 1u);
  ASSERT_EQ(n.readings[0].tokens.size(), 1u);
  const NameToken& joined = n.readings[0].tokens[0];
  EXPECT_EQ(joined.source, "فضل الله");
  if (joined.alternatives.empty()) {  // a word the table does not spell: compared on consonants
    EXPECT_TRUE(joined.marks.abjad);
    ASSERT_EQ(joined.abjad_forms.size(), 1u);
    const std::string& form = joined.abjad_forms.front();
    EXPECT_TRUE(abjad_spelling_matches(form, "fadlallah")) << form;
    EXPECT_TRUE(abjad_spelling_matches(form, "fadlullah")) << form;
    EXPECT_FALSE(abjad_spelling_matches(form, "fadlah")) << form;  // one l: another word
  }
  // No reading when no word stands before الله.
  EXPECT_TRUE(normalizer.normalize_query("الله").readings.empty());
  EXPECT_TRUE(normalizer.normalize_query("فضل").readings.empty());
}

TEST_F(NameTablesOnLists, OrganisationNamesInOtherScriptsFindTheirListings) {
  // Each finds the party the SDN list writes in English, first; the index finds what scoring
  // every name finds.
  for (const auto& [persian, listed] :
       {std::pair{"بانک ملی ایران", "BANK MELLI IRAN"},
        std::pair{"شرکت ملی نفت ایران", "NATIONAL IRANIAN OIL COMPANY"},
        std::pair{"سپاه پاسداران انقلاب اسلامی", "ISLAMIC REVOLUTIONARY GUARD CORPS"}}) {
    const ScreenResult indexed = screen_as_brute_force_does(persian);
    ASSERT_FALSE(indexed.hits.empty()) << persian;
    std::string upper = indexed.hits[0].matched_name();
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    EXPECT_NE(upper.find(listed), std::string::npos) << persian << " → " << upper;
  }
  EXPECT_GT(screener_
                ->compare("Объединённая судостроительная корпорация",
                          "United Shipbuilding Corporation", EntityType::organization, session_)
                .score,
            0.8f);
  // Another bank is another party.
  EXPECT_LT(
      screener_->compare("بانک ملی ایران", "BANK MELLAT", EntityType::organization, session_).score,
      0.8f);
  EXPECT_LT(
      screener_->compare("ธนาคารกรุงเทพ", "Krung Thai Bank", EntityType::organization, session_)
          .score,
      0.8f);
  EXPECT_GT(
      screener_->compare("ธนาคารกรุงเทพ", "Bangkok Bank", EntityType::organization, session_).score,
      0.8f);
}

TEST_F(NameTablesOnLists, HongKongNamesInHanCharactersReadInCantonese) {
  // 林鄭月娥 (Carrie Lam, "Yuet-ngor Lam Cheng") and 李桂華 ("Kwai-wah Li"), as Hong Kong writes
  // them, found through their Cantonese reading; the index finds what scoring every name finds.
  for (const auto& [han, listed] :
       {std::pair{"林鄭月娥", "Lam Cheng"}, std::pair{"李桂華", "Kwai-wah"}}) {
    const ScreenResult indexed = screen_as_brute_force_does(han);
    ASSERT_FALSE(indexed.hits.empty()) << han;
    EXPECT_NE(indexed.hits[0].matched_name().find(listed), std::string::npos)
        << han << " → " << indexed.hits[0].matched_name();
    ASSERT_TRUE(indexed.hits[0].reading) << han;
    EXPECT_EQ(indexed.hits[0].reading->tokens[0].source, std::string(han).substr(0, 3));
  }
}

}  // namespace
}  // namespace clearance
