// Runs every case in tests/cases/rules_cases.json through the license determination, with the
// parties screened against a snapshot of tests/fixtures/rules/parties.jsonl.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "clearance/lists/importer.h"
#include "clearance/match/screening_engine.h"
#include "clearance/rules/license_check.h"
#include "clearance/rules/transaction_json.h"
#include "clearance/util/strings.h"
#include "test_support.h"

namespace clearance::rules {
namespace {

using nlohmann::json;

class RulesCases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    store_ = new SnapshotStore(dir_->path() + "/data");
    auto report = import_lists(*store_, {test::fixture("rules/parties.jsonl")}, {});
    ASSERT_TRUE(report) << report.error().message;
    auto engine = load_screening_engine(*store_, "current", 1);
    ASSERT_TRUE(engine) << engine.error().message;
    engine_ = engine.value().release();
  }
  static void TearDownTestSuite() {
    delete engine_;
    delete store_;
    delete dir_;
  }
  static test::TempDir* dir_;
  static SnapshotStore* store_;
  static ScreeningEngine* engine_;
};
test::TempDir* RulesCases::dir_ = nullptr;
SnapshotStore* RulesCases::store_ = nullptr;
ScreeningEngine* RulesCases::engine_ = nullptr;

bool any_contains(const std::vector<std::string>& haystack, const std::string& needle) {
  for (const std::string& s : haystack)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

// Checks one expectation block; failures name the case.
void check_case(const std::string& id, const Determination& d, const json& expect) {
  SCOPED_TRACE(id + "\n" + to_json(d).dump(2));
  std::vector<std::string> rules, citations, frs, available, unavailable;
  for (const Finding& f : d.requirements) {
    rules.push_back(f.rule);
    citations.push_back(f.citation);
    frs.push_back(f.fr);
  }
  for (const ExceptionOption& e : d.exceptions)
    (e.status == "not available" ? unavailable : available).push_back(e.symbol);
  for (const auto& [key, value] : expect.items()) {
    if (key == "eccn") {
      EXPECT_EQ(d.eccn, value.get<std::string>());
    } else if (key == "paragraph") {
      ASSERT_TRUE(d.classification);
      EXPECT_EQ(d.classification->paragraph, value.get<std::string>());
    } else if (key == "tpp") {
      ASSERT_TRUE(d.classification && d.classification->tpp);
      EXPECT_NEAR(*d.classification->tpp, value.get<double>(), 1e-6);
    } else if (key == "subject") {
      EXPECT_EQ(to_string(d.subject_to_ear), value.get<std::string>());
    } else if (key == "license") {
      EXPECT_EQ(to_string(d.license_required), value.get<std::string>());
    } else if (key == "policy_contains") {
      EXPECT_NE(ascii_lower(d.review_policy).find(value.get<std::string>()), std::string::npos)
          << "review policy: " << d.review_policy;
    } else if (key == "entity_policy_contains") {
      bool found = false;
      for (const Finding& f : d.requirements)
        if (f.rule.rfind("Entity List", 0) == 0 &&
            ascii_lower(f.review_policy).find(value.get<std::string>()) != std::string::npos)
          found = true;
      EXPECT_TRUE(found);
    } else if (key == "entity_policy_is" || key == "entity_policy_text_contains") {
      // The Entity List finding's review policy in the policy's own words, and the entry's text
      // kept in its summary.
      std::vector<std::string> seen;
      for (const Finding& f : d.requirements)
        if (f.rule.rfind("Entity List", 0) == 0)
          seen.push_back(key == "entity_policy_is" ? f.review_policy : f.summary);
      const std::string want = value.get<std::string>();
      EXPECT_TRUE(std::any_of(seen.begin(), seen.end(),
                              [&](const std::string& s) {
                                return key == "entity_policy_is"
                                           ? s == want
                                           : s.find(want) != std::string::npos;
                              }))
          << key << " " << want << "; found: " << join(seen, " | ");
    } else if (key == "rules_contain") {
      for (const json& v : value) EXPECT_TRUE(any_contains(rules, v.get<std::string>())) << v;
    } else if (key == "citations_contain") {
      for (const json& v : value) EXPECT_TRUE(any_contains(citations, v.get<std::string>())) << v;
    } else if (key == "frs_contain") {
      for (const json& v : value) EXPECT_TRUE(any_contains(frs, v.get<std::string>())) << v;
    } else if (key == "exceptions_available") {
      for (const json& v : value)
        EXPECT_NE(std::find(available.begin(), available.end(), v.get<std::string>()),
                  available.end())
            << v;
    } else if (key == "exceptions_unavailable") {
      for (const json& v : value)
        EXPECT_NE(std::find(unavailable.begin(), unavailable.end(), v.get<std::string>()),
                  unavailable.end())
            << v;
    } else if (key == "flags_contain") {
      for (const json& v : value) EXPECT_TRUE(any_contains(d.flags, v.get<std::string>())) << v;
    } else if (key == "questions_contain") {
      for (const json& v : value) EXPECT_TRUE(any_contains(d.questions, v.get<std::string>())) << v;
    } else if (key == "jurisdiction_contains") {
      EXPECT_TRUE(any_contains(d.jurisdiction, value.get<std::string>()));
    } else if (key == "text_mode_contains") {
      EXPECT_TRUE(any_contains(d.text_mode_differences, value.get<std::string>()));
    } else if (key == "confidence_of_license") {
      bool found = false;
      for (const Finding& f : d.requirements)
        if (f.effect == "license" && f.confidence == value.get<std::string>()) found = true;
      EXPECT_TRUE(found);
    } else if (key == "china") {
      EXPECT_EQ(to_string(d.china), value.get<std::string>());
    } else if (key == "findings") {
      // Each: a requirement whose rule contains "rule", with this regime and effect.
      for (const json& want : value) {
        bool found = false;
        for (const Finding& f : d.requirements)
          if (f.rule.find(want.at("rule").get<std::string>()) != std::string::npos &&
              f.regime == want.value("regime", f.regime) &&
              f.effect == want.value("effect", f.effect))
            found = true;
        EXPECT_TRUE(found) << want;
      }
    } else if (key == "prc") {
      for (const json& want : value) {
        bool found = false;
        for (const Finding& f : d.prc)
          if (f.rule.find(want.at("rule").get<std::string>()) != std::string::npos &&
              f.effect == want.at("effect").get<std::string>())
            found = true;
        EXPECT_TRUE(found) << want;
      }
    } else {
      ADD_FAILURE() << "unknown expectation " << key;
    }
  }
}

TEST_F(RulesCases, EveryCaseOfTheSpecification) {
  std::ifstream in(std::string(CLEARANCE_SOURCE_DIR) + "/tests/cases/rules_cases.json");
  ASSERT_TRUE(in) << "tests/cases/rules_cases.json missing";
  const json cases = json::parse(in).at("cases");
  ASSERT_GE(cases.size(), 60u);
  CheckOptions options;
  options.screener = engine_->screener.get();
  for (const json& c : cases) {
    const std::string id = c.at("id").get<std::string>();
    auto tx = transaction_from_json(c.at("tx"), ChipCatalog::builtin());
    ASSERT_TRUE(tx) << id << ": " << tx.error().message;
    auto d = check_license(tx.value(), Rulebook::builtin(), options);
    ASSERT_TRUE(d) << id << ": " << d.error().message;
    check_case(id, d.value(), c.at("expect"));
  }
}

// Never "no license required" on a missing fact: for every case whose answer is not "no", leave
// out one fact the user may not know (headquarters, exporter, a declared letter, the direct-product
// and US-content facts); the answer must not become "no". (Knowledge-based end uses are left
// alone: without knowledge of one, the end-use rules do not apply; so are the names screened.)
TEST_F(RulesCases, AMissingFactNeverTurnsAnAnswerIntoNo) {
  std::ifstream in(std::string(CLEARANCE_SOURCE_DIR) + "/tests/cases/rules_cases.json");
  const json cases = json::parse(in).at("cases");
  CheckOptions options;
  options.screener = engine_->screener.get();
  size_t tried = 0;
  for (const json& c : cases) {
    const std::string id = c.at("id").get<std::string>();
    auto full = transaction_from_json(c.at("tx"), ChipCatalog::builtin());
    ASSERT_TRUE(full) << id;
    auto answer = check_license(full.value(), Rulebook::builtin(), options);
    ASSERT_TRUE(answer) << id;
    if (answer->license_required == Answer::no) continue;
    for (const char* fact :
         {"party_hq", "exporter", "is_informed", "direct_product", "us_content", "quantity"}) {
      if (!c.at("tx").contains(fact)) continue;
      // The exporter is also a name that is screened: without it, a denial or blocking found by
      // screening it is gone, as with any party left out. Only its role as a fact is tested.
      if (std::string_view(fact) == "exporter" &&
          std::any_of(
              answer->requirements.begin(), answer->requirements.end(),
              [](const Finding& f) { return f.rule.find("(exporter)") != std::string::npos; }))
        continue;
      json blanked = c.at("tx");
      blanked.erase(fact);
      auto tx = transaction_from_json(blanked, ChipCatalog::builtin());
      if (!tx) continue;  // a fact the transaction cannot do without: refused, not answered
      auto d = check_license(tx.value(), Rulebook::builtin(), options);
      if (!d) continue;
      ++tried;
      EXPECT_NE(d->license_required, Answer::no)
          << id << " without " << fact
          << " answers no (with it: " << to_string(answer->license_required) << ")";
    }
  }
  EXPECT_GT(tried, 30u);
}

}  // namespace
}  // namespace clearance::rules
