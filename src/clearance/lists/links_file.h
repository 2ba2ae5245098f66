#pragma once
// The user's links file: record ids that are, or are not, one party, overriding the linker's
// evidence. CSV with a header `record_a,record_b,relation` (relation `same` or `not-same`), an
// optional `note` column; lines starting with '#' are comments.
#include <string>
#include <vector>

#include "clearance/model/party.h"
#include "clearance/util/result.h"

namespace clearance {

// Every malformed line is an error naming the file, line and field: a links file is applied
// whole or not at all.
Result<std::vector<UserLink>> read_links_file(const std::string& path);

}  // namespace clearance
