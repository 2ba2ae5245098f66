#pragma once
// Korean names written in Han characters (Hanja) read in Korean: Chinese-language documents write
// 金正恩 for Kim Jong Un, which the Chinese reading ("jinzhengen") never meets. Each character's
// Korean reading comes from libhangul's Hanja dictionary (Debian's libhangul-data,
// /usr/share/libhangul/hanja/hanja.txt); the family name is the character's reading that
// data/names/korean_surnames.csv knows (金 김, not 금), each other syllable the dictionary's first
// reading. The Hangul is then spelled as a name in Hangul is (korean_names.h).
#include <string>
#include <string_view>

namespace clearance {

// The name in Hangul when it reads as a Korean person's name: two to four Han characters (spaces
// and middle dots between them ignored), the first a Korean family name; "" otherwise, or when the
// dictionary is not on the machine.
std::string hanja_name_in_hangul(std::string_view utf8);

// A run of Han characters read in Korean character by character, each the dictionary's first
// reading (a simplified character its traditional form's, Unihan's kTraditionalVariant from
// Debian's unicode-data, for Korean writes Hanja traditional): the proper name of an organisation
// as Chinese text writes it (端川 단천 Tanchon, 連峰 련봉 Ryonbong: the dictionary gives 連 its
// ㄹ first, as the North writes it, before the South's 연). "" when a character has no reading or
// the run holds anything else.
std::string hanja_in_hangul(std::string_view utf8);

// Whether the Hanja dictionary could be read.
bool hanja_dictionary_available();

}  // namespace clearance
