#include "clearance/text/thai_letters.h"

#include <algorithm>

#include "clearance/text/utf8.h"

namespace clearance {

namespace {

constexpr char32_t kFirstConsonant = 0x0E01, kLastConsonant = 0x0E2E;
constexpr char32_t kRoRuea = 0x0E23, kThanthakhat = 0x0E4C;

bool consonant(char32_t c) {
  return c >= kFirstConsonant && c <= kLastConsonant;
}
// Signs written above, below or after a consonant that spell its vowel (ั, า, ำ, ิ … ู, ็, and
// the nikhahit NFKC writes for ำ).
bool vowel_sign(char32_t c) {
  return (c >= 0x0E30 && c <= 0x0E39) || c == 0x0E47 || c == 0x0E4D;
}
// Tone marks and other signs that change no consonant read (ๆ repeats a word, ◌ฺ marks a letter
// without a vowel in Pali spellings).
bool ignored(char32_t c) {
  return (c >= 0x0E48 && c <= 0x0E4B) || c == 0x0E3A || c == 0x0E45 || c == 0x0E46 || c == 0x0E4E;
}

// A consonant as read: where it stands decides how it may be spelled.
struct Letter {
  char32_t c;
  bool opens_word;       // the word's first consonant
  bool vowel_after;      // a vowel sign follows it: it opens a syllable, never closes one
  bool after_consonant;  // the letter before it is a consonant (ปร, ศร: perhaps a cluster)
  bool after_short_a;    // after ◌ั, mostly a syllable's final (ลัก)
  bool silent;           // under ◌์, or just before the letter that is
  bool doubled_ro;       // รร, read as one letter
  bool before_ro;        // ท opening ทร, which reads s (ทราย sai, ทรง song)
};

// The ways a letter may be spelled, as classes; "" for not written at all.
std::vector<std::string_view> spellings(const Letter& l) {
  const bool may_close = !l.vowel_after && !l.opens_word;
  std::vector<std::string_view> out;
  switch (l.c) {
    case 0x0E01:  // ก
    case 0x0E02:  // ข
    case 0x0E03:  // ฃ
    case 0x0E04:  // ค
    case 0x0E05:  // ฅ
    case 0x0E06:  // ฆ
      out = {"k"};
      break;
    case 0x0E07:  // ง
      out = {"N"};
      break;
    case 0x0E08:  // จ
    case 0x0E09:  // ฉ
    case 0x0E0A:  // ช
    case 0x0E0C:  // ฌ
      out = {"c"};
      if (may_close) out.push_back("t");  // a final ช reads t (เดช det)
      break;
    case 0x0E0B:  // ซ
    case 0x0E28:  // ศ
    case 0x0E29:  // ษ
    case 0x0E2A:  // ส
      out = {"s"};
      if (may_close) out.push_back("t");
      break;
    case 0x0E0D:  // ญ
      out = {"y"};
      if (may_close) out.push_back("n");
      break;
    case 0x0E0E:  // ฎ
    case 0x0E0F:  // ฏ
    case 0x0E10:  // ฐ
    case 0x0E11:  // ฑ
    case 0x0E12:  // ฒ
    case 0x0E14:  // ด
    case 0x0E15:  // ต
    case 0x0E16:  // ถ
    case 0x0E18:  // ธ
      out = {"t"};
      break;
    case 0x0E17:  // ท
      out = {"t"};
      if (l.before_ro) out.push_back("s");
      break;
    case 0x0E13:  // ณ
    case 0x0E19:  // น
      out = {"n"};
      break;
    case 0x0E1A:  // บ
    case 0x0E1B:  // ป
    case 0x0E1C:  // ผ
    case 0x0E1E:  // พ
    case 0x0E20:  // ภ
      out = {"p"};
      break;
    case 0x0E1D:  // ฝ
    case 0x0E1F:  // ฟ
      out = {"f"};
      if (may_close) out.push_back("p");
      break;
    case 0x0E21:  // ม
      out = {"m"};
      break;
    case 0x0E22:  // ย: a consonant, or part of a vowel (เ-ีย, ไ-ย) or a final i
      out = {"y", ""};
      break;
    case kRoRuea:
      if (l.doubled_ro) {  // รร: an, a doubled r as some spell it, or a before a final (ธรรม tham)
        out = {"n", "r", "rn"};
        if (!l.vowel_after) out.push_back("");
        break;
      }
      out = {"r"};
      if (may_close) out.insert(out.end(), {"n", "rn"});  // ธร Thorn, RTGS thon
      if (l.after_consonant) out.push_back("");           // ศร, ทร, จร: often silent
      break;
    case 0x0E24:  // ฤ
    case 0x0E26:  // ฦ
      out = {"r"};
      break;
    case 0x0E25:  // ล
    case 0x0E2C:  // ฬ
      out = {"r"};
      if (may_close) out.push_back("n");
      break;
    case 0x0E27:  // ว: a consonant, or part of a vowel (-ัว, -าว)
      out = {"w", ""};
      break;
    default:  // ห, ฮ, อ: h is not kept, อ carries a vowel
      return {};
  }
  if (l.silent && std::find(out.begin(), out.end(), "") == out.end()) out.push_back("");
  return out;
}

// Appends a class spelling, a class written twice in a row counted once.
void append_collapsed(std::string& key, std::string_view classes) {
  for (char c : classes)
    if (key.empty() || key.back() != c) key.push_back(c);
}

std::vector<Letter> letters_of(std::string_view word) {
  std::u32string text;
  for (char32_t c : to_code_points(word))
    if (!ignored(c)) text.push_back(c);
  std::vector<Letter> out;
  for (size_t k = 0; k < text.size(); ++k) {
    const char32_t c = text[k];
    if (c == kThanthakhat) {
      // The letter under it (after its vowel sign, if it carries one) is not read, nor is the
      // consonant just before it in ทร์, ตร์ (จุรินทร์ "churin", ศาสตร์ "sat") or after a final
      // that ◌ั asks for (ษ of ลักษณ์ "lak"; not ง of พงษ์ "phong", ม of ภิรมย์ "phirom"); some
      // spellings keep them.
      const size_t n = out.size();
      if (n > 0) out[n - 1].silent = true;
      if (n > 1 && out[n - 1].after_consonant && out[n - 2].after_consonant &&
          (out[n - 1].c == kRoRuea || (n > 2 && out[n - 3].after_short_a)))
        out[n - 2].silent = true;
      continue;
    }
    if (!consonant(c)) continue;
    Letter l{};
    l.c = c;
    l.opens_word = out.empty();
    l.after_consonant = k > 0 && consonant(text[k - 1]);
    l.after_short_a = k > 0 && text[k - 1] == 0x0E31;
    if (c == kRoRuea && k + 1 < text.size() && text[k + 1] == kRoRuea) {
      l.doubled_ro = true;
      ++k;
    }
    l.vowel_after = k + 1 < text.size() && vowel_sign(text[k + 1]);
    out.push_back(l);
  }
  for (size_t k = 0; k + 1 < out.size(); ++k)
    out[k].before_ro = out[k].c == 0x0E17 && out[k + 1].c == kRoRuea && out[k + 1].after_consonant;
  return out;
}

bool latin_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

}  // namespace

std::vector<std::string> thai_letter_keys(std::string_view word) {
  // Each key with the number of letters read it leaves out: one at most. A ร or ว may be part of
  // a vowel (ชวน chuan) or a silent second letter (ศร), but a key that leaves out several keeps
  // too little of the word. Silent letters (◌์) are left out freely, and so is ย, which mostly
  // spells part of a vowel (เ-ีย, ไ-ย). Keys are pruned as they are made: a long name's keys are
  // not cut short by the cap before those that leave out too much are dropped.
  struct Key {
    std::string text;
    int left_out = 0;
  };
  constexpr int kMaxLeftOut = 1;
  std::vector<Key> keys{{}};
  std::string as_letters;  // every letter read spelled as its letter: the fullest key
  for (const Letter& l : letters_of(word)) {
    const auto ways = spellings(l);
    if (ways.empty()) continue;
    const bool read = !l.silent && l.c != 0x0E22;  // a letter a key may leave out only once
    if (read) append_collapsed(as_letters, ways.front());
    std::vector<Key> next;
    for (const Key& key : keys)
      for (std::string_view way : ways) {
        Key k = key;
        if (way.empty() && read && ++k.left_out > kMaxLeftOut) continue;
        append_collapsed(k.text, way);
        const auto same = std::find_if(next.begin(), next.end(),
                                       [&](const Key& other) { return other.text == k.text; });
        if (same != next.end())
          same->left_out = std::min(same->left_out, k.left_out);
        else if (next.size() < kMaxThaiLetterKeys)
          next.push_back(std::move(k));
      }
    keys = std::move(next);
  }
  // Vowels are not compared: a word of few consonants meets too many names that way. A word is
  // compared on its letters only when it reads kMinThaiLetterKey classes or more, by keys of as
  // many.
  std::vector<std::string> out;
  if (as_letters.size() < kMinThaiLetterKey) return out;
  for (Key& k : keys)
    if (k.text.size() >= kMinThaiLetterKey) out.push_back(std::move(k.text));
  return out;
}

std::vector<std::string> latin_thai_letter_keys(std::string_view w) {
  std::string key, without_ar;
  bool has_ar = false;
  auto at = [&](size_t k) { return k < w.size() ? w[k] : '\0'; };
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i], next = at(i + 1);
    if (c < 'a' || c > 'z' || latin_vowel(c) || c == 'h') continue;
    std::string_view cls;
    if (c == 't' && next == 'c' && at(i + 2) == 'h') {  // tch: ch
      cls = "c", i += 2;
    } else if (next == 'h' && (c == 'c' || c == 's')) {
      cls = "c", ++i;
    } else if (next == 'h' && (c == 'k' || c == 'g')) {
      cls = "k", ++i;
    } else if (next == 'h' && (c == 'p' || c == 'b')) {
      cls = "p", ++i;
    } else if (next == 'h' && (c == 't' || c == 'd')) {
      cls = "t", ++i;
    } else if (c == 'n' && next == 'g') {
      cls = "N", ++i;
    } else if (c == 'c' && next == 'k') {
      cls = "k", ++i;
    } else {
      switch (c) {
        case 'k':
        case 'g':
        case 'c':
        case 'q':
          cls = "k";
          break;
        case 'j':
          cls = "c";
          break;
        case 's':
        case 'z':
          cls = "s";
          break;
        case 'x':
          cls = "ks";
          break;
        case 'd':
        case 't':
          cls = "t";
          break;
        case 'b':
        case 'p':
          cls = "p";
          break;
        case 'f':
          cls = "f";
          break;
        case 'v':
        case 'w':
          cls = "w";
          break;
        case 'l':
        case 'r':
          cls = "r";
          break;
        default:  // m, n, y
          cls = std::string_view(&w[i], 1);
          break;
      }
    }
    append_collapsed(key, cls);
    // An r after a closing a marks the vowel long (ชาญ Charn, ปาน Parn): not a letter of the word.
    const bool long_a =
        c == 'r' && i > 0 && w[i - 1] == 'a' && (i + 1 == w.size() || !latin_vowel(at(i + 1)));
    if (long_a)
      has_ar = true;
    else
      append_collapsed(without_ar, cls);
  }
  std::vector<std::string> keys;
  if (key.size() >= kMinThaiLetterKey) keys.push_back(key);
  if (has_ar && without_ar.size() >= kMinThaiLetterKey && without_ar != key)
    keys.push_back(without_ar);
  return keys;
}

size_t thai_letters_match(const std::vector<std::string>& thai_keys, std::string_view latin) {
  size_t longest = 0;
  if (thai_keys.empty()) return longest;
  for (const std::string& key : latin_thai_letter_keys(latin))
    if (std::find(thai_keys.begin(), thai_keys.end(), key) != thai_keys.end())
      longest = std::max(longest, key.size());
  return longest;
}

float thai_letter_similarity(size_t classes, float full) {
  const size_t missing = classes >= kFullThaiLetterKey ? 0 : kFullThaiLetterKey - classes;
  return full - 0.05f * static_cast<float>(missing);
}

}  // namespace clearance
