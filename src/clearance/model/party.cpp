#include "clearance/model/party.h"

#include <array>
#include <string>
#include <utility>

#include "clearance/util/sha256.h"

namespace clearance {

const char* to_string(LinkReason reason) {
  switch (reason) {
    case LinkReason::user_same:
      return "user_links_file";
    case LinkReason::ofac_number:
      return "ofac_entity_number";
    case LinkReason::un_reference:
      return "un_reference_number";
    case LinkReason::entity_list_rows:
      return "entity_list_entry_rows";
    case LinkReason::name_country_regime:
      return "name_type_country_regime";
  }
  return "unknown";
}

std::string new_party_id(std::string_view record_id, int attempt) {
  const std::string seed = attempt <= 1 ? std::string(record_id)
                                        : std::string(record_id) + "#" + std::to_string(attempt);
  return "P-" + sha256_hex(seed).substr(0, 12);
}

int list_consequence_rank(std::string_view list) {
  // Prohibitions (a license is required or dealing is barred), then restrictions that remove
  // exceptions or add conditions, then lists that inform (investment bans, procurement bans).
  static constexpr std::array<std::pair<std::string_view, int>, 24> kRanks = {{
      {"EL", 0},   {"DPL", 1},     {"SDN", 2},     {"UN", 3},       {"EU", 4},     {"UK", 4},
      {"MEU", 5},  {"MIEU", 5},    {"ISN", 6},     {"INKSNA", 6},   {"DTC", 7},    {"UVL", 8},
      {"SSI", 9},  {"FSE", 10},    {"NS-MBS", 10}, {"PLC", 10},     {"CAP", 10},   {"NS-ISA", 10},
      {"UEL", 11}, {"CN-ECL", 11}, {"CMIC", 12},   {"CN-ECWL", 12}, {"1260H", 13}, {"FCC", 14},
  }};
  for (const auto& [code, rank] : kRanks)
    if (code == list) return rank;
  if (list.rfind("NDAA-", 0) == 0) return 14;  // procurement bans
  if (list.rfind("CN-", 0) == 0) return 15;    // China's countermeasure lists
  return 20;
}

}  // namespace clearance
