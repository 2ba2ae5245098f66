#pragma once
// Chinese names of Hong Kong and Macau people read in Cantonese, as the lists and the people
// themselves spell them: 李嘉誠 is "LI Ka-shing", 林鄭月娥 "LAM CHENG Yuet-ngor", which the
// Mandarin reading (Li Jiacheng, Lin Zheng Yue'e) never meets. Each character's Cantonese reading
// comes from the Unicode Han database (Unihan's kCantonese, in Jyutping; Debian's unicode-data,
// /usr/share/unicode/Unihan_Readings.txt.bz2), then spelled as Hong Kong's registers spell a
// syllable — the lists' usage — with the other common spellings (Macau's, Yale's) as alternatives.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The spellings of one Jyutping syllable without its tone ("zoeng" → cheung, tseung; "jyut" →
// yuet; "gwok" → kwok, kuok), the Hong Kong spelling first; empty for a text that is not one.
std::vector<std::string> cantonese_spellings(std::string_view jyutping);

struct CantoneseSyllable {
  std::string source;                  // the character
  std::vector<std::string> spellings;  // Hong Kong's first
};

// The syllables of a person's name of two to four Han characters (spaces and middle dots between
// them ignored); empty when the text is not such a name, a character has no Cantonese reading, or
// the database is not on the machine.
std::vector<CantoneseSyllable> cantonese_name_syllables(std::string_view utf8);

// Whether the Unihan readings could be read.
bool cantonese_readings_available();

}  // namespace clearance
