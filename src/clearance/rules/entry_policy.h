#pragma once
// What an Entity List entry's license review policy says for one transaction. Entries write the
// policy as free text of one or more clauses, each a policy term and its scope ("Case-by-case for
// all items listed on the CCL. Presumption of approval for EAR99 items"; "Presumption of denial
// except case-by-case for items not described in ECCN 3B001.a.4, .c, …"; "See § 744.3(d) of the
// EAR"). The review policy of a finding is the term of the clause whose scope the item and end use
// meet — the entry's own text is kept beside it, never put in its place.
#include <string>
#include <string_view>
#include <vector>

namespace clearance::rules {

struct EntryPolicyFacts {
  std::string eccn;             // the item's ECCN, "EAR99" for none; empty when unknown
  std::string description;      // what the item is, as the user wrote it
  bool facility_200mm = false;  // end use: a 200 mm wafer production facility
};

struct EntryPolicyReading {
  // "policy of denial", "presumption of denial", "case-by-case", "presumption of approval";
  // "per § …" when the entry only refers to a section; "per the entry" when it says nothing.
  std::string policy;
  std::string clause;  // the clause that decided, as the entry writes it (empty: none)
  // Clauses that would apply on a fact the transaction does not state ("items necessary to
  // detect, identify and treat infectious disease"), as the entry writes them.
  std::vector<std::string> conditional;
};

EntryPolicyReading read_entry_policy(std::string_view text, const EntryPolicyFacts& facts);

}  // namespace clearance::rules
