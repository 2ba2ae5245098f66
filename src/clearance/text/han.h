#pragma once
// Whether a code point is a Chinese character (Han script, simplified or traditional).
#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace clearance {

inline bool is_han(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

}  // namespace clearance
