#pragma once
// `--lists` / `"lists"`: which list codes and datasets a query may be restricted to. A name the
// snapshot does not hold is an error naming the valid ones (a misspelt list would otherwise
// restrict screening to nothing and answer "no hit"); OpenSanctions' dataset names
// (us_ofac_sdn, us_trade_csl, un_sc_sanctions, eu_fsf, gb_fcdo_sanctions…) stand for ours.
#include <string>
#include <vector>

#include "clearance/model/snapshot.h"
#include "clearance/util/result.h"

namespace clearance {

// The requested names as the screener filters on them (aliases replaced), or invalid_argument.
Result<std::vector<std::string>> resolve_list_filter(const Snapshot& snapshot,
                                                     const std::vector<std::string>& requested);

}  // namespace clearance
