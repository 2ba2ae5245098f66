#include "clearance/text/chinese_romanization.h"

#include <array>
#include <cstdint>

namespace clearance {

namespace {

struct Initial {
  std::string_view text;
  char key;
};

// Pinyin and Wade–Giles initials (aspiration marks are gone by now: ch'ing → ching), two letters
// before one. Wade–Giles writes pinyin's b/d/g as p/t/k and its j/q/zh as ch, its z/c as ts/tz,
// its x as hs: each such set is one class.
constexpr Initial kInitials[] = {
    {"zh", 'c'}, {"ch", 'c'}, {"ts", 'c'}, {"tz", 'c'}, {"sh", 's'}, {"hs", 's'},
    {"ss", 's'}, {"sz", 's'}, {"b", 'p'},  {"p", 'p'},  {"d", 't'},  {"t", 't'},
    {"g", 'k'},  {"k", 'k'},  {"j", 'c'},  {"q", 'c'},  {"z", 'c'},  {"c", 'c'},
    {"x", 's'},  {"s", 's'},  {"h", 'h'},  {"m", 'm'},  {"n", 'n'},  {"l", 'l'},
    {"f", 'f'},  {"r", 'r'},  {"y", 'y'},  {"w", 'w'},  {"", '_'},  // a syllable opening with its
                                                                    // vowel
};

struct Final {
  std::string_view text;
  std::string_view key;
};

// Finals of both systems with the spelling they fold to, longer before shorter. Wade–Giles
// -ung/-iung, -ih, -ien, -ieh, -uei, -ueh, -erh are pinyin -ong/-iong, -i, -ian, -ie, -ui, -ue,
// -er; Wade–Giles eh is e (yeh = ye). Its o is pinyin's e after k/h (ko = ge), pinyin's uo after
// the other consonants save p/m/f (to = duo, lo = luo, tso = zuo): append_syllable reads it so.
constexpr Final kFinals[] = {
    {"iang", "iang"}, {"iong", "iong"}, {"iung", "iong"}, {"uang", "uang"}, {"ang", "ang"},
    {"eng", "eng"},   {"ong", "ong"},   {"ung", "ong"},   {"ing", "ing"},   {"iao", "iao"},
    {"ian", "ian"},   {"ien", "ian"},   {"ieh", "ie"},    {"uai", "uai"},   {"uan", "uan"},
    {"uei", "ui"},    {"ueh", "ue"},    {"erh", "er"},    {"ai", "ai"},     {"ei", "ei"},
    {"ao", "ao"},     {"ou", "ou"},     {"an", "an"},     {"en", "en"},     {"er", "er"},
    {"ia", "ia"},     {"ie", "ie"},     {"iu", "iu"},     {"in", "in"},     {"ua", "ua"},
    {"uo", "uo"},     {"ui", "ui"},     {"un", "un"},     {"ue", "ue"},     {"ih", "i"},
    {"eh", "e"},      {"a", "a"},       {"o", "o"},       {"e", "e"},       {"i", "i"},
    {"u", "u"},
};

constexpr int kMaxSyllables = 6;
constexpr size_t kMaxLength = 24;

void append_syllable(const Initial& initial, const Final& final, std::string& key) {
  char cls = initial.key;
  std::string_view folded = final.key;
  // Wade–Giles tzu/ssu/szu are pinyin zi/si.
  if ((initial.text == "tz" || initial.text == "ss" || initial.text == "sz") && final.text == "u")
    folded = "i";
  // The glides pinyin writes before a bare vowel: yi/yin/ying are Wade–Giles i/yin/ying, wu is u;
  // Wade–Giles yen is pinyin yan.
  if (cls == 'y' && final.text[0] == 'i') cls = '_';
  if (cls == 'w' && final.text == "u") cls = '_';
  if (cls == 'y' && final.text == "en") folded = "an";
  if (final.text == "o" && cls != 'p' && cls != 'm' && cls != 'f' && cls != '_' && cls != 'y' &&
      cls != 'w')
    folded = (cls == 'k' || cls == 'h') ? "e" : "uo";
  key += cls;
  key += folded;
  key += '.';
}

// Positions of a token known not to start a reading, by the syllables read before them (bit k:
// after k syllables): each is tried once.
using Failures = std::array<uint8_t, kMaxLength + 1>;

// Reads token[at..] as syllables after `syllables` of them.
bool segment(std::string_view token, size_t at, int syllables, Failures& failed, std::string& key) {
  if (at == token.size()) return syllables > 0;
  if (syllables == kMaxSyllables || (failed[at] >> syllables & 1u)) return false;
  const std::string_view rest = token.substr(at);
  for (const Initial& initial : kInitials) {
    if (!initial.text.empty() && initial.text[0] != rest[0]) continue;
    if (rest.substr(0, initial.text.size()) != initial.text) continue;
    const std::string_view after = rest.substr(initial.text.size());
    if (after.empty()) continue;
    for (const Final& final : kFinals) {
      if (final.text[0] != after[0] || after.substr(0, final.text.size()) != final.text) continue;
      const size_t mark = key.size();
      append_syllable(initial, final, key);
      const size_t next = at + initial.text.size() + final.text.size();
      if (segment(token, next, syllables + 1, failed, key)) return true;
      key.resize(mark);
    }
  }
  failed[at] |= static_cast<uint8_t>(1u << syllables);
  return false;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Two consonants side by side occur only as a two-letter initial (zh, ch, sh, hs, ts, tz, ss, sz)
// or after a final's closing n, g (of ng), h (Wade–Giles -ih, -eh) or r (-er): "smith", "trading"
// fail here without the search.
bool consonants_can_meet(std::string_view t) {
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const char a = t[i], b = t[i + 1];
    if (is_vowel(a) || is_vowel(b)) continue;
    if (a == 'n' || a == 'h' || a == 'r' || (a == 'g' && i > 0 && t[i - 1] == 'n')) continue;
    if ((b == 'h' && (a == 'z' || a == 'c' || a == 's')) || (a == 't' && (b == 's' || b == 'z')) ||
        (a == 's' && (b == 's' || b == 'z')))
      continue;
    return false;
  }
  return true;
}

}  // namespace

std::string chinese_romanization_key(std::string_view token) {
  std::string key;
  if (token.size() < 2 || token.size() > kMaxLength) return key;
  for (char c : token)
    if (c < 'a' || c > 'z') return key;
  // Every final ends in a vowel, n, g, h or r: most English words fail here at once.
  const char last = token.back();
  if (!is_vowel(last) && last != 'n' && last != 'g' && last != 'h' && last != 'r') return key;
  if (!consonants_can_meet(token)) return key;
  Failures failed{};
  if (!segment(token, 0, 0, failed, key)) key.clear();
  return key;
}

}  // namespace clearance
