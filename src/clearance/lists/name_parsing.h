#pragma once
// Pulling names apart the way US list files write them.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/model/entity.h"

namespace clearance {

struct SplitName {
  std::string name;            // the name with any "(a.k.a. …)" text removed
  std::vector<Alias> aliases;  // names the text introduced with a.k.a./f.k.a./n.k.a.
};

// "Far East Trading Company, Inc. (a.k.a. FETCO, Inc.)" → name + alias "FETCO, Inc.";
// "Gazprom Russkaya, OOO (f.k.a., Obshchestvo …)" → name + f.k.a. alias.
SplitName split_embedded_aliases(std::string_view text);

// An alias list as the CSL writes it: "A; B; and C", items possibly prefixed "a.k.a."/"f.k.a." or
// carrying ", a.k.a., D" inside. Returns each name with its kind, in order, without duplicates.
std::vector<Alias> parse_alias_list(std::string_view text, std::string_view separator = ";");

// Adds aliases that are not already present and differ from `primary`.
void append_unique_aliases(std::vector<Alias>& into, const std::vector<Alias>& from,
                           std::string_view primary);

// Dates as the lists write them → "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is returned
// trimmed as given ("1966 to 1968" stays as is).
std::string normalize_date(std::string_view text);

}  // namespace clearance
