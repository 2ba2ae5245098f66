#pragma once
// A branch or office of an organisation, as customer and payment records name it: "Bank Melli
// Iran, Hamburg Branch", "Huawei Technologies Co Ltd Beijing Branch", "Sberbank Representative
// Office in Germany", "Branch of Rosoboronexport in Minsk". A branch is no legal person of its
// own: the sanctions and the export rules that name the organisation reach it. Its name is the
// organisation's with words that say which office (the branch or office words, a place before
// them or after "in"), which the lists do not write — so the query is also read without them.
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// The readings of a query naming a branch or office: its tokens without the office words and
// what follows them (a place of up to three words, after "in" or not: "in Frankfurt am Main",
// ", Hong Kong"), and — when a word stood between the name and the
// office words ("Hamburg Branch") — without that word too, which is the office's place as often
// as not. None when the name holds no office words, or would keep no word of its own. Each
// reading keeps at least one ordinary word.
std::vector<NormalizedName> branch_office_readings(const NormalizedName& name);

}  // namespace clearance
