#pragma once
// Names written in Japanese (kanji and kana) read as the lists spell them: 麻原彰晃 is "ASAHARA
// Shoko", 山口組 "Yamaguchi-gumi". Kanji have several readings each and a name's reading is not the
// sum of its characters', so the words are read with MeCab and its dictionary (Debian's
// mecab-naist-jdic, which reads surnames, given names and organisations), then spelled in
// Hepburn: the long vowels dropped as the lists mostly write them (Sato, Ito, Shoko), the kana
// spelling (Satou, Inoue) and the "oh" spelling (Satoh) as alternatives.
//
// A name wholly in kanji may be Chinese as well: it is read only when every character is one
// Japanese is written in (Windows-31J) and the dictionary knows every word of it as a noun and at
// least one as a proper noun (a Chinese name in simplified characters is not read). The reading
// is an alternative to the name's Chinese reading, never a replacement.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clearance/text/org_words.h"

namespace clearance {

struct JapaneseWord {
  std::string spelling;                   // Hepburn, long vowels dropped ("shoko")
  std::vector<std::string> alternatives;  // the kana spelling ("shoukou"), the "oh" one
  std::string source;                     // the word as written (彰晃)
  // A word written in katakana alone: the Latin spellings of the foreign word it may write
  // (katakana_loanwords.h: プーチン "putin").
  std::vector<std::string> loanword_spellings;
};

// Whether every character of the text is one Japanese is written in (Windows-31J: JIS X 0208 and
// its extensions). A name in kanji holding another (华, 为, 张 of simplified Chinese) is not read,
// and MeCab is spared the parse.
bool in_japanese_charset(std::string_view utf8);

// Whether the text holds hiragana or katakana.
bool has_kana(std::string_view utf8);

// Katakana or hiragana in Hepburn, long vowels as the kana write them (トウキョウ "toukyou", ー
// doubling its vowel); "" for a text holding anything else.
std::string kana_to_hepburn(std::u32string_view kana);

// The spellings of a Hepburn word as lists write it, the commonest first: long vowels dropped
// (ou, oo → o; uu → u), as read, with "oh" for a long o ("satoh"), and a long i closing the word
// as an English -y ("sonii" → "sony"). Distinct.
std::vector<std::string> hepburn_spellings(std::string_view as_read);

// Organisation words of Japanese names and their English (data/names/japanese_org_words.csv:
// 銀行 bank, 重工業 heavy industries, 日本 Japan).
const OrgWordTable& japanese_org_words();

// Reads names with MeCab. Holds a tagger, which is not thread-safe: one per thread (the
// dictionary itself is loaded once per process and shared). Without a dictionary on the machine,
// reads nothing.
class JapaneseReader {
 public:
  JapaneseReader();
  ~JapaneseReader();
  JapaneseReader(const JapaneseReader&) = delete;
  JapaneseReader& operator=(const JapaneseReader&) = delete;

  // The words of a name written in Japanese, in order; empty when the name holds no kanji or
  // kana, or is not read (see above).
  std::vector<JapaneseWord> read(std::string_view utf8);

  // The surname a name of kanji opens with, as the dictionary reads it (安倍晋三: 安倍, アベ): its
  // length in bytes and its reading in katakana; {0, ""} when the name's first word is no surname.
  std::pair<size_t, std::string> surname(std::string_view utf8);

  // Whether the dictionary could be loaded.
  static bool available();

 private:
  bool prepare();
  struct Tagger;
  std::unique_ptr<Tagger> tagger_;
};

}  // namespace clearance
