#include "clearance/text/khmer_names.h"

#include <stdexcept>
#include <unordered_map>

#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

constexpr char32_t kCoeng = 0x17D2;        // stacks the next consonant under this one
constexpr char32_t kToA = 0x17C9;          // muusikatoan: an o-series consonant read as a-series
constexpr char32_t kToO = 0x17CA;          // triisap: an a-series consonant read as o-series
constexpr char32_t kBantoc = 0x17CB;       // shortens the vowel
constexpr char32_t kToandakhiat = 0x17CD;  // the letter it stands on is silent

bool is_consonant(char32_t c) {
  return c >= 0x1780 && c <= 0x17A2;
}
bool is_independent_vowel(char32_t c) {
  return c >= 0x17A3 && c <= 0x17B3;
}
bool is_vowel_sign(char32_t c) {
  return c >= 0x17B6 && c <= 0x17C7;
}  // with ំ and ះ
// What makes the consonant before it an initial: a vowel sign, a series mark, a stacked consonant.
bool opens(char32_t c) {
  return is_vowel_sign(c) || c == kToA || c == kToO || c == kCoeng;
}

struct Letter {
  char series = '-';  // 'a' or 'o' for a consonant
  std::vector<std::string> spellings;
};

struct Letters {
  std::unordered_map<char32_t, Letter> initial, final;
  std::unordered_map<std::string, std::vector<std::string>> vowel;  // "<series><vowel>"
};

const Letters& letters() {
  static const Letters table = [] {
    Letters t;
    for (const auto& row : read_name_table("khmer_letters.csv",
                                           {"letters", "kind", "series", "spellings", "source"})) {
      std::vector<std::string> spellings = split_trimmed(row.fields[3], "/");
      for (std::string& s : spellings)
        if (s == "-") s.clear();  // a letter that carries a vowel, or a silent final
      const std::string& kind = row.fields[1];
      const std::u32string written = to_code_points(row.fields[0]);
      auto bad = [&](const char* what) {
        return std::runtime_error("data/names/khmer_letters.csv line " + std::to_string(row.line) +
                                  ": " + what);
      };
      if (kind == "vowel") {
        if (row.fields[2] != "a" && row.fields[2] != "o") throw bad("a vowel's series is a or o");
        t.vowel[row.fields[2] + row.fields[0]] = std::move(spellings);
      } else if (kind == "initial" || kind == "final") {
        if (written.size() != 1) throw bad("an initial or final is one letter");
        (kind == "initial" ? t.initial : t.final)[written[0]] = {row.fields[2][0],
                                                                 std::move(spellings)};
      } else {
        throw bad("kind must be initial, final or vowel");
      }
    }
    return t;
  }();
  return table;
}

void add_distinct(std::vector<std::string>& out, const std::string& s) {
  if (s.empty() || out.size() >= kMaxKhmerSpellings) return;
  for (const std::string& o : out)
    if (o == s) return;
  out.push_back(s);
}

// Every string of `a` followed by every one of `b`, in order of rank.
std::vector<std::string> product(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (size_t sum = 0; sum + 2 <= a.size() + b.size(); ++sum)
    for (size_t i = 0; i < a.size() && i <= sum; ++i)
      if (sum - i < b.size()) out.push_back(a[i] + b[sum - i]);
  return out;
}

}  // namespace

bool has_khmer_letters(std::string_view utf8) {
  return has_code_point_in(utf8, 0x1780, 0x17FF);
}

