// The screening engine on the real lists: data-driven cases (tests/cases/*.csv) and the index
// checked against the brute-force reference.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "clearance/batch/batch_runner.h"
#include "clearance/match/screener.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"
#include "shared_lists.h"
#include "test_support.h"

namespace clearance {
namespace {

// Whether some token of the match was paired the way `how` says.
bool matched_by(const NameMatch& m, MatchHow how) {
  return std::any_of(m.alignments.begin(), m.alignments.end(),
                     [how](const TokenAlignment& t) { return t.how == how; });
}

class ScreeningTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (const auto& f : bench::standard_list_files())
      if (!std::filesystem::exists(f)) GTEST_FAIL() << "shared data file missing: " << f;
    index_ = NameIndex::build(bench::load_standard_lists(), 2);
    screener_ = new Screener(index_);
  }
  static void TearDownTestSuite() {
    delete screener_;
    index_.reset();
  }
  // Each pair of names, compared as `type`, scores above (or below) the default threshold.
  using NamePairs = std::initializer_list<std::pair<const char*, const char*>>;
  void expect_above(NamePairs pairs, EntityType type) {
    for (const auto& [a, b] : pairs)
      EXPECT_GT(screener_->compare(a, b, type, session_).score, 0.8f) << a << " / " << b;
  }
  void expect_below(NamePairs pairs, EntityType type) {
    for (const auto& [a, b] : pairs)
      EXPECT_LT(screener_->compare(a, b, type, session_).score, 0.8f) << a << " / " << b;
  }
  static std::shared_ptr<const NameIndex> index_;
  static Screener* screener_;
  ScreenSession session_;
};
std::shared_ptr<const NameIndex> ScreeningTest::index_;
Screener* ScreeningTest::screener_ = nullptr;

TEST_F(ScreeningTest, CasesFromTestsCasesScreeningCsv) {
  auto bytes = read_file(test::fixture("../cases/screening.csv"));
  ASSERT_TRUE(bytes.ok());
  CsvReader csv(bytes.value());
  CsvRecord row;
  ASSERT_TRUE(csv.next(row).value());  // header
  int cases = 0;
  while (csv.next(row).value()) {
    ++cases;
    ScreenQuery q;
    q.name = row.fields.at(0);
    q.type =
        row.fields.at(1).empty() ? EntityType::unknown : entity_type_from_string(row.fields.at(1));
    q.country = row.fields.at(2);
    const std::string& expect = row.fields.at(3);
    ScreenOptions options;
    options.limit = 5;
    const ScreenResult result = screener_->screen(q, options, session_);
    std::string got;
    for (const auto& h : result.hits) got += fmt::format("{} ({:.3f}) ", h.entity->id, h.score);
    if (expect == "none") {
      EXPECT_TRUE(result.hits.empty())
          << "line " << row.line << ": '" << q.name << "' should not hit: " << got;
    } else {
      const bool found = std::any_of(result.hits.begin(), result.hits.end(), [&](const Hit& h) {
        return h.has_record(index_->snapshot(), expect);
      });
      EXPECT_TRUE(found) << "line " << row.line << ": '" << q.name << "' should find " << expect
                         << "; got " << got;
    }
  }
  EXPECT_GE(cases, 20);
}

// Chinese names of listed Chinese organisations must find the English entry in the top 5.
TEST_F(ScreeningTest, ChineseNamesFromTestsCasesChineseNamesCsv) {
  auto bytes = read_file(test::fixture("../cases/chinese_names.csv"));
  ASSERT_TRUE(bytes.ok());
  CsvReader csv(bytes.value());
  CsvRecord row;
  ASSERT_TRUE(csv.next(row).value());
  // Found and total cases by the kind of English name: pinyin, descriptive (translated words) or
  // brand (neither).
  std::map<std::string, std::pair<int, int>> by_kind;
  int found = 0, total = 0;
  while (csv.next(row).value()) {
    ScreenQuery q;
    q.name = row.fields.at(0);
    ScreenOptions options;
    options.limit = 5;
    const ScreenResult result = screener_->screen(q, options, session_);
    const bool hit = std::any_of(result.hits.begin(), result.hits.end(), [&](const Hit& h) {
      return h.has_record(index_->snapshot(), row.fields.at(1));
    });
    const std::string& kind = row.fields.at(3);
    ASSERT_TRUE(kind == "pinyin" || kind == "descriptive" || kind == "brand")
        << "line " << row.line << ": kind " << kind;
    ++total;
    found += hit;
    by_kind[kind].first += hit;
    ++by_kind[kind].second;
    if (row.fields.at(2) == "found") {
      EXPECT_TRUE(hit) << "line " << row.line << ": " << q.name << " → " << row.fields.at(1);
    }
  }
  RecordProperty("found", found);
  RecordProperty("total", total);
  std::cout << "Chinese names found in the top 5: " << found << "/" << total;
  for (const auto& [kind, counts] : by_kind)
    std::cout << "; " << kind << " " << counts.first << "/" << counts.second;
  std::cout << "\n";
}

TEST_F(ScreeningTest, ExplanationNamesTheAlignment) {
  ScreenQuery q;
  q.name = "华为技术有限公司";
  const ScreenResult result = screener_->screen(q, {}, session_);
  ASSERT_FALSE(result.hits.empty());
  const Hit& top = result.hits.front();
  bool translated = false, pinyin_exact = false;
  for (const auto& a : top.match.alignments) {
    translated = translated || a.how == MatchHow::translated;
    pinyin_exact = pinyin_exact || (a.how == MatchHow::exact &&
                                    result.query.tokens[a.query_tokens[0]].text == "huawei");
  }
  EXPECT_TRUE(translated);
  EXPECT_TRUE(pinyin_exact);
}

// A foreign name written in Chinese characters for its sound meets the list's Latin spelling on
// its consonants; a name of other consonants, or of more syllables than the characters write,
// does not.
TEST_F(ScreeningTest, ForeignNamesWrittenInChineseForTheirSound) {
  expect_above(
      {{"根纳季·季姆琴科", "Gennady TIMCHENKO"}, {"德米特里·梅德韦杰夫", "Dmitry MEDVEDEV"}},
      EntityType::person);
  expect_above({{"卡拉什尼科夫公司", "Kalashnikov Company"}}, EntityType::organization);
  expect_below({{"根纳季·季莫申科", "Gennady TIMCHENKO"},
                {"罗曼·阿布拉莫维奇", "Roman ABRAMOV"},
                {"弗拉基米尔·普京", "Vladimir POTANIN"},
                {"万安特", "VANITY"}},
               EntityType::person);
  ScreenQuery q;
  q.name = "根纳季·季姆琴科";
  const auto hits = screener_->screen(q, {}, session_).hits;
  ASSERT_FALSE(hits.empty());
  EXPECT_NE(hits.front().entity->name.find("TIMCHENKO"), std::string::npos);
  EXPECT_TRUE(matched_by(screener_->compare("根纳季·季姆琴科", hits.front().matched_name(),
                                            EntityType::person, session_),
                         MatchHow::transcribed));
}

TEST_F(ScreeningTest, CountryDateAndIdentifierEvidence) {
  ScreenQuery q;
  q.name = "Banco Nacional de Cuba";
  q.country = "CH";  // the SDN entry has a Zurich address
  ScreenResult result = screener_->screen(q, {}, session_);
  ASSERT_FALSE(result.hits.empty());
  const auto& ev = result.hits.front().evidence;
  ASSERT_TRUE(std::any_of(ev.begin(), ev.end(),
                          [](const Evidence& e) { return e.feature == "country" && e.delta > 0; }));
  // A passport number that matches exactly lifts a weak name match over the threshold.
  ScreenQuery p;
  p.name = "Abu Sufian Razziq";
  p.type = EntityType::person;
  ScreenOptions loose;
  loose.threshold = 0.0f;
  loose.limit = 50;
  const ScreenResult without = screener_->screen(p, loose, session_);
  p.identifier = "BC166787";
  const ScreenResult with = screener_->screen(p, loose, session_);
  auto score_of = [&](const ScreenResult& r, const std::string& id) {
    for (const auto& h : r.hits)
      if (h.has_record(index_->snapshot(), id)) return h.score;
    return -1.0f;
  };
  EXPECT_GT(score_of(with, "us_csl:sdn:9935"), score_of(without, "us_csl:sdn:9935") + 0.1f);
}

