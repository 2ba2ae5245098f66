#pragma once
// A transaction written as JSON (the data-driven rule cases, and the HTTP API): the same fields as
// `clearance check`'s options. Unknown fields are refused so that a misspelt fact is not ignored.
#include <nlohmann/json.hpp>
#include <set>

#include "clearance/rules/chip_spec.h"
#include "clearance/rules/transaction.h"
#include "clearance/util/result.h"

namespace clearance::rules {

// Every field a JSON transaction may have (docs/openapi.json's Transaction lists the same).
const std::set<std::string>& transaction_fields();

Result<Transaction> transaction_from_json(const nlohmann::json& in, const ChipCatalog& catalog);

}  // namespace clearance::rules
