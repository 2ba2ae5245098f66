#include "clearance/text/korean_names.h"

#include <algorithm>
#include <string>

#include "clearance/text/name_tables.h"
#include "clearance/text/org_words.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

constexpr char32_t kFirstSyllable = 0xAC00, kLastSyllable = 0xD7A3;

// Spellings of each jamo, the lists' usage first: McCune–Reischauer without its breve and
// apostrophe (ŏ → o, ŭ → u, k' → k), Revised Romanization, then South Korean habits (ee, oo, u
// for ㅓ). The initial is spelled as at a word's start: lists write each syllable of a given name
// apart ("Jong Un", "Ryong Hae").
const std::vector<std::vector<std::string_view>> kInitials = {
    {"k", "g"}, {"kk"},      {"n"},       {"t", "d"},  {"tt"}, {"r", "l", "n", ""}, {"m"},
    {"p", "b"}, {"pp"},      {"s", "sh"}, {"ss"},      {""},   {"j", "ch"},         {"jj", "tch"},
    {"ch"},     {"k", "kh"}, {"t", "th"}, {"p", "ph"}, {"h"}};
const std::vector<std::vector<std::string_view>> kVowels = {{"a"},
                                                            {"ae"},
                                                            {"ya"},
                                                            {"yae"},
                                                            {"o", "eo", "u"},
                                                            {"e"},
                                                            {"yo", "yeo", "you", "yu"},
                                                            {"ye"},
                                                            {"o"},
                                                            {"wa"},
                                                            {"wae"},
                                                            {"oe", "oi"},
                                                            {"yo"},
                                                            {"u", "oo"},
                                                            {"wo"},
                                                            {"we"},
                                                            {"wi"},
                                                            {"yu"},
                                                            {"u", "eu"},
                                                            {"ui", "i", "ee"},
                                                            {"i", "ee"}};
const std::vector<std::vector<std::string_view>> kFinals = {
    {""},  {"k", "g"}, {"k"}, {"k"}, {"n"}, {"n"}, {"n"}, {"t", "d"}, {"l", "r"}, {"k"},
    {"m"}, {"l"},      {"l"}, {"l"}, {"p"}, {"l"}, {"m"}, {"p", "b"}, {"p"},      {"t", "s"},
    {"t"}, {"ng"},     {"t"}, {"t"}, {"k"}, {"t"}, {"p"}, {"t"}};

bool is_syllable(char32_t c) {
  return c >= kFirstSyllable && c <= kLastSyllable;
}

const TextMap<std::vector<std::string>>& surnames() {
  static const auto table = [] {
    TextMap<std::vector<std::string>> out;
    for (const auto& row :
         read_name_table("korean_surnames.csv", {"hangul", "spellings", "source"}))
      out[row.fields[0]] = split_trimmed(row.fields[1], " ");
    return out;
  }();
  return table;
}

NameToken token_of(std::vector<std::string> spellings, std::string source) {
  NameToken t;
  t.text = spellings.front();
  t.alternatives.assign(spellings.begin() + 1, spellings.end());
  t.source = std::move(source);
  t.origin = TokenOrigin::transliterated;
  t.marks.syllable = true;
  return t;
}

struct OrgWord {
  std::u32string hangul;
  std::vector<std::string> english;  // tokens; alternatives split by '/', '?' optional
};

// data/names/korean_org_words.csv, longest first.
const std::vector<OrgWord>& org_words() {
  static const auto table = [] {
    std::vector<OrgWord> out;
    for (const auto& row : read_name_table("korean_org_words.csv", {"hangul", "english", "source"}))
      out.push_back({to_code_points(row.fields[0]), split_trimmed(row.fields[1], " ")});
    std::sort(out.begin(), out.end(),
              [](const OrgWord& a, const OrgWord& b) { return a.hangul.size() > b.hangul.size(); });
    return out;
  }();
  return table;
}

const OrgWord* org_word_at(const std::u32string& word, size_t at) {
  for (const OrgWord& w : org_words())
    if (word.compare(at, w.hangul.size(), w.hangul) == 0) return &w;
  return nullptr;
}

// A run of syllables no table word covers (a proper name: 대성 Taesong, 단천 Tanchon), spelled as
// one word in each system: their spellings joined, the lists' first. At most kMaxSpellings.
NameToken proper_name(const std::u32string& syllables) {
  constexpr size_t kMaxSpellings = 32;
  std::vector<std::string> joined = {""};
  for (char32_t c : syllables) {
    std::vector<std::string> next;
    for (const auto& head : joined)
      for (const auto& part : hangul_syllable_spellings(c))
        if (next.size() < kMaxSpellings) next.push_back(head + part);
    joined = std::move(next);
  }
  return token_of(std::move(joined), to_utf8(syllables));
}

