#pragma once
// Names written in Arabic script (Arabic, Persian, Urdu) spelled as the lists spell them. The
// script writes consonants and long vowels only: ICU reads محمد as "mhmd", which meets no list's
// "Mohamed". A table of common names and name parts (data/names/arabic_names.csv, with a source
// per row) gives each its Latin spellings, the commonest first; the article (ال) is read as "al"
// joined, as the table writes it, or dropped.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/org_words.h"

namespace clearance {

// The word's letters as the tables are looked up: vowel marks, tatweel and joiners dropped, the
// forms of alef, ya and kaf (Arabic and Persian) folded to one.
std::string fold_arabic_script(std::string_view word);

// The Latin spellings of one Arabic-script word (UTF-8, no spaces): empty when the table does not
// know it. Short vowel marks and tatweel are ignored, alef and ya forms folded.
std::vector<std::string> arabic_script_spellings(std::string_view word);

// An organisation word (بانک bank, ملی national, شرکت company) of data/names/arabic_org_words.csv,
// with or without the article; nullptr for other words.
const OrgWord* arabic_script_org_word(std::string_view word);

// Two names Persian writes as one word (محمدجواد Mohammad Javad, عبدالقدیر Abd al-Qadir): the
// longest name of the names table opening the word and the rest, of three letters or more each,
// folded; empty when the word is a name or organisation word itself, or not so built. The lists
// write them apart, or joined as one Latin word, which the scorer meets as a joined span.
std::vector<std::string> arabic_script_compound(std::string_view word);

// Which language the letters say a word or a name is written in, where they say it: Arabic's own
// forms of ya, kaf, ta marbuta and alef maqsura (ي ك ة ى), or Persian's ی ک گ پ چ ژ. A word may
// say neither (قاسم); a name written on a Persian keyboard says Persian in most of its words.
bool has_arabic_only_letters(std::string_view text);
bool has_persian_letters(std::string_view text);
// Whether the text (UTF-8) holds a letter of the Arabic block (U+0600–U+06FF): Arabic, Persian,
// Urdu.
bool has_arabic_script_letters(std::string_view text);

// A Persian word (UTF-8) in Latin letters as Persian says them and the lists write them: ث ص s,
// ذ ض ظ z, ق غ gh (رمضانی "rmzany" Ramezani, ذاکری "zakry" Zakeri, قاضی "ghazy" Ghazi), the other
// letters as the transliteration writes them (ا a, و w, ی y, ع and marks left out). "" when the
// word holds a letter of another script or one Persian does not write.
std::string persian_reading(std::string_view word);

}  // namespace clearance
