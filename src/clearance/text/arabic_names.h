#pragma once
// Arabic theophoric names — 'Abd ("servant of"), the article and a name of God — are written in a
// dozen ways: Abd al-Rahman, Abd-al-Rahman, Abdul Rahman, Abdel Rahman, Abdur Rahman,
// Abdurrahman, Abdulrahman, Abdirahman. Each is rewritten with the commonest spelling of its
// first part, keeping the writer's spacing: "abdul rahman" when written apart, "abdulrahman"
// when joined (which meets "abdul" + "rahman" as a joined span). Abdullah, Abdallah, Abd Allah
// and Abdulla are "abdullah".
//
// The name part is not split off a joined spelling: that would make it a separate, common word
// in every list name written so ("rahman"), and a leftover "Rahman" would weigh little.
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

void normalize_abd_names(std::vector<NameToken>& tokens);

}  // namespace clearance
