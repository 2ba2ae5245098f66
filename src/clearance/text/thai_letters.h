#pragma once
// A Thai word and a Latin spelling compared on their consonants. Thai names are written in
// English in ways no reading of the word predicts: a surname of Pali or Sanskrit origin spelled
// letter by letter (ชินวัตร Shinawatra, not RTGS "Chinnawat"; อดุลยเดช Adulyadej, not
// "Adunyadet"), vowels the script leaves unwritten spelled out (ทวีสิน Thavisin), silent letters
// kept or dropped (จุลานนท์ Chulanont or Chulanon), a final ร written rn (ธนาธร Thanathorn), a long a
// written ar (ชาญ Charn). What every such spelling keeps is the word's consonants, each spelled
// as the letter sounds at the start of a syllable or at its end. So both sides become keys of
// consonant classes — k, ng (written N), c (ch, j, sh), s, t (t, d, th, dh), n, p (p, b, ph, bh),
// f, m, r (r, l), w (w, v), y — with vowels and h dropped and a class written twice in a row
// counted once; a Thai word has a key for each way its letters may be spelled, a Latin word one
// (two with an "ar" read as a long a). A word meets another when a key is shared.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The keys of a Thai word (UTF-8, no spaces; tone marks ignored), distinct, at most
// kMaxThaiLetterKeys, none leaving out more than one of the letters it reads, none shorter than
// kMinThaiLetterKey classes; empty for a word whose letters read fewer (vowels are not compared:
// too many names share a short word's consonants).
std::vector<std::string> thai_letter_keys(std::string_view word);

// The keys of a Latin word (lower-case ASCII; other bytes ignored): one, and one without the r of
// each "ar" before a consonant or the word's end when it has one; none shorter than
// kMinThaiLetterKey classes.
std::vector<std::string> latin_thai_letter_keys(std::string_view word);

// The length, in classes, of the longest key a Latin word shares with a Thai word's keys
// (thai_letter_keys()); 0 when it shares none.
size_t thai_letters_match(const std::vector<std::string>& thai_keys, std::string_view latin);

// What a match of `classes` shared classes is worth, given what a consonant match of a long word
// is worth (`full`): a shorter key says less — three classes are shared by many more names than
// five — so it is worth 0.05 less for each class under kFullThaiLetterKey. Never above `full`.
float thai_letter_similarity(size_t classes, float full);

constexpr size_t kFullThaiLetterKey = 4;

constexpr size_t kMinThaiLetterKey = 3;
constexpr size_t kMaxThaiLetterKeys = 64;

}  // namespace clearance
