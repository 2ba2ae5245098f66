#include "clearance/lists/name_parsing.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <iterator>
#include <unordered_set>

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

// The markers of one text in order, each searched for again only when the cursor passes its
// last-found position: a text of n characters costs O(n × markers), however many markers it has
// (a fresh search per marker hit made 20,000 "(a.k.a. x)" take a minute).
class MarkerScanner {
 public:
  explicit MarkerScanner(std::string_view text) : text_(text) {}
  MarkerHit next(size_t from) {
    MarkerHit best;
    for (size_t m = 0; m < std::size(kMarkers); ++m) {
      if (!searched_[m] || (at_[m] != std::string_view::npos && at_[m] < from)) {
        at_[m] = ifind(text_, kMarkers[m].text, from);
        searched_[m] = true;
      }
      if (at_[m] < best.pos) best = {at_[m], &kMarkers[m]};
    }
    return best;
  }

 private:
  std::string_view text_;
  size_t at_[std::size(kMarkers)] = {};
  bool searched_[std::size(kMarkers)] = {};
};

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
  MarkerScanner markers(text);
  while (true) {
    const MarkerHit hit = markers.next(start);
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
  const std::string whole(trim(text));
  // Parenthesised: "Name (a.k.a. X; Y) rest", as long as each marker met opens a bracket; the text
  // around the brackets is kept in one pass.
  std::string kept;
  size_t from = 0;
  MarkerScanner markers(whole);
  while (true) {
    const MarkerHit hit = markers.next(from);
    if (hit.pos == std::string_view::npos) break;
    const size_t open = whole.rfind('(', hit.pos);
    const bool parenthesised =
        open != std::string::npos && open >= from &&
        trim(std::string_view(whole).substr(open + 1, hit.pos - open - 1)).empty();
    if (!parenthesised) break;
    const size_t close = whole.find(')', hit.pos);
    const size_t end = close == std::string::npos ? whole.size() : close;
    const std::string inner =
        whole.substr(hit.pos + hit.marker->text.size(), end - hit.pos - hit.marker->text.size());
    for (const std::string& part : split_trimmed(inner, ";"))
      split_on_markers(part, hit.marker->kind, result.aliases);
    kept.append(whole, from, open - from).append(" ");
    from = close == std::string::npos ? whole.size() : close + 1;
  }
  kept.append(whole, std::min(from, whole.size()), std::string::npos);
  const std::string remaining = collapse_whitespace(kept);
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
  // A set, not a search of `into` per alias: a row may carry a hundred thousand aliases.
  std::unordered_set<std::string_view> seen;
  seen.reserve(into.size() + from.size());
  into.reserve(into.size() + from.size());
  for (const Alias& existing : into) seen.insert(existing.name);
  for (const Alias& alias : from) {
    if (alias.name.empty() || alias.name == primary) continue;
    if (seen.insert(alias.name).second) into.push_back(alias);
  }
}

std::string normalize_date(std::string_view text) {
  std::string_view t = trim(text);
  if (istarts_with(t, "circa ")) t = trim(t.substr(6));
  if (istarts_with(t, "ca. ")) t = trim(t.substr(4));
  if (t.size() == 4 && is_all_digits(t)) return std::string(t);
  if (t.size() == 10 && is_all_digits(t.substr(0, 4)) && t[4] == '-' &&
      is_all_digits(t.substr(5, 2)) && t[7] == '-' && is_all_digits(t.substr(8, 2)))
    return std::string(t);
  if (t.size() >= 19 && t[10] == 'T') return normalize_date(t.substr(0, 10));  // ISO timestamp
  if (t.size() == 7 && is_all_digits(t.substr(0, 4)) && t[4] == '-' &&
      is_all_digits(t.substr(5, 2)))
    return std::string(t);
  // dd.mm.yyyy and dd/mm/yyyy
  if (t.size() == 10 && (t[2] == '.' || t[2] == '/') && t[5] == t[2] &&
      is_all_digits(t.substr(0, 2)) && is_all_digits(t.substr(3, 2)) &&
      is_all_digits(t.substr(6, 4)))
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
  if (words.size() == 3 && is_all_digits(words[0]) && words[0].size() <= 2 && month_of(words[1]) &&
      words[2].size() == 4 && is_all_digits(words[2]))
    return fmt::format("{}-{:02}-{:02}", words[2], month_of(words[1]), std::stoi(words[0]));
  if (words.size() == 2 && month_of(words[0]) && words[1].size() == 4 && is_all_digits(words[1]))
    return fmt::format("{}-{:02}", words[1], month_of(words[0]));
  return std::string(t);
}

}  // namespace clearance
