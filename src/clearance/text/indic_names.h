#pragma once
// Names written in the scripts of India and its neighbours — Devanagari (Hindi, Marathi, Nepali),
// Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam — as the lists spell them.
// Each consonant letter carries the vowel a unless a sign says otherwise, and Hindi, Bengali,
// Punjabi and Gujarati leave that vowel unsaid at a word's end and often inside it: ICU reads
// अमित शाह as "amita saha" and আহমেদ as "ahameda", which meet no list's "Amit Shah" or "Ahmed".
// A word is read here twice:
// - as the lists spell it: the unsaid vowel dropped at the end after a single consonant and
//   between two syllables (Ohala's rule for Hindi: आहमेद "ahmed", मनमोहन "manmohan", not after a
//   cluster: नरेंद्र "narendra"), ś and ṣ as sh, the nasal sign as n (m before p, b, m), व as w
//   after a consonant (द्विवेदी "dwivedi");
// - in the forms the consonant comparison reads (consonant_skeleton.h): the vowels the word
//   writes, and kVowelUnwritten where the script leaves its a unwritten, which a Latin spelling
//   may write as any vowel or none ("Benazir" and "Benzir" both meet বেনজীর). Bengali writes
//   the z of Arabic names (Aziz, Nazrul) with জ j: a second form reads each j as z.
// The scripts share one layout (Unicode's blocks U+0900–U+0D7F repeat ISCII's), so one table
// of letters by their place in the block serves all nine, with each script's own letters apart.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// Whether the text (UTF-8) holds a letter of the nine scripts above.
bool has_indic_letters(std::string_view text);

struct IndicReading {
  std::string text;                // lower-case ASCII, as the lists spell the word
  std::vector<std::string> forms;  // for the consonant comparison, the likeliest first
  // Whether the lists spell the word's consonants as the script writes them: in the northern
  // scripts (Devanagari to Odia), not the Dravidian ones (Tamil has one letter for k and g); a
  // Latin word a consonant apart from such a reading is another name.
  bool exact_consonants = true;
};

// The Latin spellings of a word whose lists' spelling no reading gives — a Bengali surname
// anglicised (বন্দ্যোপাধ্যায় Banerjee, ঠাকুর Tagore), the abbreviation মোঃ (Md., Mohammad) —
// from data/names/indic_names.csv (a source per row), the reading's first; empty for others.
std::vector<std::string> indic_spellings(std::string_view word);

// One word (UTF-8, no spaces, NFC or NFKC). Empty `text` when the word holds anything but the
// letters and signs of one of the nine scripts (digits, Latin, another script, a letter not read).
IndicReading indic_reading(std::string_view word);

}  // namespace clearance
