#include "clearance/text/place_adjectives.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "clearance/text/cyrillic_org_words.h"
#include "clearance/text/romanized_org_words.h"

namespace clearance {

namespace {

// The case endings after -sk- in the romanisations the lists use (BGN/PCGN, GOST, the Ukrainian and
// Belarusian national systems, and English habit: -sky, -skii). No ending holds "sk" or opens with
// "k", so a word has one way to be cut.
constexpr std::string_view kEndings[] = {
    "ogo", "omu", "oho", "ikh", "ykh", "iye", "aya", "aja", "aye", "oye", "yye", "uyu", "uju",
    "imi", "aha", "iy",  "ii",  "ij",  "yi",  "yj",  "yy",  "ih",  "ie",  "ye",  "oe",  "ae",
    "oy",  "oi",  "oj",  "om",  "im",  "ym",  "ya",  "y",   "i",   "a",   "e"};
// A place of fewer letters is as likely a syllable of a word. Counted with the -sk- for a place
// that ends so (Omsk, Orsk); without it for one that does not (Kazan, Perm).
constexpr size_t kMinPlace = 4;

bool is_vowel(char c) {
  return std::string_view("aeiouy").find(c) != std::string_view::npos;
}

bool only_letters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The Russian, Ukrainian and Belarusian legal forms as legal_forms.cpp folds them (ООО, ОАО, ЗАО,
// ПАО, АО, АНО).
bool russian_legal_form(std::string_view form) {
  static constexpr std::string_view kForms[] = {"ooo", "ojsc", "cjsc", "pjsc", "jsc", "ano"};
  return std::find(std::begin(kForms), std::end(kForms), form) != std::end(kForms);
}

// The places a word may be the adjective of: none for a word the normaliser translated.
std::vector<std::string> places_of(const NameToken& t) {
  if (t.kind != TokenClass::ordinary || t.origin == TokenOrigin::translated) return {};
  return place_adjective_bases(t.text);
}

// Whether a word other than the adjectives says the name is a Russian, Ukrainian or Belarusian
// organisation's: one of their legal forms, an organisation word of theirs left romanised (Zavod,
// Obyedineniye) or translated from Cyrillic (приборостроительный "instrument making"). Not an
// English word (Plant, General) alone: Svenska Handelsbanken AB, Kowalski i Synowie Sp. z o.o.
// and General Sergei Kazansky are no places' adjectives.
bool russian_organisation_word(const NameToken& t) {
  if (t.kind == TokenClass::legal_form) return russian_legal_form(t.text);
  if (t.kind != TokenClass::ordinary) return false;
  if (t.origin == TokenOrigin::translated) return has_cyrillic_letters(t.source);
  return romanized_org_word(t.text) != nullptr;
}

}  // namespace

std::vector<std::string> place_adjective_bases(std::string_view word) {
  if (word.size() < kMinPlace + 1 || word.find("sk") == std::string_view::npos ||
      !only_letters(word))
    return {};
  for (std::string_view ending : kEndings) {
    if (!word.ends_with(ending)) continue;
    const std::string_view stem = word.substr(0, word.size() - ending.size());
    if (!stem.ends_with("sk")) continue;
    std::vector<std::string> out;
    // Kazan-sk-iy: the place before the -sk-; Novosibirsk-iy: the place that ends so. A stub
    // ending in a vowel letter, y included, is dropped: a place that ends in a vowel loses it to
    // the adjective (Россия, Российский: "rossiy" met Rossi a letter away), which loses Altay too.
    if (const std::string_view place = stem.substr(0, stem.size() - 2);
        place.size() >= kMinPlace && !is_vowel(place.back()))
      out.emplace_back(place);
    if (stem.size() >= kMinPlace) out.emplace_back(stem);
    return out;
  }
  return {};
}

void add_place_adjective_bases(std::vector<NameToken>& tokens) {
  // Each adjective's places, read once. Most names hold none: asked first, as it is the cheaper
  // question (an empty vector allocates nothing).
  std::vector<std::pair<size_t, std::vector<std::string>>> adjectives;
  for (size_t k = 0; k < tokens.size(); ++k)
    if (auto places = places_of(tokens[k]); !places.empty())
      adjectives.emplace_back(k, std::move(places));
  if (adjectives.empty()) return;
  auto is_adjective = [&](size_t k) {
    return std::any_of(adjectives.begin(), adjectives.end(),
                       [&](const auto& a) { return a.first == k; });
  };
  bool russian = false;
  for (size_t k = 0; k < tokens.size() && !russian; ++k)
    russian = !is_adjective(k) && russian_organisation_word(tokens[k]);
  if (!russian) return;
  for (auto& [k, places] : adjectives) {
    std::vector<std::string>& alternatives = tokens[k].alternatives;
    for (std::string& place : places)
      if (std::find(alternatives.begin(), alternatives.end(), place) == alternatives.end())
        alternatives.push_back(std::move(place));
  }
}

}  // namespace clearance
