#pragma once
// Countries and regions named inside an organisation's name: "Faberlic Europe", "Deutsche Bank
// (Schweiz)", "Banco Santander México". Such a word says where a firm of a group is, not which
// group: present on one side only, it weighs like a common word (name_scorer.cpp).
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// Sets TokenMarks::place on each token of a run that names a country or a region as a whole
// ("hong kong", "united kingdom", "europe"); "united" alone stays unmarked.
void mark_place_names(std::vector<NameToken>& tokens);

}  // namespace clearance
