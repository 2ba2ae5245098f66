#include "clearance/text/arabic_names.h"

#include <string_view>

namespace clearance {

namespace {

constexpr std::string_view kAbd = "abd";
constexpr std::string_view kAbdul = "abdul";
constexpr std::string_view kAbdullah = "abdullah";

// The article alone, as written between 'Abd and the name: al/el/ul, or the form it takes before
// a "sun letter" (ar-Rahman, as-Salam).
bool is_article(std::string_view t) {
  return t == "al" || t == "el" || t == "ul" || t == "ar" || t == "ur" || t == "as" || t == "us" ||
         t == "an" || t == "un" || t == "az" || t == "uz" || t == "at" || t == "ut" || t == "ad" ||
         t == "ud" || t == "ash" || t == "ush";
}

bool is_allah(std::string_view t) {
  return t == "allah" || t == "alla" || t == "ullah" || t == "ulla" || t == "llah" || t == "lla";
}

// The vowel after "abd" in a joined spelling (Abdul, Abdel, Abdal, Abdoul, Abdol, Abdi, Abdu).
size_t vowel_length(std::string_view rest) {
  if (rest.starts_with("ou")) return 2;
  if (!rest.empty() &&
      (rest[0] == 'u' || rest[0] == 'e' || rest[0] == 'a' || rest[0] == 'o' || rest[0] == 'i'))
    return 1;
  return 0;
}

// The article's consonant after that vowel: l after any (Abdul, Abdel, Abdal), the assimilated
// forms of a sun letter only after u, o or i (Abdur, Abdus, Abdirahman) — "Abdan" and "Abdas"
// are other words.
bool is_article_consonant(std::string_view vowel, char c) {
  if (c == 'l') return true;
  if (vowel == "a" || vowel == "e") return false;
  return c == 'r' || c == 's' || c == 'n' || c == 'z' || c == 't' || c == 'd';
}

// The name after 'Abd and the article in one word ("abdurrahman", "abdurahman", "abdirahman" →
// "rahman"; "abdelaziz" → "aziz"); empty when the word is not so built. "abdullah" for Allah.
std::string name_after_abd(std::string_view word) {
  if (!word.starts_with(kAbd)) return {};
  const std::string_view rest = word.substr(kAbd.size());
  const size_t vowel = vowel_length(rest);
  if (vowel == 0 || rest.size() <= vowel + 1) return {};
  const char c = rest[vowel];
  if (!is_article_consonant(rest.substr(0, vowel), c)) return {};
  std::string name(rest.substr(vowel + 1));
  if (c == 'l' && is_allah("l" + name)) return std::string(kAbdullah);
  if (c != 'l' && !name.starts_with(c))
    name.insert(name.begin(), c);  // abdurahman: r is the name's
  if (name.size() < 3) return {};
  return name;
}

// "abdul", "abdel", "abdur", "abdoul": the first part written apart from the name.
bool is_first_part(std::string_view word) {
  if (!word.starts_with(kAbd)) return false;
  const std::string_view rest = word.substr(kAbd.size());
  const size_t vowel = vowel_length(rest);
  return vowel > 0 && rest.size() == vowel + 1 &&
         is_article_consonant(rest.substr(0, vowel), rest[vowel]);
}

// The name of a word that carries the article ("alrahman", "arrahman", "assalam" → "rahman",
// "salam"); empty for other words.
std::string article_joined_name(std::string_view word) {
  if (word.size() < 5) return {};
  const bool al = word.starts_with("al") || word.starts_with("el") || word.starts_with("ul");
  // A sun letter doubles: ar-Rahman is written "arrahman".
  const bool sun = (word[0] == 'a' || word[0] == 'u') && word[1] == word[2] &&
                   is_article_consonant("u", word[1]) && word[1] != 'l';
  if (!al && !sun) return {};
  return std::string(word.substr(2));
}

bool is_name(const NameToken& t) {
  return t.kind == TokenClass::ordinary && t.text.size() >= 3 && t.origin != TokenOrigin::pinyin &&
         t.origin != TokenOrigin::translated;
}

}  // namespace

void normalize_abd_names(std::vector<NameToken>& tokens) {
  std::vector<NameToken> out;
  out.reserve(tokens.size());
  for (size_t k = 0; k < tokens.size(); ++k) {
    NameToken t = std::move(tokens[k]);
    const bool candidate = t.kind == TokenClass::ordinary && t.origin != TokenOrigin::pinyin &&
                           t.origin != TokenOrigin::translated && t.text.starts_with(kAbd);
    const NameToken* next = k + 1 < tokens.size() ? &tokens[k + 1] : nullptr;
    const NameToken* after = k + 2 < tokens.size() ? &tokens[k + 2] : nullptr;
    if (!candidate) {
      out.push_back(std::move(t));
    } else if (t.text == kAbd && next && is_allah(next->text)) {  // Abd Allah
      t.text = kAbdullah;
      t.source += " " + next->source;
      out.push_back(std::move(t));
      ++k;
    } else if (t.text == kAbd && next && is_article(next->text) && after && is_name(*after)) {
      t.text = kAbdul;  // Abd al-Rahman: 'Abd and its article, then the name as it was
      t.source += " " + next->source;
      out.push_back(std::move(t));
      ++k;
    } else if (const std::string name =
                   t.text == kAbd && next ? article_joined_name(next->text) : std::string();
               !name.empty()) {
      t.text = kAbdul;  // Abd alRahman, Abd-arRahman: the article written onto the name
      out.push_back(std::move(t));
      NameToken rest = std::move(tokens[k + 1]);
      rest.text = name;
      out.push_back(std::move(rest));
      ++k;
    } else if (is_first_part(t.text) && next && is_name(*next)) {
      t.text = kAbdul;  // Abdel Aziz, Abdur Rahman
      out.push_back(std::move(t));
    } else if (const std::string name = name_after_abd(t.text); !name.empty()) {
      t.text = name == kAbdullah ? name : std::string(kAbdul) + name;  // Abdurrahman, Abdelaziz
      out.push_back(std::move(t));
    } else {
      out.push_back(std::move(t));
    }
  }
  tokens = std::move(out);
}

}  // namespace clearance
