#pragma once
// Numbers written as words or ordinals become digits, so "First International Bank" = "1st
// International Bank" and "Brigade Forty-Four" = "Brigade 44".
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

void normalize_numbers(std::vector<NameToken>& tokens);

// A digit standing between two letters of a word is a letter misread or disguised — OCR's 0/O and
// 1/I, or "Sech1n", "Ig0r" — and becomes that letter (0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g).
// Digits at a word's edge stay ("ACT1", "3M", "A320"), and so do codes of fewer than three letters
// ("H3C").
void letters_for_digits(std::vector<NameToken>& tokens);

// A series or issue number as written in a name: digits ("Trust 2004-1", "Sea Star 3") or a Roman
// numeral up to XXXIX in capitals ("Partners VII", "Fund XII", "Trust I"). Number words and
// ordinals are not: "First Systems", "24th Research Institute".
bool is_series_number(std::string_view written);

// Whether the number at tokens[k] says which institute, plant or unit of a group the name is
// ("513 Research Institute", "Factory 256", "Unit 61398"), one next to such a word: that number is
// the unit's name, and another number is another unit, where a fund's series number is one of a
// family ("Partners VII").
bool numbers_a_unit(const std::vector<NameToken>& tokens, size_t k);

// The length in bytes of a Chinese ordinal at `at` in UTF-8 `text` — 第 and a number written in
// Chinese numerals (第十四, 第三十八) — or 0 when none starts there.
size_t chinese_ordinal_length(std::string_view text, size_t at);
// The ordinal mark itself, 第, which chinese_ordinal_length() counts.
constexpr std::string_view kChineseOrdinalMark = "第";
// A number written in Chinese numerals as decimal digits (十四 "14", 三十八 "38", 一百零二 "102";
// without a unit, digit by digit: 七六零 "760", 二〇二 "202"); empty when `numerals` holds
// anything else.
std::string chinese_number_text(std::string_view numerals);
// The same as a value; -1 when it is none or more than nine digits long.
int chinese_number(std::string_view numerals);
// The length in bytes of the run of Chinese numerals at `at` in UTF-8 `text` (0 when none).
size_t chinese_numerals_length(std::string_view text, size_t at);

}  // namespace clearance
