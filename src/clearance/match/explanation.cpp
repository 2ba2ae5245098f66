#include "clearance/match/explanation.h"

#include <fmt/format.h>

#include <cmath>

#include "clearance/lists/listed_names.h"
#include "clearance/model/party_json.h"
#include "clearance/util/json_text.h"

namespace clearance {

namespace {

std::string join_tokens(const std::vector<int>& indexes, auto text_of) {
  std::string out;
  for (int i : indexes) {
    if (!out.empty()) out += ' ';
    out += text_of(i);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json explain_match(const PreparedQuery& query, const IndexedName& name,
                                     const NameMatch& match, const TermTable& terms) {
  auto q_text = [&](int i) { return query.tokens[i].text; };
  auto n_text = [&](int j) { return terms.text(name.tokens[j].term); };
  nlohmann::ordered_json out;
  out["name_score"] = round3(match.score);
  out["evidence_weight"] = round3(match.evidence);
  auto& tokens = out["tokens"] = nlohmann::ordered_json::array();
  for (const auto& a : match.alignments) {
    nlohmann::ordered_json t;
    t["query"] = join_tokens(a.query_tokens, q_text);
    std::string written;
    for (int i : a.query_tokens) written += (written.empty() ? "" : " ") + query.tokens[i].source;
    if (written != t["query"].get<std::string>()) t["query_written"] = written;
    t["list"] = join_tokens(a.name_tokens, n_text);
    t["how"] = to_string(a.how);
    t["similarity"] = round3(a.similarity);
    // Fuzzy matches, and sound-alike spellings of a person's name, say how many letters differ.
    if (a.how == MatchHow::fuzzy || (a.how == MatchHow::phonetic && a.edits > 0))
      t["edits"] = a.edits;
    t["weight"] = round3(0.5 * (a.query_weight + a.name_weight));
    tokens.push_back(std::move(t));
  }
  out["unmatched_query"] = nlohmann::ordered_json::array();
  for (int i : match.unmatched_query) out["unmatched_query"].push_back(q_text(i));
  out["unmatched_list"] = nlohmann::ordered_json::array();
  for (int j : match.unmatched_name) out["unmatched_list"].push_back(n_text(j));
  return out;
}

std::string reading_text(const PreparedQuery& reading) {
  std::string text;
  for (const QueryToken& t : reading.tokens) text += (text.empty() ? "" : " ") + t.text;
  return text;
}

std::optional<std::string_view> matched_name_source(const Hit& hit) {
  const Entity& e = *hit.entity;
  if (hit.alias < 0 || !added_by_clearance(e.aliases[hit.alias].kind)) return std::nullopt;
  const std::string prefix = hit.matched_name() + " — ";
  std::optional<std::string_view> source;
  for (const Property& p : e.properties)
    if (p.key == kAddedNameProperty && p.value.starts_with(prefix))
      source = std::string_view(p.value).substr(prefix.size());
  return source;
}

namespace {

// A hit's explanation: the alignment (explain_match) of the reading it matched, that reading
// (`read_as`) when not the query as written, and the non-name evidence.
nlohmann::ordered_json hit_explanation(const Hit& hit, const PreparedQuery& query,
                                       const Screener& screener) {
  const TermTable terms(screener.index());
  const IndexedName matched = screener.index().name(hit.name_index);
  const PreparedQuery& aligned = hit.reading ? *hit.reading : query;
  nlohmann::ordered_json explanation = explain_match(aligned, matched, hit.match, terms);
  // Matched in another reading than as written (NormalizedName::readings).
  if (hit.reading) explanation["read_as"] = reading_text(*hit.reading);
  explanation["evidence"] = nlohmann::ordered_json::array();
  for (const auto& ev : hit.evidence)
    explanation["evidence"].push_back(
        {{"feature", ev.feature}, {"detail", ev.detail}, {"delta", round3(ev.delta)}});
  return explanation;
}

}  // namespace

nlohmann::ordered_json hit_to_json(const Hit& hit, const PreparedQuery& query,
                                   const Screener& screener) {
  const Entity& e = *hit.entity;
  const Snapshot& snapshot = screener.index().snapshot();
  const Party single{e.id, {hit.entity_index}, {}};
  const Party& party = hit.party ? *hit.party : single;
  nlohmann::ordered_json j;
  j["party_id"] = party.id;
  j["name"] = party_name(snapshot, party);
  j["type"] = to_string(e.type);
  j["aliases"] = party_aliases(snapshot, party);
  j["score"] = round3(hit.score);
  j["matched_name"] = hit.matched_name();
  j["matched_name_kind"] = hit.alias < 0 ? "primary" : to_string(e.aliases[hit.alias].kind);
  // Not the list's text: say who added the name and from which source.
  if (const auto source = matched_name_source(hit)) j["matched_name_source"] = *source;
  j["matched_record"] = e.id;
  j["countries"] = party_countries(snapshot, party);
  j["listings"] = listings_to_json(snapshot, party);
  j["explanation"] = hit_explanation(hit, query, screener);
  // The matched record's own fields, as hits carried them before parties (deprecated: read
  // `listings`).
  j["entity_id"] = e.id;
  j["list"] = e.list;
  if (!e.sub_list.empty()) j["sub_list"] = e.sub_list;
  j["source"] = e.dataset;
  j["source_id"] = e.source_id;
  j["programs"] = e.programs;
  if (!e.listed_on.empty()) j["listed_on"] = e.listed_on;
  if (!e.license_requirement.empty()) j["license_requirement"] = e.license_requirement;
  if (!e.license_policy.empty()) j["license_policy"] = e.license_policy;
  if (!e.federal_register_notice.empty()) j["federal_register_notice"] = e.federal_register_notice;
  return j;
}

std::string explain_text(const nlohmann::ordered_json& explanation) {
  std::vector<std::string> parts;
  if (explanation.contains("tokens"))
    for (const auto& t : explanation["tokens"]) {
      std::string how = t.value("how", "");
      if (t.contains("edits"))
        how +=
            fmt::format(" {} edit{}", t["edits"].get<int>(), t["edits"].get<int>() == 1 ? "" : "s");
      parts.push_back(fmt::format("{} → {} ({}, {:.2f}, weight {:.1f})", t.value("query", ""),
                                  t.value("list", ""), how, t.value("similarity", 0.0),
                                  t.value("weight", 0.0)));
    }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  if (explanation.contains("unmatched_query") && !explanation["unmatched_query"].empty())
    out += fmt::format("; query only: {}", explanation["unmatched_query"].dump());
  if (explanation.contains("unmatched_list") && !explanation["unmatched_list"].empty())
    out += fmt::format("; list only: {}", explanation["unmatched_list"].dump());
  if (explanation.contains("evidence"))
    for (const auto& e : explanation["evidence"])
      out += fmt::format("; {}: {} ({:+.2f})", e.value("feature", ""), e.value("detail", ""),
                         e.value("delta", 0.0));
  return out;
}

}  // namespace clearance
