#include "clearance/model/party_json.h"

#include <algorithm>
#include <set>

#include "clearance/model/entity_json.h"
#include "clearance/util/strings.h"

namespace clearance {

nlohmann::ordered_json listing_to_json(const Snapshot& snapshot, const Entity& e) {
  nlohmann::ordered_json j;
  j["list"] = e.list;
  if (!e.sub_list.empty()) j["sub_list"] = e.sub_list;
  j["source"] = e.dataset;
  j["record_id"] = e.id;
  j["name"] = e.name;
  if (!e.source_id.empty()) j["source_id"] = e.source_id;
  if (!e.programs.empty()) j["programs"] = e.programs;
  if (!e.license_requirement.empty()) j["license_requirement"] = e.license_requirement;
  if (!e.license_policy.empty()) j["license_policy"] = e.license_policy;
  if (!e.federal_register_notice.empty()) j["federal_register_notice"] = e.federal_register_notice;
  if (!e.listed_on.empty()) j["listed_on"] = e.listed_on;
  if (!e.end_date.empty()) j["end_date"] = e.end_date;
  if (const ListSource* source = snapshot.source_of(e.dataset);
      source && !source->published.empty())
    j["published"] = source->published;
  std::vector<std::string> countries;
  for (const auto& a : e.addresses)
    if (!a.country.empty() &&
        std::find(countries.begin(), countries.end(), a.country) == countries.end())
      countries.push_back(a.country);
  if (!countries.empty()) j["countries"] = countries;
  return j;
}

nlohmann::ordered_json listings_to_json(const Snapshot& snapshot, const Party& party) {
  nlohmann::ordered_json listings = nlohmann::ordered_json::array();
  for (uint32_t m : party.members)
    listings.push_back(listing_to_json(snapshot, snapshot.entities[m]));
  return listings;
}

const std::string& party_name(const Snapshot& snapshot, const Party& party) {
  return snapshot.entities[party.members.front()].name;
}

std::vector<std::string> party_aliases(const Snapshot& snapshot, const Party& party) {
  std::vector<std::string> out;
  std::set<std::string> seen = {ascii_lower(party_name(snapshot, party))};
  auto add = [&](const std::string& name) {
    if (seen.insert(ascii_lower(name)).second) out.push_back(name);
  };
  for (uint32_t m : party.members) {
    const Entity& e = snapshot.entities[m];
    add(e.name);
    // Names Clearance added are not the lists' text: they are shown where they matched, with
    // their source (explanation's matched_name_source), and in the record's own aliases.
    for (const auto& a : e.aliases)
      if (!added_by_clearance(a.kind)) add(a.name);
  }
  return out;
}

std::vector<std::string> party_lists(const Snapshot& snapshot, const Party& party) {
  std::vector<std::string> out;
  for (uint32_t m : party.members)
    if (std::find(out.begin(), out.end(), snapshot.entities[m].list) == out.end())
      out.push_back(snapshot.entities[m].list);
  return out;
}

std::vector<std::string> party_countries(const Snapshot& snapshot, const Party& party) {
  std::vector<std::string> out;
  for (uint32_t m : party.members)
    for (const auto& a : snapshot.entities[m].addresses)
      if (!a.country.empty() && std::find(out.begin(), out.end(), a.country) == out.end())
        out.push_back(a.country);
  return out;
}

nlohmann::ordered_json party_to_json(const Snapshot& snapshot, const Party& party) {
  nlohmann::ordered_json j;
  j["party_id"] = party.id;
  if (!party.former_ids.empty()) j["former_ids"] = party.former_ids;
  j["name"] = party_name(snapshot, party);
  EntityType type = EntityType::unknown;
  for (uint32_t m : party.members)
    if (type == EntityType::unknown) type = snapshot.entities[m].type;
  j["type"] = to_string(type);
  j["aliases"] = party_aliases(snapshot, party);
  j["countries"] = party_countries(snapshot, party);
  j["listings"] = listings_to_json(snapshot, party);
  auto& records = j["records"] = nlohmann::ordered_json::array();
  for (uint32_t m : party.members) records.push_back(entity_to_json(snapshot.entities[m]));
  auto& links = j["links"] = nlohmann::ordered_json::array();
  const Party* self = &party;
  for (const PartyLink& l : snapshot.links)
    if (snapshot.party_of_entity(l.a) == self)
      links.push_back({{"record_a", snapshot.entities[l.a].id},
                       {"record_b", snapshot.entities[l.b].id},
                       {"reason", to_string(l.reason)},
                       {"detail", l.detail}});
  return j;
}

}  // namespace clearance
