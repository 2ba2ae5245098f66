#pragma once
// Hits and name comparisons as JSON (the output contract of the CLI and HTTP API) and as text an
// analyst can paste into a file note.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "clearance/match/screener.h"

namespace clearance {

// A reading of the query as the explanation's `read_as` shows it: its words, space-separated.
std::string reading_text(const PreparedQuery& reading);

// Token alignment, unmatched tokens and non-name evidence.
nlohmann::ordered_json explain_match(const PreparedQuery& query, const IndexedName& name,
                                     const NameMatch& match, const TermTable& terms);

// Where a name Clearance added to a record comes from (its kAddedNameProperty, "name — source"),
// when the hit matched such a name.
std::optional<std::string_view> matched_name_source(const Hit& hit);

// One hit in the output contract: entity_id, list, source, name, aliases, score, matched_name,
// explanation…
nlohmann::ordered_json hit_to_json(const Hit& hit, const PreparedQuery& query,
                                   const Screener& screener);

// "huawei → Huawei (exact, 1.00, weight 6.3); technologies → Technologies (exact…)".
std::string explain_text(const nlohmann::ordered_json& explanation);

}  // namespace clearance
