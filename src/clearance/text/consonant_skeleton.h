#pragma once
// The consonants of a name as a script that writes consonants only would write them: Arabic and
// Hebrew write محمد and משה without short vowels, so their transliterations ("mhmd", "msh") are
// skeletons, and a list's "Mohamed", "Muhammad" or "Moshe" meets them only on its consonants.
// Both sides are folded alike: digraphs to one letter (kh, gh, sh, ch, th, dh, ph), q and c to k,
// vowels and the semivowels y and w dropped (the scripts write them as long vowels, the Latin
// spellings as vowels), a final h dropped (ة, ה), a letter doubled as written counted once.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The skeleton of a lower-case ASCII word; empty when it has fewer than kMinSkeleton consonants
// (one consonant meets too many names to say anything; two, with the long vowels the script
// writes where it writes them, say enough: عزام Azzam, ضيف Deif, سپه Sepah). A key to look words
// up by, not to compare them: it writes p as b, v as f and g as j (the letters Arabic writes a
// foreign name's p, v and g with: SpellingShape::foreign_sounds), so that a word the comparison
// may let meet another has the other's key.
std::string consonant_skeleton(std::string_view word);

constexpr size_t kMinSkeleton = 2;

// Between two letters of an abjad the comparison reads apart: the consonants on either side are
// two, even when alike (فضل الله Fadlallah has l twice, two words Latin writes as one) or when
// Latin would read them as one (כה is k then h, not kh); nothing is asked of the vowel between.
constexpr char kLettersApart = '|';
// Opens the form of a word from a script that writes o and u (Hebrew as written today, with ו): a
// Latin word with an o or u never meets such a form that writes neither (רבין is Rabin, not Rubin).
constexpr char kOAndUWritten = '+';
// Between two consonants of an abugida (Devanagari, Bengali), the vowel the script leaves
// unwritten: a Latin spelling may write any vowel there, or none (indic_names.h).
constexpr char kVowelUnwritten = '*';

// A word transliterated from Arabic script without the article joined to it (البشير "albshyr" →
// "bshyr"): the lists write the article apart or not at all (al-Bashir, Bashir).
inline std::string_view without_article(std::string_view word) {
  return word.size() > 4 && word.starts_with("al") ? word.substr(2) : word;
}

// Whether a letter and an h after it are read as one sound (kh, gh, sh, ch, th, dh, ph, zh).
inline bool is_digraph_head(char c) {
  return c == 'c' || c == 'd' || c == 'g' || c == 'k' || c == 'p' || c == 's' || c == 't' ||
         c == 'z';
}

// A word transliterated from Arabic script with each h after c, d, g, k, p, s, t or z read apart
// from it ("sp|h"), or "" when it has none. No Arabic-script letter is written ph, and ت, س, ک
// before ه or ح (تهمینه Tahmineh, سهیل Soheil, کهریزک Kahrizak) are two letters that the
// transliteration writes as one digraph (th, sh, kh) — though ث, ش, خ are written so too: the
// word is read both ways.
std::string with_h_apart(std::string_view word);

// A word transliterated from Arabic script with each w that Persian reads as the consonant v
// written v, or "" when it has none: و first in the word, before a long vowel (ا, ی, و) or after
// ا (ولایتی Velayati, پهلوی Pahlavi, داوود Davood, خاوری Khavari). Elsewhere و stays a vowel
// (موسوی Mousavi, روحانی Rouhani); Arabic reads it w, which the word as it is keeps: the
// word is read both ways.
std::string with_waw_as_v(std::string_view word);

// Whether a Latin word may spell a word transliterated from Arabic or Hebrew script: the same
// consonants, and each long vowel the script writes (ا a, ي i, و u) among the vowels the Latin
// word writes in the same place — بشير "bshyr" is Bashir, not Bashar; محمود "mhmwd" is Mahmoud,
// not Muhammad. The Latin word may write short vowels the script does not, save an o or u
// against a form opening with kOAndUWritten that writes neither.
bool abjad_spelling_matches(std::string_view abjad, std::string_view latin);

// A word as abjad_spelling_matches() reads it, read once to be compared against many: its
// consonants (the skeleton, before the kMinSkeleton cut) and, in each gap — before the first
// consonant, after each — the classes of vowel written there.
struct SpellingShape {
  std::string consonants;
  std::vector<uint8_t> gaps;     // consonants.size() + 1
  bool without_o_and_u = false;  // an abjad form opening with kOAndUWritten that writes neither
  // Arabic letters, which write the sounds Arabic lacks with the nearest it has: a foreign name's p
  // with ب, its v with ف, its g and zh with ج (بوتين Putin, فلاديمير Vladimir, جورج George). Its
  // b, f and j then also meet a Latin p, v, g and zh. Not Hebrew's, nor Persian's, which have
  // letters of their own for them (פ, پ, ڤ/و, گ).
  bool foreign_sounds = false;
};
// `foreign_sounds`: SpellingShape::foreign_sounds.
SpellingShape abjad_shape(std::string_view abjad, bool foreign_sounds = false);
// The Latin word's shape into `out`, whose storage is reused.
void read_latin_shape(std::string_view latin, SpellingShape& out);
bool abjad_spelling_matches(const SpellingShape& abjad, const SpellingShape& latin);

// How far an abjad form spells a Latin word: not (0), in its consonants and the long vowels it
// writes (1, abjad_spelling_matches), or with a vowel written wherever the Latin word writes one
// (2): a foreign name, whose every vowel Arabic writes as a long one (فلاديمير Vladimir, بوتين
// Putin), where an Arabic name leaves its short vowels out (محمد Mohamed).
enum class AbjadSpelling : uint8_t { none, consonants, every_vowel };
AbjadSpelling abjad_spelling(const SpellingShape& abjad, const SpellingShape& latin);

// A word transliterated from Arabic script without the alef that opens it as the seat of the
// vowel و or ي writes after it (أوليغ "awlygh" Oleg, إيغور "ayghwr" Igor): the vowel is theirs.
// The word itself when it opens otherwise.
inline std::string_view without_vowel_seat(std::string_view word) {
  return word.size() > 3 && word[0] == 'a' && (word[1] == 'w' || word[1] == 'y') ? word.substr(1)
                                                                                 : word;
}

// Two words' shapes as one word's (a list may write two words of a foreign name as one): the
// vowels where they meet together, a consonant ending one and opening the other counted once.
SpellingShape joined_shape(const SpellingShape& first, const SpellingShape& second);
// The key (consonant_skeleton's) of a shape.
std::string shape_key(const SpellingShape& shape);

// The keys a foreign_sounds form's words may be looked up by: its key, and with each j — ج,
// which may write a foreign zh (بريغوجين Prigozhin) — as z; at most eight.
std::vector<std::string> foreign_sound_keys(const std::string& key);

// A word transliterated from Arabic script with each "tsh" (تش) read as the one sound Arabic
// writes so in a foreign name, ch (يانوكوفيتش Yanukovych, تشيوينغا Chiwenga); "" when it has none.
std::string with_tsh_as_ch(std::string_view word);

}  // namespace clearance
