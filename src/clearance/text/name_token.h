#pragma once
// A name after normalisation: lower-case ASCII tokens, each marked with how it was obtained.
#include <cstdint>
#include <string>
#include <vector>

namespace clearance {

enum class TokenOrigin : uint8_t {
  literal,         // written in Latin script (diacritics folded)
  transliterated,  // converted from another script (Cyrillic, Arabic, Greek, Hangul, kana…)
  pinyin,          // a run of Han characters spelled in pinyin, syllables joined ("hefeibaolongda")
  translated,      // a Chinese organisation word translated to English (大学 → "university")
};

enum class TokenClass : uint8_t {
  ordinary,
  legal_form,  // "ltd", "llc", "ooo", "gmbh"… never the reason for a hit
  stopword,    // "of", "the", "and"…
};

struct NameToken {
  std::string text;  // canonical form ("limited" → "ltd", "int'l" → "international")
  TokenOrigin origin = TokenOrigin::literal;
  TokenClass kind = TokenClass::ordinary;
  std::vector<std::string> alternatives;  // other spellings that count as exact (translations)
  std::string source;                     // the text as the user wrote it, for explanations
  // Part of a person's family name, when the writing says so (see NameNormalizer::normalize).
  bool family = false;
};

struct NormalizedName {
  std::vector<NameToken> tokens;
  bool has_han = false;
};

const char* to_string(TokenOrigin origin);

}  // namespace clearance
