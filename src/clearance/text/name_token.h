#pragma once
// A name after normalisation: lower-case ASCII tokens, each marked with how it was obtained.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clearance {

enum class TokenOrigin : uint8_t {
  literal,         // written in Latin script (diacritics folded)
  transliterated,  // converted from another script (Cyrillic, Arabic, Greek, Hangul, kana…)
  pinyin,          // a run of Han characters spelled in pinyin, syllables joined ("hefeibaolongda")
  translated,      // a Chinese organisation word translated to English (大学 → "university")
};

enum class TokenClass : uint8_t {
  ordinary,
  legal_form,  // "ltd", "llc", "ooo", "gmbh"… never the reason for a hit
  stopword,    // "of", "the", "and"…
};

// What the writing of a name shows about one of its tokens, beyond its text. The normaliser sets
// them; list and query tokens carry them to the scorer unchanged.
struct TokenMarks {
  // Part of a person's family name, when the writing says so (see NameNormalizer::normalize).
  bool family = false;
  // Place in an Arabic lineage ("Salman bin Muhammad"): kLineageChild for a name written before
  // bin/ibn/bint, kLineageParent after it, both for a name in the middle of a chain.
  uint8_t lineage = 0;
  // Written as separate letters ("J.C.", "S M I C"): initials, not a word. Two letters are read as
  // a person's initials only when written so — "Al" or "Li" is a word.
  bool letters = false;
  // Transliterated from a script that writes consonants and long vowels only (Arabic, Hebrew,
  // Syriac): a letter more or less is another name, not a typo.
  bool abjad = false;
  // A syllable its script spells exactly, its other spellings alternatives: a letter apart is
  // another syllable, another name, and the syllables' order is the name's. Hangul (김정은
  // Jeong-eun is not 김종은 Jong-eun), a Han name's Cantonese reading (cantonese_reading.h), a
  // Burmese syllable (burmese_names.h: ထွန်း Tun is not နောင် Naung).
  bool syllable = false;
  // A word of a name's Japanese reading, spelled from its kana: a short word a letter apart is
  // another name (佐藤 Sato is not 斎藤 Saito, nor 加藤 Kato); a long one may be a list's other
  // spelling of the same (name_scorer.cpp).
  bool kana = false;
  // Part of a country's or region's name ("Europe", "Hong Kong"): see place_names.h.
  bool place = false;
  // A series number, digits or a Roman numeral as written ("Partners VII", "Trust 2004-1"); a
  // one-letter numeral (V) only where it cannot be an initial: after a word, without a dot.
  bool series = false;
  // Spelled in every way the lists write it, its alternatives holding the rest: a Cyrillic word in
  // the romanisation systems (cyrillic_romanizations.h). A Latin word further from them than one
  // typo is another name (Тимченко is not TKACHENKO), and a short word must be one of them
  // exactly (Игорь is not EGOR).
  bool spelled = false;
  // It abbreviates its own name's other words ("CASC" after China Aerospace Science and
  // Technology Corporation; match/own_acronym.h): left over, it weighs as a legal form. Set on the
  // index's tokens and the screener's query tokens, not by the normaliser.
  bool own_acronym = false;
  // A word that says what an organisation is or does, not which one (text/descriptive_words.h).
  // Set on the index's tokens and the screener's query tokens, not by the normaliser.
  bool descriptive = false;
};

struct NameToken {
  std::string text;  // canonical form ("limited" → "ltd", "int'l" → "international")
  TokenOrigin origin = TokenOrigin::literal;
  TokenClass kind = TokenClass::ordinary;
  std::vector<std::string> alternatives;  // other spellings that count as exact (translations)
  std::string source;                     // the text as the user wrote it, for explanations
  TokenMarks marks;
  // A word of an abjad (Hebrew) whose letters read more than one way and that no table spells:
  // each reading as the consonant comparison reads it (hebrew_names.h), the likeliest first. Empty
  // for other tokens, whose text is their one reading.
  std::vector<std::string> abjad_forms;
  // A word transliterated from Thai: the keys of its letters (thai_letters.h), which the Latin
  // spellings of the word meet that no reading of it gives (ชินวัตร Shinawatra). Empty otherwise.
  std::vector<std::string> letter_keys;
  // A run of Han characters that may write a foreign name for its sound (阿布拉莫维奇 Abramovich):
  // the keys of its consonants (chinese_transcription.h). Empty otherwise.
  std::vector<std::string> transcription_keys;
  uint8_t transcription_characters = 0;  // the run's characters, when it has keys
};

constexpr uint8_t kLineageChild = 1;
constexpr uint8_t kLineageParent = 2;
// Two names in incompatible places of a lineage: a son's name against a father's.
inline bool lineage_conflict(uint8_t a, uint8_t b) {
  return a && b && !(a & b);
}

// Letters of a script no reader here spells (Tibetan, Sinhala…), left out of the tokens: a name
// screened without them may miss its party, and says so.
struct UnreadText {
  std::string text;    // the word as written (case-folded)
  std::string script;  // Unicode's name of its script ("Tibetan")
};

struct NormalizedName {
  std::vector<NameToken> tokens;
  std::vector<UnreadText> unread;
  // [begin, end) of the tokens each written word of two syllables or more spells a syllable a
  // token (Burmese): English may write them as one word (တေဇ Tayza), a reading of the query.
  std::vector<std::pair<uint32_t, uint32_t>> syllable_words;
  bool has_han = false;
  // Long enough to have been cut by a field of fixed width (SWIFT writes names in lines of 35
  // characters) and ending inside a word: the last word may be the start of a longer one.
  bool maybe_cut = false;
  // A query's other readings, screened beside it (NameNormalizer::normalize_query): a name in
  // kanji read as Japanese besides its Chinese reading; an Arabic word joined to الله. Tokens only.
  std::vector<NormalizedName> readings;
  // For a reading: the language it reads the name in ("ja", "ko", "yue" for Cantonese, "th" for a
  // Thai name spelled without translation, kJapaneseBrandReading), "" when none in particular.
  std::string language;
};

// The language of a reading of a firm's name written in Chinese, without a Japanese legal form,
// its brand read as Japanese (丰田汽车 Toyota Motor): it counts against parties of Japan alone.
inline constexpr const char* kJapaneseBrandReading = "ja-brand";

// The shortest name read as possibly cut (NormalizedName::maybe_cut), in characters.
constexpr size_t kMinCutNameLength = 30;

const char* to_string(TokenOrigin origin);

// For a token spelled in pinyin from Han script, or from Hangul, a hash of the (simplified)
// characters it spells, never 0; 0 for any other token. Two Han names that read alike may be
// written with other characters: 高市 and 高石 are both "gaoshi".
uint32_t han_spelling(const NameToken& token);

}  // namespace clearance
