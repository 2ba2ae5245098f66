#pragma once
// The one entity model every list reader produces and every later stage consumes.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clearance {

enum class EntityType : uint8_t { unknown, person, organization, vessel, aircraft };

// How a source qualifies an alternative name. `weak` is the source's own low-quality flag
// (OFAC "weak a.k.a.", UN quality "Low"): such names must never carry a hit on their own.
// `added`: a name the list does not carry, added by Clearance from a table with a public source
// (lists/listed_names.h); the record's "added_name" property says which. `added_brand`: the same,
// a group's brand given to another record of the group whose name carries it; a hit on it ranks
// after an equal hit on the record the brand is of.
enum class AliasKind : uint8_t { aka, fka, nka, weak, original_script, added, added_brand };

// A name Clearance added, never the list's own text.
inline bool added_by_clearance(AliasKind kind) {
  return kind == AliasKind::added || kind == AliasKind::added_brand;
}

struct Alias {
  std::string name;
  AliasKind kind = AliasKind::aka;
  bool operator==(const Alias&) const = default;
};

struct Address {
  std::string street;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string
      country;  // ISO 3166-1 alpha-2 when the source's country could be resolved, else empty
  std::string country_text;  // the country as the source wrote it
  std::string full;          // the whole address as one line, as the source wrote it when it did
  bool operator==(const Address&) const = default;
};

struct Identifier {
  std::string type;  // "Passport", "Tax ID No.", "SWIFT/BIC", …
  std::string number;
  std::string country;  // ISO alpha-2 of the issuing country when known
  std::string issued;   // date as given
  std::string expires;
  std::string note;
  bool operator==(const Identifier&) const = default;
};

// A field that only some sources carry (vessel call sign, title, gender, …).
struct Property {
  std::string key;
  std::string value;
  bool operator==(const Property&) const = default;
};

struct Entity {
  std::string id;       // unique within a snapshot and stable across versions: "<dataset>:<key>"
  std::string dataset;  // which source file set: "us_csl", "ofac_sdn", "ofac_cons", "un_sc", custom
  std::string list;     // short list code: "EL", "SDN", "DPL", "MEU", "UVL", "UN", "UEL", …
  std::string sub_list;   // a finer division the source names (UN regime, OFAC list, …)
  std::string source_id;  // the source's own entity number or reference
  EntityType type = EntityType::unknown;
  std::string name;  // primary name
  std::vector<Alias> aliases;
  std::vector<Address> addresses;
  std::vector<Identifier> identifiers;
  std::vector<std::string>
      dates_of_birth;  // ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" where parseable, else as given
  std::vector<std::string> places_of_birth;
  std::vector<std::string> nationalities;  // ISO alpha-2 where resolvable
  std::vector<std::string> citizenships;   // ISO alpha-2 where resolvable
  std::vector<std::string> programs;
  std::string listed_on;  // ISO date
  std::string end_date;   // ISO date, when the listing expires
  std::string remarks;
  std::string source_url;
  // Entity List (and MEU) specifics, carried verbatim from the source.
  std::string license_requirement;
  std::string license_policy;
  std::string federal_register_notice;
  std::vector<Property> properties;

  bool operator==(const Entity&) const = default;
};

const char* to_string(EntityType type);
EntityType entity_type_from_string(std::string_view text);  // tolerant: "Individual" → person
const char* to_string(AliasKind kind);
AliasKind alias_kind_from_string(std::string_view text);

}  // namespace clearance
