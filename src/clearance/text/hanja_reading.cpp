#include "clearance/text/hanja_reading.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>
#include <vector>

#include "clearance/text/han.h"
#include "clearance/text/korean_names.h"
#include "clearance/text/unihan.h"
#include "clearance/text/utf8.h"

namespace clearance {

namespace {

constexpr const char* kHanjaDictionary = "/usr/share/libhangul/hanja/hanja.txt";

// Each character's Korean readings, as the dictionary lists them ("reading:hanja:meaning" lines;
// those of one character only).
const std::unordered_map<char32_t, std::vector<std::string>>& readings() {
  static const auto table = [] {
    std::unordered_map<char32_t, std::vector<std::string>> out;
    std::ifstream in(kHanjaDictionary);
    std::string line;
    while (std::getline(in, line)) {
      // Only lines of one syllable and one character: a Hangul syllable is 3 bytes of UTF-8, a
      // Han character 3 or 4 (most of the 300,000 lines are words, skipped at a glance).
      if (line.size() < 8 || line[3] != ':') continue;
      const size_t second = line[7] == ':' ? 7 : (line.size() > 8 && line[8] == ':' ? 8 : 0);
      if (second == 0) continue;
      const CodePoint hanja = code_point_at(line, 4);
      if (hanja.length != second - 4) continue;
      auto& list = out[hanja.value];
      std::string reading = line.substr(0, 3);
      if (std::find(list.begin(), list.end(), reading) == list.end())
        list.push_back(std::move(reading));
    }
    return out;
  }();
  return table;
}

}  // namespace

bool hanja_dictionary_available() {
  return !readings().empty();
}

// Each simplified character's traditional forms (Unihan's kTraditionalVariant; Debian's
// unicode-data): Korean writes Hanja in those.
const std::unordered_map<char32_t, std::vector<char32_t>>& traditional_forms() {
  static const auto table = [] {
    std::unordered_map<char32_t, std::vector<char32_t>> out;
    for_each_unihan_value(
        kUnihanVariantsPath, "kTraditionalVariant",
        [&](char32_t c, std::string_view value) { out[c] = unihan_code_points(value); });
    return out;
  }();
  return table;
}

std::string hanja_in_hangul(std::string_view utf8) {
  const auto& table = readings();
  std::string hangul;
  for (char32_t c : to_code_points(utf8)) {
    auto it = table.find(c);
    // A simplified character: its traditional form's reading (the first form the dictionary
    // reads: 发 has 發 and 髮).
    if (it == table.end())
      if (const auto forms = traditional_forms().find(c); forms != traditional_forms().end())
        for (char32_t t : forms->second)
          if ((it = table.find(t)) != table.end()) break;
    if (it == table.end()) return "";
    hangul += it->second.front();
  }
  return hangul;
}

std::string hanja_name_in_hangul(std::string_view utf8) {
  std::u32string han;
  for (char32_t c : to_code_points(utf8)) {
    if (c == U' ' || c == U'\u00B7' || c == U'\u30FB') continue;
    if (!is_han(static_cast<UChar32>(c))) return "";
    han += c;
  }
  if (han.size() < 2 || han.size() > 4) return "";
  const auto& table = readings();
  std::string hangul;
  for (size_t k = 0; k < han.size(); ++k) {
    const auto it = table.find(han[k]);
    if (it == table.end()) return "";
    const std::string* chosen = &it->second.front();
    if (k == 0) {  // the family name: the reading the surname table knows
      chosen = nullptr;
      for (const std::string& r : it->second)
        if (is_korean_surname(r)) {
          chosen = &r;
          break;
        }
      if (!chosen) return "";
    }
    hangul += *chosen;
  }
  return hangul;
}

}  // namespace clearance
