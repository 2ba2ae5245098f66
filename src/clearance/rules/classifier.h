#pragma once
// Classification of an IC, memory device or computer against ECCN 3A090/4A090 (and the .z
// paragraphs, 3A991.p/4A994.l fall-backs) on a date, with every step of the calculation written
// out. The thresholds come from the rulebook, so a new vintage is a data change.
#include <optional>
#include <string>
#include <vector>

#include "clearance/rules/chip_spec.h"
#include "clearance/rules/rulebook.h"

namespace clearance::rules {

struct ClassifyOptions {
  std::string date;         // YYYY-MM-DD
  std::string form = "ic";  // "ic", or "computer" for boards, servers and assemblies containing it
  std::string
      described_in;  // another ECCN describing the item (5A992, 4A003, …) → its .z paragraph
  bool sum_units = false;  // add the TPP of different kinds of processing unit
};

struct Classification {
  std::string eccn;  // "3A090.a", "4A090.b", "5A992.z.1", "3A090.c", "3A991.p", "EAR99"; empty when
                     // undecided
  std::string level;      // "a", "b", "c", "2022" when 3A090 parameters are met, else ""
  std::string paragraph;  // the prong that decided: "a.1", "a.2", "b.1", "b.2", "Note 2", …
  bool decided = true;    // false: a figure the rule needs is missing or ambiguous (see `missing`)
  std::optional<double> tpp;
  std::optional<double> tpp_low;  // when a figure's density is unknown: the range of TPP
  std::optional<double> pd;
  std::optional<double> mbd;
  std::string vintage;  // "before 3A090", "2022 rule", "2023 rule"
  std::string citation;
  std::string fr;
  std::string confidence;  // weakest of the rule and the figures used
  std::string compliance_note;
  std::vector<std::string> steps;
  std::vector<std::string> flags;
  std::vector<std::string> missing;
};

Classification classify(const ChipSpec& chip, const ClassifyOptions& options, const Rulebook& book);

// An Export Control Classification Number as the CCL writes one (3A090.a, 5A992.c, 4E001,
// 0A606.a.1) or EAR99.
bool is_eccn(const std::string& text);

}  // namespace clearance::rules
