#pragma once
// UTF-8 to code points and back, for the name rules that work letter by letter (Hangul syllables,
// Arabic letters). Input is valid UTF-8: the importer and the query path replace invalid bytes
// before any name reaches these.
#include <cstddef>
#include <string>
#include <string_view>

namespace clearance {

// The code point at byte `at` and its length in bytes.
struct CodePoint {
  char32_t value = 0;
  size_t length = 1;
};

inline CodePoint code_point_at(std::string_view utf8, size_t at) {
  const auto b = static_cast<unsigned char>(utf8[at]);
  CodePoint c;
  c.length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  c.value = c.length == 1   ? b
            : c.length == 2 ? (b & 0x1F)
            : c.length == 3 ? (b & 0x0F)
                            : (b & 0x07);
  for (size_t k = 1; k < c.length && at + k < utf8.size(); ++k)
    c.value = (c.value << 6) | (static_cast<unsigned char>(utf8[at + k]) & 0x3F);
  return c;
}

// Whether the text holds a code point in [first, last] (a script's block).
inline bool has_code_point_in(std::string_view utf8, char32_t first, char32_t last) {
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    if (c.value >= first && c.value <= last) return true;
    i += c.length;
  }
  return false;
}

inline std::u32string to_code_points(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    out += c.value;
    i += c.length;
  }
  return out;
}

inline std::string to_utf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace clearance
