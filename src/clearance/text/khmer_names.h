#pragma once
// Khmer names as the lists spell them (ហ៊ុន សែន HUN Sen, ខៀវ សំផន KHIEU Samphan). Khmer writes a
// syllable as an initial consonant (with consonants stacked under it), a vowel sign and a final;
// a vowel's sound depends on the initial's series, which two marks switch (៉ ៊). Each syllable is
// spelled from its letters as names are (data/names/khmer_letters.csv, after the UNGEGN and
// French-era habits the lists follow: ែ ae or e, ៀ ie or ea, a final ត t or th), a token a
// syllable exact as a Burmese one is; English writes a word's syllables together as often as
// apart (Manet, Bun Hieng), which the query's joined reading covers.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

bool has_khmer_letters(std::string_view utf8);

// The syllables of a word in Khmer script, in order, as written.
std::vector<std::string> khmer_syllables(std::string_view word);

// The spellings of one syllable, the likeliest first, distinct, at most kMaxKhmerSpellings;
// empty for one whose letters the table does not read.
std::vector<std::string> khmer_spellings(std::string_view syllable);

// The length in bytes of the title (data/names/khmer_titles.csv: សម្តេច Samdech, ឯកឧត្តម
// Excellency, ឧកញ៉ា Oknha) that `text` opens with, the longest; 0 when none.
size_t khmer_title_length(std::string_view text, std::string* english = nullptr);

constexpr size_t kMaxKhmerSpellings = 12;

}  // namespace clearance
