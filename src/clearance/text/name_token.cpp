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

}  // namespace clearance
