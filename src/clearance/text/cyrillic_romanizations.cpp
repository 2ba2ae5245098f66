#include "clearance/text/cyrillic_romanizations.h"

#include <algorithm>

#include "clearance/text/letter_romanizer.h"
#include "clearance/text/utf8.h"

namespace clearance {

namespace {

bool is_vowel(char32_t c) {
  return is_one_of(c, U"аеёиоуыэюяіїєў");
}

// The table's contexts: where a letter stands.
const std::vector<LetterRomanizer::NamedContext>& contexts() {
  using W = std::u32string_view;
  static const std::vector<LetterRomanizer::NamedContext> table = {
      // At a word's start, or after a vowel, ъ or ь.
      {"initial",
       [](W w, size_t at, size_t) {
         const char32_t b = letter_before(w, at);
         return at == 0 || is_vowel(b) || b == U'ъ' || b == U'ь';
       }},
      {"hush", [](W w, size_t at, size_t) { return is_one_of(letter_before(w, at), U"жцчшщ"); }},
      // After ж ц ш: Polish жи ży, but чи czi.
      {"hard", [](W w, size_t at, size_t) { return is_one_of(letter_before(w, at), U"жцш"); }},
      {"after-l", [](W w, size_t at, size_t) { return letter_before(w, at) == U'л'; }},
      {"vowels",
       [](W w, size_t at, size_t n) {
         return is_vowel(letter_before(w, at)) && is_vowel(letter_after(w, at, n));
       }},
      // Before е и ы э.
      {"front",
       [](W w, size_t at, size_t n) { return is_one_of(letter_after(w, at, n), U"еиыэ"); }},
      {"before-consonant",
       [](W w, size_t at, size_t n) {
         const char32_t a = letter_after(w, at, n);
         return a && !is_vowel(a) && a != U'ъ' && a != U'ь';
       }},
      {"final", [](W w, size_t at, size_t n) { return at + n == w.size(); }},
      {"after-i", [](W w, size_t at, size_t) { return is_one_of(letter_before(w, at), U"иы"); }},
      {"final-after-i",
       [](W w, size_t at, size_t n) { return at + n == w.size() && letter_before(w, at) == U'и'; }},
  };
  return table;
}

// ICAO, German, French, Ukrainian national, Polish and scientific (ISO 9 and the scholarly system,
// their diacritics folded as the lists fold them).
const LetterRomanizer& romanizer() {
  static const LetterRomanizer r("cyrillic_romanizations.csv",
                                 {"icao", "german", "french", "ukrainian", "polish", "scientific"},
                                 contexts());
  return r;
}

// An ending English spells its own way whatever the system: the Cyrillic ending, what the systems
// write for it, and the spellings English uses (Dmitriy, Dmitrii, Dmitry, Dmitri; Groznyy,
// Grozny; Mariya, Maria).
struct Ending {
  std::u32string_view written;
  std::vector<std::string_view> spelled;  // longest first: the first that ends a spelling
  std::vector<std::string_view> english;
};

const std::vector<Ending>& endings() {
  static const std::vector<Ending> table = {
      {U"ий", {"iy", "ii", "ij", "yi", "i", "y"}, {"iy", "ii", "y", "i"}},
      {U"ій", {"iy", "ii", "ij", "yi", "i", "y"}, {"iy", "ii", "y", "i"}},
      {U"ый", {"yy", "yi", "yj", "y"}, {"yy", "y", "yi"}},
      {U"ия", {"iya", "iia", "ija", "yia", "ia"}, {"iya", "ia"}},
      {U"ія", {"iya", "iia", "ija", "yia", "ia"}, {"iya", "ia"}},
  };
  return table;
}

}  // namespace

std::vector<std::string> cyrillic_romanizations(std::string_view word, std::string_view bgn) {
  const std::u32string written = to_code_points(word);
  std::vector<std::string> spelled{std::string(bgn)};
  std::string s;
  for (size_t system = 0; system < romanizer().systems(); ++system) {
    if (!romanizer().spell(written, system, s)) return {};
    spelled.push_back(s);
  }
  std::vector<std::string> out;
  auto add = [&](std::string spelling) {
    if (spelling.empty() || spelling == bgn || out.size() >= kMaxCyrillicSpellings) return;
    if (std::find(out.begin(), out.end(), spelling) == out.end())
      out.push_back(std::move(spelling));
  };
  const auto ending = std::find_if(endings().begin(), endings().end(),
                                   [&](const Ending& e) { return written.ends_with(e.written); });
  for (const std::string& spelling : spelled) {
    add(spelling);
    if (ending == endings().end()) continue;
    // The stem: the spelling without what its system wrote for the ending.
    for (std::string_view tail : ending->spelled) {
      if (spelling.size() <= tail.size() + 1 || !std::string_view(spelling).ends_with(tail))
        continue;
      const std::string stem = spelling.substr(0, spelling.size() - tail.size());
      for (std::string_view english : ending->english) add(stem + std::string(english));
      break;
    }
  }
  return out;
}

}  // namespace clearance
