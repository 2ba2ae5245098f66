#pragma once
// The spellings a Greek word takes besides the classical one ICU writes (β b, η e: "Basileiades"):
// ELOT 743, which Greek passports use (Βασιλειάδης Vasileiadis, Μπακογιάννης Bakogiannis), the
// English spelling of the sounds (Vasiliadis, Evangelos, Lambrakis) and the phonetic one Cypriot
// records keep (Vassiliou, Yiorgos, Hristos). The letters, their digraphs (ου, αι, μπ, γκ) and the
// contexts that change them are data: data/names/greek_romanizations.csv.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

bool has_greek_letters(std::string_view utf8);

// The other spellings of one lower-case Greek word (UTF-8, accents allowed), lower-case ASCII,
// distinct, without `icu` (the spelling the normaliser already has); empty when the word holds a
// letter the table does not know.
std::vector<std::string> greek_romanizations(std::string_view word, std::string_view icu);

}  // namespace clearance
