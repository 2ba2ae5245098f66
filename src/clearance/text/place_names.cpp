#include "clearance/text/place_names.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>
#include <unordered_set>

namespace clearance {

namespace {

// Lower-case ASCII words of an English name; words with other letters make it unusable (empty).
std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words(1);
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      words.back() += ch;
    } else if (c >= 'A' && c <= 'Z') {
      words.back() += static_cast<char>(c - 'A' + 'a');
    } else if (c == ' ' || c == '-' || c == '&' || c == ',' || c == '.') {
      if (!words.back().empty()) words.emplace_back();
    } else {
      return {};
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

struct PlaceTable {
  std::unordered_set<std::string> phrases;   // words joined by single spaces
  std::unordered_set<std::string> prefixes;  // the phrases' first words, first two words…
};

const PlaceTable& places() {
  static const PlaceTable table = [] {
    PlaceTable t;
    auto add = [&](const std::string& name) {
      const auto words = name_words(name);
      if (words.empty()) return;
      std::string prefix;
      for (const auto& w : words) {
        if (!prefix.empty()) prefix += ' ';
        prefix += w;
        t.prefixes.insert(prefix);
      }
      t.phrases.insert(prefix);
    };
    // Every country's English name as ICU gives it ("Switzerland", "Hong Kong SAR China").
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      icu::UnicodeString display;
      icu::Locale(nullptr, *code).getDisplayCountry(icu::Locale("en"), display);
      std::string name;
      display.toUTF8String(name);
      add(name);
    }
    // Short and local names firms use, and regions a group names its branches by.
    for (const char* name : {"uk",
                             "usa",
                             "us",
                             "uae",
                             "hk",
                             "prc",
                             "hong kong",
                             "macao",
                             "macau",
                             "russian federation",
                             "korea",
                             "great britain",
                             "england",
                             "scotland",
                             "holland",
                             "deutschland",
                             "schweiz",
                             "suisse",
                             "svizzera",
                             "osterreich",
                             "espana",
                             "italia",
                             "france",
                             "polska",
                             "nederland",
                             "belgique",
                             "danmark",
                             "norge",
                             "sverige",
                             "suomi",
                             "ceska",
                             "magyarorszag",
                             "romania",
                             "turkiye",
                             "brasil",
                             "mexico",
                             "peru",
                             "chile",
                             "argentina",
                             "colombia",
                             "nippon",
                             "europe",
                             "european",
                             "asia",
                             "asian",
                             "africa",
                             "african",
                             "america",
                             "americas",
                             "latin america",
                             "north america",
                             "south america",
                             "middle east",
                             "asia pacific",
                             "pacific",
                             "apac",
                             "emea",
                             "eurasia",
                             "gulf",
                             "scandinavia",
                             "nordic",
                             "baltic",
                             "balkan",
                             "caribbean",
                             "oceania"})
      add(name);
    return t;
  }();
  return table;
}

}  // namespace

void mark_place_names(std::vector<NameToken>& tokens) {
  const PlaceTable& table = places();
  std::string phrase;
  for (size_t i = 0; i < tokens.size(); ++i) {
    // The longest run from i that names a place.
    size_t end = i;
    phrase.clear();
    for (size_t k = i; k < tokens.size(); ++k) {
      if (tokens[k].kind != TokenClass::ordinary && tokens[k].kind != TokenClass::stopword) break;
      if (k > i) phrase += ' ';
      phrase += tokens[k].text;
      if (!table.prefixes.count(phrase)) break;
      if (table.phrases.count(phrase)) end = k + 1;
    }
    for (size_t k = i; k < end; ++k) tokens[k].marks.place = true;
    if (end > i) i = end - 1;
  }
}

}  // namespace clearance
