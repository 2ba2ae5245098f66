#include "clearance/text/phonetic.h"

namespace clearance {

namespace {

// Consonant classes: letters that transliteration swaps for one another.
char consonant_class(char c) {
  switch (c) {
    case 'b':
    case 'p':
      return 'p';
    case 'f':
    case 'v':
    case 'w':
      return 'f';
    case 'c':
    case 'k':
    case 'q':
    case 'g':
      return 'k';
    case 'd':
    case 't':
      return 't';
    case 's':
    case 'z':
    case 'x':
      return 's';
    case 'j':
    case 'y':
      return 'y';
    case 'l':
      return 'l';
    case 'm':
      return 'm';
    case 'n':
      return 'n';
    case 'r':
      return 'r';
    case 'h':
      return 'h';
    default:
      return 0;
  }
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

std::string phonetic_key(std::string_view token) {
  std::string t;
  // Digraphs first: ph → f, kh/gh → k, sh/ch/zh → s-class, dh/th → t.
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    const char next = i + 1 < token.size() ? token[i + 1] : 0;
    if (next == 'h' && (c == 'p' || c == 'k' || c == 'g' || c == 's' || c == 'c' || c == 'z' ||
                        c == 'd' || c == 't')) {
      t += c == 'p' ? 'f' : (c == 'k' || c == 'g') ? 'k' : (c == 'd' || c == 't') ? 't' : 's';
      ++i;
      continue;
    }
    t += c;
  }
  std::string key;
  char last = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      key += c;
      last = c;
      continue;
    }
    // 'y' is a consonant before a vowel ("Yusuf", "Maya") and a vowel elsewhere ("Husayn" is
    // "Hussein", "Volodymyr" is "Volodimir").
    const bool vowel_y = c == 'y' && i > 0 && !(i + 1 < t.size() && is_vowel(t[i + 1]));
    if (is_vowel(c) || vowel_y) {
      if (i == 0) key += 'a';  // a leading vowel matters ("Omar" vs "Mar"); which one does not
      last = 0;
      continue;
    }
    // 'h' after a consonant or between vowels is mostly a transliteration artefact.
    if (c == 'h' && i > 0) continue;
    const char cls = consonant_class(c);
    if (cls == 0 || cls == last) continue;
    key += cls;
    last = cls;
  }
  return key;
}

}  // namespace clearance
