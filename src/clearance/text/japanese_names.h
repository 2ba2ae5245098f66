#pragma once
// Japanese personal names read from a dictionary of names. MeCab's dictionary reads common words
// and many surnames, but given names are read character by character, often wrongly: 安倍晋三 is
// "Abe Susumu-san", not Shinzo; 孫正義 "mago seigi" (grandson, justice), not Son Masayoshi.
// ENAMDICT (Debian's `enamdict`, the Electronic Dictionary Research and Development Group's
// dictionary of Japanese proper names, read at run time from /usr/share/edict/enamdict) gives the
// readings of persons, surnames and given names. A name of kanji alone that parts into a surname
// and a given name the dictionary holds is read as those two words.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/japanese_reading.h"

namespace clearance {

// Where the dictionary is looked for (EUC-JP, one entry a line: "晋三 [しんぞう] /(g) Shinzou/").
inline constexpr const char* kEnamdictPath = "/usr/share/edict/enamdict";

// The words of a name of two to six kanji read as a person's: a person the dictionary names
// (安倍晋三, 菅義偉: its "h" entries), parted where one of the surname's readings ends; else a
// name of three kanji or more whose first word MeCab reads as a surname (`reader`: 篠田, 孫) and
// whose rest, two kanji or more, the dictionary holds as a given name, each of that name's
// readings an alternative
// (建市 Ken'ichi; 和夫 Kazuo or Tomoo). The surname keeps MeCab's one reading: the dictionary
// gives rare readings too (佐藤 Saito as well as Sato). Empty when the name is not kanji alone, is
// no such name, or no dictionary is on the machine.
std::vector<JapaneseWord> read_japanese_person_name(std::string_view utf8, JapaneseReader& reader);

}  // namespace clearance
