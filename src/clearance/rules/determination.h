#pragma once
// The answer of a license determination: jurisdiction, classification, every requirement with its
// citation, the exceptions, the review policy, and what the engine could not decide.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "clearance/rules/classifier.h"

namespace clearance::rules {

enum class Answer { no, yes, prohibited, indeterminate };
const char* to_string(Answer a);

// One rule that applies to the transaction.
struct Finding {
  std::string rule;      // short name: "3A090.a destination", "Entity List", "§ 744.23(a)(1)", …
  std::string regime;    // "EAR", "OFAC", "PRC"
  std::string effect;    // "license", "prohibited", "no license", "notice", "indeterminate"
  std::string summary;   // why, in words
  std::string citation;  // 15 CFR section(s)
  std::string fr;        // Federal Register rule(s) or other instrument
  std::string effective;
  std::string confidence;  // V, V-FR, S, U
  bool exceptions_possible = false;
  std::string review_policy;
  std::string policy_citation;
};

struct ExceptionOption {
  std::string symbol;
  std::string status;  // "available", "not available", "verify"
  std::string reason;
  std::string citation;
};

struct PartyMatch {
  std::string query;
  std::string role;      // "party" or "owner"
  std::string party_id;  // the matched party; one PartyMatch per listing of it
  std::string entity_id;
  std::string name;
  std::string matched_name;
  std::string list;
  float score = 0;
  std::string license_requirement;
  std::string license_policy;
  std::string federal_register;
  std::vector<std::string> footnotes;  // "FN1", "FN3", "FN4", "FN5" from the entry's citations
  std::vector<std::string> programs;
  std::string listed_on;  // as the list states it, ISO; may be empty
  std::string end_date;   // when the listing (a denial order) ends; empty: no end stated
};

struct Determination {
  std::string date;
  std::string mode;  // "enforced" or "text"
  std::string rulebook_version;
  std::string law_as_of;
  Answer subject_to_ear = Answer::yes;
  std::vector<std::string> jurisdiction;
  std::optional<Classification> classification;
  std::string eccn;
  Answer license_required = Answer::no;
  std::vector<Finding> requirements;  // US and OFAC
  std::vector<ExceptionOption> exceptions;
  std::string review_policy;
  std::string outcome;
  std::vector<std::string> flags;
  std::vector<std::string> questions;
  std::vector<std::string> text_mode_differences;
  std::vector<Finding> prc;
  // China's side in one word, from `prc`: prohibited, yes (a MOFCOM permit is required, or the
  // party is restricted), indeterminate (a suspended measure may be reactivated) or no.
  Answer china = Answer::no;
  std::vector<PartyMatch> parties;
};

nlohmann::json to_json(const Classification& c);
nlohmann::json to_json(const Determination& d);

}  // namespace clearance::rules
