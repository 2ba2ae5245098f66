#pragma once
// Names written in Hebrew script, as the lists spell them. The script writes consonants, and
// vowels only now and then (י, ו, א, ע): ICU reads יצחק as "yzhq", which meets no list's
// "Yitzhak". Two ways to a Latin spelling:
// - a table of common given names, surnames and organisation words (data/names/hebrew_names.csv,
//   a source per row) gives a word its Latin spellings, the commonest first;
// - another word is read letter by letter into the forms the consonant comparison reads
//   (consonant_skeleton.h): a letter that stands for more than one sound gives a form for each —
//   ב b or v, ו a vowel or v, ח h, kh or ch, כ k or ch, פ p or f, צ tz, ts or z, a medial ה
//   sounded or silent — so that Yitzhak, Itzhak and Yitschak all meet יצחק on their consonants.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// Whether the text holds a Hebrew letter.
bool has_hebrew_letters(std::string_view utf8);

// The Latin spellings of one Hebrew word (UTF-8, no spaces): empty when the table does not know
// it. Points (niqqud) are ignored and final letter forms folded (ם → מ).
std::vector<std::string> hebrew_spellings(std::string_view word);

// The readings of a Hebrew word as lower-case ASCII in the letters the consonant comparison reads
// (abjad_spelling_matches): y and w where the word writes י and ו as vowels, nothing for א and ע,
// kLettersApart between two letters the comparison would read as one (כה is k|h, not kh).
// At most kMaxHebrewForms, the likeliest reading first; empty for a word without Hebrew letters.
std::vector<std::string> hebrew_abjad_forms(std::string_view word);

constexpr size_t kMaxHebrewForms = 32;

}  // namespace clearance
