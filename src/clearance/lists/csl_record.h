#pragma once
// One row of the trade.gov Consolidated Screening List, as both its CSV and JSON layouts carry it,
// and its conversion to the entity model.
#include <string>
#include <vector>

#include "clearance/model/country_codes.h"
#include "clearance/model/entity.h"

namespace clearance {

struct CslRecord {
  std::string id, source, entity_number, type, name, title, federal_register_notice, start_date,
      end_date, standard_order, license_requirement, license_policy, call_sign, vessel_type,
      gross_tonnage, gross_registered_tonnage, vessel_flag, vessel_owner, remarks, source_list_url,
      source_information_url;
  std::vector<std::string> programs, alt_names, citizenships, dates_of_birth, nationalities,
      places_of_birth;
  std::vector<Address> addresses;
  std::vector<Identifier> ids;
};

// "Entity List (EL) - Bureau of Industry and Security" → "EL"; without a code, the text before " -
// ".
std::string csl_list_code(const std::string& source);

// Builds the entity; the id is left for assign_entity_ids(). Empty name → returns false.
bool build_csl_entity(CslRecord&& record, CountryResolver& countries, Entity& out);

// "19 Luysi Chalovskoy St., Borisov, 222512, BY" → address with country BY and the full text.
Address parse_csl_address(const std::string& text, CountryResolver& countries);

// "JO, 2014-08-30, 2009-08-31, K475336, Passport" → identifier.
Identifier parse_csl_identifier(const std::string& text, CountryResolver& countries);

}  // namespace clearance
