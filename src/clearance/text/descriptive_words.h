#pragma once
// Words that say what an organisation is or does — bank, export, development, electronics,
// university — and not which one it is: the English of the organisation-word tables, the words
// the lists translate other scripts' organisation names with. A name of such words and places
// alone ("Export Development Bank of Iran", 中国电子科技集团) has no brand: every word is what
// tells it from its neighbours (name_scorer.cpp).
#include <string_view>

#include "clearance/text/name_token.h"

namespace clearance {

// Whether a canonical, lower-case token is one of those words.
bool is_descriptive_word(std::string_view token);

// Whether an ordinary token is such a word: one of them, or translated by a table (its English is
// the table's). Sets TokenMarks::descriptive on the index's and the screener's tokens.
inline bool describes_organisation(TokenClass kind, TokenOrigin origin, std::string_view text) {
  return kind == TokenClass::ordinary &&
         (origin == TokenOrigin::translated || is_descriptive_word(text));
}

}  // namespace clearance
