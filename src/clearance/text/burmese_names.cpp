#include "clearance/text/burmese_names.h"

#include <stdexcept>
#include <unordered_map>

#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

constexpr char32_t kAsat = 0x103A;
constexpr char32_t kVirama = 0x1039;  // stacks the next consonant under this one
constexpr char32_t kCreaky = 0x1037;  // dot below: the creaky tone
constexpr char32_t kVisarga = 0x1038;
constexpr char32_t kWa = 0x103D;  // medial w

bool is_consonant(char32_t c) {
  return c >= 0x1000 && c <= 0x1021;
}
bool is_independent_vowel(char32_t c) {
  return (c >= 0x1023 && c <= 0x102A) || c == 0x103F;
}
bool is_medial(char32_t c) {
  return c >= 0x103B && c <= 0x103E;
}

struct Letters {
  std::unordered_map<std::u32string, std::vector<std::string>> initial, rime, syllable;
};

const Letters& letters() {
  static const Letters table = [] {
    Letters t;
    for (const auto& row :
         read_name_table("burmese_letters.csv", {"letters", "kind", "spellings", "source"})) {
      // Looked up without tones, as a syllable is (burmese_spellings).
      std::u32string written =
          row.fields[0] == "(none)" ? std::u32string() : to_code_points(row.fields[0]);
      std::erase_if(written, [](char32_t c) { return c == kCreaky || c == kVisarga; });
      std::vector<std::string> spellings = split_trimmed(row.fields[2], "/");
      for (std::string& s : spellings)
        if (s == "-") s.clear();  // a letter that carries a vowel and sounds nothing (အ)
      auto& into = row.fields[1] == "initial" ? t.initial
                   : row.fields[1] == "rime"  ? t.rime
                   : row.fields[1] == "syllable"
                       ? t.syllable
                       : throw std::runtime_error("data/names/burmese_letters.csv line " +
                                                  std::to_string(row.line) +
                                                  ": kind must be initial, rime or syllable");
      into[written] = std::move(spellings);
    }
    return t;
  }();
  return table;
}

void add_distinct(std::vector<std::string>& out, std::string s) {
  if (s.empty() || out.size() >= kMaxBurmeseSpellings) return;
  for (const std::string& o : out)
    if (o == s) return;
  out.push_back(std::move(s));
}

bool nasal(const std::string& rime) {
  return rime.ends_with('n') || rime.ends_with('m');
}

}  // namespace

bool has_burmese_letters(std::string_view utf8) {
  return has_code_point_in(utf8, 0x1000, 0x109F);
}

std::vector<std::string> burmese_syllables(std::string_view word) {
  const std::u32string w = to_code_points(word);
  std::vector<std::string> out;
  std::u32string current;
  for (size_t i = 0; i < w.size(); ++i) {
    const char32_t c = w[i];
    // A consonant opens a syllable unless the asat kills it or it is stacked on the next: then it
    // closes the syllable it follows. The creaky tone's dot may stand between it and the asat.
    size_t next = i + 1;
    if (next < w.size() && w[next] == kCreaky) ++next;
    const bool closes =
        is_consonant(c) && next < w.size() && (w[next] == kAsat || w[next] == kVirama);
    if ((is_consonant(c) || is_independent_vowel(c)) && !closes && !current.empty()) {
      out.push_back(to_utf8(current));
      current.clear();
    }
    current += c;
  }
  if (!current.empty()) out.push_back(to_utf8(current));
  return out;
}

std::vector<std::string> burmese_spellings(std::string_view syllable) {
  const Letters& table = letters();
  std::u32string s;
  bool creaky = false;
  for (char32_t c : to_code_points(syllable)) {
    if (c == kCreaky) creaky = true;
    if (c == kCreaky || c == kVisarga) continue;  // tones: English writes none
    s += c == kVirama ? kAsat : c;                // a stacked consonant is a final
  }
  std::vector<std::string> out;
  if (auto it = table.syllable.find(s); it != table.syllable.end()) {
    for (const std::string& sp : it->second) add_distinct(out, sp);
    return out;
  }
  if (s.empty() || !(is_consonant(s[0]) || is_independent_vowel(s[0]))) return out;
  // The initial: the longest the table spells whole (ကြ ky, ရှ sh), medials after it read alone.
  size_t end = 1;
  while (end < s.size() && is_medial(s[end])) ++end;
  size_t initial_end = 1;
  for (size_t k = end; k > 1; --k)
    if (table.initial.count(s.substr(0, k))) {
      initial_end = k;
      break;
    }
  const auto initial = table.initial.find(s.substr(0, initial_end));
  if (initial == table.initial.end()) return out;
  std::vector<std::string> initials = initial->second;
  if (initials.empty()) initials.push_back("");
  bool wa = false;
  for (size_t k = initial_end; k < end; ++k) {
    const char32_t m = s[k];
    if (m == kWa) {
      wa = true;
      continue;
    }
    for (std::string& i : initials) i = m == 0x103E ? "h" + i : i + "y";  // ha-hto; ya-pin, ya-yit
  }
  // An independent vowel is the syllable's vowel: what follows is its tone.
  if (is_independent_vowel(s[0])) {
    for (const std::string& i : initials) add_distinct(out, i);
    return out;
  }
  // The rime; a medial w before a closing n, t, m or p is the rime's u (ထွန်း Htun), else a w.
  std::u32string rime = s.substr(end);
  std::vector<std::string> rimes;
  if (wa)
    if (auto it = table.rime.find(std::u32string(1, kWa) + rime); it != table.rime.end()) {
      rimes = it->second;
      wa = false;
    }
  if (rimes.empty()) {
    const auto it = table.rime.find(rime);
    if (it == table.rime.end()) return out;
    rimes = it->second;
  }
  for (const std::string& r : rimes)
    for (const std::string& i : initials) {
      const std::string spelled = i + (wa ? "w" : "") + r;
      add_distinct(out, spelled);
    }
  // A nasal final in the creaky tone is written with its t in names (Myint, Nyunt, Thant).
  if (creaky)
    for (const std::string& r : rimes)
      if (nasal(r))
        for (const std::string& i : initials) add_distinct(out, i + (wa ? "w" : "") + r + "t");
  return out;
}

size_t burmese_title_at(const std::vector<std::string>& syllables, size_t from,
                        std::string* english) {
  static const auto titles = [] {
    std::unordered_map<std::string, std::string> t;
    for (const auto& row : read_name_table("burmese_titles.csv", {"title", "english", "source"}))
      t[row.fields[0]] = row.fields[1];
    return t;
  }();
  constexpr size_t kLongestTitle = 8;  // syllables
  std::string joined;
  size_t found = 0;
  for (size_t k = from; k < syllables.size() && k - from < kLongestTitle; ++k) {
    joined += syllables[k];
    if (auto it = titles.find(joined); it != titles.end()) {
      found = k + 1 - from;
      if (english) *english = it->second;
    }
  }
  return found;
}

}  // namespace clearance
