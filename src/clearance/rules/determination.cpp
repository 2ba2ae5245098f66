#include "clearance/rules/determination.h"

namespace clearance::rules {

using nlohmann::json;

const char* to_string(Answer a) {
  switch (a) {
    case Answer::no:
      return "no";
    case Answer::yes:
      return "yes";
    case Answer::prohibited:
      return "prohibited";
    case Answer::indeterminate:
      return "indeterminate";
  }
  return "indeterminate";
}

namespace {

void put_optional(json& out, const char* key, const std::optional<double>& v) {
  if (v) out[key] = *v;
}

json finding_json(const Finding& f) {
  json out = {{"rule", f.rule},
              {"regime", f.regime},
              {"effect", f.effect},
              {"summary", f.summary},
              {"citation", f.citation},
              {"federal_register", f.fr},
              {"effective", f.effective},
              {"confidence", f.confidence},
              {"exceptions_possible", f.exceptions_possible}};
  if (!f.review_policy.empty()) {
    out["review_policy"] = f.review_policy;
    out["policy_citation"] = f.policy_citation;
  }
  return out;
}

}  // namespace

json to_json(const Classification& c) {
  json out = {{"eccn", c.eccn},           {"level", c.level},           {"paragraph", c.paragraph},
              {"decided", c.decided},     {"vintage", c.vintage},       {"citation", c.citation},
              {"federal_register", c.fr}, {"confidence", c.confidence}, {"steps", c.steps},
              {"flags", c.flags},         {"missing", c.missing}};
  put_optional(out, "tpp", c.tpp);
  put_optional(out, "tpp_if_sparse", c.tpp_low);
  put_optional(out, "performance_density", c.pd);
  put_optional(out, "memory_bandwidth_density", c.mbd);
  if (!c.compliance_note.empty()) out["compliance_note"] = c.compliance_note;
  return out;
}

json to_json(const Determination& d) {
  json out;
  out["date"] = d.date;
  out["mode"] = d.mode;
  out["rulebook"] = {{"version", d.rulebook_version}, {"law_as_of", d.law_as_of}};
  out["subject_to_ear"] = {{"answer", to_string(d.subject_to_ear)}, {"steps", d.jurisdiction}};
  if (d.classification) out["classification"] = to_json(*d.classification);
  out["eccn"] = d.eccn;
  out["license_required"] = to_string(d.license_required);
  out["outcome"] = d.outcome;
  out["review_policy"] = d.review_policy;
  out["requirements"] = json::array();
  for (const Finding& f : d.requirements) out["requirements"].push_back(finding_json(f));
  out["exceptions"] = json::array();
  for (const ExceptionOption& e : d.exceptions)
    out["exceptions"].push_back({{"symbol", e.symbol},
                                 {"status", e.status},
                                 {"reason", e.reason},
                                 {"citation", e.citation}});
  out["flags"] = d.flags;
  out["questions"] = d.questions;
  out["text_mode_differences"] = d.text_mode_differences;
  out["china_answer"] = to_string(d.china);
  out["china"] = json::array();
  for (const Finding& f : d.prc) out["china"].push_back(finding_json(f));
  out["parties"] = json::array();
  for (const PartyMatch& p : d.parties)
    out["parties"].push_back({{"query", p.query},
                              {"role", p.role},
                              {"party_id", p.party_id},
                              {"entity_id", p.entity_id},
                              {"name", p.name},
                              {"matched_name", p.matched_name},
                              {"list", p.list},
                              {"score", p.score},
                              {"license_requirement", p.license_requirement},
                              {"license_policy", p.license_policy},
                              {"federal_register", p.federal_register},
                              {"footnotes", p.footnotes},
                              {"programs", p.programs},
                              {"listed_on", p.listed_on},
                              {"end_date", p.end_date}});
  return out;
}

}  // namespace clearance::rules
