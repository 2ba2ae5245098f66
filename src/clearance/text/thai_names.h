#pragma once
// Names written in Thai read as the lists spell them. Thai writes vowels before, above, below and
// after their consonant, leaves some unwritten, and spells a final consonant otherwise than an
// initial one: ICU's letter-by-letter transliteration (ISO 11940, "cintưāy") meets no list's
// spelling. A word is read syllable by syllable in the Royal Thai General System (RTGS) — สมชาย
// "somchai", ประยุทธ์ "prayut", ชวน "chuan" — which lists and passports mostly follow; beside it a
// second spelling many Thai write their names with: consonants as their letter sounds wherever
// they stand (ธ th, ร r, ษ s at the end: "prayuth"), ว v, จ j.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/org_words.h"

namespace clearance {

// Whether the text holds a Thai letter.
bool has_thai_letters(std::string_view utf8);

// The spellings of one Thai word (UTF-8, no spaces), RTGS first; empty for a word without Thai
// letters. Tone marks are not written (RTGS leaves them out); a letter under the silencing mark
// (◌์) is not read.
std::vector<std::string> thai_spellings(std::string_view word);

// Whether a word holds an organisation word of data/names/thai_org_words.csv of four letters or
// more (ธนาคาร bank, บริษัท company, การบิน airways): the name is an organisation's. Shorter
// table words (ไทย Thai) may be part of a person's name.
bool is_thai_organisation_word(std::string_view word);

// A word of an organisation's name cut into the table's words (longest first, from the left) and
// the letters between them: ธนาคารกรุงไทย → ธนาคาร (bank), กรุง, ไทย (thai).
struct ThaiPart {
  std::string text;
  const OrgWord* translation = nullptr;  // the table's word, or nullptr for the letters between
};
std::vector<ThaiPart> thai_organisation_parts(std::string_view word);

}  // namespace clearance
