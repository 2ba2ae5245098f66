#include "clearance/text/given_names.h"

#include <algorithm>
#include <unordered_set>

#include "clearance/text/name_tables.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

const std::vector<std::string>& given_name_equivalents(std::string_view name) {
  static const TextMap<std::vector<std::string>> table = [] {
    TextMap<std::vector<std::string>> out;
    for (const auto& row : read_name_table("given_names.csv", {"names", "source"})) {
      const auto forms = split_trimmed(row.fields[0], " ");
      for (const auto& a : forms)
        for (const auto& b : forms) {
          auto& list = out[a];
          if (a != b && std::find(list.begin(), list.end(), b) == list.end()) list.push_back(b);
        }
    }
    return out;
  }();
  static const std::vector<std::string> none;
  const auto it = table.find(name);
  return it == table.end() ? none : it->second;
}

bool is_title(std::string_view word) {
  static const std::unordered_set<std::string> titles = [] {
    std::unordered_set<std::string> out;
    for (const auto& row : read_name_table("titles.csv", {"title", "language", "source"}))
      out.insert(row.fields[0]);
    return out;
  }();
  return titles.count(std::string(word)) > 0;
}

namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Every occurrence of `from` replaced by `to`.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i).starts_with(from)) {
      out += to;
      i += from.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> foreign_spellings(std::string_view word) {
  std::vector<std::string> out;
  if (word.size() < 4) return out;
  // Most words hold nothing the rules rewrite: tell so without building a string (every query
  // word passes here).
  const bool rewritable =
      word.find_first_of("wjz") != std::string_view::npos ||
      word.find("ou") != std::string_view::npos || word.find("oe") != std::string_view::npos ||
      word.find("sch") != std::string_view::npos || word.find("cz") != std::string_view::npos ||
      word.ends_with("ine") || word.ends_with('s');
  if (!rewritable) return out;
  // Each rule alone, then all of them together: "wladimir" → "vladimir", "poutine" → "putin".
  auto rules = [](std::string s, int only) {
    int k = 0;
    auto apply = [&](auto rewrite) {
      if (only < 0 || only == k) s = rewrite(s);
      ++k;
    };
    apply([](const std::string& t) { return replace_all(t, "tsch", "ch"); });
    apply([](const std::string& t) { return replace_all(t, "sch", "sh"); });
    apply([](const std::string& t) { return replace_all(replace_all(t, "cz", "ch"), "sz", "sh"); });
    apply([](const std::string& t) { return replace_all(t, "ou", "u"); });
    apply([](const std::string& t) { return replace_all(t, "oe", "u"); });
    apply([](const std::string& t) { return replace_all(t, "w", "v"); });
    apply([](const std::string& t) {
      // Consonantal j (Jurij, Sergej, Jelzin): y.
      std::string r = t;
      for (size_t i = 0; i < r.size(); ++i)
        if (r[i] == 'j' &&
            (i + 1 == r.size() || is_vowel(r[i + 1]) || (i > 0 && is_vowel(r[i - 1]))))
          r[i] = 'y';
      return r;
    });
    apply([](const std::string& t) {
      // French -ine for -in (Poutine), the Latvian and Lithuanian -s (Lavrovs, Sergejs).
      if (t.size() >= 6 && t.ends_with("ine")) return t.substr(0, t.size() - 1);
      // Only after the stems of Slavic names those lists write in Latvian or Lithuanian: an
      // English "Roberts" or "Edwards" is not "Robert" or "Edward".
      static constexpr std::string_view kStems[] = {"ov", "ev", "in", "yn", "ey", "iy",
                                                    "ej", "ij", "ir", "dr", "ko"};
      if (t.size() >= 6 && t.ends_with('s'))
        for (std::string_view stem : kStems)
          if (std::string_view(t).substr(0, t.size() - 1).ends_with(stem))
            return t.substr(0, t.size() - 1);
      return t;
    });
    return s;
  };
  constexpr int kRules = 8;
  for (int only = -1; only < kRules; ++only) {
    std::string variant = rules(std::string(word), only);
    if (variant != word && std::find(out.begin(), out.end(), variant) == out.end())
      out.push_back(std::move(variant));
  }
  return out;
}

}  // namespace clearance
