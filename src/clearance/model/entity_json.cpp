#include "clearance/model/entity_json.h"

namespace clearance {

namespace {

// Sets `key` only when the value says something.
void put(nlohmann::ordered_json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void put(nlohmann::ordered_json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

nlohmann::ordered_json address_to_json(const Address& a) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  put(j, "street", a.street);
  put(j, "city", a.city);
  put(j, "state", a.state);
  put(j, "postal_code", a.postal_code);
  put(j, "country", a.country);
  put(j, "country_text", a.country_text);
  put(j, "full", a.full);
  return j;
}

nlohmann::ordered_json identifier_to_json(const Identifier& id) {
  nlohmann::ordered_json j = {{"type", id.type}, {"number", id.number}};
  put(j, "country", id.country);
  put(j, "issued", id.issued);
  put(j, "expires", id.expires);
  put(j, "note", id.note);
  return j;
}

}  // namespace

nlohmann::ordered_json entity_to_json(const Entity& e) {
  nlohmann::ordered_json j;
  j["id"] = e.id;
  j["list"] = e.list;
  put(j, "sub_list", e.sub_list);
  j["source"] = e.dataset;
  put(j, "source_id", e.source_id);
  j["type"] = to_string(e.type);
  j["name"] = e.name;
  j["aliases"] = nlohmann::ordered_json::array();
  for (const auto& a : e.aliases)
    j["aliases"].push_back({{"name", a.name}, {"kind", to_string(a.kind)}});
  j["addresses"] = nlohmann::ordered_json::array();
  for (const auto& a : e.addresses) j["addresses"].push_back(address_to_json(a));
  j["identifiers"] = nlohmann::ordered_json::array();
  for (const auto& id : e.identifiers) j["identifiers"].push_back(identifier_to_json(id));
  put(j, "dates_of_birth", e.dates_of_birth);
  put(j, "places_of_birth", e.places_of_birth);
  put(j, "nationalities", e.nationalities);
  put(j, "citizenships", e.citizenships);
  put(j, "programs", e.programs);
  put(j, "listed_on", e.listed_on);
  put(j, "end_date", e.end_date);
  put(j, "remarks", e.remarks);
  put(j, "source_url", e.source_url);
  put(j, "license_requirement", e.license_requirement);
  put(j, "license_policy", e.license_policy);
  put(j, "federal_register_notice", e.federal_register_notice);
  if (!e.properties.empty()) {
    nlohmann::ordered_json props = nlohmann::ordered_json::object();
    for (const auto& p : e.properties) props[p.key].push_back(p.value);
    j["properties"] = std::move(props);
  }
  return j;
}

}  // namespace clearance
