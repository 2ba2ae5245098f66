#pragma once
// Shared state of one license determination, passed to each family of rules (one file each).
#include <string>
#include <string_view>

#include "clearance/rules/determination.h"
#include "clearance/rules/rulebook.h"
#include "clearance/rules/transaction.h"

namespace clearance {
class Screener;
}

namespace clearance::rules {

struct CheckContext {
  CheckContext(const Transaction& t, const Rulebook& b, Determination& d)
      : tx(t), book(b), out(d) {}
  const Transaction& tx;
  const Rulebook& book;
  Determination& out;
  std::string date;
  std::string destination;  // as the EAR treats it (HK → CN)
  std::string ship_from;
  std::string party_hq;
  std::string us_person_employer_hq;  // ISO code; empty when not stated
  std::string eccn;                   // the item's ECCN (classified or given)
  std::string level;                  // 3A090 level met: "a", "b", "c", "2022", or ""
  bool datacenter = true;
  bool foreign_made = false;
  bool in_country = false;  // a transfer within one foreign country
  bool hq_d5 = false;       // party headquartered (or ultimate parent) in Macau or D:5
  bool subject_only_via_zero_de_minimis = false;  // § 734.4(a)(8)
  bool subject_via_sme_fdp = false;               // § 734.9(k)
  int advanced_finding = -1;  // index of the 3A090/4A090 CCL requirement, when there is one

  void add(Finding f) { out.requirements.push_back(std::move(f)); }
  void flag(std::string text) { out.flags.push_back(std::move(text)); }
  void ask(std::string text) { out.questions.push_back(std::move(text)); }
  bool has_end_use(const char* use) const { return tx.end_uses.count(use) > 0; }
  bool party_has_footnote(const std::string& fn) const;
  bool party_on_list(const std::string& list) const;
};

// Is the ECCN (or the start of it) one of these? "3B001.c.1" matches "3B001.c".
bool eccn_in(const std::string& eccn, std::initializer_list<const char*> prefixes);
// Is the ECCN this one or a paragraph of it? "3B001.c.1" is within "3B001.c", not within "3B00".
bool eccn_within(std::string_view eccn, std::string_view paragraph);
bool is_sme_fdp_item(
    const std::string& eccn);  // 3B001.a.4, c, d, f.1, f.5, f.6, k–n, p.2, p.4, r; 3B002.c

void screen_parties(CheckContext& ctx, const Screener* screener, float threshold,
                    int max_list_age_days);
void check_jurisdiction(CheckContext& ctx);
void check_advanced_computing(CheckContext& ctx);
void check_other_ccl(CheckContext& ctx);
void check_end_uses(CheckContext& ctx);
void check_parties(CheckContext& ctx);
void check_gp10(CheckContext& ctx);
// § 744.6: US persons' support for activities involving items that need not be subject to the EAR.
void check_us_person(CheckContext& ctx);
void check_prc(CheckContext& ctx);
void add_exceptions(CheckContext& ctx);

}  // namespace clearance::rules
