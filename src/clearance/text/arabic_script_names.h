#pragma once
// Names written in Arabic script (Arabic, Persian, Urdu) spelled as the lists spell them. The
// script writes consonants and long vowels only: ICU reads محمد as "mhmd", which meets no list's
// "Mohamed". A table of common names and name parts (data/names/arabic_names.csv, with a source
// per row) gives each its Latin spellings, the commonest first; the article (ال) is read as "al"
// joined, as the table writes it, or dropped.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The Latin spellings of one Arabic-script word (UTF-8, no spaces): empty when the table does not
// know it. Short vowel marks and tatweel are ignored, alef and ya forms folded.
std::vector<std::string> arabic_script_spellings(std::string_view word);

}  // namespace clearance
