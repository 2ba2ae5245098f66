// The rulebook checked against the official tables in ../shared/data/regs, and the classifier's
// edge cases: thresholds met exactly, sparse and unknown-density figures, missing die area,
// planar-only dies, bad spec files.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "clearance/lists/importer.h"
#include "clearance/model/country_codes.h"
#include "clearance/rules/classifier.h"
#include "clearance/rules/entry_policy.h"
#include "clearance/rules/license_check.h"
#include "test_support.h"

namespace clearance::rules {
namespace {

using nlohmann::json;

json read_json(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

// Official country names → ISO codes, with the spellings the eCFR tables use.
std::string iso(CountryResolver& resolver, const std::string& name) {
  if (name == "China (PRC)" || name == "China") return "CN";
  if (name == "Congo (Democratic Republic of)" || name == "Congo (Democratic Republic of the)")
    return "CD";
  if (name == "South Sudan, Republic of") return "SS";
  if (name == "Seycheles") return "SC";
  if (name.rfind("Sint Maarten", 0) == 0) return "SX";
  if (name == "Micronesia (Federated State of)") return "FM";
  std::string code = resolver.resolve(name);
  if (code.empty()) {  // ICU spells some names with "&"
    std::string amp = name;
    if (auto at = amp.find(" and "); at != std::string::npos) amp.replace(at, 5, " & ");
    code = resolver.resolve(amp);
  }
  return code;
}

TEST(Rulebook, CountryGroupsMatchTheOfficialTableOnItsDate) {
  const std::string path = test::shared("regs/country-groups.json");
  REQUIRE_SHARED_FILE(path);
  const json official = read_json(path);
  const Rulebook& book = Rulebook::builtin();
  ASSERT_EQ(book.groups.as_of, official.at("ecfrIssueDate").get<std::string>());
  CountryResolver resolver;
  for (const auto& [group, members] : book.groups.members) {
    std::set<std::string> expected;
    for (const json& name : official.at("groups").at(group)) {
      const std::string code = iso(resolver, name.get<std::string>());
      ASSERT_FALSE(code.empty()) << name;
      expected.insert(code);
    }
    EXPECT_EQ(members, expected) << group;
  }
}

TEST(Rulebook, DatedGroupChangesAndSpecialDestinations) {
  const Rulebook& book = Rulebook::builtin();
  // The UAE moved from D:3/D:4 to A:5 on 2026-07-10.
  EXPECT_TRUE(book.groups.in("AE", "D:4", "2026-07-09"));
  EXPECT_FALSE(book.groups.in("AE", "A:5", "2026-07-09"));
  EXPECT_TRUE(book.groups.in("AE", "A:5", "2026-07-10"));
  EXPECT_TRUE(book.groups.d_scope("AE", "2025-06-01"));
  EXPECT_FALSE(book.groups.d_scope("AE", "2026-08-01"));
  // Macau is not in D:5 but every advanced-computing rule names it; Hong Kong is China.
  EXPECT_FALSE(book.groups.in("MO", "D:5", "2026-01-01"));
  EXPECT_TRUE(book.groups.macau_or_d5("MO", "2026-01-01"));
  EXPECT_TRUE(book.groups.in("HK", "D:5", "2026-01-01"));
  // D-scope excludes destinations also in A:5/A:6 (Israel, Taiwan) and India is outside.
  EXPECT_FALSE(book.groups.d_scope("IL", "2026-01-01"));
  EXPECT_FALSE(book.groups.d_scope("TW", "2026-01-01"));
  EXPECT_FALSE(book.groups.d_scope("IN", "2026-01-01"));
  EXPECT_TRUE(book.groups.d_scope("KZ", "2026-01-01"));
}

TEST(Rulebook, CountryChartColumnsMatchTheOfficialChartForEveryCountry) {
  const std::string path = test::shared("regs/country-chart.json");
  REQUIRE_SHARED_FILE(path);
  const json official = read_json(path);
  const Rulebook& book = Rulebook::builtin();
  CountryResolver resolver;
  size_t checked = 0;
  for (const auto& [name, row] : official.at("countries").items()) {
    const std::string code = iso(resolver, name);
    ASSERT_FALSE(code.empty()) << name;
    std::set<std::string> marks;
    for (const json& m : row.at("marks")) marks.insert(m.get<std::string>());
    for (const auto& [column, except] : book.chart.all_except) {
      EXPECT_EQ(book.chart.has_x(column, code), marks.count(column) > 0) << name << " " << column;
      ++checked;
    }
  }
  EXPECT_GT(checked, 900u);
  for (const auto& [name, pointer] : official.at("embargoed").items())
    EXPECT_TRUE(book.chart.embargoed.count(iso(resolver, name))) << name;
}

TEST(Rulebook, AMalformedRulebookNamesTheField) {
  auto bad = Rulebook::parse(R"({"version": "x", "law_as_of": "2026-13-01"})", "book.json");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("book.json: $.law_as_of"), std::string::npos)
      << bad.error().message;
  auto not_json = Rulebook::parse("{", "book.json");
  ASSERT_FALSE(not_json);
  EXPECT_NE(not_json.error().message.find("not valid JSON"), std::string::npos);
  // A number beyond a double's range is an error of the file, not a crash.
  auto huge = Rulebook::parse(R"({"version": 1e99999})", "book.json");
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().message.find("book.json: not valid JSON"), std::string::npos)
      << huge.error().message;
}

const ChipSpec& catalog_chip(const char* name) {
  auto found = ChipCatalog::builtin().find(name);
  if (!found) throw std::runtime_error(found.error().message);
  return *found.value();
}

ChipSpec spec(const std::string& json_text) {
  auto s = parse_chip_spec(json_text, "spec");
  EXPECT_TRUE(s) << (s ? "" : s.error().message);
  return s ? s.value() : ChipSpec{};
}

Classification run(const ChipSpec& chip, const std::string& date) {
  ClassifyOptions o;
  o.date = date;
  return classify(chip, o, Rulebook::builtin());
}

TEST(Classifier, ThresholdsMetExactlyCount) {
  // TPP exactly 4800 is .a (the test is "4800 or more").
  auto c = run(
      spec(R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":600}],
                        "dies":[{"name":"d","area_mm2":2000}]})"),
      "2024-01-01");
  EXPECT_EQ(c.eccn, "3A090.a");
  EXPECT_EQ(c.paragraph, "a.1");
  // PD exactly 5.92 with TPP ≥ 1600 is .a by a.2.
  c = run(
      spec(
          R"({"name":"x","datacenter":true,"throughput":[{"precision":"FP16","bits":16,"tops":148}],
                   "dies":[{"name":"d","area_mm2":400}]})"),
      "2024-01-01");
  EXPECT_EQ(c.eccn, "3A090.a");  // TPP 2368, PD 2368/400 = 5.92 exactly → a.2
  // TPP exactly 2400 with PD exactly 1.6 is .b by b.1.
  c = run(
      spec(R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":300}],
                   "dies":[{"name":"d","area_mm2":1500}]})"),
      "2024-01-01");
  EXPECT_EQ(c.eccn, "3A090.b");
  EXPECT_EQ(c.paragraph, "b.1");
}

