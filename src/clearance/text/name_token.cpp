#include "clearance/text/name_token.h"

namespace clearance {

const char* to_string(TokenOrigin origin) {
  switch (origin) {
    case TokenOrigin::literal:
      return "literal";
    case TokenOrigin::transliterated:
      return "transliterated";
    case TokenOrigin::pinyin:
      return "pinyin";
    case TokenOrigin::translated:
      return "translated";
  }
  return "literal";
}

uint32_t han_spelling(const NameToken& token) {
  // Hangul spells each syllable exactly too: 종 and 정 are both "jong" in the lists' spelling.
  if ((token.origin != TokenOrigin::pinyin && !token.marks.syllable) || token.source.empty())
    return 0;
  // FNV-1a: stable across runs and builds.
  uint32_t h = 2166136261u;
  for (char c : token.source) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h == 0 ? 1 : h;
}

}  // namespace clearance
