#include "clearance/text/cyrillic_org_words.h"

#include "clearance/text/utf8.h"

namespace clearance {

namespace {

// The case endings of nouns and adjectives in Russian and Ukrainian, and none.
constexpr std::string_view kEndings[] = {
    "",    "а",   "я",   "ы",   "и",   "у",  "ю",  "е",   "о",   "ь",  "ью", "ой", "ей", "ом",
    "ем",  "ам",  "ям",  "ах",  "ях",  "ов", "ев", "ами", "ями", "ая", "яя", "ое", "ее", "ые",
    "ие",  "ого", "его", "ому", "ему", "ый", "ий", "ую",  "юю",  "ых", "их", "ым", "им", "ыми",
    "ими", "і",   "ї",   "ій",  "ів",  "ої", "ою", "ею",  "ім",  "іх", "ія", "ії"};

const OrgWordTable& table() {
  static const OrgWordTable words("cyrillic_org_words.csv", "stem");
  return words;
}

}  // namespace

bool has_cyrillic_letters(std::string_view utf8) {
  return has_code_point_in(utf8, 0x0400, 0x04FF);
}

const OrgWord* cyrillic_org_word(std::string_view word) {
  for (std::string_view ending : kEndings)
    if (word.size() > ending.size() && word.ends_with(ending))
      if (const OrgWord* w = table().find(word.substr(0, word.size() - ending.size()))) return w;
  return nullptr;
}

}  // namespace clearance
