#pragma once
// Parties as JSON: a listing (one record of a party as the output contract shows it), a party's
// display fields, and the whole party with its records and the links that joined them
// (`GET /v1/entities/{id}`).
#include <nlohmann/json.hpp>

#include "clearance/model/snapshot.h"

namespace clearance {

// {"list", "sub_list", "source", "record_id", "name", "source_id", "programs",
//  "license_requirement", "license_policy", "federal_register_notice", "listed_on", "end_date",
//  "published", "countries"}: empty fields left out, except list, source, record_id and name.
nlohmann::ordered_json listing_to_json(const Snapshot& snapshot, const Entity& record);

// Every listing of the party, most consequential first.
nlohmann::ordered_json listings_to_json(const Snapshot& snapshot, const Party& party);

// The party's name (its most consequential record's primary name).
const std::string& party_name(const Snapshot& snapshot, const Party& party);

// Every other name of the party's records, each once (compared case-insensitively).
std::vector<std::string> party_aliases(const Snapshot& snapshot, const Party& party);

// The lists of the party's records, each once, most consequential first.
std::vector<std::string> party_lists(const Snapshot& snapshot, const Party& party);

// Countries of the party's records' addresses, each once, in record order.
std::vector<std::string> party_countries(const Snapshot& snapshot, const Party& party);

// The whole party: id, former ids, name, type, aliases, countries, listings, full records and the
// links (with their evidence) between them.
nlohmann::ordered_json party_to_json(const Snapshot& snapshot, const Party& party);

}  // namespace clearance
