#include "clearance/lists/sanctions_regimes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "clearance/util/strings.h"

namespace clearance {

namespace {

// Programme names (upper case, spaces removed, after the trailing number and "-EO…" are dropped)
// → regime. A programme may belong to two regimes (Iran's nuclear programme: IRAN and WMD).
constexpr std::array<std::pair<std::string_view, std::string_view>, 78> kRegimes = {{
    // Russia and Ukraine
    {"RUSSIA", "RUSSIA"},
    {"UKRAINE", "RUSSIA"},
    {"CAATSA", "RUSSIA"},
    {"EU-RUS", "RUSSIA"},
    {"EU-UKR", "RUSSIA"},
    {"EU-RUSDA", "RUSSIA"},
    {"EU-MDA", "RUSSIA"},
    // Korea, Iran, non-proliferation
    {"DPRK", "DPRK"},
    {"NKSPEA", "DPRK"},
    {"EU-PRK", "DPRK"},
    {"DEMOCRATICPEOPLE'SREPUBLICOFKOREA", "DPRK"},
    {"IRAN", "IRAN"},
    {"IFSR", "IRAN"},
    {"IRGC", "IRAN"},
    {"ISA", "IRAN"},
    {"EU-IRN", "IRAN"},
    {"IRAN(NUCLEAR)", "IRAN"},
    {"IRAN(NUCLEAR)", "WMD"},
    {"NPWMD", "WMD"},
    {"ISN", "WMD"},
    // Terrorism
    {"SDGT", "TERRORISM"},
    {"SDT", "TERRORISM"},
    {"FTO", "TERRORISM"},
    {"AL-QAIDA", "TERRORISM"},
    {"TALIBAN", "TERRORISM"},
    {"TALIBAN", "AFGHANISTAN"},
    {"ISIL", "TERRORISM"},
    {"ISIL(DA'ESH)ANDAL-QAIDA", "TERRORISM"},
    {"COUNTER-TERRORISM(INTERNATIONAL)", "TERRORISM"},
    {"COUNTER-TERRORISM(DOMESTIC)", "TERRORISM"},
    {"EU-TAQA", "TERRORISM"},
    {"EU-TERR", "TERRORISM"},
    {"EU-HAM", "TERRORISM"},
    {"EU-AFG", "AFGHANISTAN"},
    {"AFGHANISTAN", "AFGHANISTAN"},
    // Country regimes
    {"SYRIA", "SYRIA"},
    {"EU-SYR", "SYRIA"},
    {"BELARUS", "BELARUS"},
    {"EU-BLR", "BELARUS"},
    {"BURMA", "BURMA"},
    {"MYANMAR", "BURMA"},
    {"EU-MMR", "BURMA"},
    {"IRAQ", "IRAQ"},
    {"EU-IRQ", "IRAQ"},
    {"LIBYA", "LIBYA"},
    {"EU-LBY", "LIBYA"},
    {"SOMALIA", "SOMALIA"},
    {"EU-SOM", "SOMALIA"},
    {"DRCONGO", "DRC"},
    {"DRC", "DRC"},
    {"EU-COD", "DRC"},
    {"DEMOCRATICREPUBLICOFTHECONGO", "DRC"},
    {"SUDAN", "SUDAN"},
    {"DARFUR", "SUDAN"},
    {"EU-SDN", "SUDAN"},
    {"EU-SDNZ", "SUDAN"},
    {"SOUTHSUDAN", "SOUTH-SUDAN"},
    {"EU-SSD", "SOUTH-SUDAN"},
    {"CAR", "CAR"},
    {"CENTRALAFRICANREPUBLIC", "CAR"},
    {"EU-CAF", "CAR"},
    {"YEMEN", "YEMEN"},
    {"EU-YEM", "YEMEN"},
    {"VENEZUELA", "VENEZUELA"},
    {"EU-VEN", "VENEZUELA"},
    {"NICARAGUA", "NICARAGUA"},
    {"EU-NIC", "NICARAGUA"},
    {"HAITI", "HAITI"},
    {"EU-HTI", "HAITI"},
    {"MALI", "MALI"},
    {"EU-MLI", "MALI"},
    {"CYBER", "CYBER"},
    {"EU-CYB", "CYBER"},
    {"GLOMAG", "HUMAN-RIGHTS"},
    {"GLOBALHUMANRIGHTS", "HUMAN-RIGHTS"},
    {"EU-HR", "HUMAN-RIGHTS"},
    {"CHEMICALWEAPONS", "CHEMICAL"},
    {"EU-CHEM", "CHEMICAL"},
}};

}  // namespace

std::set<std::string> regimes_of_programme(std::string_view programme, bool un) {
  std::string p = ascii_upper(trim(programme));
  p.erase(std::remove(p.begin(), p.end(), ' '), p.end());
  std::set<std::string> out;
  if (p.empty()) return out;
  auto look_up = [&](std::string_view key) {
    for (const auto& [name, regime] : kRegimes)
      if (name == key) out.insert(std::string(regime));
  };
  look_up(p);
  // The FCC's Covered List takes in the companies § 889 of the NDAA for FY2019 names.
  if (p.rfind("SECTION889", 0) == 0 || p.rfind("SECUREANDTRUSTEDCOMMUNICATIONSNETWORKSACT", 0) == 0)
    out.insert("US-TELECOM-889");
  if (out.empty() && p.rfind("EU-", 0) == 0) {
    // "EU-TAQA-EUAQ": the EU's key is its first two parts.
    const size_t second = p.find('-', 3);
    look_up(second == std::string::npos ? p : std::string_view(p).substr(0, second));
  }
  if (out.empty()) {
    // OFAC: "DPRK3", "IRAQ2", "UKRAINE-EO13662", "CYBER2".
    std::string base = p;
    if (const size_t dash = base.find("-EO"); dash != std::string::npos) base.resize(dash);
    while (!base.empty() && std::isdigit(static_cast<unsigned char>(base.back()))) base.pop_back();
    look_up(base);
    if (out.empty()) out.insert(base.empty() ? p : base);
  }
  if (un && (out.count("DPRK") || out.count("IRAN"))) out.insert("WMD");
  return out;
}

}  // namespace clearance
