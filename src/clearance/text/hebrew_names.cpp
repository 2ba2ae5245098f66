#include "clearance/text/hebrew_names.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

constexpr char32_t kAlef = 0x05D0, kTav = 0x05EA;
constexpr char32_t kGeresh = 0x05F3;

bool hebrew_letter(char32_t c) {
  return c >= kAlef && c <= kTav;
}

// Final forms as their letters: ך → כ, ם → מ, ן → נ, ף → פ, ץ → צ.
char32_t unfinal(char32_t c) {
  switch (c) {
    case 0x05DA:
      return 0x05DB;
    case 0x05DD:
      return 0x05DE;
    case 0x05DF:
      return 0x05E0;
    case 0x05E3:
      return 0x05E4;
    case 0x05E5:
      return 0x05E6;
    default:
      return c;
  }
}

// The word's letters as both readings see them: points and cantillation marks dropped, the
// Yiddish ligatures (װ ױ ײ) spelled out, final forms folded, a geresh (׳ or ') kept as "'" after
// its letter (צ׳ is ch, ג׳ j, ז׳ zh); gershayim and other marks dropped.
std::u32string fold(std::string_view word) {
  std::u32string out;
  for (char32_t c : to_code_points(word)) {
    if (c == 0x05F0) {
      out += U"\u05D5\u05D5";
    } else if (c == 0x05F1) {
      out += U"\u05D5\u05D9";
    } else if (c == 0x05F2) {
      out += U"\u05D9\u05D9";
    } else if (hebrew_letter(c)) {
      out += unfinal(c);
    } else if ((c == kGeresh || c == U'\'') && !out.empty()) {
      out += U'\'';
    }
  }
  return out;
}

// One rule of a language's way of writing Hebrew names
// (data/names/hebrew_spelling_conventions.csv): letters of an English spelling and what that
// language writes for them, and where.
struct SpellingRule {
  std::string from, to;
  enum class Where { any, start, before_vowel, between_vowels, lone } where;
};

bool vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The systems in the order of the file, each its rules in order.
const std::vector<std::vector<SpellingRule>>& conventions() {
  static const auto systems = [] {
    std::vector<std::string> names;
    std::vector<std::vector<SpellingRule>> out;
    for (const auto& row : read_name_table("hebrew_spelling_conventions.csv",
                                           {"system", "from", "to", "where", "source"})) {
      static constexpr std::pair<std::string_view, SpellingRule::Where> kWhere[] = {
          {"any", SpellingRule::Where::any},
          {"start", SpellingRule::Where::start},
          {"before_vowel", SpellingRule::Where::before_vowel},
          {"between_vowels", SpellingRule::Where::between_vowels},
          {"lone", SpellingRule::Where::lone}};
      const auto where = std::find_if(std::begin(kWhere), std::end(kWhere),
                                      [&](const auto& w) { return w.first == row.fields[3]; });
      if (where == std::end(kWhere))
        throw std::runtime_error("hebrew_spelling_conventions.csv line " +
                                 std::to_string(row.line) + ": unknown where '" + row.fields[3] +
                                 "'");
      const size_t system = std::find(names.begin(), names.end(), row.fields[0]) - names.begin();
      if (system == names.size()) {
        names.push_back(row.fields[0]);
        out.emplace_back();
      }
      out[system].push_back({row.fields[1], row.fields[2], where->second});
    }
    return out;
  }();
  return systems;
}

// An English spelling as one system writes it: each rule in turn, at every place it applies.
std::string respell(std::string_view spelling, const std::vector<SpellingRule>& rules) {
  std::string word(spelling);
  for (const SpellingRule& rule : rules) {
    std::string out;
    for (size_t at = 0; at < word.size();) {
      const bool here = word.compare(at, rule.from.size(), rule.from) == 0;
      const size_t end = at + rule.from.size();
      const bool before = here && end < word.size() && vowel(word[end]);
      const bool after = here && at > 0 && vowel(word[at - 1]);
      bool applies = false;
      switch (rule.where) {
        case SpellingRule::Where::any:
          applies = here;
          break;
        case SpellingRule::Where::start:
          applies = here && at == 0;
          break;
        case SpellingRule::Where::before_vowel:
          applies = before;
          break;
        case SpellingRule::Where::between_vowels:
          applies = before && after;
          break;
        case SpellingRule::Where::lone:  // not the second letter of sh, ch or kh
          applies = here && !(at > 0 &&
                              std::string_view("sck").find(word[at - 1]) != std::string_view::npos);
          break;
      }
      if (applies) {
        out += rule.to;
        at = end;
      } else {
        out += word[at++];
      }
    }
    word = std::move(out);
  }
  return word;
}

const TextMap<std::vector<std::string>>& table() {
  static const auto names = [] {
    TextMap<std::vector<std::string>> out;
    for (const auto& row : read_name_table("hebrew_names.csv", {"hebrew", "spellings", "source"})) {
      auto& spellings = out[to_utf8(fold(row.fields[0]))];
      auto add = [&](std::string s) {
        if (std::find(spellings.begin(), spellings.end(), s) == spellings.end())
          spellings.push_back(std::move(s));
      };
      const auto listed = split_trimmed(row.fields[1], " ");
      for (const auto& s : listed) add(s);
      // Then each listed spelling as German, French and Russian write Hebrew names (Jitzchak,
      // Itshak, Itskhak for Yitzchak): after the listed ones, which stay first.
      for (const auto& rules : conventions())
        for (const auto& s : listed) add(respell(s, rules));
    }
    return out;
  }();
  return names;
}