TEST(Classifier, PerformanceDensityAtTheA2Boundary) {
  auto c = run(
      spec(R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":296}],
                        "dies":[{"name":"d","area_mm2":400}]})"),
      "2024-01-01");
  EXPECT_NEAR(*c.pd, 5.92, 1e-9);
  EXPECT_EQ(c.eccn, "3A090.a");
  EXPECT_EQ(c.paragraph, "a.2");
}

TEST(Classifier, MissingDieAreaIsReportedNotGuessed) {
  // TPP between 1600 and 4800: PD decides, and the die area is unknown.
  auto c = run(
      spec(
          R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":300}]})"),
      "2024-01-01");
  EXPECT_FALSE(c.decided);
  EXPECT_TRUE(c.eccn.empty());
  ASSERT_FALSE(c.missing.empty());
  EXPECT_NE(c.missing[0].find("die area"), std::string::npos);
  // TPP ≥ 4800 decides without it.
  c = run(
      spec(
          R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":700}]})"),
      "2024-01-01");
  EXPECT_TRUE(c.decided);
  EXPECT_EQ(c.eccn, "3A090.a");
}

TEST(Classifier, OnlyPlanarDiesLeaveThePdProngsUnmet) {
  auto c = run(
      spec(R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":300}],
                        "dies":[{"name":"d","area_mm2":100,"nonplanar":false}]})"),
      "2024-01-01");
  EXPECT_TRUE(c.decided);
  EXPECT_EQ(c.eccn, "3A991.p");
  EXPECT_FALSE(c.flags.empty());
}

