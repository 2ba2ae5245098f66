#pragma once
// A name's words kept apart from the name: each token of its normalised form (and of its other
// readings) as bytes, so that a store can keep what a subject's name is made of and, when the
// lists change, ask of each distinct word whether it can meet a changed list name — without
// normalising a million names again (store/monitor.cpp).
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// Everything the screener's lookups read of a token (text, class, origin, marks, alternatives,
// abjad readings, Thai letter keys), as bytes; not the text as written (`source`), which only
// explains.
std::string encode_word(const NameToken& token);
NameToken decode_word(std::string_view bytes);

// The name's words reading by reading: its own tokens first, then each reading's
// (NormalizedName::readings), in order — the spans across words are looked up in that order.
std::vector<std::vector<std::string>> name_words(const NormalizedName& name);

}  // namespace clearance
