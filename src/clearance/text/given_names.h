#pragma once
// A given name's forms in other languages — Alexander, Aleksandr, Oleksandr, Alessandro;
// Muhammad, Mohamed, Mhd — and the titles and honorifics written before a person's name
// (President, Президент, Sheikh, Dr.). Both are tables in data/names/ with a source per row
// (given_names.csv, titles.csv), lower-case ASCII as the normaliser produces.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The other forms of a given name (empty when the table has none). Not its short forms: those
// are nickname_relatives().
const std::vector<std::string>& given_name_equivalents(std::string_view name);

// Whether a word is a title or honorific ("president", "prezident", "sheikh", "dr").
bool is_title(std::string_view word);

// Spellings of a name as other languages write the same sounds: French "ou" (Poutine), Dutch "oe"
// (Poetin), German and Polish "w", "j", "sch", "tsch", "cz", "sz" (Wladimir, Jurij, Schoigu),
// French "-ine" and the Latvian and Lithuanian nominative endings (Lavrovs, Sergejs) — each read as
// English texts spell it. A word of four letters or more; the word itself is not among them.
std::vector<std::string> foreign_spellings(std::string_view word);

}  // namespace clearance