// An organisation's name in Hangul: the table's words translated, the syllables between them
// spelled as proper names. False when no table word is in it.
bool add_korean_organisation(const std::vector<std::u32string>& words,
                             std::vector<NameToken>& out) {
  std::vector<NameToken> tokens;
  bool any = false;
  for (const auto& word : words) {
    std::u32string pending;
    auto flush = [&] {
      if (!pending.empty()) tokens.push_back(proper_name(pending));
      pending.clear();
    };
    for (size_t i = 0; i < word.size();) {
      const OrgWord* w = org_word_at(word, i);
      if (!w) {
        pending += word[i++];
        continue;
      }
      flush();
      any = true;
      append_translation(w->english, to_utf8(w->hangul), tokens);
      i += w->hangul.size();
    }
    flush();
  }
  if (!any) return false;
  for (auto& t : tokens) out.push_back(std::move(t));
  return true;
}

// Whether a word ends with a table word of two syllables or more (은행 bank, 항공 air): an
// organisation, whatever its first syllable (고려항공 is no Mr Ko).
bool ends_with_org_word(const std::u32string& word) {
  for (const OrgWord& w : org_words())
    if (w.hangul.size() >= 2 && word.size() > w.hangul.size() &&
        word.compare(word.size() - w.hangul.size(), w.hangul.size(), w.hangul) == 0)
      return true;
  return false;
}

}  // namespace

std::vector<std::string> hangul_syllable_spellings(char32_t syllable) {
  std::vector<std::string> out;
  if (!is_syllable(syllable)) return out;
  const unsigned code = syllable - kFirstSyllable;
  const auto& initials = kInitials[code / 588];
  const auto& vowels = kVowels[(code % 588) / 28];
  const auto& finals = kFinals[code % 28];
  // The lists' spelling first: each part's first spelling; then every combination.
  for (std::string_view i : initials)
    for (std::string_view v : vowels)
      for (std::string_view f : finals) {
        std::string s = std::string(i) + std::string(v) + std::string(f);
        if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end())
          out.push_back(std::move(s));
      }
  return out;
}

NameToken korean_proper_name(std::string_view hangul) {
  // The same words recur from name to name (은행, 무역 of a Chinese firm's translated words):
  // spelled once per thread. Bounded: cleared when full.
  constexpr size_t kMaxKept = 1 << 14;
  thread_local TextMap<NameToken> kept;
  if (const auto it = kept.find(hangul); it != kept.end()) return it->second;
  const std::u32string syllables = to_code_points(hangul);
  NameToken t;
  if (!syllables.empty() && std::all_of(syllables.begin(), syllables.end(), is_syllable))
    t = proper_name(syllables);
  if (kept.size() >= kMaxKept) kept.clear();
  kept.emplace(std::string(hangul), t);
  return t;
}

bool is_korean_surname(std::string_view hangul) {
  return surnames().find(std::string(hangul)) != surnames().end();
}

bool add_korean_name(std::string_view run, std::vector<NameToken>& out) {
  // Words of syllables, separated by spaces, hyphens or dots.
  std::vector<std::u32string> words(1);
  for (char32_t c : to_code_points(run)) {
    if (is_syllable(c)) {
      words.back() += c;
    } else if (c == ' ' || c == '-' || c == '.' || c == 0xB7) {
      if (!words.back().empty()) words.emplace_back();
    } else {
      return false;
    }
  }
  if (words.back().empty()) words.pop_back();
  if (words.empty()) return false;
  const bool organisation =
      words.size() > 3 || std::any_of(words.begin(), words.end(), [](const std::u32string& w) {
        return w.size() > 4 || ends_with_org_word(w);
      });
  if (organisation) return add_korean_organisation(words, out);
  std::vector<NameToken> tokens;
  size_t start = 0;  // of the given name in the first word
  // The family name: a word of its own when the name is written apart ("김 정은"), else the first
  // syllable or two (남궁, 황보) of a name of two syllables or more.
  const std::u32string& first = words.front();
  for (size_t length : {size_t{2}, size_t{1}}) {
    if (first.size() < length || (words.size() == 1 && first.size() == length)) continue;
    if (words.size() > 1 && first.size() != length) continue;
    const auto it = surnames().find(to_utf8(first.substr(0, length)));
    if (it == surnames().end()) continue;
    tokens.push_back(token_of(it->second, to_utf8(first.substr(0, length))));
    tokens.back().marks.family = true;
    start = length;
    break;
  }
  if (tokens.empty() && words.size() == 1 && first.size() > 1) return false;  // no name we know
  for (size_t k = 0; k < words.size(); ++k)
    for (size_t s = (k == 0 ? start : 0); s < words[k].size(); ++s)
      tokens.push_back(
          token_of(hangul_syllable_spellings(words[k][s]), to_utf8(words[k].substr(s, 1))));
  for (auto& t : tokens) out.push_back(std::move(t));
  return true;
}

}  // namespace clearance
