#pragma once
// The sanctions regime a programme belongs to, across publishers: OFAC's "RUSSIA-EO14024" and
// "UKRAINE-EO13662", the EU's "EU-RUS" and the UK's "Russia" are one regime; OFAC's "SDGT", the
// UN's Al-Qaida list and the EU's "EU-TAQA-EUAQ" another. The linker needs a regime in common
// before it joins two records of a person by name (party_linker.cpp).
#include <set>
#include <string>
#include <string_view>

namespace clearance {

// The regimes of one programme as a source writes it; `un` when the source is the UN list (its
// DPRK and Iran lists are non-proliferation regimes too). Unknown programmes give themselves,
// upper-cased, without a trailing number or executive-order suffix ("CYBER2" → "CYBER").
std::set<std::string> regimes_of_programme(std::string_view programme, bool un);

}  // namespace clearance
