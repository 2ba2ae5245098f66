#include "clearance/lists/csl_record.h"

#include <algorithm>

#include "clearance/lists/name_parsing.h"
#include "clearance/util/strings.h"

namespace clearance {

std::string csl_list_code(const std::string& source) {
  const size_t dash = source.find(" - ");
  const std::string head = source.substr(0, dash);
  const size_t close = head.rfind(')');
  const size_t open = close == std::string::npos ? std::string::npos : head.rfind('(', close);
  if (open != std::string::npos) {
    std::string code = head.substr(open + 1, close - open - 1);
    if (code.size() > 5 && code.substr(code.size() - 5) == " List") code.resize(code.size() - 5);
    return code;
  }
  return trim_copy(head);
}

Address parse_csl_address(const std::string& text, CountryResolver& countries) {
  Address address;
  address.full = collapse_whitespace(text);
  std::vector<std::string> parts = split_trimmed(address.full, ",");
  if (!parts.empty()) {
    const std::string code = countries.resolve(parts.back());
    if (!code.empty()) {
      address.country = code;
      address.country_text = parts.back();
      parts.pop_back();
    }
  }
  // With a country resolved, the CSL's last parts are "…, city, [postal,] CC"; keep the city when
  // the shape is unambiguous, the full line otherwise.
  if (!address.country.empty() && parts.size() >= 2) {
    const std::string& last = parts.back();
    const bool last_is_postal = std::any_of(last.begin(), last.end(), ::isdigit);
    if (last_is_postal) {
      address.postal_code = last;
      parts.pop_back();
    }
    if (!parts.empty() && parts.size() >= 2) address.city = parts.back();
  }
  return address;
}

static bool looks_like_date(const std::string& text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' &&
         isdigit(static_cast<unsigned char>(text[0]));
}

Identifier parse_csl_identifier(const std::string& text, CountryResolver& countries) {
  Identifier id;
  std::vector<std::string> parts = split_trimmed(text, ", ");
  if (parts.empty()) return id;
  id.type = parts.back();
  parts.pop_back();
  if (parts.size() >= 2 && countries.is_code(parts.front())) {
    id.country = parts.front();
    parts.erase(parts.begin());
  }
  std::vector<std::string> dates;
  std::vector<std::string> rest;
  for (auto& p : parts) (looks_like_date(p) ? dates : rest).push_back(p);
  std::sort(dates.begin(), dates.end());
  if (dates.size() >= 1) id.issued = dates.front();
  if (dates.size() >= 2) id.expires = dates.back();
  std::string number;
  for (const auto& p : rest) number += (number.empty() ? "" : ", ") + p;
  id.number = number;
  return id;
}

static void add_property(Entity& e, const char* key, const std::string& value) {
  if (!trim(value).empty()) e.properties.push_back({key, trim_copy(value)});
}

static std::vector<std::string> resolve_all(const std::vector<std::string>& texts,
                                            CountryResolver& countries) {
  std::vector<std::string> out;
  for (const auto& t : texts) {
    std::string code = countries.resolve(t);
    out.push_back(code.empty() ? t : code);
  }
  return out;
}

// Entity List rows for affiliates read "Parent (P).  Affiliated Entity:  Affiliate Name"; the
// listed party is the affiliate, the parent is kept as a property.
static std::string take_affiliate(std::string& name) {
  const std::string marker = "Affiliated Entity:";
  const size_t at = name.find(marker);
  if (at == std::string::npos) return {};
  std::string parent = trim_copy(std::string_view(name).substr(0, at));
  if (!parent.empty() && parent.back() == '.') parent.pop_back();
  name = trim_copy(std::string_view(name).substr(at + marker.size()));
  return parent;
}

bool build_csl_entity(CslRecord&& r, CountryResolver& countries, Entity& e) {
  const std::string parent = take_affiliate(r.name);
  if (!parent.empty()) e.properties.push_back({"affiliated_with", parent});
  SplitName split = split_embedded_aliases(r.name);
  if (split.name.empty()) return false;
  e.dataset = "us_csl";
  e.list = csl_list_code(r.source);
  e.source_id = trim_copy(r.entity_number);
  e.type = entity_type_from_string(r.type);
  if (e.type == EntityType::unknown && iequals(trim(r.type), "entity"))
    e.type = EntityType::organization;
  e.name = std::move(split.name);
  std::vector<Alias> aliases = std::move(split.aliases);
  for (const auto& alt : r.alt_names)
    append_unique_aliases(aliases, parse_alias_list(alt, ";"), {});
  append_unique_aliases(e.aliases, aliases, e.name);
  e.addresses = std::move(r.addresses);
  for (auto& id : r.ids) {
    // The CSL carries a few non-identifiers in the ids column; keep them, but as properties.
    const bool informational =
        id.type == "Gender" ||
        (!id.type.empty() && (id.type.back() == '-' || id.type.back() == ':'));
    if (informational)
      e.properties.push_back({id.type == "Gender" ? "gender" : id.type, id.number});
    else
      e.identifiers.push_back(std::move(id));
  }
  for (const auto& d : r.dates_of_birth) e.dates_of_birth.push_back(normalize_date(d));
  e.places_of_birth = std::move(r.places_of_birth);
  e.nationalities = resolve_all(r.nationalities, countries);
  e.citizenships = resolve_all(r.citizenships, countries);
  e.programs = std::move(r.programs);
  e.listed_on = normalize_date(r.start_date);
  e.end_date = normalize_date(r.end_date);
  e.remarks = collapse_whitespace(r.remarks);
  e.source_url = !r.source_information_url.empty() ? r.source_information_url : r.source_list_url;
  e.license_requirement = collapse_whitespace(r.license_requirement);
  e.license_policy = collapse_whitespace(r.license_policy);
  e.federal_register_notice = collapse_whitespace(r.federal_register_notice);
  if (e.type == EntityType::unknown && (!r.vessel_type.empty() || !r.call_sign.empty()))
    e.type = EntityType::vessel;
  add_property(e, "title", r.title);
  add_property(e, "standard_order", r.standard_order);
  add_property(e, "call_sign", r.call_sign);
  add_property(e, "vessel_type", r.vessel_type);
  add_property(e, "gross_tonnage", r.gross_tonnage);
  add_property(e, "gross_registered_tonnage", r.gross_registered_tonnage);
  add_property(e, "vessel_flag", r.vessel_flag);
  add_property(e, "vessel_owner", r.vessel_owner);
  return true;
}

}  // namespace clearance
