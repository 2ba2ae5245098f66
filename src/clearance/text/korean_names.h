#pragma once
// Korean names written in Hangul, spelled as the lists spell them. ICU reads 김정은 as one word,
// "gimjeong-eun"; the lists write KIM JONG UN (McCune–Reischauer without its marks, the DPRK's
// usage), Kim Jeong-eun (Revised Romanization) or Kim Jung-eun (South Korean habit). A name of one
// to four syllables becomes the family name (data/names/korean_surnames.csv: 김 Kim/Gim, 이 and 리
// Ri/Lee/Yi, 박 Pak/Park, 최 Choe/Choi…) and one token per syllable of the given name, each with
// the spellings of those systems as alternatives; the syllables stay exact (TokenMarks::syllable).
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// Appends the tokens of `run` (UTF-8) when it is a Korean name in Hangul: a person's (one to three
// words of up to four syllables, separated by spaces, hyphens or dots) or an organisation's (a
// word of data/names/korean_org_words.csv in it: 조선무역은행 → korea, trade, bank, the syllables
// between the table's words spelled as one proper name). Returns false, appending nothing,
// otherwise (other letters, a name of no known surname or word).
bool add_korean_name(std::string_view run, std::vector<NameToken>& out);

// A run of Hangul syllables no table word covers, the proper name of an organisation (대성
// Taesong, 단천 Tanchon): one token spelled in each system, the syllables' spellings joined, the
// lists' first; the syllables exact (TokenMarks::syllable). An empty token's text when `hangul`
// holds anything but Hangul syllables.
NameToken korean_proper_name(std::string_view hangul);

// Whether a syllable or two of Hangul are a family name of data/names/korean_surnames.csv.
bool is_korean_surname(std::string_view hangul);

// The spellings of one Hangul syllable as a word of a given name, the lists' commonest first
// ("정" → jong, chong, jeong, jung, …); empty when `syllable` is no Hangul syllable.
std::vector<std::string> hangul_syllable_spellings(char32_t syllable);

}  // namespace clearance
