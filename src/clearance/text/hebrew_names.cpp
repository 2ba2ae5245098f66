#include "clearance/text/hebrew_names.h"

#include <algorithm>

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

const TextMap<std::vector<std::string>>& table() {
  static const auto names = [] {
    TextMap<std::vector<std::string>> out;
    for (const auto& row : read_name_table("hebrew_names.csv", {"hebrew", "spellings", "source"})) {
      auto& spellings = out[to_utf8(fold(row.fields[0]))];
      for (auto& s : split_trimmed(row.fields[1], " "))
        if (std::find(spellings.begin(), spellings.end(), s) == spellings.end())
          spellings.push_back(std::move(s));
    }
    return out;
  }();
  return names;
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
    case 0x05D4:  // ה: silent at the end of a word, sounded or not inside it
      return last ? std::vector<std::string_view>{""} : std::vector<std::string_view>{"h", ""};
    case 0x05D5:  // ו: a word's first letter is v; וו v or w (סינוואר Sinwar); else o, u or v
      if (at + 1 < w.size() && w[at + 1] == 0x05D5) {
        used = 2;
        return {"v", "w"};
      }
      return at == 0 ? std::vector<std::string_view>{"v"} : std::vector<std::string_view>{"w", "v"};
    case 0x05D6:  // ז
      return geresh ? std::vector<std::string_view>{"zh"} : std::vector<std::string_view>{"z"};
    case 0x05D7:  // ח
      return {"h", "kh", "ch"};
    case 0x05D8:  // ט
      return {"t"};
    case 0x05D9:  // י: a vowel (i, e) or y, which the comparison reads alike
      if (at + 1 < w.size() && w[at + 1] == 0x05D9) used = 2;
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
  forms.emplace_back();
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
