#include "clearance/text/cantonese_reading.h"

#include <algorithm>
#include <unordered_map>

#include "clearance/text/han.h"
#include "clearance/text/unihan.h"
#include "clearance/text/utf8.h"

namespace clearance {

namespace {

// Each character's first Cantonese reading, tone dropped ("U+674E\tkCantonese\tlei5" → 李 lei).
std::unordered_map<char32_t, std::string> read_unihan() {
  std::unordered_map<char32_t, std::string> out;
  for_each_unihan_value(kUnihanReadingsPath, "kCantonese", [&](char32_t c, std::string_view value) {
    std::string_view reading = value.substr(0, value.find(' '));
    while (!reading.empty() && reading.back() >= '0' && reading.back() <= '9')
      reading.remove_suffix(1);
    if (!reading.empty()) out.emplace(c, std::string(reading));
  });
  return out;
}

const std::unordered_map<char32_t, std::string>& readings() {
  static const auto table = read_unihan();
  return table;
}

struct Part {
  std::string_view jyutping;
  std::vector<std::string_view> spellings;  // Hong Kong's first
};

// Initials, longest first, and how the lists spell them.
const std::vector<Part>& initials() {
  static const std::vector<Part> parts = {
      {"gw", {"kw", "ku"}}, {"kw", {"kw", "ku"}}, {"ng", {"ng"}},     {"b", {"p"}}, {"p", {"p"}},
      {"m", {"m"}},         {"f", {"f"}},         {"d", {"t"}},       {"t", {"t"}}, {"n", {"n"}},
      {"l", {"l"}},         {"g", {"k"}},         {"k", {"k"}},       {"h", {"h"}}, {"w", {"w"}},
      {"z", {"ch", "ts"}},  {"c", {"ch", "ts"}},  {"s", {"s", "sh"}}, {"j", {"y"}}};
  return parts;
}

// Finals, and how the lists spell them (Hong Kong's government romanisation first).
const std::vector<Part>& finals() {
  static const std::vector<Part> parts = {{"aa", {"a", "ah"}},
                                          {"aai", {"ai"}},
                                          {"aau", {"au"}},
                                          {"aam", {"am"}},
                                          {"aan", {"an"}},
                                          {"aang", {"ang"}},
                                          {"aap", {"ap"}},
                                          {"aat", {"at"}},
                                          {"aak", {"ak"}},
                                          {"ai", {"ai"}},
                                          {"au", {"au"}},
                                          {"am", {"am"}},
                                          {"an", {"an"}},
                                          {"ang", {"ang"}},
                                          {"ap", {"ap"}},
                                          {"at", {"at"}},
                                          {"ak", {"ak"}},
                                          {"e", {"e"}},
                                          {"ei", {"ei", "ee", "i"}},
                                          {"eng", {"eng"}},
                                          {"ek", {"ek"}},
                                          {"i", {"i", "ee", "z"}},
                                          {"iu", {"iu"}},
                                          {"im", {"im"}},
                                          {"in", {"in"}},
                                          {"ing", {"ing"}},
                                          {"ip", {"ip"}},
                                          {"it", {"it"}},
                                          {"ik", {"ik"}},
                                          {"o", {"o", "or"}},
                                          {"oi", {"oi", "oy"}},
                                          {"ou", {"o", "ou"}},
                                          {"on", {"on"}},
                                          {"ong", {"ong"}},
                                          {"ot", {"ot"}},
                                          {"ok", {"ok"}},
                                          {"u", {"u", "oo"}},
                                          {"ui", {"ui", "ooi"}},
                                          {"un", {"un", "oon"}},
                                          {"ung", {"ung"}},
                                          {"ut", {"ut"}},
                                          {"uk", {"uk"}},
                                          {"oe", {"oe", "eu"}},
                                          {"oeng", {"eung"}},
                                          {"oek", {"euk"}},
                                          {"eoi", {"ui", "eui", "oi"}},
                                          {"eon", {"un", "eun"}},
                                          {"eot", {"ut"}},
                                          {"yu", {"u", "ue"}},
                                          {"yun", {"uen", "un"}},
                                          {"yut", {"uet", "ut"}},
                                          {"m", {"m"}},
                                          {"ng", {"ng"}}};
  return parts;
}

}  // namespace

std::vector<std::string> cantonese_spellings(std::string_view jyutping) {
  std::vector<std::string> out;
  auto final_of = [](std::string_view rest) -> const Part* {
    const auto it = std::find_if(finals().begin(), finals().end(),
                                 [&](const Part& p) { return p.jyutping == rest; });
    return it == finals().end() ? nullptr : &*it;
  };
  // The initial and what follows it; none for a syllable opening with a vowel, or a syllabic m
  // or ng (吳 ng, not n and g).
  const Part* initial = nullptr;
  const Part* final_part = final_of(jyutping);
  for (const Part& p : initials())
    if (jyutping.starts_with(p.jyutping))
      if (const Part* f = final_of(jyutping.substr(p.jyutping.size()))) {
        initial = &p;
        final_part = f;
        break;
      }
  if (!final_part) return out;
  const std::string_view rest = final_part->jyutping;
  // Without an initial, and after j (its y), a final written with yu opens with y: 月 jyut
  // "yuet", 余 jyu "yu".
  const bool y_final = rest.starts_with("yu") && (!initial || initial->jyutping == "j");
  const std::vector<std::string_view> none = {""};
  const auto& heads = initial && !y_final ? initial->spellings : none;
  for (std::string_view head : heads)
    for (std::string_view tail : final_part->spellings) {
      std::string s =
          std::string(head) + (y_final && !tail.starts_with('y') ? "y" : "") + std::string(tail);
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    }
  return out;
}

std::vector<CantoneseSyllable> cantonese_name_syllables(std::string_view utf8) {
  std::u32string han;
  for (char32_t c : to_code_points(utf8)) {
    if (c == U' ' || c == U'\u00B7' || c == U'\u30FB') continue;
    if (!is_han(static_cast<UChar32>(c))) return {};
    han += c;
  }
  if (han.size() < 2 || han.size() > 4) return {};
  std::vector<CantoneseSyllable> out;
  for (char32_t c : han) {
    const auto it = readings().find(c);
    if (it == readings().end()) return {};
    auto spellings = cantonese_spellings(it->second);
    if (spellings.empty()) return {};
    out.push_back({to_utf8(std::u32string(1, c)), std::move(spellings)});
  }
  return out;
}

bool cantonese_readings_available() {
  return !readings().empty();
}

}  // namespace clearance
