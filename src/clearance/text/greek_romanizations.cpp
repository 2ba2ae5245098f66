#include "clearance/text/greek_romanizations.h"

#include <algorithm>

#include "clearance/text/letter_romanizer.h"
#include "clearance/text/utf8.h"

namespace clearance {

namespace {

bool is_vowel(char32_t c) {
  return is_one_of(c, U"αεηιουωϊϋ");
}

// The table's contexts: where a letter stands.
const std::vector<LetterRomanizer::NamedContext>& contexts() {
  using W = std::u32string_view;
  static const std::vector<LetterRomanizer::NamedContext> table = {
      {"initial", [](W, size_t at, size_t) { return at == 0; }},
      {"before-vowel", [](W w, size_t at, size_t n) { return is_vowel(letter_after(w, at, n)); }},
      // Before a vowel said e or i: ε η ι υ, and αι, ει, οι.
      {"front",
       [](W w, size_t at, size_t n) {
         const char32_t a = letter_after(w, at, n);
         return is_one_of(a, U"εηιυϊϋ") ||
                (is_one_of(a, U"αο") && letter_after(w, at, n, 1) == U'ι');
       }},
      {"vowels",
       [](W w, size_t at, size_t n) {
         return is_vowel(letter_before(w, at)) && is_vowel(letter_after(w, at, n));
       }},
      // Before a voiceless consonant or at the word's end: αυ af, ευ ef.
      {"voiceless",
       [](W w, size_t at, size_t n) {
         const char32_t a = letter_after(w, at, n);
         return !a || is_one_of(a, U"θκξπσςτφχψ");
       }},
  };
  return table;
}

const LetterRomanizer& romanizer() {
  static const LetterRomanizer r("greek_romanizations.csv", {"elot", "english", "phonetic"},
                                 contexts());
  return r;
}

// Greek's accents say the stress, which no romanisation writes; the diaeresis stays (it parts a
// digraph: Ευφροσύνη, but Αϊβαλί).
char32_t without_accent(char32_t c) {
  static constexpr std::pair<char32_t, char32_t> kAccented[] = {
      {U'ά', U'α'}, {U'έ', U'ε'}, {U'ή', U'η'}, {U'ί', U'ι'}, {U'ό', U'ο'},
      {U'ύ', U'υ'}, {U'ώ', U'ω'}, {U'ΐ', U'ϊ'}, {U'ΰ', U'ϋ'}};
  for (const auto& [accented, plain] : kAccented)
    if (c == accented) return plain;
  return c;
}

}  // namespace

bool has_greek_letters(std::string_view utf8) {
  return has_code_point_in(utf8, 0x0370, 0x03FF);
}

std::vector<std::string> greek_romanizations(std::string_view word, std::string_view icu) {
  std::u32string written = to_code_points(word);
  std::transform(written.begin(), written.end(), written.begin(), without_accent);
  std::vector<std::string> out;
  std::string s;
  for (size_t system = 0; system < romanizer().systems(); ++system) {
    if (!romanizer().spell(written, system, s)) return {};
    if (!s.empty() && s != icu && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(s);
  }
  return out;
}

}  // namespace clearance
