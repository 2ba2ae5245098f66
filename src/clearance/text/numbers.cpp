#include "clearance/text/numbers.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "clearance/util/strings.h"

namespace clearance {

namespace {

const std::unordered_map<std::string, int>& number_words() {
  static const std::unordered_map<std::string, int> table = {
      {"one", 1},       {"first", 1},     {"two", 2},        {"second", 2},     {"three", 3},
      {"third", 3},     {"four", 4},      {"fourth", 4},     {"five", 5},       {"fifth", 5},
      {"six", 6},       {"sixth", 6},     {"seven", 7},      {"seventh", 7},    {"eight", 8},
      {"eighth", 8},    {"nine", 9},      {"ninth", 9},      {"ten", 10},       {"tenth", 10},
      {"eleven", 11},   {"eleventh", 11}, {"twelve", 12},    {"twelfth", 12},   {"thirteen", 13},
      {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18},
      {"nineteen", 19}, {"twenty", 20},   {"twentieth", 20}, {"thirty", 30},    {"forty", 40},
      {"fourty", 40},   {"fifty", 50},    {"sixty", 60},     {"seventy", 70},   {"eighty", 80},
      {"ninety", 90}};
  return table;
}

bool is_tens(int v) {
  return v >= 20 && v % 10 == 0;
}

// "1st", "22nd", "3rd", "44th" → the number; -1 otherwise.
int ordinal_digits(const std::string& t) {
  if (t.size() < 3) return -1;
  const std::string suffix = t.substr(t.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  const std::string digits = t.substr(0, t.size() - 2);
  if (digits.empty() || digits.size() > 6) return -1;
  for (char c : digits)
    if (c < '0' || c > '9') return -1;
  return std::stoi(digits);
}

// The value of a Chinese numeral, three bytes of UTF-8: a digit 0–9 or a unit 10, 100, 1000; −1
// for any other character.
int chinese_numeral(std::string_view c) {
  static const std::unordered_map<std::string_view, int> table = {
      {"零", 0}, {"〇", 0}, {"○", 0},  {"一", 1}, {"二", 2}, {"两", 2},  {"三", 3},   {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}, {"百", 100}, {"千", 1000}};
  auto it = table.find(c);
  return it == table.end() ? -1 : it->second;
}

bool is_chinese_numeral(std::string_view text, size_t at) {
  return at + 3 <= text.size() && chinese_numeral(text.substr(at, 3)) >= 0;
}

}  // namespace

bool is_series_number(std::string_view written) {
  if (written.empty()) return false;
  if (is_all_digits(written)) return true;
  // Roman numerals: tens (X, XX, XXX), then a unit (I…IX).
  size_t i = 0;
  while (i < written.size() && i < 3 && written[i] == 'X') ++i;
  static constexpr std::string_view kUnits[] = {"VIII", "VII", "III", "VI", "IV",
                                                "IX",   "II",  "V",   "I"};
  const std::string_view rest = written.substr(i);
  if (rest.empty()) return i > 0;
  return std::find(std::begin(kUnits), std::end(kUnits), rest) != std::end(kUnits);
}

bool numbers_a_unit(const std::vector<NameToken>& tokens, size_t k) {
  static constexpr std::string_view kAfter[] = {
      "research", "institute", "academy",    "factory",  "plant",    "works",
      "bureau",   "unit",      "brigade",    "regiment", "division", "base",
      "center",   "centre",    "laboratory", "shipyard", "arsenal",  "depot"};
  static constexpr std::string_view kBefore[] = {"unit",  "no",       "institute", "factory",
                                                 "plant", "brigade",  "regiment",  "division",
                                                 "base",  "shipyard", "arsenal",   "depot"};
  auto among = [](std::string_view word, const auto& words) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
  };
  // The number opens the unit's name ("121 Aviation Repair Plant", "33 Research Institute"): the
  // unit's word is within the three words after it, before another number.
  constexpr size_t kUnitNameWords = 3;
  for (size_t m = k + 1; m < tokens.size() && m <= k + kUnitNameWords; ++m) {
    if (among(tokens[m].text, kAfter)) return true;
    if (is_series_number(tokens[m].source)) break;
  }
  return k > 0 && among(tokens[k - 1].text, kBefore);
}

size_t chinese_ordinal_length(std::string_view text, size_t at) {
  if (text.substr(at, kChineseOrdinalMark.size()) != kChineseOrdinalMark) return 0;
  size_t end = at + kChineseOrdinalMark.size();
  while (is_chinese_numeral(text, end)) end += 3;
  return end == at + kChineseOrdinalMark.size() ? 0 : end - at;
}

std::string chinese_number_text(std::string_view numerals) {
  if (numerals.empty() || numerals.size() % 3 != 0) return {};
  std::vector<int> values;
  for (size_t i = 0; i < numerals.size(); i += 3) {
    values.push_back(chinese_numeral(numerals.substr(i, 3)));
    if (values.back() < 0) return {};
  }
  // Without a unit (十, 百, 千), digit by digit, as institutes are numbered: 七六零 760.
  if (values.size() > 1 &&
      std::all_of(values.begin(), values.end(), [](int v) { return v < 10; })) {
    std::string digits;
    for (int v : values) digits += static_cast<char>('0' + v);
    return digits;
  }
  // By its units. (A name is at most kMaxNameBytes: 341 numerals add up to far less than an
  // int holds.)
  long long total = 0;
  int digit = -1;  // the last digit not yet multiplied by a unit
  for (int v : values) {
    if (v < 10) {
      digit = v;  // 零 is a place skipped (一百零二) and adds nothing
    } else {
      total += static_cast<long long>(digit < 0 ? 1 : digit) * v;  // 十四: a unit alone is one
      digit = -1;
    }
  }
  return std::to_string(total + (digit < 0 ? 0 : digit));
}

int chinese_number(std::string_view numerals) {
  const std::string text = chinese_number_text(numerals);
  if (text.empty() || text.size() > 9) return -1;
  return std::stoi(text);
}

size_t chinese_numerals_length(std::string_view text, size_t at) {
  size_t end = at;
  while (is_chinese_numeral(text, end)) end += 3;
  return end - at;
}

void letters_for_digits(std::vector<NameToken>& tokens) {
  auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  for (NameToken& t : tokens) {
    std::string& w = t.text;
    // A word, not a short code: H3C and M4G are names as written.
    if (std::count_if(w.begin(), w.end(), letter) < 3) continue;
    for (size_t i = 1; i + 1 < w.size(); ++i) {
      if (!letter(w[i - 1]) || !letter(w[i + 1])) continue;
      // The letter each digit is mistaken for; '-' where none is.
      constexpr std::string_view kLetterFor = "oi-eas-tbg";
      if (w[i] >= '0' && w[i] <= '9' && kLetterFor[w[i] - '0'] != '-')
        w[i] = kLetterFor[w[i] - '0'];
    }
  }
}

void normalize_numbers(std::vector<NameToken>& tokens) {
  std::vector<NameToken> out;
  out.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    NameToken t = std::move(tokens[i]);
    if (const int ordinal = ordinal_digits(t.text); ordinal >= 0) {
      t.text = std::to_string(ordinal);
    } else if (auto it = number_words().find(t.text); it != number_words().end()) {
      int value = it->second;
      // "forty four" → 44
      if (is_tens(value) && i + 1 < tokens.size()) {
        auto next = number_words().find(tokens[i + 1].text);
        if (next != number_words().end() && next->second < 10) {
          value += next->second;
          t.source += " " + tokens[i + 1].source;
          ++i;
        }
      }
      t.text = std::to_string(value);
    }
    out.push_back(std::move(t));
  }
  tokens = std::move(out);
}

}  // namespace clearance
