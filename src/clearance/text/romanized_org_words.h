#pragma once
// Organisation words a Latin name leaves in another language's romanisation — Persian "Bank
// Maskan", Russian "Tulsky Oruzheiny Zavod", Arabic "Sharikat", Korean "Choson Muyok" — where
// another record of the same organisation translates them ("Housing Bank", "Tula Arms Plant").
// A table (data/names/romanized_org_words.csv: the word as romanised, its English, the language,
// a source) gives such a word its English as alternatives, which a word the other name writes
// meets exactly; Russian, Ukrainian and Belarusian words come from the Cyrillic table
// (cyrillic_org_words.csv), its stems in every romanisation. A stem (a Cyrillic one, or a row
// written with a final '*') of five letters or more is met by a word that opens with it (a
// Russian adjective's endings: oruzheiny, oruzheynyy, oruzheinogo).
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// The English of a romanised organisation word (lower case, as the normaliser writes it), each
// as the normaliser folds it ("trading" is "trade"); null when the table holds no such word.
const std::vector<std::string>* romanized_org_word(std::string_view word);

// Each literal, ordinary token the table knows gets its English as alternatives.
void add_romanized_org_words(std::vector<NameToken>& tokens);

}  // namespace clearance
