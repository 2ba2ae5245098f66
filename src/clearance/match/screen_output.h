#pragma once
// A screened query in the output contract shared by `clearance screen --format json|jsonl`, the
// batch runner and the HTTP API: {"id", "query", "unread" (only when some words were not read),
// "hits": [...], "snapshot", "threshold"}.
#include <nlohmann/json.hpp>
#include <string>

#include "clearance/match/screener.h"

namespace clearance {

// The query as echoed back: name, and country, type, dob, id and lists when given.
nlohmann::ordered_json query_to_json(const ScreenQuery& query);

// Every hit of `result`, best first, in the output contract.
nlohmann::ordered_json hits_to_json(const ScreenResult& result, const Screener& screener);

// The query's words no reader spells, as [{"text", "script"}] (ScreenResult::unread).
nlohmann::ordered_json unread_to_json(const std::vector<UnreadText>& unread);

// The same said in a sentence for a person or an errors file: "the Tibetan letters of ཏཱ་ལའི་ are
// not read: screened without them".
std::string unread_message(const std::vector<UnreadText>& unread);

// With "unread" after "query" when the query has words no reader spells.
nlohmann::ordered_json screen_result_to_json(const std::string& id, const ScreenQuery& query,
                                             const ScreenResult& result, const Screener& screener,
                                             const std::string& snapshot_id, float threshold);

// Two names scored against each other with the index's term weights: {"a", "b", "score",
// "explanation"}.
nlohmann::ordered_json compare_to_json(const Screener& screener, const std::string& a,
                                       const std::string& b, EntityType type,
                                       ScreenSession& session);

}  // namespace clearance