// ה and ו after a י: a syllable it opens, as a consonant (נתניהו Netanyahu, German Netanjahu).
// Before א or ע it is the vowel of -iel and -iah (דניאל Daniel); between consonants a vowel too.
bool after_consonant_yod(char32_t c) {
  return c == 0x05D4 || c == 0x05D5;
}

// What one letter may be read as, in the letters abjad_spelling_matches() reads: "kh" folds to
// k and "ch" to s there, "sh" to s, so each listed reading is a distinct consonant.
std::vector<std::string_view> readings(const std::u32string& w, size_t at, size_t& used) {
  used = 1;
  const char32_t c = w[at];
  const bool geresh = at + 1 < w.size() && w[at + 1] == U'\'';
  if (geresh) used = 2;
  const bool last = at + used >= w.size();
  switch (c) {
    case 0x05D0:  // א
    case 0x05E2:  // ע
      return {""};
    case 0x05D1:  // ב
      return {"b", "v"};
    case 0x05D2:  // ג
      return geresh ? std::vector<std::string_view>{"j", "g"} : std::vector<std::string_view>{"g"};
    case 0x05D3:  // ד
      return {"d"};
    case 0x05D4:  // ה: a final vowel at the end of a word (Daniella, not Daniel); inside it
                  // sounded or not, and g where a name came through Russian (Gertsog)
      return last ? std::vector<std::string_view>{"a"}
                  : std::vector<std::string_view>{"h", "", "g"};
    case 0x05D5:  // ו: a word's first letter is v; וו v or w (סינוואר Sinwar); else o, u or v
      if (at + 1 < w.size() && w[at + 1] == 0x05D5) {
        used = 2;
        return {"v", "w"};
      }
      return at == 0 ? std::vector<std::string_view>{"v"} : std::vector<std::string_view>{"w", "v"};
    case 0x05D6:  // ז, s in German (Mofas)
      return geresh ? std::vector<std::string_view>{"zh"} : std::vector<std::string_view>{"z", "s"};
    case 0x05D7:  // ח, j in Spanish (Jaim)
      return {"h", "kh", "ch", "j"};
    case 0x05D8:  // ט
      return {"t"};
    case 0x05D9:  // י: a vowel (i, e) or y, which the comparison reads alike; j in German
                  // where it is a consonant: first, doubled (Dajan) or opening a syllable
      if (at + 1 < w.size() && w[at + 1] == 0x05D9) used = 2;
      if (at == 0 || used == 2 || (at + 1 < w.size() && after_consonant_yod(w[at + 1])))
        return {"y", "j"};
      return {"y"};
    case 0x05DB:  // כ
      return {"k", "ch"};
    case 0x05DC:
      return {"l"};
    case 0x05DE:
      return {"m"};
    case 0x05E0:
      return {"n"};
    case 0x05E1:  // ס
      return {"s"};
    case 0x05E4:  // פ
      return {"p", "f"};
    case 0x05E6:  // צ
      return geresh ? std::vector<std::string_view>{"ch"}
                    : std::vector<std::string_view>{"tz", "ts", "z"};
    case 0x05E7:  // ק
      return {"k"};
    case 0x05E8:
      return {"r"};
    case 0x05E9:  // ש: sh or s, which the comparison reads alike
      return {"sh"};
    case 0x05EA:  // ת
      return {"t"};
    default:
      return {""};
  }
}

}  // namespace

bool has_hebrew_letters(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    if (hebrew_letter(c.value) || (c.value >= 0x05F0 && c.value <= 0x05F2)) return true;
    i += c.length;
  }
  return false;
}

std::vector<std::string> hebrew_spellings(std::string_view word) {
  const std::string key = to_utf8(fold(word));
  if (const auto it = table().find(key); it != table().end()) return it->second;
  return {};
}

std::vector<std::string> hebrew_abjad_forms(std::string_view word) {
  const std::u32string w = fold(word);
  std::vector<std::string> forms;
  if (w.empty()) return forms;
  forms.emplace_back(1, kOAndUWritten);
  for (size_t at = 0; at < w.size();) {
    if (w[at] == U'\'') {  // a geresh without a letter it belongs to
      ++at;
      continue;
    }
    size_t used = 1;
    const auto options = readings(w, at, used);
    at += used;
    // Each reading extends every form so far while the forms stay within bounds; past them, the
    // likeliest reading alone.
    const size_t keep = forms.size() * options.size() <= kMaxHebrewForms ? options.size() : 1;
    std::vector<std::string> next;
    next.reserve(forms.size() * keep);
    for (size_t k = 0; k < keep; ++k)
      for (const std::string& f : forms) {
        // A letter read h after one the comparison would join it to (k + h is not kh): apart.
        const bool apart = !f.empty() && options[k].starts_with('h') &&
                           std::string_view("kgsctdpz").find(f.back()) != std::string_view::npos;
        next.push_back(f + (apart ? std::string(1, kLettersApart) : "") + std::string(options[k]));
      }
    forms = std::move(next);
  }
  // Readings that spell alike (a silent letter beside another) once.
  std::vector<std::string> unique;
  for (auto& f : forms)
    if (std::find(unique.begin(), unique.end(), f) == unique.end()) unique.push_back(std::move(f));
  return unique;
}

}  // namespace clearance