// An acronym whose last letter is a company's or corporation's (PMC, CCCC) meets the words it
// stands for; a code closed by another legal form (S.A., Ltd) or of two letters does not.
TEST_F(ScreeningTest, AnAcronymMayEndWithACompanyOrCorporation) {
  expect_above({{"PMC Wagner", "Private Military Company Wagner"},
                {"Private Military Company Wagner", "PMC Wagner"},
                {"Redut PMC", "Private Military Company Redut"}},
               EntityType::organization);
  expect_below({{"Crystal Green Aviation S.A.", "CRYSTAL GAS FZE"},
                {"VL Technologies Ltd", "Technology Videoanalysis LLC"},
                {"IC Chemicals Corp.", "Chemical Industrial Corporation"}},
               EntityType::organization);
}

// A common word left over on one side of an organisation's name is a descriptor; when each side
// keeps a word of its own, the common words they share no longer make them one name.
TEST_F(ScreeningTest, OrganisationsKeepingAWordEachAreTwoNames) {
  expect_below({{"China Construction Bank", "CHINA CONSTRUCTION TECHNOLOGY CO LTD"},
                {"Far Eastern Bank", "Far Eastern Shipping Company"},
                {"Дальневосточный банк", "Far Eastern Shipping Company"}},
               EntityType::organization);
  // A descriptor on one side, a kind of organisation or a translated word on the other, still
  // meets the name.
  expect_above({{"Huawei Technologies", "Huawei Technologies Co., Ltd."},
                {"Huawei", "HUAWEI TECHNOLOGIES CO., LTD."},
                {"Kalashnikov Group", "Concern Kalashnikov"},
                {"Rosoboronexport Group", "ROSOBORONEXPORT OAO"},
                // A word mistyped past the fuzzy match on one side is no word of its own.
                {"Huawei echnologies Research & Development Belgium NV",
                 "Huawei Technologies Research & Development Belgium NV"},
                {"DISPOSITIVOS INDUSTRIALE DINAMICOS, S.A. DE C.V.",
                 "DISPOSITIVOS INDUSTRIALES DINAMICOS, S.A. DE C.V."}},
               EntityType::organization);
}

// A Hebrew name the table spells meets its spellings in English, German, French and Russian
// manners and a list's typo, never a name a letter apart in a short word; one it reads letter by
// letter needs the vowels it writes (and writes no o or u it leaves out everywhere).
TEST_F(ScreeningTest, HebrewNamesMeetOtherLanguagesSpellingsAndNotTheirNeighbours) {
  expect_above({{"יצחק רבין", "Jitzchak RABIN"}, {"שלמה", "Chlomo"}, {"משה דיין", "Mosche DAJAN"}},
               EntityType::person);
  expect_below({{"צבי לוי", "Zvi LAVI"}, {"יצחק רבין", "Yitzhak RUBIN"}}, EntityType::person);
}

// Chinese state groups are named in common words alone: a translated word each side keeps is what
// tells two groups apart, and a number names which institute of a group it is. A list name's own
// acronym repeats its words, and a translated word's alternatives go to the words that need them.
TEST_F(ScreeningTest, StateGroupsAndTheirInstitutesAreToldApartByTheirWords) {
  expect_below(
      {{"中国航天科工集团", "China Aerospace Science and Technology Corporation"},
       {"中国空间技术研究院502研究所", "China Academy of Space Technology 513 Research Institute"},
       {"China Academy of Space Technology 502 Research Institute",
        "China Academy of Space Technology 513 Research Institute"}},
      EntityType::organization);
  expect_above(
      {{"中国空间技术研究院513研究所", "China Academy of Space Technology 513 Research Institute"},
       {"China Aerospace Science and Technology Corporation",
        "China Aerospace Science and Technology Corporation (CASC)"},
       {"Aviation Industry Corporation of China", "Aviation Industry Corporation of China (AVIC)"},
       {"西北工业大学", "Northwestern Polytechnical University"},
       // A fund's series number is still one of a family.
       {"Apollo Investment Fund VIII L.P.", "Apollo Investment Fund IX L.P."}},
      EntityType::organization);
}

// Names of descriptive words and places alone have no brand: a word one of them keeps makes it
// another organisation, however fully it covers the other. A legal form, a word for the kind of
// organisation, the name's own acronym or a place stays what it is, and a query may name an
// organisation by the start of its name.
TEST_F(ScreeningTest, NamesOfDescriptiveWordsAloneAreToldApartByEachWord) {
  expect_below(
      {{"بانک صادرات ایران", "Export Development Bank of Iran"},
       {"中国精密机械进出口公司", "China National Machinery Import and Export Corporation"},
       {"Islamic Revolutionary Guard Corps Navy", "Islamic Revolutionary Guard Corps"},
       {"China Electronics Corporation", "China Electronics Technology Group Corporation"},
       // Two countries a letter apart are two places, not a typo.
       {"Central Bank of Iraq", "Central Bank of Iran"}},
      EntityType::organization);
  expect_above({{"Export Development Bank of Iran", "EXPORT DEVELOPMENT BANK OF IRAN (EDBI)"},
                {"China Electronics Technology Group", "China Electronics Technology Group Corp"},
                {"Bank Saderat Iran", "Bank Saderat PLC"},
                {"ธนาคารกรุงเทพ", "Bangkok Bank Public Company Limited"},
                {"Harbin Institute", "Harbin Institute of Technology"},
                // Arabic writes "and the" joined to the word: والبحوث "and the research".
                {"مركز الدراسات والبحوث العلمية", "Scientific Studies and Research Center"},
                {"مصرف التسليف الشعبي", "Popular Credit Bank"}},
               EntityType::organization);
  // A brand keeps its descriptors: Huawei Technologies is Huawei.
  expect_above({{"Huawei", "Huawei Technologies Co., Ltd."}}, EntityType::organization);
}

// Burmese and Khmer names against the lists' spellings: a syllable a word, or a word's syllables
// as one; in order and whole, a syllable exact.
TEST_F(ScreeningTest, BurmeseAndKhmerNamesMeetTheListsSpellingsInOrderAndWhole) {
  expect_above({{"မင်းအောင်လှိုင်", "MIN AUNG HLAING"},
                {"မင်းအောင်လှိုင်", "HLAING, Min Aung"},  // OFAC's comma: the order is the name's
                {"ဗိုလ်ချုပ်ကြီး မြထွန်းဦး", "MYA TUN OO"},
                {"တေဇ", "Tayza"},
                {"ហ៊ុន ម៉ាណែត", "HUN Manet"},
                {"លី យ៉ុងផាត់", "LY, Yong Phat"},  // a Khmer family name first, as written
                {"ហ៊ីង ប៊ុនហៀង", "HING Bun Hieng"}},
               EntityType::person);
  // The same syllables in another order, one more, or a letter apart: another name.
  expect_below({{"မင်းအောင်လှိုင်", "AUNG MIN HLAING"},
                {"မင်းအောင်လှိုင်", "HLAING, Aung Min"},
                {"ဝင်းမြင့်", "MYINT WIN"},
                {"မောင်အေး", "MAUNG MAUNG AYE"},
                {"ထွန်းထွန်းနောင်", "TUN TUN NAING"},
                {"ហ៊ុន សែន", "HUN Manet"}},
               EntityType::person);
}