TEST(Classifier, UnknownDensityThatChangesTheAnswerIsUndecided) {
  auto c = run(
      spec(
          R"({"name":"x","datacenter":true,"throughput":[{"precision":"INT8","bits":8,"tops":700,"sparse":null}],
                        "dies":[{"name":"d","area_mm2":800}]})"),
      "2024-01-01");
  EXPECT_FALSE(c.decided);  // 5600 → .a, or 2800 with PD 3.5 → .b
  ASSERT_TRUE(c.tpp_low);
  EXPECT_DOUBLE_EQ(*c.tpp_low, 2800);
}

TEST(Classifier, NonDatacenterBelow4800IsOutsideByNote2WhateverThePd) {
  auto c = run(catalog_chip("RTX 4090D"), "2024-06-01");
  EXPECT_EQ(c.paragraph, "Note 2");
  EXPECT_EQ(c.eccn, "3A991.p");
  ClassifyOptions board;
  board.date = "2024-06-01";
  board.form = "computer";
  EXPECT_EQ(classify(catalog_chip("RTX 4090D"), board, Rulebook::builtin()).eccn, "4A994.l");
}

TEST(Classifier, ZParagraphWhenAnotherEccnDescribesTheItem) {
  ClassifyOptions o;
  o.date = "2025-01-01";
  o.form = "computer";
  o.described_in = "5A992.c";
  EXPECT_EQ(classify(catalog_chip("H100"), o, Rulebook::builtin()).eccn, "5A992.z.1");
  o.described_in = "";
  EXPECT_EQ(classify(catalog_chip("H100"), o, Rulebook::builtin()).eccn, "4A090.a");
  // An ECCN without a .z paragraph changes nothing, and the answer says so.
  o.described_in = "3A991.p";
  const Classification c = classify(catalog_chip("H100"), o, Rulebook::builtin());
  EXPECT_EQ(c.eccn, "4A090.a");
  EXPECT_TRUE(std::any_of(c.steps.begin(), c.steps.end(), [](const std::string& s) {
    return s.find("3A991.p") != std::string::npos && s.find(".z") != std::string::npos;
  })) << ::testing::PrintToString(c.steps);
}

TEST(Classifier, CatalogueFiguresGiveThePublishedTpp) {
  struct Want {
    const char* chip;
    double tpp;
    const char* eccn;
  };
  for (const Want& w :
       {Want{"H100 SXM", 15831.2, "3A090.a"}, Want{"H20", 2368, "3A991.p"},
        Want{"A100", 4992, "3A090.a"}, Want{"L40S", 5864, "3A090.a"}, Want{"L40", 2896, "3A090.b"},
        Want{"RTX 4090", 5284.8, "3A090.a"}, Want{"MI300X", 20919.2, "3A090.a"},
        Want{"Ascend 910B4", 4480, "3A090.a"}}) {
    auto c = run(catalog_chip(w.chip), "2025-06-01");
    ASSERT_TRUE(c.tpp) << w.chip;
    EXPECT_NEAR(*c.tpp, w.tpp, 0.05) << w.chip;
    EXPECT_EQ(c.eccn, w.eccn) << w.chip;
  }
}

