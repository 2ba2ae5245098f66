#include "clearance/text/consonant_skeleton.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace clearance {

namespace {

// SpellingShape::gaps: bit 1 a, bit 2 i/e/y, bit 4 u/o/w. Latin e may stand for a or i.
constexpr uint8_t kA = 1, kI = 2, kU = 4;
constexpr uint8_t kLatinOU = 8;  // a Latin o or u (not w) among kU
// A vowel an abugida leaves unwritten (kVowelUnwritten): a vowel the Latin word may write or not,
// as it likes; never asked of it.
constexpr uint8_t kUnwritten = 16;
// An e an abugida writes as such (Devanagari े: शेंडे Shende, not Shinde): a Latin e, or a and i
// together (हुसैन, হোসেন Hossain).
constexpr uint8_t kE = 32;

void read_shape(std::string_view word, bool latin, SpellingShape& s) {
  s.consonants.clear();
  s.gaps.assign(1, 0);
  s.without_o_and_u = false;
  bool apart =
      false;  // after kLettersApart: the next consonant is not the one before written twice
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c == kLettersApart) apart = true;
    if (c == kVowelUnwritten && !latin) s.gaps.back() |= kUnwritten;
    if ((c < 'a' || c > 'z') && c != 'E') continue;
    const char next = i + 1 < word.size() ? word[i + 1] : '\0';
    uint8_t vowel = 0;
    switch (c) {
      case 'a':
        vowel = kA;
        break;
      case 'e':
        vowel = latin ? kA | kI | kE : kI;
        break;
      case 'E':  // an abugida's e (kE), which only its forms write
        vowel = kE;
        break;
      case 'i':
      case 'y':
        vowel = kI;
        break;
      case 'o':
      case 'u':
        vowel = latin ? kU | kLatinOU : kU;
        break;
      case 'w':
        vowel = kU;
        break;
      default:
        break;
    }
    if (vowel) {
      s.gaps.back() |= vowel;
      if (latin && (s.gaps.back() & (kA | kI)) == (kA | kI)) s.gaps.back() |= kE;
      continue;
    }
    char letter = c;
    // A Latin x is the k and s that Arabic and Hebrew write (ألكسندر Aleksandr, Alexander).
    if (latin && c == 'x') {
      if (s.consonants.empty() || s.consonants.back() != 'k' || s.gaps.back() != 0 || apart) {
        s.consonants += 'k';
        s.gaps.push_back(0);
      }
      letter = 's';
    } else if (next == 'h' && is_digraph_head(c)) {
      // zh is kept apart from z (as 'Z'), which it meets still: Arabic may write it ج.
      letter = c == 'c' ? 's' : c == 'p' ? 'f' : c == 'z' ? 'Z' : c;
      ++i;
    } else if (c == 'q' || c == 'c') {
      letter = 'k';
    } else if (c == 'h' && !s.consonants.empty() &&
               (i + 1 == word.size() || (i + 2 == word.size() && word[i + 1] == kVowelUnwritten))) {
      continue;
    }
    if (!s.consonants.empty() && s.consonants.back() == letter && s.gaps.back() == 0 && !apart)
      continue;
    apart = false;
    s.consonants += letter;
    s.gaps.push_back(0);
  }
}

// The letter a key writes for a consonant: one of each pair a foreign_sounds shape lets meet.
char key_letter(char consonant) {
  switch (consonant) {
    case 'p':
      return 'b';
    case 'v':
      return 'f';
    case 'g':
      return 'j';
    case 'Z':
      return 'z';
    default:
      return consonant;
  }
}

// Whether an abjad form's consonant may stand for a Latin word's.
bool consonant_meets(char abjad, char latin, bool foreign_sounds) {
  if (abjad == latin || (key_letter(abjad) == 'z' && key_letter(latin) == 'z')) return true;
  return foreign_sounds && (key_letter(latin) == abjad || (abjad == 'j' && latin == 'Z'));
}

}  // namespace

std::string consonant_skeleton(std::string_view word) {
  SpellingShape s;
  read_shape(word, true, s);
  if (s.consonants.size() < kMinSkeleton) return std::string();
  // Folded letters may now stand twice in a row (a "bp"): they are each a consonant still.
  for (char& c : s.consonants) c = key_letter(c);
  return std::move(s.consonants);
}

