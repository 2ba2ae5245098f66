// A chip specification (`classify --spec FILE`, POST /v1/classify) and a chip catalogue on
// arbitrary bytes: parsed, and a parsed chip classified on dates either side of each rule change,
// as an IC and as a computer. Missing or absurd figures give an undecided classification naming
// them, never a crash, a NaN in the output or a classification that does not print.
#include <cstddef>
#include <cstdint>

#include "clearance/rules/chip_spec.h"
#include "clearance/rules/classifier.h"
#include "clearance/rules/determination.h"
#include "clearance/rules/rulebook.h"
#include "fuzz_support.h"

using namespace clearance;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto catalog = rules::ChipCatalog::parse(text, "fuzz-catalog.json"); catalog)
    for (const auto& chip : catalog->chips()) (void)catalog->find(chip.name);
  auto chip = rules::parse_chip_spec(text, "fuzz.json");
  if (!chip) {
    FUZZ_CHECK(!chip.error().message.empty(), "an error without a message");
    return 0;
  }
  for (const char* date : {"2022-10-01", "2023-11-17", "2025-01-16", "2026-03-01"})
    for (const char* form : {"ic", "computer"}) {
      rules::ClassifyOptions options;
      options.date = date;
      options.form = form;
      const auto c = rules::classify(chip.value(), options, rules::Rulebook::builtin());
      const std::string json = rules::to_json(c).dump();
      FUZZ_CHECK(json.find("NaN") == std::string::npos && json.find("nan") == std::string::npos,
                 json);
    }
  return 0;
}