std::vector<std::string> khmer_syllables(std::string_view word) {
  const std::u32string w = to_code_points(word);
  const size_t n = w.size();
  std::vector<std::string> out;
  size_t i = 0;
  while (i < n) {
    if (!is_consonant(w[i]) && !is_independent_vowel(w[i])) {
      ++i;  // a mark with no letter to stand on
      continue;
    }
    const size_t begin = i++;
    bool closed = false;  // ំ or ះ closes the syllable: no final follows
    while (i < n && (opens(w[i]) || w[i] == kBantoc || w[i] == 0x17C8 || w[i] == kToandakhiat)) {
      if (w[i] == kCoeng && i + 1 < n && is_consonant(w[i + 1])) ++i;
      closed = closed || w[i] == 0x17C6 || w[i] == 0x17C7;
      ++i;
    }
    // After a bare consonant, a consonant with another stacked under it is its final, and the
    // stacked one opens the next syllable: សម្តេច is sam-dech, ចន្ថា chan-tha, កម្ពុជា kam-pu-chea.
    if (i == begin + 1 && is_consonant(w[begin]) && i + 2 < n && is_consonant(w[i]) &&
        w[i + 1] == kCoeng && is_consonant(w[i + 2])) {
      out.push_back(to_utf8(w.substr(begin, i + 1 - begin)));
      i += 2;
      continue;
    }
    // A consonant that opens nothing is this syllable's final, with the marks and the silent
    // stacked letters after it.
    if (!closed && i < n && is_consonant(w[i]) &&
        (i + 1 >= n || !opens(w[i + 1]) ||
         (w[i + 1] == kCoeng && i + 2 < n && (i + 3 >= n || !opens(w[i + 3]))))) {
      ++i;
      while (i < n && (w[i] == kBantoc || w[i] == kToandakhiat || w[i] == 0x17C8 ||
                       (w[i] == kCoeng && i + 1 < n && is_consonant(w[i + 1]))))
        i += w[i] == kCoeng ? 2 : 1;
    }
    out.push_back(to_utf8(w.substr(begin, i - begin)));
  }
  return out;
}

std::vector<std::string> khmer_spellings(std::string_view syllable) {
  const Letters& table = letters();
  const std::u32string s = to_code_points(syllable);
  std::vector<std::string> out;
  if (s.empty()) return out;
  const auto initial = table.initial.find(s[0]);
  if (initial == table.initial.end()) return out;
  std::vector<std::string> spelled = initial->second.spellings;
  if (spelled.empty()) spelled.push_back("");
  if (is_independent_vowel(s[0])) {
    for (const std::string& sp : spelled) add_distinct(out, sp);
    return out;
  }
  char series = initial->second.series;
  std::string vowel;
  char32_t final_letter = 0;
  bool shortened = false;
  for (size_t k = 1; k < s.size(); ++k) {
    const char32_t c = s[k];
    if (c == kCoeng && k + 1 < s.size()) {
      // A stacked consonant: after the initial, part of its cluster (ស្រ sr); after the final,
      // silent (ន្ទ in ភូមិន្ទ).
      if (!final_letter)
        if (const auto sub = table.initial.find(s[k + 1]); sub != table.initial.end()) {
          spelled = product(spelled, sub->second.spellings.empty() ? std::vector<std::string>{""}
                                                                   : sub->second.spellings);
          if (sub->second.series == 'o') series = 'o';  // an o-series letter under sets the series
        }
      ++k;
    } else if (c == kToA) {
      series = 'a';
    } else if (c == kToO) {
      series = 'o';
    } else if (c == kBantoc) {
      shortened = true;
    } else if (c == kToandakhiat) {
      final_letter = 0;  // the final it stands on is not sounded
    } else if (is_vowel_sign(c) && !final_letter) {
      vowel += to_utf8(std::u32string(1, c));
    } else if (is_consonant(c)) {
      final_letter = c;
    }
  }
  if (vowel.empty()) vowel = shortened ? "(short)" : final_letter ? "(closed)" : "(open)";
  const auto v = table.vowel.find(std::string(1, series) + vowel);
  if (v == table.vowel.end()) return out;
  spelled = product(spelled, v->second);
  if (final_letter)
    if (const auto f = table.final.find(final_letter); f != table.final.end())
      spelled = product(spelled, f->second.spellings.empty() ? std::vector<std::string>{""}
                                                             : f->second.spellings);
  for (const std::string& sp : spelled) add_distinct(out, sp);
  return out;
}

size_t khmer_title_length(std::string_view text, std::string* english) {
  static const auto titles = [] {
    std::vector<std::pair<std::string, std::string>> t;
    for (const auto& row : read_name_table("khmer_titles.csv", {"title", "english", "source"}))
      t.emplace_back(row.fields[0], row.fields[1]);
    return t;
  }();
  size_t best = 0;
  for (const auto& [title, meaning] : titles)
    if (title.size() > best && text.starts_with(title)) {
      best = title.size();
      if (english) *english = meaning;
    }
  return best;
}

}  // namespace clearance
