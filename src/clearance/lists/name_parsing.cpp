#include "clearance/lists/name_parsing.h"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "clearance/util/strings.h"

namespace clearance {

namespace {

struct Marker {
  std::string_view text;
  AliasKind kind;
};
constexpr std::array<Marker, 3> kMarkers = {
    {{"a.k.a.", AliasKind::aka}, {"f.k.a.", AliasKind::fka}, {"n.k.a.", AliasKind::nka}}};

// Finds the first case-insensitive occurrence of `needle` in `text` at or after `from`.
size_t ifind(std::string_view text, std::string_view needle, size_t from = 0) {
  if (needle.size() > text.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= text.size(); ++i)
    if (iequals(text.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

struct MarkerHit {
  size_t pos = std::string_view::npos;
  const Marker* marker = nullptr;
};

MarkerHit find_marker(std::string_view text, size_t from = 0) {
  MarkerHit best;
  for (const auto& marker : kMarkers) {
    const size_t pos = ifind(text, marker.text, from);
    if (pos < best.pos) best = {pos, &marker};
  }
  return best;
}

// Strips the punctuation that glues a marker to its surroundings: ", a.k.a., X" → "X".
std::string_view strip_joiners(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.front() == ',' || text.front() == ':' || text.front() == ';')) {
    text.remove_prefix(1);
    text = trim(text);
  }
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ':')) {
    text.remove_suffix(1);
    text = trim(text);
  }
  return text;
}

std::string_view strip_and(std::string_view text) {
  text = trim(text);
  if (istarts_with(text, "and ")) text.remove_prefix(4);
  return trim(text);
}

// Splits "A, a.k.a., B f.k.a. C" into the leading text and the names each marker introduces.
void split_on_markers(std::string_view text, AliasKind first_kind, std::vector<Alias>& out) {
  AliasKind kind = first_kind;
  size_t start = 0;
  while (true) {
    const MarkerHit hit = find_marker(text, start);
    const std::string_view piece = strip_joiners(text.substr(
        start, hit.pos == std::string_view::npos ? std::string_view::npos : hit.pos - start));
    if (!piece.empty()) out.push_back({collapse_whitespace(strip_and(piece)), kind});
    if (hit.pos == std::string_view::npos) break;
    kind = hit.marker->kind;
    start = hit.pos + hit.marker->text.size();
  }
}

}  // namespace

SplitName split_embedded_aliases(std::string_view text) {
  SplitName result;
  std::string remaining(trim(text));
  // Parenthesised: "Name (a.k.a. X; Y) rest".
  while (true) {
    const MarkerHit hit = find_marker(remaining);
    if (hit.pos == std::string_view::npos) break;
    const size_t open = remaining.rfind('(', hit.pos);
    const bool parenthesised =
        open != std::string::npos &&
        trim(std::string_view(remaining).substr(open + 1, hit.pos - open - 1)).empty();
    if (!parenthesised) break;
    const size_t close = remaining.find(')', hit.pos);
    const size_t end = close == std::string::npos ? remaining.size() : close;
    const std::string inner = remaining.substr(hit.pos + hit.marker->text.size(),
                                               end - hit.pos - hit.marker->text.size());
    for (const std::string& part : split_trimmed(inner, ";"))
      split_on_markers(part, hit.marker->kind, result.aliases);
    remaining = collapse_whitespace(
        remaining.substr(0, open) + " " +
        (close == std::string::npos ? std::string() : remaining.substr(close + 1)));
  }
  // Unparenthesised: "Name, a.k.a. X".
  std::vector<Alias> parts;
  split_on_markers(remaining, AliasKind::aka, parts);
  if (parts.empty()) {
    result.name = collapse_whitespace(remaining);
    return result;
  }
  result.name = parts.front().name;
  std::vector<Alias> trailing(parts.begin() + 1, parts.end());
  trailing.insert(trailing.end(), result.aliases.begin(), result.aliases.end());
  result.aliases = std::move(trailing);
  return result;
}

std::vector<Alias> parse_alias_list(std::string_view text, std::string_view separator) {
  std::vector<Alias> parsed;
  for (const std::string& item : split_trimmed(text, separator))
    split_on_markers(item, AliasKind::aka, parsed);
  std::vector<Alias> unique;
  append_unique_aliases(unique, parsed, {});
  return unique;
}

void append_unique_aliases(std::vector<Alias>& into, const std::vector<Alias>& from,
                           std::string_view primary) {
  for (const Alias& alias : from) {
    if (alias.name.empty() || alias.name == primary) continue;
    bool seen = false;
    for (const Alias& existing : into) seen = seen || existing.name == alias.name;
    if (!seen) into.push_back(alias);
  }
}

std::string normalize_date(std::string_view text) {
  std::string_view t = trim(text);
  if (istarts_with(t, "circa ")) t = trim(t.substr(6));
  if (istarts_with(t, "ca. ")) t = trim(t.substr(4));
  auto all_digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
  };
  if (t.size() == 4 && all_digits(t)) return std::string(t);
  if (t.size() == 10 && all_digits(t.substr(0, 4)) && t[4] == '-' && all_digits(t.substr(5, 2)) &&
      t[7] == '-' && all_digits(t.substr(8, 2)))
    return std::string(t);
  if (t.size() >= 19 && t[10] == 'T') return normalize_date(t.substr(0, 10));  // ISO timestamp
  if (t.size() == 7 && all_digits(t.substr(0, 4)) && t[4] == '-' && all_digits(t.substr(5, 2)))
    return std::string(t);
  // dd.mm.yyyy and dd/mm/yyyy
  if (t.size() == 10 && (t[2] == '.' || t[2] == '/') && t[5] == t[2] &&
      all_digits(t.substr(0, 2)) && all_digits(t.substr(3, 2)) && all_digits(t.substr(6, 4)))
    return fmt::format("{}-{}-{}", t.substr(6, 4), t.substr(3, 2), t.substr(0, 2));
  // "12 Jan 1960", "Jan 1960"
  static constexpr std::array<std::string_view, 12> months = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const auto words = split_trimmed(t, " ");
  auto month_of = [&](const std::string& word) -> int {
    for (size_t m = 0; m < months.size(); ++m)
      if (word.size() >= 3 && istarts_with(word, months[m])) return static_cast<int>(m) + 1;
    return 0;
  };
  if (words.size() == 3 && all_digits(words[0]) && words[0].size() <= 2 && month_of(words[1]) &&
      words[2].size() == 4 && all_digits(words[2]))
    return fmt::format("{}-{:02}-{:02}", words[2], month_of(words[1]), std::stoi(words[0]));
  if (words.size() == 2 && month_of(words[0]) && words[1].size() == 4 && all_digits(words[1]))
    return fmt::format("{}-{:02}", words[1], month_of(words[0]));
  return std::string(t);
}

}  // namespace clearance