// A name in Cyrillic meets the spellings of every romanisation the lists, passports and the press
// use; a Latin name further from all of them than a typo is another name.
TEST_F(ScreeningTest, CyrillicNamesMeetEveryRomanisationAndNoSoundAlike) {
  expect_above({{"Алексей Навальный", "Alexei NAWALNY"},     // German
                {"Михаил Горбачёв", "Michail GORBATSCHOW"},  // German, ё after ч
                {"Борис Ельцин", "Boris JELZIN"},            // German je, ц z
                {"Юрий Андропов", "Iouri ANDROPOV"},         // French ю iou
                {"Дмитрий Песков", "Dmitrii PESKOV"},        // ICAO -ий
                {"Мария Захарова", "Maria ZAKHAROVA"},       // English -ия
                {"Сергей Шойгу", "Siergiej SZOJGU"},         // Polish
                {"Олег Дерипаска", "Oleg DERIPASKO"}},       // one letter off: a typo
               EntityType::person);
  // Written in Cyrillic, the Ukrainian spelling is a romanisation, not a sound-alike.
  const NameMatch m = screener_->compare("Володимир Зеленський", "Volodymyr Zelenskyy",
                                         EntityType::person, session_);
  EXPECT_GT(m.score, 0.99f);
  EXPECT_TRUE(matched_by(m, MatchHow::transliterated));
  expect_below({{"Олег Дерипаска", "Oleg DERIPASKIN"},  // two letters apart
                {"Алексей Навальный", "Alexei NAVALNICHENKO"},
                {"Михаил Горбачёв", "Mikhail GORBUNOV"},  // sounds alike, another name
                {"Иван Петров", "Ivar PETROV"}},          // a short name a letter apart
               EntityType::person);
}

// A name in Greek meets its ELOT, English and Cypriot spellings.
TEST_F(ScreeningTest, GreekNamesMeetTheirSpellingsInEachSystem) {
  expect_above({{"Κωνσταντίνος Μητσοτάκης", "Konstantinos MITSOTAKIS"},
                {"Ευάγγελος Βενιζέλος", "Evangelos VENIZELOS"},
                {"Γιάννης Μπακογιάννης", "Yannis BAKOYANNIS"},
                {"Χρήστος Βασιλείου", "Hristos VASSILIOU"}},
               EntityType::person);
  expect_below({{"Γιάννης Παπαδόπουλος", "Giannis PAPADAKIS"}}, EntityType::person);
}

// Every hit the brute-force reference finds at the threshold, the index finds too, with the same
// score.
TEST_F(ScreeningTest, IndexLosesNoHitAgainstBruteForce) {
  std::vector<std::string> queries = {
      "Huawei Technologies", "华为", "Hua Wei", "Vladimir Putin", "Banco Nacional de Cuba",
      "Sberbank", "Harbin Institute of Technolgy", "Mohamed Ali", "Kim Jong Un", "Rosoboronexport",
      "Islamic Revolutionary Guard Corps", "Al Qaida",
      // Acronyms both ways, initials, fuzzy, phonetic and nickname matches: each kind of lookup
      // credits the scorer's similarity for it, no more, no less.
      "NUDT", "S M I C", "National University Defense Technology", "Anna Lehmann", "Chinedu Okafor",
      "Amelie A. Lambert", "Mohamad Rezaei", "Muhamad Ali Hasan", "Rosoboroneksport",
      "Sberbnk Rossii", "Bill Clinton", "Sasha Lukashenko",
      // Sound-alike spellings, other romanisations of Chinese, two-letter acronyms, optional
      // translated words.
      "Saddam Husayn", "Usama bin Ladin", "Osama bin Laden", "Hsi Chin-ping", "Mao Tse-tung",
      "中山科学研究院", "习近平", "U.S. Department of State", "中国核工业集团有限公司",
      "中国海洋石油集团有限公司", "中国电子科技集团公司第十四研究所", "Қасым-Жомарт Тоқаев",
      "Abdurrahman Yasin", "Abdul Aziz Nooristani",
      // Foreign names written in Chinese characters for their sound.
      "奥列格·德里帕斯卡", "根纳季·季姆琴科", "卡拉什尼科夫集团", "霍尼韦尔国际公司",
      // Burmese and Khmer: a syllable a token, and the words' syllables joined (a reading).
      "မင်းအောင်လှိုင်", "ဗိုလ်ချုပ်ကြီး မြထွန်းဦး", "တေဇ", "မြန်မာ့စီးပွားရေး ကော်ပိုရေးရှင်း", "ហ៊ុន សែន", "ហ៊ុន ម៉ាណែត",
      "ខៀវ សំផន", "គណបក្សប្រជាជនកម្ពុជា",
      // Acronyms closed by a company or corporation, both ways.
      "PMC Wagner", "Private Military Company Wagner",
      // Cyrillic words in every romanisation, compared strictly beyond them.
      "Геннадий Тимченко", "Игорь Сечин", "Евгений Пригожин", "Алексей Навальный",
      "Χριστόδουλος Βασιλειάδης", "Γιάννης Μπακογιάννης",
      "China Communications Construction Company Second Navigation Engineering Bureau",
      // Numbered units, whose group's words weigh less (numbered_unit.h), and look-alikes.
      "760th Research Institute", "第七六〇研究所", "CETC 48th Institute", "Research Institute 14",
      "Unit 61398", "Plant 2", "Acme Widgets Unit 110", "AVIC Institute No. 625"};
  // Plus list names with a character dropped, from a fixed random sample.
  std::mt19937 rng(7);
  const auto& entities = index_->snapshot().entities;
  for (int i = 0; i < 40; ++i) {
    std::string name = entities[rng() % entities.size()].name;
    if (name.size() > 6) name.erase(rng() % name.size(), 1);
    queries.push_back(name);
  }
  // And people written with an initial ("V. Putin"), or with the list's initial spelled out.
  for (int i = 0, added = 0; i < 5000 && added < 25; ++i) {
    const Entity& e = entities[rng() % entities.size()];
    if (e.type != EntityType::person || e.name.size() < 8) continue;
    const size_t space = e.name.find(' ');
    if (space == std::string::npos || space + 1 >= e.name.size()) continue;
    queries.push_back(e.name.substr(space + 1, 1) + ". " + e.name.substr(0, space));
    queries.push_back("John " + e.name.substr(0, space));
    ++added;
  }
  // List names carrying an initial ("SMITH, John A."), queried with the initial spelled out.
  for (size_t i = 0, added = 0; i < entities.size() && added < 25; i += 7) {
    const Entity& e = entities[i];
    if (e.type != EntityType::person) continue;
    std::string spelled;
    bool has_initial = false;
    for (const auto& word : split_trimmed(e.name, " ")) {
      std::string w = word;
      while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
      if (w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0]))) {
        w += "ndrew";
        has_initial = true;
      }
      spelled += (spelled.empty() ? "" : " ") + w;
    }
    if (!has_initial) continue;
    queries.push_back(spelled);
    ++added;
  }
  auto same_hits = [&](const std::string& text, EntityType type, float threshold) {
    ScreenOptions options;
    options.limit = 1000;
    options.threshold = threshold;
    ScreenQuery q;
    q.name = text;
    q.type = type;
    const ScreenResult fast = screener_->screen(q, options, session_);
    const ScreenResult reference = screener_->screen_all_names(q, options, session_);
    std::string listing;
    for (const auto& h : reference.hits)
      listing += fmt::format("{} {:.3f} {}; ", h.entity->id, h.score, h.matched_name());
    ASSERT_EQ(fast.hits.size(), reference.hits.size()) << text << ": reference " << listing;
    for (size_t k = 0; k < fast.hits.size(); ++k) {
      EXPECT_EQ(fast.hits[k].entity->id, reference.hits[k].entity->id) << text;
      EXPECT_FLOAT_EQ(fast.hits[k].score, reference.hits[k].score) << text;
    }
  };
  for (const auto& text : queries) same_hits(text, EntityType::unknown, 0.8f);
  // A low threshold lets through the inexact matches whose similarity the bound relies on; a
  // person query lets initials and two-letter acronyms match every name.
  for (size_t i = 0; i < 30; ++i) {
    same_hits(queries[i], EntityType::unknown, 0.6f);
    same_hits(queries[i], EntityType::person, 0.6f);
  }
}

