#include "clearance/match/screen_output.h"

#include <fmt/format.h>

#include <cmath>

#include "clearance/match/explanation.h"
#include "clearance/match/term_table.h"

namespace clearance {

nlohmann::ordered_json query_to_json(const ScreenQuery& query) {
  nlohmann::ordered_json q = {{"name", query.name}};
  if (!query.country.empty()) q["country"] = query.country;
  if (query.type != EntityType::unknown) q["type"] = to_string(query.type);
  if (!query.date_of_birth.empty()) q["dob"] = query.date_of_birth;
  if (!query.identifier.empty()) q["identifier"] = query.identifier;
  if (!query.lists.empty()) q["lists"] = query.lists;
  return q;
}

nlohmann::ordered_json unread_to_json(const std::vector<UnreadText>& unread) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const UnreadText& u : unread) out.push_back({{"text", u.text}, {"script", u.script}});
  return out;
}

std::string unread_message(const std::vector<UnreadText>& unread) {
  std::string out;
  for (const UnreadText& u : unread)
    out += (out.empty() ? "" : "; ") + fmt::format("the {} letters of \"{}\"", u.script, u.text);
  return out + " are not read (no reader for the script): screened without them";
}

nlohmann::ordered_json hits_to_json(const ScreenResult& result, const Screener& screener) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const Hit& hit : result.hits) hits.push_back(hit_to_json(hit, result.query, screener));
  return hits;
}

nlohmann::ordered_json screen_result_to_json(const std::string& id, const ScreenQuery& query,
                                             const ScreenResult& result, const Screener& screener,
                                             const std::string& snapshot_id, float threshold) {
  nlohmann::ordered_json out;
  out["id"] = id;
  out["query"] = query_to_json(query);
  if (!result.unread.empty()) out["unread"] = unread_to_json(result.unread);
  out["hits"] = hits_to_json(result, screener);
  out["total"] = result.total;
  out["truncated"] = result.truncated;
  out["snapshot"] = snapshot_id;
  // As asked for: the float's nearest value of six decimals, not its binary expansion.
  out["threshold"] = std::round(static_cast<double>(threshold) * 1e6) / 1e6;
  return out;
}

nlohmann::ordered_json compare_to_json(const Screener& screener, const std::string& a,
                                       const std::string& b, EntityType type,
                                       ScreenSession& session) {
  TermTable terms(screener.index());
  const NormalizedName normalized = session.normalizer.normalize_query(a);
  const TermTable::AdHocName ad_hoc = terms.make_name(session.normalizer.normalize(b));
  const IndexedName name = ad_hoc.view();
  const ReadingMatch best = score_best_reading(normalized, name, terms, type == EntityType::person);
  nlohmann::ordered_json explanation = explain_match(best.query, name, best.match, terms);
  if (best.other_reading) explanation["read_as"] = reading_text(best.query);
  nlohmann::ordered_json out = {{"a", a}, {"b", b}, {"score", explanation["name_score"]}};
  if (type != EntityType::unknown) out["type"] = to_string(type);
  out["explanation"] = std::move(explanation);
  return out;
}

}  // namespace clearance
