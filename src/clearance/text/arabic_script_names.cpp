#include "clearance/text/arabic_script_names.h"

#include <algorithm>

#include "clearance/text/name_tables.h"
#include "clearance/text/org_words.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

// The word's letters as the tables are looked up: marks (harakat, shadda, sukun, superscript
// alef), tatweel and zero-width joiners dropped; أ إ آ ٱ → ا, ى → ي, Persian ی and ک → ي and ك.
std::string fold_arabic_script(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size();) {
    const auto [c, n] = code_point_at(word, i);
    const std::string_view bytes = word.substr(i, n);
    i += n;
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || c == 0x200C || c == 0x200D)
      continue;
    if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671)
      out += "\u0627";
    else if (c == 0x0649 || c == 0x06CC)
      out += "\u064A";
    else if (c == 0x06A9)
      out += "\u0643";
    else
      out += bytes;
  }
  return out;
}

namespace {

constexpr std::string_view kArticle = "\u0627\u0644";

const TextMap<std::vector<std::string>>& table() {
  static const auto names = [] {
    TextMap<std::vector<std::string>> out;
    for (const auto& row : read_name_table("arabic_names.csv", {"arabic", "spellings", "source"})) {
      auto& spellings = out[fold_arabic_script(row.fields[0])];
      for (auto& s : split_trimmed(row.fields[1], " "))
        if (std::find(spellings.begin(), spellings.end(), s) == spellings.end())
          spellings.push_back(std::move(s));
    }
    return out;
  }();
  return names;
}

}  // namespace

std::vector<std::string> arabic_script_spellings(std::string_view word) {
  const std::string key = fold_arabic_script(word);
  if (const auto it = table().find(key); it != table().end()) return it->second;
  // The article: ال + a name the table knows, spelled "al" + the name joined, and the name alone.
  if (key.starts_with(kArticle) && key.size() > kArticle.size() + 4)
    if (const auto it = table().find(key.substr(kArticle.size())); it != table().end()) {
      std::vector<std::string> out;
      for (const auto& s : it->second) out.push_back("al" + s);
      for (const auto& s : it->second) out.push_back(s);
      return out;
    }
  return {};
}

const OrgWord* arabic_script_org_word(std::string_view word) {
  static const OrgWordTable words("arabic_org_words.csv", "arabic", fold_arabic_script);
  const std::string key = fold_arabic_script(word);
  if (const OrgWord* w = words.find(key)) return w;
  // With the article (المركزي "the central"), which the English leaves to "the" or to nothing, or
  // "for the" (للتجارة "for trade"), which it leaves to "for" or to nothing.
  constexpr std::string_view kForThe = "\u0644\u0644";
  for (std::string_view prefix : {kArticle, kForThe})
    if (key.starts_with(prefix) && key.size() > prefix.size() + 4)
      if (const OrgWord* w = words.find(std::string_view(key).substr(prefix.size()))) return w;
  return nullptr;
}

std::vector<std::string> arabic_script_compound(std::string_view word) {
  const std::string key = fold_arabic_script(word);
  if (table().find(key) != table().end() || arabic_script_org_word(key)) return {};
  const std::u32string letters = to_code_points(key);
  constexpr size_t kMinLetters = 3;
  if (letters.size() < 2 * kMinLetters) return {};
  // The longest tabled name opening the word, with a word of three letters or more after it.
  for (size_t split = letters.size() - kMinLetters; split >= kMinLetters; --split) {
    const std::string first = to_utf8(letters.substr(0, split));
    if (table().find(first) == table().end()) continue;
    return {first, to_utf8(letters.substr(split))};
  }
  return {};
}

bool has_arabic_only_letters(std::string_view text) {
  for (std::string_view letter : {"\u064A", "\u0643", "\u0629", "\u0649"})
    if (text.find(letter) != std::string_view::npos) return true;
  return false;
}

bool has_persian_letters(std::string_view text) {
  for (std::string_view letter : {"\u06CC", "\u06A9", "\u06AF", "\u067E", "\u0686", "\u0698"})
    if (text.find(letter) != std::string_view::npos) return true;
  return false;
}

std::string persian_reading(std::string_view word) {
  std::string out;
  for (char32_t c : to_code_points(word)) {
    const char* latin = nullptr;
    switch (c) {
      case U'\u0627':
      case U'\u0622':
      case U'\u0623':
      case U'\u0625':
        latin = "a";
        break;
      case U'\u0628':
        latin = "b";
        break;
      case U'\u067E':
        latin = "p";
        break;
      case U'\u062A':
      case U'\u0637':
        latin = "t";
        break;
      case U'\u062B':
      case U'\u0633':
      case U'\u0635':
        latin = "s";
        break;
      case U'\u062C':
        latin = "j";
        break;
      case U'\u0686':
        latin = "ch";
        break;
      case U'\u062D':
      case U'\u0647':
      case U'\u0629':
        latin = "h";
        break;
      case U'\u062E':
        latin = "kh";
        break;
      case U'\u062F':
        latin = "d";
        break;
      case U'\u0630':
      case U'\u0632':
      case U'\u0636':
      case U'\u0638':
        latin = "z";
        break;
      case U'\u0631':
        latin = "r";
        break;
      case U'\u0698':
        latin = "zh";
        break;
      case U'\u0634':
        latin = "sh";
        break;
      case U'\u063A':
      case U'\u0642':
        latin = "gh";
        break;
      case U'\u0641':
        latin = "f";
        break;
      case U'\u06A9':
      case U'\u0643':
        latin = "k";
        break;
      case U'\u06AF':
        latin = "g";
        break;
      case U'\u0644':
        latin = "l";
        break;
      case U'\u0645':
        latin = "m";
        break;
      case U'\u0646':
        latin = "n";
        break;
      case U'\u0648':
      case U'\u0624':
        latin = "w";
        break;
      case U'\u06CC':
      case U'\u064A':
      case U'\u0649':
      case U'\u0626':
        latin = "y";
        break;
      case U'\u0639':
      case U'\u0621':
      case U'\u0640':
      case U'\u200C':
        latin = "";
        break;
      default:
        // Vowel marks and other signs written over or under a letter: nothing to read.
        if ((c >= U'\u064B' && c <= U'\u065F') || c == U'\u0670') latin = "";
        break;
    }
    if (!latin) return std::string();
    out += latin;
  }
  return out;
}

}  // namespace clearance
