#pragma once
// Links the records of a snapshot into parties (model/party.h) on evidence, strongest first:
// the user's links file, shared OFAC entity numbers, shared UN reference numbers, Entity List
// rows of one entry split per address, and the same name, type and country under the same
// sanctions regime (or, for an organisation's full name of three words or more, in the same
// country). Primary names only: aliases are copied between related parties. A name alone never
// links records of different types or countries.
#include <string>
#include <unordered_map>
#include <vector>

#include "clearance/model/snapshot.h"
#include "clearance/util/result.h"

namespace clearance {

// What an earlier snapshot's parties were, for ids that survive imports.
struct PartyHistory {
  std::unordered_map<std::string, std::string> party_of_record;          // record id → party id
  std::unordered_map<std::string, std::vector<std::string>> former_ids;  // party id → its former
};
PartyHistory party_history(const Snapshot& snapshot);

struct LinkOutcome {
  std::vector<std::string> warnings;  // user links dropped because a record left the lists
  size_t refused = 0;  // automatic links the user's "not same" pairs kept from being made
};

// Fills snapshot.parties, snapshot.links and snapshot.party_of from snapshot.entities (sorted by
// id) and snapshot.user_links. Party ids continue those in `previous` (may be null): a party keeps
// its id while any of its records stays; a party merged into another keeps its id as a former id.
// With `strict_user_links`, a user link naming an unknown record is an error (a links file just
// given); otherwise it is dropped with a warning (a file carried over from an earlier import whose
// record has since left the lists). A links file that contradicts itself is always an error.
Result<LinkOutcome> link_parties(Snapshot& snapshot, const PartyHistory* previous,
                                 bool strict_user_links);

// The key two names must share to be linked: ASCII letters lower-cased, punctuation dropped; with
// `any_order`, words sorted ("PUTIN, Vladimir" and "Vladimir Putin" give "putin vladimir").
std::string link_name_key(std::string_view name, bool any_order);

}  // namespace clearance
