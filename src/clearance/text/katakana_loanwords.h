#pragma once
// Foreign names written in katakana, spelled as the lists spell them in Latin letters. Japanese
// writes a foreign name by its sound in its own syllables: a vowel after every consonant but n
// (Putin プーチン "puchin", Kadyrov カディロフ "kadirofu"), r for both r and l, b for both b and
// v, h for kh, ji for di (Vladimir ウラジーミル "urajimiru"). Hepburn reads such a word as
// Japanese and meets no list's spelling. A loanword's spellings undo that: the vowels Japanese
// adds dropped (u after a consonant, o after t and d, i after ch, where a consonant or the word's
// end follows), and each sound Japanese merges spelled every way a Latin name may have it.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// At most this many spellings of one word: the merged sounds multiply, and a long word's
// commonest readings come first.
constexpr size_t kMaxLoanwordSpellings = 64;

// Whether every character of the text is katakana (the long-vowel mark ー included), two or
// more of them: a word Japanese writes so is mostly a foreign word or name.
bool is_katakana_word(std::u32string_view text);

// The Latin spellings a katakana word may stand for, the closest to its kana first ("puchin" →
// "putin", "puchin"); distinct, at most kMaxLoanwordSpellings; empty for a word that is not
// katakana alone.
std::vector<std::string> loanword_spellings(std::u32string_view katakana);

}  // namespace clearance