// Asked for, the near score bounds the best score under the threshold from above: at least the
// best score under the threshold of any listed name — scoring every name, as brute force does,
// those the index's lookups never reach included — and under the threshold itself; and the hits
// are those of a screening without it.
TEST_F(ScreeningTest, TheNearScoreBoundsTheBestScoreUnderTheThreshold) {
  std::vector<std::string> queries = {"Huawei Tech. Investment Co., Limited",
                                      "RGB Systems Oy",
                                      "Heritage Software AB",
                                      "Mohamad Rezaei",
                                      "Sberbnk Rossii",
                                      "Quiet Bakery GmbH",
                                      "J. R. Smith Trading",
                                      "华为",
                                      "Hsi Chin-ping"};
  std::mt19937 rng(11);
  const auto& entities = index_->snapshot().entities;
  for (int i = 0; i < 30; ++i) {
    std::string name = entities[rng() % entities.size()].name;
    if (name.size() > 6) name.replace(rng() % name.size(), 2, "xq");  // a little further off
    queries.push_back(name);
  }
  size_t near_something = 0, far = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    const std::string& name = queries[i];
    ScreenQuery q;
    q.name = name;
    if (i % 3 == 1) q.country = "CN";  // evidence the bound must allow for
    ScreenOptions plain;
    plain.threshold = 0.8f;
    plain.limit = 1000;
    ScreenOptions with_near = plain;
    with_near.near_floor = 0.75f;
    ScreenOptions every = plain;
    every.threshold = 0.0001f;
    every.limit = 1000000;
    const ScreenResult a = screener_->screen(q, plain, session_);
    const ScreenResult b = screener_->screen(q, with_near, session_);
    const ScreenResult c = screener_->screen_all_names(q, every, session_);
    ASSERT_EQ(a.hits.size(), b.hits.size()) << name;
    for (size_t k = 0; k < a.hits.size(); ++k) {
      EXPECT_EQ(a.hits[k].entity->id, b.hits[k].entity->id) << name;
      EXPECT_FLOAT_EQ(a.hits[k].score, b.hits[k].score) << name;
    }
    float best_under = 0;
    for (const Hit& h : c.hits)
      if (!meets_threshold(h.score, 0.8f)) best_under = std::max(best_under, h.score);
    EXPECT_GE(b.near, best_under) << name;
    EXPECT_LT(b.near, 0.8f) << name;
    near_something += best_under > 0.75f;
    far += b.near < 0.75f;
  }
  EXPECT_GT(near_something, 0u);  // some query came within the margin, or this proves little
  EXPECT_GT(far, 0u);             // and some stayed well under it, which the bound says
}

// An index of a few records weighed by the whole lists' index (what a delta monitoring run
// screens against) finds and scores a query exactly as the whole index does against those records
// — when its names hold only terms of the whole index (its term sections are then the whole
// index's own) and when one holds a word the whole index lacks.
TEST_F(ScreeningTest, AnIndexOfSomeRecordsWeighedByTheWholeIndexScoresAsTheWholeIndex) {
  const Snapshot& all = index_->snapshot();
  for (const bool novel_word : {false, true}) {
    auto some = std::make_shared<Snapshot>();
    some->id = "some";
    some->content_hash = novel_word ? "some-novel" : "some";
    // Every 40th party whole (a party's hit is its best record's), records in the lists' order.
    std::set<std::string> kept;
    std::vector<uint32_t> records;
    for (size_t k = 0; k < all.parties.size(); k += 40)
      records.insert(records.end(), all.parties[k].members.begin(), all.parties[k].members.end());
    std::sort(records.begin(), records.end());
    std::map<uint32_t, uint32_t> position;
    for (uint32_t m : records) {
      position[m] = static_cast<uint32_t>(some->entities.size());
      some->entities.push_back(all.entities[m]);
      kept.insert(all.entities[m].id);
    }
    for (size_t k = 0; k < all.parties.size(); k += 40) {
      Party p{all.parties[k].id, {}, {}};
      for (uint32_t m : all.parties[k].members) p.members.push_back(position.at(m));
      some->parties.push_back(std::move(p));
    }
    if (novel_word) {  // a record of its own, after the others
      Entity extra = all.entities[records.front()];
      extra.id = "zz:novel";
      extra.name += " Zqxvorbtrade";
      some->parties.push_back({extra.id, {static_cast<uint32_t>(some->entities.size())}, {}});
      some->entities.push_back(extra);
    }
    some->index_parties();
    std::shared_ptr<const NameIndex> part = NameIndex::build(some, 1, index_.get());
    EXPECT_EQ(part->term_count(), index_->term_count() + (novel_word ? 1 : 0));
    const Screener part_screener(part);
    std::mt19937 rng(5);
    ScreenOptions options;
    options.threshold = 0.7f;
    options.limit = 1000;
    size_t compared = 0;
    for (int q = 0; q < 120; ++q) {
      const Entity& e = some->entities[rng() % some->entities.size()];
      if (kept.count(e.id) == 0) continue;
      std::string name = e.name;
      if (q % 2 && name.size() > 6) name.erase(rng() % name.size(), 1);  // a letter dropped
      ScreenQuery query;
      query.name = name;
      const ScreenResult whole = screener_->screen(query, options, session_);
      const ScreenResult mine = part_screener.screen(query, options, session_);
      std::map<std::string, float> expected, got;
      for (const Hit& h : whole.hits)
        if (kept.count(h.entity->id)) expected[h.entity->id] = h.score;
      for (const Hit& h : mine.hits)
        if (kept.count(h.entity->id)) got[h.entity->id] = h.score;
      EXPECT_EQ(expected, got) << name;
      compared += !expected.empty();
    }
    EXPECT_GT(compared, 40u);
  }
}

TEST_F(ScreeningTest, CompareIsSymmetricEnoughAndExplained) {
  const NameMatch m = screener_->compare("PUTIN, Vladimir Vladimirovich", "Vladimir Putin",
                                         EntityType::person, session_);
  EXPECT_GT(m.score, 0.85f);
  EXPECT_EQ(m.unmatched_query.size(), 1u);  // the patronymic
  const NameMatch none = screener_->compare(
      "China Technology", "China Electronics Technology Group", EntityType::organization, session_);
  EXPECT_LT(none.score, 0.8f);
}

TEST_F(ScreeningTest, ANameOfCommonWordsWrittenExactlyAsListedIsThatName) {
  EXPECT_GT(
      screener_->compare("AT&T Inc.", "AT and T Inc.", EntityType::organization, session_).score,
      0.95f);
  // Sharing part of such a name is not enough.
  EXPECT_LT(
      screener_->compare("AT Inc.", "AT and T Inc.", EntityType::organization, session_).score,
      0.8f);
}

TEST_F(ScreeningTest, ANameAndItsAcronymMatchThemselvesWordByWord) {
  for (const char* name : {"China Aerodynamics Research and Development Center (CARDC)",
                           "Atomic Energy Organization of Iran (AEOI)"}) {
    const NameMatch m = screener_->compare(name, name, EntityType::organization, session_);
    EXPECT_GT(m.score, 0.99f) << name;
    EXPECT_FALSE(matched_by(m, MatchHow::initial)) << name;
  }
  // The acronym still meets the name written out.
  EXPECT_TRUE(matched_by(screener_->compare("CARDC",
                                            "China Aerodynamics Research and Development "
                                            "Center",
                                            EntityType::organization, session_),
                         MatchHow::initial));
}

