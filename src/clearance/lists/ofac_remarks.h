#pragma once
// OFAC's legacy CSV carries dates of birth, nationalities, identifiers and weak aliases inside the
// free-text Remarks column ("DOB 1962; POB Gaza; Passport A123 (Iran); a.k.a. 'BNC'."). This
// extracts them into the entity; the full text is kept in Entity::remarks as well.
#include <string_view>

#include "clearance/model/country_codes.h"
#include "clearance/model/entity.h"

namespace clearance {

void apply_ofac_remarks(std::string_view remarks, CountryResolver& countries, Entity& entity);

}  // namespace clearance
