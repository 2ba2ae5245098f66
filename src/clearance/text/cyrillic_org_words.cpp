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

bool cyrillic_vowel(char32_t c) {
  return std::u32string_view(U"аеёиоуыэюяіїє").find(c) != std::u32string_view::npos;
}

}  // namespace

std::vector<std::string> cyrillic_nominatives(std::string_view word) {
  const std::u32string w = to_code_points(word);
  constexpr size_t kMinLetters = 4;
  if (w.size() < kMinLetters) return {};
  const std::u32string_view v(w);
  const char32_t last = v.back(), before = v[v.size() - 2];
  auto with = [&](size_t cut, std::u32string_view ending) {
    return to_utf8(std::u32string(v.substr(0, v.size() - cut)) + std::u32string(ending));
  };
  // Adjectival surnames and names: Петровского → Петровский, Толстого → Толстой.
  if (v.ends_with(U"ого")) return {with(3, U"ий"), with(3, U"ой"), with(3, U"ый")};
  if (v.ends_with(U"его")) return {with(3, U"ий")};
  if (cyrillic_vowel(before)) {
    if (last == U'я') return {with(1, U"й")};  // Николая → Николай
    return {};
  }
  switch (last) {
    case U'а':  // Вагнера → Вагнер
      return {with(1, U"")};
    case U'я':  // Игоря → Игорь
      return {with(1, U"ь")};
    case U'ы':  // Москвы → Москва
      return {with(1, U"а")};
    case U'и':  // Казани → Казань
      return {with(1, U"ь")};
    default:
      return {};
  }
}

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
