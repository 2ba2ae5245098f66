#include "clearance/text/arabic_script_names.h"

#include <algorithm>
#include <iterator>
#include <utility>

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
  // With the article (المركزي "the central"), which the English leaves to "the" or to nothing,
  // "for the" (للتجارة "for trade"), which it leaves to "for" or to nothing, or "and the"
  // (والأمن "and security"), whose "and" the English writes apart.
  constexpr std::string_view kForThe = "\u0644\u0644";
  constexpr std::string_view kAndThe = "\u0648\u0627\u0644";
  for (std::string_view prefix : {kArticle, kForThe, kAndThe})
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

bool has_arabic_script_letters(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto [c, n] = code_point_at(text, i);
    if (c >= 0x0600 && c <= 0x06FF) return true;
    i += n;
  }
  return false;
}

bool has_persian_letters(std::string_view text) {
  for (std::string_view letter : {"\u06CC", "\u06A9", "\u06AF", "\u067E", "\u0686", "\u0698"})
    if (text.find(letter) != std::string_view::npos) return true;
  return false;
}

std::string persian_reading(std::string_view word) {
  // Each letter as Persian says it; "" for what is not read (ع, hamza, tatweel, the zero-width
  // non-joiner).
  static constexpr std::pair<char32_t, const char*> kLetters[] = {
      {U'\u0627', "a"},  {U'\u0622', "a"},  {U'\u0623', "a"},  {U'\u0625', "a"},  {U'\u0628', "b"},
      {U'\u067E', "p"},  {U'\u062A', "t"},  {U'\u0637', "t"},  {U'\u062B', "s"},  {U'\u0633', "s"},
      {U'\u0635', "s"},  {U'\u062C', "j"},  {U'\u0686', "ch"}, {U'\u062D', "h"},  {U'\u0647', "h"},
      {U'\u0629', "h"},  {U'\u062E', "kh"}, {U'\u062F', "d"},  {U'\u0630', "z"},  {U'\u0632', "z"},
      {U'\u0636', "z"},  {U'\u0638', "z"},  {U'\u0631', "r"},  {U'\u0698', "zh"}, {U'\u0634', "sh"},
      {U'\u063A', "gh"}, {U'\u0642', "gh"}, {U'\u0641', "f"},  {U'\u06A9', "k"},  {U'\u0643', "k"},
      {U'\u06AF', "g"},  {U'\u0644', "l"},  {U'\u0645', "m"},  {U'\u0646', "n"},  {U'\u0648', "w"},
      {U'\u0624', "w"},  {U'\u06CC', "y"},  {U'\u064A', "y"},  {U'\u0649', "y"},  {U'\u0626', "y"},
      {U'\u0639', ""},   {U'\u0621', ""},   {U'\u0640', ""},   {U'\u200C', ""}};
  std::string out;
  for (char32_t c : to_code_points(word)) {
    // Vowel marks and other signs written over or under a letter: nothing to read.
    if ((c >= U'\u064B' && c <= U'\u065F') || c == U'\u0670') continue;
    const auto* letter = std::find_if(std::begin(kLetters), std::end(kLetters),
                                      [c](const auto& l) { return l.first == c; });
    if (letter == std::end(kLetters)) return std::string();
    out += letter->second;
  }
  return out;
}

}  // namespace clearance
