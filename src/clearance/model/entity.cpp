#include "clearance/model/entity.h"

#include "clearance/util/strings.h"

namespace clearance {

const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::person:
      return "person";
    case EntityType::organization:
      return "organization";
    case EntityType::vessel:
      return "vessel";
    case EntityType::aircraft:
      return "aircraft";
    case EntityType::unknown:
      break;
  }
  return "unknown";
}

EntityType entity_type_from_string(std::string_view text) {
  const std::string t = ascii_lower(trim(text));
  if (t == "person" || t == "individual" || t == "individuals") return EntityType::person;
  if (t == "organization" || t == "organisation" || t == "entity" || t == "company" ||
      t == "entities")
    return EntityType::organization;
  if (t == "vessel") return EntityType::vessel;
  if (t == "aircraft") return EntityType::aircraft;
  return EntityType::unknown;
}

const char* to_string(AliasKind kind) {
  switch (kind) {
    case AliasKind::aka:
      return "aka";
    case AliasKind::fka:
      return "fka";
    case AliasKind::nka:
      return "nka";
    case AliasKind::weak:
      return "weak";
    case AliasKind::original_script:
      return "original_script";
    case AliasKind::added:
    case AliasKind::added_brand:
      return "added_by_clearance";
  }
  return "aka";
}

AliasKind alias_kind_from_string(std::string_view text) {
  std::string t;
  for (char c : ascii_lower(trim(text)))
    if (c != '.' && c != ' ' && c != '-' && c != '_') t += c;
  if (t == "fka" || t == "formerlyknownas") return AliasKind::fka;
  if (t == "nka" || t == "nowknownas") return AliasKind::nka;
  if (t == "weak" || t == "weakaka" || t == "low" || t == "lowquality") return AliasKind::weak;
  if (t == "originalscript") return AliasKind::original_script;
  if (t == "addedbyclearance") return AliasKind::added;
  return AliasKind::aka;
}

}  // namespace clearance
