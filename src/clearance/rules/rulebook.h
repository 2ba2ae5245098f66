#pragma once
// The dated rule tables the rules engine reads: Country Groups and their changes, the Country
// Chart columns it needs, the supplements, the 3A090 thresholds by vintage, the advanced-computing
// license scopes by period, dated events (AI Diffusion, the Affiliates Rule and its stay, known
// is-informed letters) and China's export measures. Written by the project as
// data/rules/rulebook.json and compiled in; `--rules FILE` loads another version. Dates are ISO
// strings (YYYY-MM-DD), which compare correctly as strings.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance::rules {

struct GroupChange {
  std::string date;
  std::string country;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::string citation;
};

// Country Group membership (Supp. No. 1 to Part 740) on any date: the table as of `as_of`, with
// the recorded changes undone for earlier dates.
class CountryGroups {
 public:
  std::string as_of;
  std::string citation;
  std::map<std::string, std::set<std::string>> members;  // group → ISO codes, as of `as_of`
  std::vector<GroupChange> changes;
  std::map<std::string, std::string> same_as;  // "HK" → "CN"

  // The destination as the EAR treats it (Hong Kong is China).
  std::string canonical(std::string_view country) const;
  std::set<std::string> groups_of(std::string_view country, std::string_view date) const;
  bool in(std::string_view country, std::string_view group, std::string_view date) const;
  // "D:1, D:4 or D:5, excluding any destination also in A:5 or A:6".
  bool d_scope(std::string_view country, std::string_view date) const;
  // "Macau or a destination in Country Group D:5".
  bool macau_or_d5(std::string_view country, std::string_view date) const;
};

// The Country Chart columns the engine uses, each written as "every destination except …".
struct CountryChart {
  std::string as_of;
  std::string citation;
  std::map<std::string, std::set<std::string>> all_except;  // column → countries without an X
  std::map<std::string, std::string> embargoed;             // country → the Part 746 pointer
  std::set<std::string> russia_belarus;
  std::string russia_belarus_citation;
  std::string russia_belarus_from;
  // True when the column has an X for the destination. Embargoed rows have no marks.
  bool has_x(std::string_view column, std::string_view country) const;
};

struct Thresholds2022 {
  std::string from, to;
  double tpp = 0, io_gbps = 0;
  std::string citation, fr, confidence;
};
struct Thresholds2023 {
  std::string from;
  double a1_tpp = 0, a2_tpp = 0, a2_pd = 0;
  double b1_tpp_min = 0, b1_tpp_max = 0, b1_pd_min = 0, b1_pd_max = 0;
  double b2_tpp = 0, b2_pd_min = 0, b2_pd_max = 0;
  double note2_tpp = 0;
  std::string citation, fr, confidence;
};
struct ThresholdsHbm {
  std::string from, compliance;
  double mbd = 0;
  std::string citation, fr, confidence;
};
struct Thresholds3A991p {
  double tops = 0, io_gbps = 0;
  std::string citation, confidence, date_note;
};

// One period of the license scope of an advanced-computing tier ("a", "b", "c"). The newest
// entry whose `from` is on or before the date applies, per mode.
struct ScopeRule {
  std::string tier;
  std::string from;
  std::string compliance;          // compliance date when later than `from`
  std::string mode;                // "" = both modes, "text" = literal eCFR text only
  std::vector<std::string> scope;  // ISO codes and the keywords d_scope, macau_d5, hq_d5, worldwide
  bool unless_supp8 = false;
  std::string citation, hq_citation, fr, confidence;
};

struct DatedCitation {
  std::string from;
  std::string citation;
  std::string fr;
  std::string confidence;
};

struct AdvancedComputing {
  std::vector<ScopeRule> scopes;
  std::string ai_diffusion_effective, ai_diffusion_compliance, ai_diffusion_not_enforced_from;
  std::string ai_diffusion_fr, ai_diffusion_statement;
  double lpp_tpp_per_year = 0;
  DatedCitation nac, aca, hbm_exception;
  // Since AI Diffusion the text of the advanced-computing FDP rule's destination scope is every
  // location; the enforced reading keeps the earlier D-scope / HQ-D5 scope.
  DatedCitation fdp_worldwide_text;
  int nac_notice_days = 25;
  double hbm_exception_mbd_below = 0;
  DatedCitation case_by_case_2026;
  double cbc_tpp_below = 0, cbc_dram_bandwidth_below = 0;
  std::string policy_citation;

  // The scope rule for a tier on a date; `text` selects the literal-text entries.
  const ScopeRule* scope_for(std::string_view tier, std::string_view date, bool text) const;
};

struct AffiliatesRule {
  std::string effective, stayed_from, stayed_until;
  double ownership_percent = 50;
  std::string fr, stay_fr, citation;
  std::string general_order_7_until;
  std::vector<std::string> general_order_7_groups;
  // "active", "stayed" or "not yet in force" on a date.
  std::string status_on(std::string_view date) const;
};

struct DatedScope {
  std::string from;
  std::vector<std::string> scope;
  std::string fr;
};

struct IsInformedLetter {
  std::string exporter;
  std::vector<std::string> items;  // catalogue ids
  std::string from;
  std::vector<std::string> scope;
  std::string citation;
  std::string confidence;
};

struct PrcMeasure {
  std::string id;
  std::vector<std::string> items;  // lower-case keywords matched in the item description
  bool any_dual_use = false;
  std::vector<std::string> destinations;          // empty = any
  std::vector<std::string> end_user_military_of;  // the measure bars these countries' military
  bool extraterritorial = false;
  double min_content_percent = 0;
  std::string effective, suspended_from, suspended_until, suspension, extension_announced;
  std::string effect;  // "license", "denial", "prohibited"
  std::string summary;
};

struct PrcList {
  std::string name, effect, citation;
};

struct Rulebook {
  std::string version;
  std::string law_as_of;
  CountryGroups groups;
  CountryChart chart;
  std::set<std::string> supp4_part742, supp5a_part740;
  std::string supp4_citation, supp5a_citation;
  std::string supp8_from, supp8_citation;
  std::vector<std::string> supp8_entities;
  std::set<std::string> supp2_part744_eccns;
  std::string supp2_part744_citation;
  Thresholds2022 t2022;
  Thresholds2023 t2023;
  ThresholdsHbm hbm;
  Thresholds3A991p t3a991p;
  AdvancedComputing advanced;
  AffiliatesRule affiliates;
  std::string gp10_from, gp10_citation, gp10_confidence;
  std::vector<std::string> gp10_named;
  std::vector<DatedScope> supercomputer_end_use;
  std::vector<IsInformedLetter> letters;
  std::set<std::string> sdn_744_8_programs;
  std::vector<PrcMeasure> prc_measures;
  std::vector<std::string> prc_dual_use_items;
  std::map<std::string, PrcList> prc_lists;

  // Every field is checked: a missing or mistyped one names its path.
  static Result<Rulebook> parse(std::string_view json_text, std::string_view source_name);
  static Result<Rulebook> load_file(const std::string& path);
  static const Rulebook& builtin();

  // Does a scope list (ISO codes and keywords) cover this destination / headquarters on a date?
  bool scope_covers_destination(const std::vector<std::string>& scope, std::string_view country,
                                std::string_view date) const;
  bool hq_in_macau_or_d5(std::string_view hq, std::string_view date) const;
};

}  // namespace clearance::rules
