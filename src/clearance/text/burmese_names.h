#pragma once
// Burmese names (Myanmar script) as the lists spell them. Burmese writes a name's syllables
// together (မင်းအောင်လှိုင်) and English writes one word a syllable (MIN AUNG HLAING), by no
// standard romanisation but by habits every list shares: each syllable is read from its letters —
// an initial consonant with its medials, then a rime of vowel signs and a final — as names spell
// them (data/names/burmese_letters.csv: ထ ht or t, ောင် aung, ိုင် aing), a nasal final of the
// creaky tone with its t (မြင့် Myint, ညွန့် Nyunt), and the syllables names spell whole their own
// way (အေး Aye, ဦး Oo). Tones are not written in Latin and are not read.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

bool has_burmese_letters(std::string_view utf8);

// The syllables of a word in Myanmar script, in order, as written. A consonant killed by the asat
// or stacked under the next (ကုမ္ပဏီ: ကုမ် ပ ဏီ) ends the syllable before it.
std::vector<std::string> burmese_syllables(std::string_view word);

// The spellings of one syllable, the likeliest first, distinct, at most kMaxBurmeseSpellings;
// empty for one whose letters the table does not read (a mark alone, a digit).
std::vector<std::string> burmese_spellings(std::string_view syllable);

// The title (data/names/burmese_titles.csv: ဦး U, ဒေါ် Daw, ဗိုလ်ချုပ်ကြီး General) that
// syllables[from…] open with: how many syllables it takes, 0 when none; `english` its English.
size_t burmese_title_at(const std::vector<std::string>& syllables, size_t from,
                        std::string* english = nullptr);

constexpr size_t kMaxBurmeseSpellings = 12;

}  // namespace clearance
