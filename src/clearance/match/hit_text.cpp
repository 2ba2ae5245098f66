#include "clearance/match/hit_text.h"

#include "clearance/match/explanation.h"
#include "clearance/model/party_json.h"
#include "clearance/util/json_text.h"

namespace clearance {

// The layouts are hit_to_json's and its explanation's (explanation.cpp), key for key; the batch
// test on the real lists (ScreeningTest.ABatchRowsTextIsTheDumpOfItsJsonOnTheRealLists) checks
// that they agree.

namespace {

// Tokens `indexes` of a name, space-separated.
template <typename TextOf>
void append_tokens(std::string& out, const std::vector<int>& indexes, TextOf text_of) {
  for (size_t k = 0; k < indexes.size(); ++k) {
    if (k) out += ' ';
    out += text_of(indexes[k]);
  }
}

// The explanation as hit_to_json() gives it, dumped.
void append_explanation(std::string& out, const Hit& hit, const PreparedQuery& query,
                        const NameIndex& index) {
  const NameMatch& match = hit.match;
  const PreparedQuery& aligned = hit.reading ? *hit.reading : query;
  const TermTable terms(index);
  const IndexedName name = index.name(hit.name_index);
  auto q_text = [&](int i) -> const std::string& { return aligned.tokens[i].text; };
  auto n_text = [&](int j) { return terms.text(name.tokens[j].term); };
  out += "{\"name_score\":";
  append_json_number(out, round3(match.score));
  out += ",\"evidence_weight\":";
  append_json_number(out, round3(match.evidence));
  out += ",\"tokens\":[";
  std::string text, written;
  for (size_t k = 0; k < match.alignments.size(); ++k) {
    const TokenAlignment& a = match.alignments[k];
    if (k) out += ',';
    text.clear();
    append_tokens(text, a.query_tokens, q_text);
    written.clear();
    append_tokens(written, a.query_tokens, [&](int i) { return aligned.tokens[i].source; });
    out += "{\"query\":";
    append_json_string(out, text);
    if (written != text) out += ",\"query_written\":", append_json_string(out, written);
    text.clear();
    append_tokens(text, a.name_tokens, n_text);
    out += ",\"list\":";
    append_json_string(out, text);
    out += ",\"how\":";
    append_json_string(out, to_string(a.how));
    out += ",\"similarity\":";
    append_json_number(out, round3(a.similarity));
    if (a.how == MatchHow::fuzzy || (a.how == MatchHow::phonetic && a.edits > 0))
      out += ",\"edits\":", out += std::to_string(a.edits);
    out += ",\"weight\":";
    append_json_number(out, round3(0.5 * (a.query_weight + a.name_weight)));
    out += '}';
  }
  out += "],\"unmatched_query\":[";
  for (size_t k = 0; k < match.unmatched_query.size(); ++k) {
    if (k) out += ',';
    append_json_string(out, q_text(match.unmatched_query[k]));
  }
  out += "],\"unmatched_list\":[";
  for (size_t k = 0; k < match.unmatched_name.size(); ++k) {
    if (k) out += ',';
    append_json_string(out, n_text(match.unmatched_name[k]));
  }
  out += ']';
  if (hit.reading) out += ",\"read_as\":", append_json_string(out, reading_text(*hit.reading));
  out += ",\"evidence\":[";
  for (size_t k = 0; k < hit.evidence.size(); ++k) {
    const Evidence& ev = hit.evidence[k];
    if (k) out += ',';
    out += "{\"feature\":";
    append_json_string(out, ev.feature);
    out += ",\"detail\":";
    append_json_string(out, ev.detail);
    out += ",\"delta\":";
    append_json_number(out, round3(ev.delta));
    out += '}';
  }
  out += "]}";
}

}  // namespace

HitTextWriter::PartyText HitTextWriter::write_party(const Snapshot& snapshot, const Party& party) {
  PartyText text;
  text.head = "\"party_id\":";
  append_json_string(text.head, party.id);
  text.head += ",\"name\":";
  append_json_string(text.head, party_name(snapshot, party));
  text.head += ',';
  text.aliases = ",\"aliases\":";
  append_json_strings(text.aliases, party_aliases(snapshot, party));
  text.listings = ",\"countries\":";
  append_json_strings(text.listings, party_countries(snapshot, party));
  text.listings += ",\"listings\":";
  text.listings += listings_to_json(snapshot, party).dump();
  return text;
}

// Looks `key` up in `kept` under the lock; else writes it outside the lock and keeps it (a text
// two threads wrote at once is kept once).
template <typename Map, typename Key, typename Write>
auto kept_or_written(std::mutex& mutex, Map& kept, size_t most, const Key& key, Write write) {
  {
    std::lock_guard lock(mutex);
    if (auto it = kept.find(key); it != kept.end()) return it->second;
  }
  auto text = write();
  std::lock_guard lock(mutex);
  if (kept.size() >= most) kept.clear();
  return kept.emplace(key, std::move(text)).first->second;
}

std::shared_ptr<const HitTextWriter::PartyText> HitTextWriter::party_text(
    const Party& party) const {
  return kept_or_written(mutex_, parties_, kMaxKept, &party, [&] {
    return std::make_shared<const PartyText>(write_party(screener_.index().snapshot(), party));
  });
}

std::shared_ptr<const std::string> HitTextWriter::record_text(uint32_t entity) const {
  return kept_or_written(mutex_, records_, kMaxKept, entity, [&] {
    return std::make_shared<const std::string>(
        write_record(screener_.index().snapshot().entities[entity]));
  });
}

std::string HitTextWriter::write_record(const Entity& e) {
  std::string text = ",\"entity_id\":";
  append_json_string(text, e.id);
  text += ",\"list\":";
  append_json_string(text, e.list);
  if (!e.sub_list.empty()) text += ",\"sub_list\":", append_json_string(text, e.sub_list);
  text += ",\"source\":";
  append_json_string(text, e.dataset);
  text += ",\"source_id\":";
  append_json_string(text, e.source_id);
  text += ",\"programs\":";
  append_json_strings(text, e.programs);
  if (!e.listed_on.empty()) text += ",\"listed_on\":", append_json_string(text, e.listed_on);
  if (!e.license_requirement.empty())
    text += ",\"license_requirement\":", append_json_string(text, e.license_requirement);
  if (!e.license_policy.empty())
    text += ",\"license_policy\":", append_json_string(text, e.license_policy);
  if (!e.federal_register_notice.empty())
    text += ",\"federal_register_notice\":", append_json_string(text, e.federal_register_notice);
  return text;
}

void HitTextWriter::append_hit(std::string& out, const Hit& hit, const PreparedQuery& query) const {
  const Entity& e = *hit.entity;
  // A record of no party stands for itself (as hit_to_json makes it), not kept.
  const auto kept = hit.party ? party_text(*hit.party)
                              : std::make_shared<const PartyText>(write_party(
                                    screener_.index().snapshot(), {e.id, {hit.entity_index}, {}}));
  const PartyText& party = *kept;
  out += '{';
  out += party.head;
  out += "\"type\":";
  append_json_string(out, to_string(e.type));
  out += party.aliases;
  out += ",\"score\":";
  append_json_number(out, round3(hit.score));
  out += ",\"matched_name\":";
  append_json_string(out, hit.matched_name());
  out += ",\"matched_name_kind\":";
  append_json_string(out, hit.alias < 0 ? "primary" : to_string(e.aliases[hit.alias].kind));
  if (const auto source = matched_name_source(hit))
    out += ",\"matched_name_source\":", append_json_string(out, *source);
  out += ",\"matched_record\":";
  append_json_string(out, e.id);
  out += party.listings;
  out += ",\"explanation\":";
  append_explanation(out, hit, query, screener_.index());
  out += *record_text(hit.entity_index);
  out += '}';
}

void HitTextWriter::append_hits(std::string& out, const ScreenResult& result) const {
  out += '[';
  for (size_t k = 0; k < result.hits.size(); ++k) {
    if (k) out += ',';
    append_hit(out, result.hits[k], result.query);
  }
  out += ']';
}

}  // namespace clearance