// A Chinese brand of up to four syllables that a list writes apart (the EU's "Shen Zhen You Bang
// Shi Da Freight Forwarding"), against the same brand read from its characters as one run.
TEST_F(ScreeningTest, FourSyllablesWrittenApartMeetTheirRun) {
  const NameMatch m = screener_->compare("深圳友邦仕达货运代理有限公司",
                                         "Shen Zhen You Bang Shi Da Freight Forwarding Co. Ltd.",
                                         EntityType::organization, session_);
  EXPECT_GT(m.score, 0.9f);
  EXPECT_TRUE(matched_by(m, MatchHow::joined));
  // Five are not joined: the span ends at four.
  EXPECT_LT(
      screener_->compare("abcdefghij", "ab cd ef gh ij", EntityType::organization, session_).score,
      0.8f);
}

TEST_F(ScreeningTest, TwoWordsWrittenTogetherWithATypo) {
  const NameMatch m = screener_->compare("FridrichBuchenberg", "Friedrich Buchenberg",
                                         EntityType::person, session_);
  EXPECT_GT(m.score, 0.9f);
  EXPECT_TRUE(matched_by(m, MatchHow::joined));
  // Two query words against one list word are not read so: a code and a common word would meet
  // brands a letter from them.
  EXPECT_LT(
      screener_->compare("Eze Components Inc.", "Elecomponents", EntityType::organization, session_)
          .score,
      0.8f);
  // Pinyin is exact: 张伟 "zhangwei" is not Zhang Lei.
  EXPECT_LT(screener_->compare("张伟", "ZHANG, Lei", EntityType::person, session_).score, 0.8f);
  // Through the index: a listed name written without a space and a plural made singular.
  ScreenQuery q;
  q.name = "MAPUTO SHOPPINGCENTRE";
  const ScreenResult r = screener_->screen(q, ScreenOptions{}, session_);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits.front().matched_name(), "MAPUTO SHOPPING CENTRE");
}

TEST_F(ScreeningTest, AMissingFamilyNameCountsInFullAMissingMiddleNameDoesNot) {
  const float middle =
      screener_
          ->compare("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", EntityType::person, session_)
          .score;
  const float family = screener_
                           ->compare("Vladimir Vladimirovich", "PUTIN, Vladimir Vladimirovich",
                                     EntityType::person, session_)
                           .score;
  EXPECT_GT(middle, 0.85f);
  EXPECT_LT(family, 0.8f);
}

TEST_F(ScreeningTest, AChinesePersonalNameMakesTheQueryAPerson) {
  // 李娜 (Li Na) spelled "lina" is a letter from the vessel LINDA: as a person against a vessel,
  // the name alone is no longer a hit.
  ScreenQuery q;
  q.name = "李娜";
  ScreenOptions options;
  EXPECT_TRUE(screener_->screen(q, options, session_).hits.empty());
  options.threshold = 0.5f;
  bool vessel_seen = false;
  for (const Hit& h : screener_->screen(q, options, session_).hits) {
    if (h.entity->type != EntityType::vessel) continue;
    vessel_seen = true;
    const auto type = std::find_if(h.evidence.begin(), h.evidence.end(),
                                   [](const Evidence& e) { return e.feature == "type"; });
    ASSERT_NE(type, h.evidence.end()) << h.entity->id;
    EXPECT_NE(type->detail.find("Chinese personal name: surname 李"), std::string::npos)
        << type->detail;
  }
  EXPECT_TRUE(vessel_seen);
}

TEST_F(ScreeningTest, ASingleMatchedNameLeavesNoMiddleName) {
  // With one name matched, the other may be the given name as well as a middle name.
  EXPECT_LT(screener_->compare("Ahmed Hassan", "Hassan", EntityType::person, session_).score, 0.8f);
  EXPECT_GT(screener_->compare("Ahmed Hassan", "AHMED MAHMOUD HASSAN", EntityType::person, session_)
                .score,
            0.8f);
}

TEST_F(ScreeningTest, AFamilyNameTwoLettersApartWhenTheRestAgrees) {
  for (const auto& [a, b] :
       {std::pair{"Keir Starkey", "Keir Starmer"}, std::pair{"Angela Merkur", "Angela Merkel"},
        std::pair{"MERKUR, Angela", "Angela Merkel"}}) {
    const NameMatch m = screener_->compare(a, b, EntityType::person, session_);
    EXPECT_GT(m.score, 0.8f) << a << " / " << b;
    EXPECT_TRUE(std::any_of(
        m.alignments.begin(), m.alignments.end(),
        [](const TokenAlignment& t) { return t.how == MatchHow::fuzzy && t.edits == 2; }))
        << a << " / " << b;
  }
  // Not a given name, not a short name, not another first letter, not with a name left over, not
  // an organisation's word.
  expect_below({{"Salma Ahmed", "Salim Ahmed"},
                {"Ahmed Khaja", "Ahmed Khan"},
                {"Keir Btarkey", "Keir Starmer"},
                {"Keir Rodney Starkey", "Keir Starmer"}},
               EntityType::person);
  EXPECT_LT(
      screener_->compare("Keir Starkey", "Keir Starmer", EntityType::organization, session_).score,
      0.8f);
  // The index finds such a name for a screen as the scorer rates it.
  ScreenQuery q;
  q.name = "Abdul Rahman Yasinov";
  q.type = EntityType::person;
  const ScreenResult r = screener_->screen(q, ScreenOptions{}, session_);
  EXPECT_FALSE(r.hits.empty());
}

TEST_F(ScreeningTest, ALongNameCutShortEndsInTheStartOfAWord) {
  // 35 characters, a SWIFT line: the family name was cut after two letters.
  const NameMatch m =
      screener_->compare("NOUREDDINE BEN ALI BEN BELKASSEM DR",
                         "Noureddine Ben Ali Ben Belkassem DRISSI", EntityType::person, session_);
  EXPECT_GT(m.score, 0.8f);
  EXPECT_TRUE(matched_by(m, MatchHow::cut));
  // A short name is whole as written.
  EXPECT_FALSE(matched_by(screener_->compare("Ahmed Al", "Ahmed Ali", EntityType::person, session_),
                          MatchHow::cut));
  // Through the index as well.
  ScreenQuery q;
  q.name = "VIETNAM-RUSSIA JOINT VENTURE BAN";
  const ScreenResult r = screener_->screen(q, ScreenOptions{}, session_);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits.front().matched_name(), "VIETNAM-RUSSIA JOINT VENTURE BANK");
}

TEST_F(ScreeningTest, ANicknameIsItsNameForPeopleOnly) {
  for (const auto& [a, b] : {std::pair{"Bill Clinton", "William Jefferson Clinton"},
                             std::pair{"Sasha Ivanov", "Aleksandr Ivanov"},
                             std::pair{"Theodore Kaczynski", "Ted Kaczynski"}}) {
    const NameMatch m = screener_->compare(a, b, EntityType::person, session_);
    EXPECT_GT(m.score, 0.8f) << a << " / " << b;
    EXPECT_TRUE(matched_by(m, MatchHow::nickname)) << a << " / " << b;
  }
  const NameMatch firm =
      screener_->compare("Bill Trading", "William Trading", EntityType::organization, session_);
  EXPECT_FALSE(matched_by(firm, MatchHow::nickname));
}

TEST_F(ScreeningTest, TransliterationVariantsOfAPersonsNameSoundAlike) {
  for (const auto& [a, b] : {std::pair{"Saddam Husayn", "Saddam Hussein"},
                             std::pair{"Volodimir Zelenskiy", "Volodymyr Zelenskyy"},
                             std::pair{"Osama bin Laden", "Usama bin Ladin"}}) {
    const NameMatch m = screener_->compare(a, b, EntityType::person, session_);
    EXPECT_GT(m.score, 0.8f) << a << " / " << b;
    // Spellings the given-name table lists (Husayn / Hussein, Osama / Usama) are its equivalents.
    EXPECT_TRUE(matched_by(m, MatchHow::phonetic) || matched_by(m, MatchHow::equivalent))
        << a << " / " << b;
  }
  // Short names have too few letters to sound alike; organisations' words are not transliterated.
  EXPECT_LT(screener_->compare("Olga Barynova", "Oleg Baranov", EntityType::person, session_).score,
            0.8f);
  EXPECT_LT(
      screener_->compare("Hitachi Ltd", "Hitech Corporation", EntityType::organization, session_)
          .score,
      0.8f);
}

