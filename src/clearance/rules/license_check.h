#pragma once
// License determination: for a dated transaction, whether the item is subject to the EAR, what it
// is, whether a license is required and why (each reason a rule with its 15 CFR citation and
// Federal Register rule), which exceptions apply, the review policy, what China's measures say,
// and the questions the engine cannot answer by itself. Parties are screened when a screener is
// given. The evaluation order follows the EAR: jurisdiction, classification, CCL/Country Chart,
// Part 744/746, GP10, exceptions, review policy.
#include "clearance/rules/chip_spec.h"
#include "clearance/rules/determination.h"
#include "clearance/rules/rulebook.h"
#include "clearance/rules/transaction.h"
#include "clearance/util/result.h"

namespace clearance {
class Screener;
}

namespace clearance::rules {

struct CheckOptions {
  const Screener* screener = nullptr;  // screens the named parties and owners; null: not screened
  float party_threshold = 0.85f;  // a hit at or above this score is treated as the listed party
  int max_list_age_days = 90;     // a list older than this is flagged (model/freshness.h)
};

// invalid_argument when the transaction is malformed (bad date or country, no item).
Result<Determination> check_license(const Transaction& tx, const Rulebook& book,
                                    const CheckOptions& options);

}  // namespace clearance::rules
