#pragma once
// A phonetic key for Latin tokens that treats the transliteration variants of the lists as equal:
// Mohammed/Muhammad/Mohamed → "mmt", Qaddafi/Gaddafi/Kadhafi share "ktf". Vowels after the first
// letter are dropped, similar consonants merged, doubled letters collapsed.
#include <string>
#include <string_view>

namespace clearance {

std::string phonetic_key(std::string_view token);

}  // namespace clearance