TEST_F(ScreeningTest, ChineseNamesInAnotherRomanisation) {
  auto how_matched = [&](const char* a, const char* b, EntityType type) {
    const NameMatch m = screener_->compare(a, b, type, session_);
    EXPECT_GT(m.score, 0.8f) << a << " / " << b;
    return matched_by(m, MatchHow::romanization);
  };
  EXPECT_TRUE(how_matched("Hsi Chin-ping", "Xi Jinping", EntityType::person));
  EXPECT_TRUE(how_matched("Mao Tse-tung", "Mao Zedong", EntityType::person));
  EXPECT_TRUE(how_matched("习近平", "Hsi Chin-ping", EntityType::person));
  EXPECT_TRUE(how_matched("中山科学研究院", "Chung-Shan Institute of Science and Technology",
                          EntityType::organization));
  // Only between names read wholly as Chinese, or from Han text: "Dan" is not "Tan", and one
  // syllable ("Kia", the acronym "GIA") says nothing of the language.
  EXPECT_FALSE(
      matched_by(screener_->compare("Dan Smith", "Tan Smith", EntityType::person, session_),
                 MatchHow::romanization));
  EXPECT_LT(screener_->compare("Kia Corporation", "GIA", EntityType::organization, session_).score,
            0.8f);
  // That the index reaches what the scorer matches is IndexLosesNoHitAgainstBruteForce's part
  // (its queries include these names).
}

TEST_F(ScreeningTest, TwoLettersWrittenAsLettersAreAnAcronym) {
  const NameMatch m =
      screener_->compare("U.S. Department of State", "United States Department of State",
                         EntityType::organization, session_);
  EXPECT_GT(m.score, 0.8f);
  EXPECT_TRUE(std::any_of(m.alignments.begin(), m.alignments.end(), [](const TokenAlignment& t) {
    return t.how == MatchHow::initial && t.name_tokens.size() == 2;
  }));
  // Written as a word, two letters are not initials: "Al" is not "Arab League".
  const NameMatch word = screener_->compare("Al Rashid Trading", "Arab League Rashid Trading",
                                            EntityType::organization, session_);
  EXPECT_FALSE(matched_by(word, MatchHow::initial));
}

TEST_F(ScreeningTest, AnotherSeriesNumberIsTheSameFamily) {
  // Two series numbers that differ name funds or trusts of one family.
  expect_above({{"Blackstone Capital Partners VII L.P.", "Blackstone Capital Partners VIII L.P."},
                {"Goldman Sachs Capital Partners V L.P.", "Goldman Sachs Capital Partners VI L.P."},
                {"Citigroup Capital Trust XV", "Citigroup Capital Trust XX"}},
               EntityType::organization);
  // A number on one side only may be all that tells a name of common words; ordinals and number
  // words name units and firms, not issues.
  expect_below({{"Management Company 23", "Management Company"},
                {"First Systems LLC", "E and I Systems FZE"},
                {"CSSC 24th Research Institute", "CSSC 12th Research Institute"}},
               EntityType::organization);
}

TEST_F(ScreeningTest, APlaceAfterTheNameIsAFirmOfTheGroup) {
  expect_above({{"Faberlic", "FABERLIC EUROPE Sp. z o.o."},
                {"Deutsche Bank AG", "Deutsche Bank (Schweiz) AG"},
                {"Huawei Technologies Co., Ltd.", "Huawei Technologies (UK) Co., Ltd."}},
               EntityType::organization);
  // Before the words matched, the place names the group; against another place, or with a word of
  // the other name left over, it tells two firms apart.
  expect_below({{"United Marine Corporation", "Japan Marine United Corporation"},
                {"International Trading Company Limited", "Asia International Trading Company"},
                {"Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited"},
                {"Kang & Green Industries B.V.", "Green Industries Hong Kong Limited"}},
               EntityType::organization);
}

TEST_F(ScreeningTest, ALetterApartInArabicScriptIsAnotherName) {
  // محمود (Mahmoud) and محمد (Muhammad) differ by one letter of the script, a long vowel.
  EXPECT_LT(screener_->compare("أحمد محمود", "محمد احمدی", EntityType::person, session_).score,
            0.8f);
  // Cyrillic writes every vowel: one letter apart is still a typo.
  EXPECT_GT(
      screener_->compare("Владимир Пулин", "Владимир Путин", EntityType::person, session_).score,
      0.8f);
}

TEST_F(ScreeningTest, ASyllableApartInHangulIsAnotherName) {
  // 김정은 (Jeong-eun) and 김종은 (Jong-eun) differ by one vowel of one syllable: two names.
  EXPECT_LT(screener_->compare("김종은", "김정은", EntityType::person, session_).score, 0.8f);
  EXPECT_LT(screener_->compare("이재형", "이재명", EntityType::person, session_).score, 0.8f);
  EXPECT_GT(screener_->compare("김정은", "김정은", EntityType::person, session_).score, 0.95f);
  // Romanised, a letter apart is still a typo.
  EXPECT_GT(screener_->compare("Kim Joonng-un", "Kim Jong-un", EntityType::person, session_).score,
            0.8f);
}

TEST_F(ScreeningTest, HanNamesThatReadAlikeAreTwoNames) {
  // 高市 and 高石 are both "gaoshi" in pinyin.
  EXPECT_LT(screener_->compare("高石早苗", "高市早苗", EntityType::person, session_).score, 0.8f);
  // Traditional and simplified characters are one spelling; pinyin meets a Latin spelling.
  EXPECT_GT(screener_->compare("華為技術", "华为技术", EntityType::organization, session_).score,
            0.95f);
  EXPECT_GT(screener_->compare("高市早苗", "Gaoshi Zaomiao", EntityType::person, session_).score,
            0.95f);
}

TEST_F(ScreeningTest, AbdNamesInAnySpelling) {
  for (const char* written : {"Abdul Rahman Yasin", "Abdulrahman Yasin", "Abdurrahman Yasin"}) {
    EXPECT_GT(
        screener_->compare(written, "ABD AL-RAHMAN YASIN", EntityType::person, session_).score,
        0.95f)
        << written;
  }
}

TEST_F(ScreeningTest, ForebearsInALineageMayBeLeftOut) {
  // The names after bin are the father's and grandfather's: a short form leaves them out.
  EXPECT_GT(screener_
                ->compare("Osama bin Laden", "Usama bin Muhammad bin Awad BIN LADIN",
                          EntityType::person, session_)
                .score,
            0.8f);
  // The first name of the chain is the person's own and counts in full: "Muhammad Ladin" may be
  // the father, and scores well below "Usama Ladin".
  const float own =
      screener_
          ->compare("Usama Ladin", "Usama bin Muhammad BIN LADIN", EntityType::person, session_)
          .score;
  const float father =
      screener_
          ->compare("Muhammad Ladin", "Usama bin Muhammad BIN LADIN", EntityType::person, session_)
          .score;
  EXPECT_GT(own, 0.9f);
  EXPECT_LT(father, own - 0.1f);
}

TEST_F(ScreeningTest, ASonIsNotHisFather) {
  EXPECT_LT(screener_
                ->compare("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI",
                          EntityType::person, session_)
                .score,
            0.8f);
  EXPECT_GT(
      screener_->compare("Osama bin Laden", "Usama ibn Laden", EntityType::person, session_).score,
      0.8f);
}