TEST(ChipSpec, BadSpecsNameTheField) {
  auto r = parse_chip_spec(
      R"({"name":"x","throughput":[{"precision":"INT8","bits":"eight","tops":1}]})", "f.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("f.json: throughput[0]: bits"), std::string::npos)
      << r.error().message;
  r = parse_chip_spec(R"({"throughput":[]})", "f.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("name: missing"), std::string::npos);
  r = parse_chip_spec(R"({"name":"x","dies":[{"area_mm2":-4}],"throughput":[]})", "f.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("must not be negative"), std::string::npos);
  r = parse_chip_spec(R"({"name":"x","tpp":1e99999})", "f.json");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("f.json: not valid JSON"), std::string::npos);
  auto catalog = ChipCatalog::parse(R"({"version":"1","chips":[{"tpp":-1e400}]})", "c.json");
  ASSERT_FALSE(catalog);
  EXPECT_NE(catalog.error().message.find("c.json: not valid JSON"), std::string::npos);
  auto missing = ChipCatalog::builtin().find("H999");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST(LicenseCheck, BadTransactionsAreRefusedWithTheField) {
  Transaction tx;
  tx.eccn = "EAR99";
  tx.destination = "CN";
  tx.date = "2025-02-30x";
  auto r = check_license(tx, Rulebook::builtin(), {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("date"), std::string::npos);
  tx.date = "2025-02-01";
  tx.destination = "Atlantis";
  r = check_license(tx, Rulebook::builtin(), {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("destination: unknown country"), std::string::npos);
  tx.destination = "CN";
  tx.eccn.clear();
  r = check_license(tx, Rulebook::builtin(), {});
  ASSERT_FALSE(r);
}

TEST(LicenseCheck, NamedPartiesWithoutAScreenerAreFlaggedNotSilentlyCleared) {
  Transaction tx;
  tx.eccn = "EAR99";
  tx.destination = "CN";
  tx.date = "2025-02-01";
  tx.parties = {"Huawei Technologies Co., Ltd."};
  auto r = check_license(tx, Rulebook::builtin(), {});
  ASSERT_TRUE(r);
  bool flagged = false;
  for (const std::string& f : r->flags) flagged |= f.find("not screened") != std::string::npos;
  EXPECT_TRUE(flagged);
}

// Every review policy the Consolidated Screening List of 2026-07-31 writes reads, for any item, as
// one of the EAR's policy terms or a section the entry refers to — never as the entry's text.
TEST(EntryPolicy, EveryPolicyOfTheConsolidatedListReadsAsAPolicyTermOrASection) {
  auto read =
      read_list_file(test::shared("lists/us_csl/compact_2026-07-31/screening-list.json"), "");
  ASSERT_TRUE(read.ok()) << read.error().message;
  const std::set<std::string> terms = {"policy of denial", "presumption of denial", "case-by-case",
                                       "presumption of approval"};
  std::set<std::string> texts;
  for (const Entity& e : read->second.entities)
    if (!e.license_policy.empty()) texts.insert(e.license_policy);
  ASSERT_GT(texts.size(), 50u);
  // "per the entry": the entry has no clause for this item ("Presumption of approval for EAR99
  // items" read for a CCL item).
  size_t as_term = 0, as_section = 0, unstated = 0;
  for (const std::string& text : texts)
    for (const EntryPolicyFacts& facts :
         {EntryPolicyFacts{"EAR99", "spare parts", false}, EntryPolicyFacts{"3A001", "", false},
          EntryPolicyFacts{"5A991", "", true}, EntryPolicyFacts{"", "", false}}) {
      const EntryPolicyReading r = read_entry_policy(text, facts);
      if (terms.count(r.policy))
        ++as_term;
      else if (r.policy.rfind("per \u00a7", 0) == 0)
        ++as_section;
      else if (r.policy == "per the entry")
        ++unstated;
      else
        ADD_FAILURE() << "\"" << text << "\" for " << facts.eccn << " reads as \"" << r.policy
                      << "\"";
    }
  EXPECT_GT(as_term, as_section);
  EXPECT_LT(unstated * 20, as_term + as_section + unstated) << unstated;
}

}  // namespace
}  // namespace clearance::rules
