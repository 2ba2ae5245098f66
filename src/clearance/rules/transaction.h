#pragma once
// The facts of one transaction the license determination works from. Facts the engine cannot
// know (knowledge of an end use, headquarters, ownership, whether a foreign item is a direct
// product of US technology) are inputs; when one matters and is unknown the answer says so.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clearance/rules/chip_spec.h"

namespace clearance::rules {

struct Owner {
  std::string name;
  double percent = 0;
};

// End uses the exporter knows of (§§ 744.6, 744.21–744.23; GP10; entry-specific policies).
namespace end_use {
inline constexpr const char* supercomputer = "supercomputer";
inline constexpr const char* advanced_node_fab = "advanced-node-ic-production";
inline constexpr const char* fab_node_unknown = "ic-production-node-unknown";
inline constexpr const char* sme_development = "sme-development";
inline constexpr const char* military = "military";
inline constexpr const char* military_intelligence = "military-intelligence";
inline constexpr const char* technical_analysis = "technical-analysis";
inline constexpr const char* below_5g = "below-5g";
inline constexpr const char* facility_200mm = "200mm-facility";
// Every end use the rules read: a request naming another is refused, not answered without it.
inline constexpr const char* all[] = {supercomputer,      advanced_node_fab, fab_node_unknown,
                                      sme_development,    military,          military_intelligence,
                                      technical_analysis, below_5g,          facility_200mm};
}  // namespace end_use

struct Transaction {
  std::string date;        // ship or transfer date, YYYY-MM-DD
  bool text_mode = false;  // literal eCFR text instead of the law as BIS enforces it

  // The item: a chip (classified here) or an ECCN the user already has.
  std::optional<ChipSpec> chip;
  std::string eccn;
  std::string form = "ic";         // ic | computer
  std::string described_in;        // another ECCN that describes it (→ .z)
  std::string description;         // free text (China's commodity measures match words in it)
  std::optional<double> quantity;  // units in the order; unknown when not given

  // Jurisdiction.
  std::string origin = "US";                    // where it was made
  std::optional<double> us_content_percent;     // controlled US-origin content, % of value
  Tristate direct_product = Tristate::unknown;  // of US technology/software (or of such a plant)
  bool contains_us_ic = false;
  std::optional<double> prc_content_percent;  // China-origin listed rare earths, % of value

  // Movement and parties.
  std::string ship_from = "US";
  // A deemed export (§ 734.13(b)): technology or source code released to a foreign national in
  // the United States, an export to this country (the most recent citizenship or permanent
  // residency). Set: destination is this country, ship_from and origin are US.
  std::string deemed_export_to;
  std::string destination;
  std::string exporter;  // name: screened, and matched against is-informed letters
  std::string seller;    // name of a seller other than the exporter (a distributor): screened
  std::string exporter_hq = "US";
  std::string party_hq;  // headquarters of the consignee/end user or its ultimate parent
  std::vector<std::string> parties;  // names screened against the lists
  std::vector<Owner> owners;         // owners of the consignee (Affiliates Rule, OFAC 50 %)
  std::string us_person_activity;    // "", "facilitate", "service" (§ 744.6)
  // The US person's employer (natural persons): headquarters, and whether entities headquartered
  // in Macau/D:5 own most of it (the § 744.6(d)(4) exclusion). Empty: not stated.
  std::string us_person_employer_hq;
  bool us_person_employer_d5_owned = false;

  std::set<std::string> end_uses;
  bool certifications_dd = false;        // Supp. No. 2 to Part 748 ¶(dd) certifications
  std::vector<std::string> is_informed;  // catalogue ids of items the exporter was informed about

  // Whether any name is given to screen (parties, owners, the exporter or the seller).
  bool names_anyone() const {
    return !parties.empty() || !owners.empty() || !exporter.empty() || !seller.empty();
  }
};

}  // namespace clearance::rules