// A query of words that only say what kind of organisation it is names no one: "Holdings SARL"
// met ELLISSA SAL (HOLDING) through the list's "(HOLDING)".
TEST_F(ScreeningTest, LegalFormsAndKindWordsAloneFindNoOne) {
  for (const char* name : {"Holdings SARL", "PT Holdings SARL", "Group Ltd", "Holding Company",
                           "Groupe Holding SARL"}) {
    ScreenQuery q;
    q.name = name;
    EXPECT_TRUE(screener_->screen(q, {}, session_).hits.empty()) << name;
  }
  // A listed name of such words alone is still found as written.
  EXPECT_GT(screener_
                ->compare("Enterprise Holdings", "ENTERPRISE HOLDINGS", EntityType::organization,
                          session_)
                .score,
            0.8f);
  // With a word of its own the kind word still counts.
  EXPECT_GT(
      screener_
          ->compare("Ellissa Holding", "ELLISSA SAL (HOLDING)", EntityType::organization, session_)
          .score,
      0.8f);
}

// Two numbers a digit apart are two numbers, not a typo: PLA Unit 61398 is not Unit 61399. (A
// family's series numbers still weigh little: ARAMOUN 1507 SAL and 1506 SAL are one family.)
TEST_F(ScreeningTest, NumbersADigitApartAreTwoNumbers) {
  auto score = [&](const char* a, const char* b) {
    return screener_->compare(a, b, EntityType::organization, session_).score;
  };
  EXPECT_LT(score("PLA Unit 61398", "PLA Unit 61399"), 0.8f);
  EXPECT_LT(score("PLA Unit 61398", "PLA Unit 61389"), 0.8f);
  EXPECT_GE(score("PLA Unit 61398", "People's Liberation Army Unit 61398"), 0.8f);
  EXPECT_GE(score("Aramoun 1506 S.A.L.", "ARAMOUN 1506 SAL"), 0.8f);
}

TEST_F(ScreeningTest, PlaceAdjectivesMeetThePlace) {
  auto score = [&](const char* a, const char* b) {
    return screener_->compare(a, b, EntityType::organization, session_).score;
  };
  EXPECT_GE(score("Kazan Helicopter Plant", "KAZANSKIY VERTOLETNYY ZAVOD"), 0.8f);
  EXPECT_GE(score("JSC Murom Instrument-Making Plant",
                  "Акционерное общество «Муромский приборостроительный завод»"),
            0.8f);
  EXPECT_LT(score("Sven Handelsbanken AB", "Svenska Handelsbanken AB"), 0.8f);
  EXPECT_LT(score("Rossi Electronics LLP", "Rossiyskaya Elektronika"), 0.8f);
  EXPECT_LT(score("Sergei Kazansky", "Kazan Helicopter Plant"), 0.8f);
}

TEST_F(ScreeningTest, NumberedUnits) {
  // A state group's unit named by its number meets the list's name that opens with the group
  // (match/numbered_unit.h); another number, another group or the group alone does not.
  auto score = [&](const char* a, const char* b) {
    return screener_->compare(a, b, EntityType::organization, session_).score;
  };
  const char* cssc_760 =
      "China State Shipbuilding Corporation, Limited (CSSC) 760th Research Institut";
  EXPECT_GE(score("760th Research Institute", cssc_760), 0.8f);
  EXPECT_GE(score("第七六〇研究所", cssc_760), 0.8f);
  EXPECT_GE(score("Unit 61398", "People's Liberation Army Unit 61398"), 0.8f);
  const char* cetc_14 =
      "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)";
  EXPECT_GE(score("中国电子科技集团公司第十四研究所", cetc_14), 0.8f);
  // The list's acronym for the query's group written out.
  EXPECT_GE(score("China Electronics Technology Group Corporation 32nd Research Institute",
                  "CETC Research Institute 32"),
            0.8f);
  // A brand before the unit names another firm, on either side.
  EXPECT_LT(score("Zorblat Research Institute 14", cetc_14), 0.8f);
  EXPECT_LT(score("Acme Widgets Unit 110", "UNIT 110"), 0.8f);
  EXPECT_LT(score("Plant 2", "LIMITED LIABILITY COMPANY ELGA FACTORIES 2"), 0.8f);
  EXPECT_LT(score("CSSC 701st Research Institute", cssc_760), 0.8f);
  EXPECT_LT(score("CETC 760 Institute", cssc_760), 0.8f);
  EXPECT_LT(score("CASC 12th Research Institute",
                  "China State Shipbuilding Corporation, Limited (CSSC) 12th Research Institute"),
            0.8f);
  EXPECT_LT(score("China State Shipbuilding Corporation", cssc_760), 0.8f);
  EXPECT_LT(score("CASC 1st Academy",
                  "China Aerospace Science and Technology Corporation (CASC) 1st Academy 702 "
                  "Research Institute"),
            0.8f);
  EXPECT_LT(score("13th Research Institute",
                  "China Electronics Technology Group Corporation 13th Research Institute (CETC "
                  "13). Subordinate Institution - Hebei Sinopack Electronics"),
            0.8f);
}

TEST_F(ScreeningTest, ALegalFormMakesTheQueryAnOrganisation) {
  ScreenQuery q;
  q.name = "Sunrise Trading Co., Ltd.";
  ScreenOptions options;
  options.threshold = 0.5f;
  const ScreenResult result = screener_->screen(q, options, session_);
  bool vessel_seen = false;
  for (const Hit& h : result.hits) {
    if (h.entity->type != EntityType::vessel) continue;
    vessel_seen = true;
    const auto type = std::find_if(h.evidence.begin(), h.evidence.end(),
                                   [](const Evidence& e) { return e.feature == "type"; });
    ASSERT_NE(type, h.evidence.end()) << h.entity->id;
    EXPECT_LT(type->delta, -0.1f);
    EXPECT_NE(type->detail.find("legal form"), std::string::npos) << type->detail;
  }
  EXPECT_TRUE(vessel_seen);
}

// A session outlives a snapshot reload (the server keeps one per worker thread): what it cached
// for one index must never answer for another, where the same words have other term numbers.
TEST(ScreenSessionTest, ASessionReusedAcrossIndexesAnswersForTheCurrentOne) {
  auto index_of = [](std::vector<std::string> names) {
    auto snapshot = std::make_shared<Snapshot>();
    for (size_t i = 0; i < names.size(); ++i) {
      Entity e;
      e.id = fmt::format("t:{}", i);
      e.type = EntityType::organization;
      e.name = names[i];
      snapshot->entities.push_back(std::move(e));
    }
    return std::shared_ptr<const NameIndex>(NameIndex::build(snapshot));
  };
  const Screener first(index_of({"Rosoboronexport", "Sberbank", "Almaz Antey"}));
  const Screener second(index_of({"Almaz Antey", "Rostec", "Rosoboronexport Trading"}));
  ScreenQuery q;
  q.name = "Rosoboroneksport";  // fuzzy: two edits from the listed word
  ScreenOptions options;
  options.threshold = 0.5f;
  ScreenSession reused, fresh;
  ASSERT_EQ(first.screen(q, options, reused).hits.size(), 1u);
  const ScreenResult again = second.screen(q, options, reused);
  const ScreenResult expected = second.screen(q, options, fresh);
  ASSERT_EQ(again.hits.size(), 1u);
  ASSERT_EQ(expected.hits.size(), 1u);
  EXPECT_EQ(again.hits[0].entity->id, "t:2");
  EXPECT_FLOAT_EQ(again.hits[0].score, expected.hits[0].score);
  EXPECT_EQ(again.hits[0].match.alignments[0].how, MatchHow::fuzzy);
}

