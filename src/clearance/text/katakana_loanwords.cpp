#include "clearance/text/katakana_loanwords.h"

#include <algorithm>

#include "clearance/text/japanese_reading.h"

namespace clearance {

namespace {

bool katakana(char32_t c) {
  return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

bool small_kana(char32_t c) {
  return c == U'ャ' || c == U'ュ' || c == U'ョ' || c == U'ァ' || c == U'ィ' || c == U'ゥ' ||
         c == U'ェ' || c == U'ォ';
}

bool is_vowel(char c) {
  return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

// One mora of the word as Hepburn spells it: its consonants (none for a vowel alone) and its
// vowel (none for ン).
struct Mora {
  std::string onset;
  std::string vowel;
  bool n = false;     // ン
  bool held = false;  // before ー or ッ: its vowel is long or closes a syllable, and is written
};

// The word's morae; the long-vowel mark and the small ッ (a doubled consonant, which the Latin
// spellings may write once or twice and the comparison reads once) are not morae of their own.
std::vector<Mora> morae_of(std::u32string_view word) {
  std::vector<Mora> out;
  for (size_t k = 0; k < word.size(); ++k) {
    const char32_t c = word[k];
    if (c == U'ー' || c == U'ッ') {
      if (!out.empty()) out.back().held = true;
      continue;
    }
    if (c == U'ン') {
      out.push_back({"", "", true});
      continue;
    }
    size_t end = k + 1;
    if (end < word.size() && small_kana(word[end])) ++end;
    std::string spelled = kana_to_hepburn(word.substr(k, end - k));
    // A small kana the reading does not join (トゥ) spells a vowel of its own: the first mora's
    // vowel is the joined one.
    if (spelled.empty()) continue;
    Mora m;
    size_t v = 0;
    while (v < spelled.size() && !is_vowel(spelled[v])) ++v;
    m.onset = spelled.substr(0, v);
    m.vowel = v < spelled.size() ? std::string(1, spelled[v]) : "";
    out.push_back(std::move(m));
    // The rest of a spelling of two syllables ("tou" of トゥ): a vowel mora.
    for (size_t r = v + 1; r < spelled.size(); ++r) out.push_back({"", std::string(1, spelled[r])});
    k = end - 1;
  }
  return out;
}

// The ways a Latin spelling may write a mora's consonants, Hepburn's first.
std::vector<std::string> onsets(const Mora& m, bool word_start, bool vowel_dropped,
                                bool consonant_follows) {
  const std::string& o = m.onset;
  // A palatal onset (リャ rya, ヒュ hyu): its consonant's ways, then the y.
  if (o.size() == 2 && o[1] == 'y' && o[0] != 'y') {
    std::vector<std::string> out = onsets({o.substr(0, 1), m.vowel}, false, false, false);
    for (std::string& c : out) c += 'y';
    return out;
  }
  if (o == "r") return {"r", "l"};
  if (o == "b") return {"b", "v"};
  if (o == "w") return {"w", "v"};
  if (o == "h") return {"h", "kh"};
  if (o == "f") return vowel_dropped ? std::vector<std::string>{"f", "v"} : std::vector{o};
  if (o == "z") return {"z", "s"};
  if (o == "j") return m.vowel == "i" ? std::vector<std::string>{"j", "d", "g"} : std::vector{o};
  if (o == "ch") return m.vowel == "i" ? std::vector<std::string>{"ch", "t"} : std::vector{o};
  if (o == "ts") return {"ts", "t", "z"};
  // ウ opening a word before a consonant is how katakana writes v and w (ウラジーミル Vladimir,
  // ウォルフ Wolf) as often as the vowel u.
  if (o.empty() && m.vowel == "u" && word_start && consonant_follows) return {"", "v", "w"};
  return {o};
}

// The vowel a Latin spelling writes after the consonants of mora k: none where Japanese only
// added it to sound the consonant (u after most, o after t and d, i after ch closing the word)
// and a consonant or the word's end follows — unless a long mark or a small ッ holds it.
std::string vowel_of(const std::vector<Mora>& morae, size_t k) {
  const Mora& m = morae[k];
  const bool last = k + 1 == morae.size();
  const bool consonant_follows = !last && (morae[k + 1].n || !morae[k + 1].onset.empty());
  if (m.onset.empty() || m.held || !(last || consonant_follows)) return m.vowel;
  const std::string& o = m.onset;
  // (Not after n, y or w: a consonant n closing a syllable is ン, and ユ, ウ are vowels.)
  if (m.vowel == "u" && o != "n" && o != "y" && o != "w") return "";
  if (m.vowel == "o" && (o == "t" || o == "d")) return "";
  if (m.vowel == "i" && o == "ch" && last) return "";
  return m.vowel;
}

}  // namespace

bool is_katakana_word(std::u32string_view text) {
  size_t letters = 0;
  for (char32_t c : text) {
    if (!katakana(c)) return false;
    letters += c != U'ー';
  }
  return letters >= 2;
}

std::vector<std::string> loanword_spellings(std::u32string_view word) {
  if (!is_katakana_word(word)) return {};
  const std::vector<Mora> morae = morae_of(word);
  if (morae.empty()) return {};
  std::vector<std::string> out{""};
  for (size_t k = 0; k < morae.size(); ++k) {
    const Mora& m = morae[k];
    const bool last = k + 1 == morae.size();
    const bool consonant_follows = !last && (morae[k + 1].n || !morae[k + 1].onset.empty());
    std::vector<std::string> ways;
    if (m.n) {
      // ン: n; ng closing a word (Jong, Young); m before b and p.
      ways = {"n"};
      if (last) ways.push_back("ng");
      if (!last && (morae[k + 1].onset == "b" || morae[k + 1].onset == "p")) ways.push_back("m");
    } else {
      const std::string vowel = vowel_of(morae, k);
      const std::vector<std::string> consonants =
          onsets(m, k == 0, vowel.empty(), consonant_follows);
      for (const std::string& c : consonants)
        // A ウ read as v or w opens the consonant cluster that follows: no vowel of its own.
        ways.push_back(c.empty() || !(m.onset.empty() && m.vowel == "u") ? c + vowel : c);
    }
    // The commonest reading of the rest when the readings would grow past the bound.
    if (out.size() * ways.size() > kMaxLoanwordSpellings) ways.resize(1);
    std::vector<std::string> next;
    next.reserve(out.size() * ways.size());
    for (const std::string& way : ways)
      for (const std::string& head : out) next.push_back(head + way);
    out = std::move(next);
  }
  std::vector<std::string> distinct;
  for (std::string& s : out)
    if (s.size() >= 2 && std::find(distinct.begin(), distinct.end(), s) == distinct.end())
      distinct.push_back(std::move(s));
  return distinct;
}

}  // namespace clearance
