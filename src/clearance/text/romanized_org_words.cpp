#include "clearance/text/romanized_org_words.h"

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <utility>

#include "clearance/text/cyrillic_romanizations.h"
#include "clearance/text/legal_forms.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/place_names.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

constexpr size_t kMinStem = 5;

struct Table {
  TextMap<std::vector<std::string>> words;
  std::vector<std::pair<std::string, std::vector<std::string>>> stems;  // longest first
  // The stems by their first kMinStem letters: a word looks up its own first letters, not every
  // stem (every query word passes here).
  TextMap<std::vector<size_t>> stems_by_start;
};

// An English word as the normaliser leaves it once legal forms and abbreviations are folded.
std::string folded(const std::string& english) {
  std::vector<NameToken> one(1);
  one[0].text = english;
  canonicalize_legal_forms(one);
  return one.empty() ? english : one[0].text;
}

// The English of a row's entry: its one word not marked optional ('?'), with that word's
// alternatives, each folded; empty when the entry is several words or optional words alone.
std::vector<std::string> english_of(std::string_view entry) {
  std::vector<std::string> words;
  for (const std::string& token : split_trimmed(entry, " ")) {
    if (token.starts_with('?')) continue;
    if (!words.empty()) return {};
    for (const std::string& word : split_trimmed(token, "/"))
      if (std::string f = folded(word); std::find(words.begin(), words.end(), f) == words.end())
        words.push_back(std::move(f));
  }
  return words;
}

bool is_country_name(const std::string& word) {
  std::vector<NameToken> one(1);
  one[0].text = word;
  mark_place_names(one);
  return one[0].marks.place;
}

// Lower-case ASCII letters of a romanisation (BGN writes ъ and ь as marks).
std::string letters_of(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c >= 'a' && c <= 'z') out += c;
  return out;
}

// A Cyrillic stem of data/names/cyrillic_org_words.csv in the romanisations the lists use: BGN/PCGN
// and the others a Cyrillic word is spelled in (cyrillic_romanizations.h).
std::vector<std::string> romanized_stems(const std::string& stem) {
  static const std::unique_ptr<icu::Transliterator> bgn = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no Russian-Latin/BGN transliterator");
    return t;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(stem);
  bgn->transliterate(u);
  std::string written;
  u.toUTF8String(written);
  std::vector<std::string> out{letters_of(written)};
  for (const std::string& other : cyrillic_romanizations(stem, out.front()))
    if (std::string l = letters_of(other); std::find(out.begin(), out.end(), l) == out.end())
      out.push_back(std::move(l));
  return out;
}

const Table& table() {
  static const Table t = [] {
    Table out;
    // Russian, Ukrainian and Belarusian organisation words as romanised names keep them
    // ("Kazanskiy Vertoletnyy Zavod", "Nauchno-Proizvodstvennoe Obyedinenie"): the Cyrillic
    // table's stems in each romanisation, a stem of kMinStem letters or more met as a stem.
    for (const auto& row :
         read_name_table("cyrillic_org_words.csv", {"stem", "english", "source"})) {
      // Not a country's name: a name romanised keeps it as a brand ("Bank Rossiya" is not the
      // Bank of Russia), where the Cyrillic table translates it.
      std::vector<std::string> english = english_of(row.fields[1]);
      if (english.empty() || std::any_of(english.begin(), english.end(), is_country_name)) continue;
      for (std::string& latin : romanized_stems(row.fields[0])) {
        // A stem English spells alike (импорт "import", институт "institut", транспорт) opens
        // English and Spanish words as often (Importadora, Institution): met as a whole word only.
        const bool international = std::any_of(english.begin(), english.end(), [&](const auto& e) {
          return e.starts_with(latin) || latin.starts_with(e);
        });
        if (latin.size() >= kMinStem && !international)
          out.stems.emplace_back(std::move(latin), english);
        else if (!latin.empty())
          out.words.emplace(std::move(latin), english);
      }
    }
    for (const auto& row :
         read_name_table("romanized_org_words.csv", {"written", "english", "language", "source"})) {
      std::vector<std::string> english = english_of(row.fields[1]);
      if (english.empty())
        throw std::runtime_error(
            fmt::format("data/names/romanized_org_words.csv line {}: field \"english\": one word "
                        "(with its alternatives) expected",
                        row.line));
      std::string written = row.fields[0];
      if (written.ends_with('*')) {
        written.pop_back();
        if (written.size() < kMinStem)
          throw std::runtime_error(
              fmt::format("data/names/romanized_org_words.csv line {}: field \"written\": a stem "
                          "of fewer than {} letters",
                          row.line, kMinStem));
        out.stems.emplace_back(std::move(written), std::move(english));
      } else {
        out.words.insert_or_assign(std::move(written), std::move(english));
      }
    }
    std::stable_sort(out.stems.begin(), out.stems.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (size_t k = 0; k < out.stems.size(); ++k)
      out.stems_by_start[out.stems[k].first.substr(0, kMinStem)].push_back(k);
    return out;
  }();
  return t;
}

}  // namespace

const std::vector<std::string>* romanized_org_word(std::string_view word) {
  const Table& t = table();
  if (const auto it = t.words.find(word); it != t.words.end()) return &it->second;
  if (word.size() < kMinStem) return nullptr;
  const auto it = t.stems_by_start.find(word.substr(0, kMinStem));
  if (it == t.stems_by_start.end()) return nullptr;
  for (size_t k : it->second)  // longest first
    if (word.starts_with(t.stems[k].first)) return &t.stems[k].second;
  return nullptr;
}

void add_romanized_org_words(std::vector<NameToken>& tokens) {
  // A name of one word beside its legal form and letters is its brand, whatever the word means:
  // "JSC Energiya" is not every firm named Energy.
  const auto words = std::count_if(tokens.begin(), tokens.end(), [](const NameToken& t) {
    return t.kind == TokenClass::ordinary && !t.marks.letters;
  });
  if (words < 2) return;
  for (NameToken& t : tokens) {
    if (t.origin != TokenOrigin::literal || t.kind != TokenClass::ordinary) continue;
    const std::vector<std::string>* english = romanized_org_word(t.text);
    if (!english) continue;
    for (const std::string& word : *english)
      if (word != t.text &&
          std::find(t.alternatives.begin(), t.alternatives.end(), word) == t.alternatives.end())
        t.alternatives.push_back(word);
  }
}

}  // namespace clearance
