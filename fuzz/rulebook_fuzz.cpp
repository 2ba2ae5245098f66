// A rulebook file (`check --rules FILE`) on arbitrary bytes: parsed, and when it parses, every
// rules case of tests/cases/rules_cases.json checked against it. A rulebook that lies about dates
// or thresholds may give odd answers, never a crash or a determination that does not print.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "clearance/rules/determination.h"
#include "clearance/rules/license_check.h"
#include "clearance/rules/rulebook.h"
#include "clearance/rules/transaction_json.h"
#include "fuzz_support.h"

using namespace clearance;

namespace {

const std::vector<rules::Transaction>& rules_cases() {
  static const std::vector<rules::Transaction> cases = [] {
    std::ifstream in(std::string(CLEARANCE_SOURCE_DIR) + "/tests/cases/rules_cases.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = nlohmann::json::parse(text.str());
    std::vector<rules::Transaction> out;
    for (const auto& c : doc["cases"]) {
      auto tx = rules::transaction_from_json(c["tx"], rules::ChipCatalog::builtin());
      if (tx) out.push_back(std::move(tx.value()));
    }
    FUZZ_CHECK(!out.empty(), "no rules cases read");
    return out;
  }();
  return cases;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto book = rules::Rulebook::parse(text, "fuzz.json");
  if (!book) {
    FUZZ_CHECK(!book.error().message.empty(), "an error without a message");
    return 0;
  }
  for (const rules::Transaction& tx : rules_cases()) {
    auto determination = rules::check_license(tx, book.value(), {});
    if (determination) (void)rules::to_json(determination.value()).dump();
  }
  return 0;
}
