#include "clearance/text/place_adjectives.h"

#include <algorithm>
#include <iterator>

#include "clearance/text/descriptive_words.h"
#include "clearance/text/romanized_org_words.h"

namespace clearance {

namespace {

// The case endings after -sk- in the romanisations the lists use (BGN/PCGN, GOST, the Ukrainian and
// Belarusian national systems, and English habit: -sky, -skii), the longest first.
constexpr std::string_view kEndings[] = {
    "ogo", "omu", "ikh", "iye", "aya", "aja", "oye", "yye", "iy", "ii", "ij", "yi", "yy",
    "ih",  "ie",  "ye",  "oe",  "oy",  "oi",  "om",  "ya",  "y",  "i",  "a",  "e"};
constexpr size_t kMinPlace = 4;  // a place of fewer letters is as likely a syllable of a word

bool is_vowel(char c) {
  return std::string_view("aeiouy").find(c) != std::string_view::npos;
}

bool only_letters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::vector<std::string> place_adjective_bases(std::string_view word) {
  if (word.size() < kMinPlace + 3 || word.find("sk") == std::string_view::npos ||
      !only_letters(word))
    return {};
  for (std::string_view ending : kEndings) {
    if (word.size() < ending.size() + 2 || !word.ends_with(ending)) continue;
    const std::string_view stem = word.substr(0, word.size() - ending.size());
    if (!stem.ends_with("sk")) continue;
    std::vector<std::string> out;
    // Kazan-sk-iy: the place before the -sk-; Novosibirsk-iy: the place that ends so. A place
    // that ends in a vowel loses it to the adjective (Tula, Тульский; Россия, Российский): what is
    // left before the -sk- is no place but a stub that would meet other words a letter away
    // ("rossiy", Rossi).
    if (const std::string_view place = stem.substr(0, stem.size() - 2);
        place.size() >= kMinPlace && !is_vowel(place.back()))
      out.emplace_back(place);
    if (stem.size() >= kMinPlace + 2) out.emplace_back(stem);
    return out;
  }
  return {};
}

void add_place_adjective_bases(std::vector<NameToken>& tokens) {
  // Most names hold no such word: asked first, as it is the cheaper question.
  const bool any_adjective = std::any_of(tokens.begin(), tokens.end(), [](const NameToken& t) {
    return t.kind == TokenClass::ordinary && t.origin != TokenOrigin::translated &&
           !place_adjective_bases(t.text).empty();
  });
  if (!any_adjective) return;
  const auto words = std::count_if(tokens.begin(), tokens.end(), [](const NameToken& t) {
    return t.kind == TokenClass::ordinary && !t.marks.letters;
  });
  const bool organisation =
      words >= 2 && std::any_of(tokens.begin(), tokens.end(), [](const NameToken& t) {
        if (t.kind == TokenClass::legal_form) return true;
        if (t.kind != TokenClass::ordinary) return false;
        return describes_organisation(t.kind, t.origin, t.text) ||
               romanized_org_word(t.text) != nullptr;
      });
  if (!organisation) return;
  for (NameToken& t : tokens) {
    if (t.kind != TokenClass::ordinary || t.origin == TokenOrigin::translated) continue;
    for (std::string& place : place_adjective_bases(t.text))
      if (place != t.text &&
          std::find(t.alternatives.begin(), t.alternatives.end(), place) == t.alternatives.end())
        t.alternatives.push_back(std::move(place));
  }
}

}  // namespace clearance