SpellingShape abjad_shape(std::string_view abjad, bool foreign_sounds) {
  SpellingShape s;
  read_shape(abjad, false, s);
  s.foreign_sounds = foreign_sounds;
  // A word of a script that writes o and u, written without any (רבין), has none: Rubin is
  // another name. One that writes some may leave one out (סלבודקין Slobodkin).
  s.without_o_and_u =
      !abjad.empty() && abjad[0] == kOAndUWritten &&
      std::none_of(s.gaps.begin(), s.gaps.end(), [](uint8_t gap) { return (gap & kU) != 0; });
  return s;
}

void read_latin_shape(std::string_view latin, SpellingShape& out) {
  read_shape(latin, true, out);
}

std::string with_h_apart(std::string_view word) {
  std::string out;
  bool any = false;
  for (size_t i = 0; i < word.size(); ++i) {
    out += word[i];
    const char c = word[i];
    if (is_digraph_head(c) && i + 1 < word.size() && word[i + 1] == 'h') {
      out += kLettersApart;
      any = true;
    }
  }
  return any ? out : std::string();
}

std::string with_waw_as_v(std::string_view word) {
  std::string out(word);
  bool any = false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] != 'w') continue;
    const char before = i ? word[i - 1] : '\0', after = i + 1 < word.size() ? word[i + 1] : '\0';
    if (i == 0 || before == 'a' || after == 'a' || after == 'y' || after == 'w') {
      out[i] = 'v';
      any = true;
    }
  }
  return any ? out : std::string();
}

AbjadSpelling abjad_spelling(const SpellingShape& a, const SpellingShape& l) {
  if (a.consonants.size() != l.consonants.size()) return AbjadSpelling::none;
  for (size_t k = 0; k < a.consonants.size(); ++k)
    if (!consonant_meets(a.consonants[k], l.consonants[k], a.foreign_sounds))
      return AbjadSpelling::none;
  bool every_vowel = true;
  for (size_t k = 0; k < a.gaps.size(); ++k) {
    const uint8_t written = a.gaps[k] & ~kUnwritten;
    if ((written & l.gaps[k]) != written) return AbjadSpelling::none;
    if (a.without_o_and_u && (l.gaps[k] & kLatinOU)) return AbjadSpelling::none;
    every_vowel = every_vowel && (l.gaps[k] == 0 || a.gaps[k] != 0);
  }
  return every_vowel ? AbjadSpelling::every_vowel : AbjadSpelling::consonants;
}

bool abjad_spelling_matches(const SpellingShape& a, const SpellingShape& l) {
  return abjad_spelling(a, l) != AbjadSpelling::none;
}

SpellingShape joined_shape(const SpellingShape& first, const SpellingShape& second) {
  SpellingShape out = first;
  out.gaps.back() |= second.gaps.front();
  const bool shared = !out.consonants.empty() && !second.consonants.empty() &&
                      out.consonants.back() == second.consonants.front() && out.gaps.back() == 0;
  if (shared) out.gaps.back() |= second.gaps[1];
  for (size_t k = shared ? 1 : 0; k < second.consonants.size(); ++k) {
    out.consonants += second.consonants[k];
    out.gaps.push_back(second.gaps[k + 1]);
  }
  out.without_o_and_u = first.without_o_and_u && second.without_o_and_u;
  return out;
}

std::string shape_key(const SpellingShape& shape) {
  if (shape.consonants.size() < kMinSkeleton) return std::string();
  std::string key = shape.consonants;
  for (char& c : key) c = key_letter(c);
  return key;
}

std::vector<std::string> foreign_sound_keys(const std::string& key) {
  std::vector<std::string> keys{key};
  constexpr int kMostVariants = 8;
  for (size_t at = 0; at < key.size(); ++at) {
    if (key[at] != 'j') continue;
    for (size_t k = 0, read = keys.size(); k < read && keys.size() < kMostVariants; ++k) {
      std::string zh = keys[k];
      zh[at] = 'z';
      keys.push_back(std::move(zh));
    }
  }
  return keys;
}

std::string with_tsh_as_ch(std::string_view word) {
  std::string out;
  bool any = false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word.substr(i).starts_with("tsh")) {
      out += "ch";
      i += 2;
      any = true;
    } else {
      out += word[i];
    }
  }
  return any ? out : std::string();
}

bool abjad_spelling_matches(std::string_view abjad, std::string_view latin) {
  SpellingShape l;
  read_latin_shape(latin, l);
  return abjad_spelling_matches(abjad_shape(abjad), l);
}

}  // namespace clearance
