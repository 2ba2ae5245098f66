#pragma once
// A party: the records of several lists (or several rows of one list) that describe one
// real-world person, organisation, vessel or aircraft. Records are what the sources publish;
// parties are what a user screens against. Each link between two records carries the evidence
// it was made on, so the grouping can be explained and reviewed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The evidence a link rests on, strongest first (the linker applies them in this order).
enum class LinkReason : uint8_t {
  user_same,           // the user's links file says the two records are one party
  ofac_number,         // the same OFAC entity number (SDN/non-SDN rows of the CSL, CSV, XML)
  un_reference,        // the same UN reference number, cited by both records
  entity_list_rows,    // one Entity List entry split per address: same name and FR notice
  name_country_regime  // same name, type and country under the same sanctions regime
};

const char* to_string(LinkReason reason);

struct PartyLink {
  uint32_t a = 0;  // entity indices into Snapshot::entities
  uint32_t b = 0;
  LinkReason reason = LinkReason::ofac_number;
  std::string detail;  // the shared number, name or notice
  bool operator==(const PartyLink&) const = default;
};

// A line of the user's links file: two record ids that are, or are not, one party.
struct UserLink {
  std::string a;
  std::string b;
  bool same = true;
  bool operator==(const UserLink&) const = default;
};

struct Party {
  std::string id;  // "P-" + 12 hex digits; kept across imports while any of its records stays
  std::vector<uint32_t> members;        // entity indices, most consequential listing first
  std::vector<std::string> former_ids;  // ids of parties merged into this one by later imports
  bool operator==(const Party&) const = default;
};

// A new party's id, derived from its first record's id so that a fresh import gives the same
// ids: "P-" and 12 hex digits of its SHA-256; `attempt` > 1 when that id is taken.
std::string new_party_id(std::string_view record_id, int attempt = 1);

// How much a listing weighs for a user who must act on it: export prohibitions and blocking
// first (Entity List, Denied Persons, SDN, UN…), then restrictions, then informational lists.
// Lower is more consequential; unknown lists come last.
int list_consequence_rank(std::string_view list);

}  // namespace clearance