// A score is a float sum of weights: the same pair of names scores 0.8 as 0.79999995 or as
// 0.80000001 as the lists' other words move the weights, and a hit at the threshold came and went
// with unrelated list changes. A score within float rounding of the threshold meets it; one a
// thousandth under it does not.
TEST(ScreenThresholdTest, AScoreWithinFloatRoundingOfTheThresholdMeetsIt) {
  EXPECT_TRUE(meets_threshold(0.79999995f, 0.8f));
  EXPECT_TRUE(meets_threshold(0.8f, 0.8f));
  EXPECT_FALSE(meets_threshold(0.7999f, 0.8f));
  auto snapshot = std::make_shared<Snapshot>();
  for (const char* name : {"Benny Gantz", "Gadi Eizenkot", "Arye Deri"}) {
    Entity e;
    e.id = fmt::format("t:{}", snapshot->entities.size());
    e.type = EntityType::person;
    e.name = name;
    snapshot->entities.push_back(std::move(e));
  }
  const Screener screener(std::shared_ptr<const NameIndex>(NameIndex::build(snapshot)));
  ScreenSession session;
  ScreenQuery q;
  q.name = "Beni Ganz";
  ScreenOptions options;
  options.threshold = 0.3f;
  const ScreenResult found = screener.screen(q, options, session);
  ASSERT_EQ(found.hits.size(), 1u);
  const float score = found.hits[0].score;
  options.threshold = score + 4e-6f;  // the score, rounded the other way
  EXPECT_EQ(screener.screen(q, options, session).hits.size(), 1u) << score;
  options.threshold = score + 1e-3f;
  EXPECT_EQ(screener.screen(q, options, session).hits.size(), 0u) << score;
}

// A near score (what monitoring keeps to know how near the threshold a subject came) bounds the
// best score under the threshold, evidence included, and is no looser than that for a name scored
// in full: a subject whose country the party lacks scores that party 0.05 under its name score,
// not the 0.03 over it a country could add. Parts of three listed names, queried from elsewhere.
TEST(NearScoreTest, ANameScoredInFullCountsItsRecordsEvidence) {
  auto snapshot = std::make_shared<Snapshot>();
  for (const char* name : {"Mohammad Reza Karimi Nasab", "Hossein Ali Moradi Tehrani",
                           "Gholam Hossein Shafiei Zand"}) {
    Entity e;
    e.id = fmt::format("t:{}", snapshot->entities.size());
    e.type = EntityType::person;
    e.name = name;
    e.nationalities = {"IR"};
    snapshot->entities.push_back(std::move(e));
  }
  const Screener screener(std::shared_ptr<const NameIndex>(NameIndex::build(snapshot)));
  ScreenSession session;
  ScreenOptions every;
  every.threshold = 0.0001f;
  every.limit = 100;
  ScreenOptions with_near;
  with_near.threshold = 0.8f;
  with_near.near_floor = 0.75f;
  size_t in_band = 0;
  for (const Entity& e : snapshot->entities) {
    const std::vector<std::string> words = split_trimmed(e.name, " ");
    // Each word in turn left out, or written as another name's word; other names' words added.
    std::vector<std::vector<std::string>> variants;
    for (size_t skip = 0; skip < words.size(); ++skip) {
      std::vector<std::string> left_out, replaced = words;
      for (size_t k = 0; k < words.size(); ++k)
        if (k != skip) left_out.push_back(words[k]);
      replaced[skip] = "Bagheri";
      variants.push_back(left_out);
      variants.push_back(replaced);
    }
    for (const auto& added :
         {std::vector<std::string>{"Bagheri"}, std::vector<std::string>{"Bagheri", "Jafari"},
          std::vector<std::string>{"Bagheri", "Jafari", "Sadeghi"},
          std::vector<std::string>{"Bagheri", "Jafari", "Sadeghi", "Rahimi"},
          std::vector<std::string>{"Bagheri", "Jafari", "Sadeghi", "Rahimi", "Hashemi"}}) {
      variants.push_back(words);
      variants.back().insert(variants.back().end(), added.begin(), added.end());
    }
    for (const std::vector<std::string>& kept : variants) {
      ScreenQuery q;
      q.name = join(kept, " ");
      q.type = EntityType::person;
      float name_score = 0;  // the best, no evidence: no country asked
      for (const Hit& h : screener.screen_all_names(q, every, session).hits)
        name_score = std::max(name_score, h.score);
      q.country = "DE";
      float best_under = 0;
      for (const Hit& h : screener.screen_all_names(q, every, session).hits)
        if (!meets_threshold(h.score, 0.8f)) best_under = std::max(best_under, h.score);
      const ScreenResult found = screener.screen(q, with_near, session);
      EXPECT_GE(found.near + 1e-6f, best_under) << q.name;
      // Names under the floor are bounded by what every name is credited, up to the floor plus
      // the most evidence could add (0.75); a name scored in full by its score and evidence.
      EXPECT_LE(found.near, std::max(best_under, 0.75f) + 1e-4f) << q.name << " " << name_score;
      in_band += name_score > 0.725f && name_score < 0.77f;
    }
  }
  EXPECT_GT(in_band, 0u);  // a name scored under the hit path, where the evidence was granted
}

// A batch row's JSON text (what the JSON Lines output and a recorded batch keep) is exactly the
// dump of the row's JSON, for rows with hits of every kind the real lists give: parties of one
// record and of several, aliases, names Clearance added (their source), readings of other scripts,
// country, date-of-birth and identifier evidence, and a party met again and again.
TEST_F(ScreeningTest, ABatchRowsTextIsTheDumpOfItsJsonOnTheRealLists) {
  const Snapshot& snapshot = index_->snapshot();
  std::vector<BatchRow> rows;
  auto add = [&](std::string name, std::string country = "", std::string dob = "",
                 std::string identifier = "", EntityType type = EntityType::unknown) {
    BatchRow row;
    row.id = fmt::format("r{}", rows.size());
    row.line = rows.size() + 2;
    row.query.name = std::move(name);
    row.query.country = std::move(country);
    row.query.date_of_birth = std::move(dob);
    row.query.identifier = std::move(identifier);
    row.query.type = type;
    rows.push_back(std::move(row));
  };
  // Every 25th record's name, then an alias of it with a letter dropped and the record's own
  // evidence; every party thus met more than once.
  for (size_t k = 0; k < snapshot.entities.size(); k += 25) {
    const Entity& e = snapshot.entities[k];
    add(e.name);
    const std::string& alias = e.aliases.empty() ? e.name : e.aliases.back().name;
    std::string cut = alias;  // a letter dropped from its middle where that is a Latin letter
    if (cut.size() > 8 && std::isalpha(static_cast<unsigned char>(cut[cut.size() / 2])))
      cut.erase(cut.size() / 2, 1);
    add(cut, e.addresses.empty() ? "" : e.addresses.front().country,
        e.dates_of_birth.empty() ? "" : e.dates_of_birth.front(),
        e.identifiers.empty() ? "" : e.identifiers.front().number, e.type);
  }
  for (const char* name :
       {"华为技术有限公司", "金正恩", "山口組", "Владимир Путин", "محمد جواد ظریف",
        "Huawei Technologies", "Example \"quoted\" Trading\tCo"})
    add(name);
  // Each row's dump, then its text through one writer shared by two threads (as a batch's
  // threads share it) and through none.
  std::vector<ScreenResult> results;
  std::vector<std::string> dumps;
  ScreenSession session;
  for (const BatchRow& row : rows) {
    results.push_back(screener_->screen(row.query, {}, session));
    dumps.push_back(batch_row_to_json(row, results.back(), *screener_, "snap").dump());
  }
  const HitTextWriter writer(*screener_);
  std::vector<std::string> texts(rows.size());
  auto write = [&](size_t first) {
    for (size_t k = first; k < rows.size(); k += 2)
      texts[k] = batch_row_text(rows[k], results[k], *screener_, "snap", &writer);
  };
  std::thread other(write, 1);
  write(0);
  other.join();
  size_t with_hits = 0;
  for (size_t k = 0; k < rows.size(); ++k) {
    with_hits += !results[k].hits.empty();
    ASSERT_EQ(texts[k], dumps[k]) << rows[k].query.name;
    ASSERT_EQ(batch_row_text(rows[k], results[k], *screener_, "snap"), dumps[k]);
  }
  EXPECT_GE(with_hits, rows.size() / 2);
  EXPECT_GT(with_hits, 1000u);
}

}  // namespace
}  // namespace clearance
