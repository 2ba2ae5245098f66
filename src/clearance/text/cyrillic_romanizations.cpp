#include "clearance/text/cyrillic_romanizations.h"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

// Where a letter stands, as the table's contexts name it.
enum class Context {
  initial,           // at a word's start, or after a vowel, ъ or ь
  hush,              // after ж ц ч ш щ
  hard,              // after ж ц ш (Polish жи ży, but чи czi)
  after_l,           // after л
  vowels,            // between two vowels
  front,             // before е и ы э
  before_consonant,  // before a consonant
  final,             // the word's last letter
  after_i,           // after и or ы
  final_after_i,     // the word's last letter, after и
};

struct Spelling {
  std::string plain;  // the spelling where no context of the cell applies
  std::vector<std::pair<Context, std::string>> in_context;  // the first that applies wins
};

// The table's columns after the letters: ICAO, German, French, Ukrainian national, Polish and
// scientific (ISO 9 and the scholarly system, their diacritics folded as the lists fold them).
constexpr std::string_view kSystems[] = {"icao",      "german", "french",
                                         "ukrainian", "polish", "scientific"};
constexpr size_t kSystemCount = std::size(kSystems);

using Spellings = std::array<Spelling, kSystemCount>;

// The Cyrillic block, U+0400 to U+04FF: a letter's spellings by its offset in the block.
constexpr char32_t kBlock = 0x0400;
constexpr size_t kBlockSize = 0x100;

struct Letters {
  std::array<std::optional<Spellings>, kBlockSize> letter;  // each system's spelling of a letter
  std::vector<std::pair<std::u32string, Spellings>> sequences;  // of several letters (кс)
};

Context context_named(std::string_view name, const std::string& where) {
  static const std::pair<std::string_view, Context> kNames[] = {
      {"initial", Context::initial},
      {"hush", Context::hush},
      {"hard", Context::hard},
      {"after-l", Context::after_l},
      {"vowels", Context::vowels},
      {"front", Context::front},
      {"before-consonant", Context::before_consonant},
      {"final", Context::final},
      {"after-i", Context::after_i},
      {"final-after-i", Context::final_after_i},
  };
  for (const auto& [text, context] : kNames)
    if (text == name) return context;
  throw std::runtime_error(where + ": unknown context '" + std::string(name) + "'");
}

// "jo hush:o" → plain "jo", after ж ц ч ш щ "o"; "-" writes nothing.
Spelling parse_cell(const std::string& cell, const std::string& where) {
  auto spelled = [](std::string s) { return s == "-" ? std::string() : s; };
  Spelling out;
  const auto parts = split_trimmed(cell, " ");
  if (parts.empty()) throw std::runtime_error(where + ": no spelling");
  out.plain = spelled(parts[0]);
  for (size_t k = 1; k < parts.size(); ++k) {
    const size_t colon = parts[k].find(':');
    if (colon == std::string::npos) throw std::runtime_error(where + ": expected context:spelling");
    out.in_context.emplace_back(context_named(std::string_view(parts[k]).substr(0, colon), where),
                                spelled(parts[k].substr(colon + 1)));
  }
  return out;
}

const Letters& letters() {
  static const Letters table = [] {
    Letters t;
    for (const auto& row : read_name_table("cyrillic_romanizations.csv",
                                           {"letters", kSystems[0], kSystems[1], kSystems[2],
                                            kSystems[3], kSystems[4], kSystems[5], "source"})) {
      const std::string where =
          "data/names/cyrillic_romanizations.csv line " + std::to_string(row.line);
      const std::u32string written = to_code_points(row.fields[0]);
      Spellings systems;
      for (size_t s = 0; s < kSystemCount; ++s) systems[s] = parse_cell(row.fields[1 + s], where);
      if (std::any_of(written.begin(), written.end(),
                      [](char32_t c) { return c < kBlock || c >= kBlock + kBlockSize; }))
        throw std::runtime_error(where + ": not a Cyrillic letter");
      if (written.size() == 1)
        t.letter[written[0] - kBlock] = std::move(systems);
      else
        t.sequences.emplace_back(written, std::move(systems));
    }
    return t;
  }();
  return table;
}

bool is_vowel(char32_t c) {
  return std::u32string_view(U"аеёиоуыэюяіїєў").find(c) != std::u32string_view::npos;
}

bool one_of(char32_t c, std::u32string_view letters) {
  return c && letters.find(c) != std::u32string_view::npos;
}

bool applies(Context context, std::u32string_view word, size_t at, size_t length) {
  const char32_t before = at > 0 ? word[at - 1] : 0;
  const char32_t after = at + length < word.size() ? word[at + length] : 0;
  const bool last = at + length == word.size();
  switch (context) {
    case Context::initial:
      return at == 0 || is_vowel(before) || before == U'ъ' || before == U'ь';
    case Context::hush:
      return one_of(before, U"жцчшщ");
    case Context::hard:
      return one_of(before, U"жцш");
    case Context::after_l:
      return before == U'л';
    case Context::vowels:
      return is_vowel(before) && is_vowel(after);
    case Context::front:
      return one_of(after, U"еиыэ");
    case Context::before_consonant:
      return after && !is_vowel(after) && after != U'ъ' && after != U'ь';
    case Context::final:
      return last;
    case Context::after_i:
      return before == U'и' || before == U'ы';
    case Context::final_after_i:
      return last && before == U'и';
  }
  return false;
}

// The word spelled in one system; false when a letter is not in the table.
bool spell(std::u32string_view word, size_t system, std::string& out) {
  const Letters& t = letters();
  out.clear();
  for (size_t at = 0; at < word.size();) {
    const Spellings* found = nullptr;
    size_t length = 1;
    for (const auto& [letters, spellings] : t.sequences)
      if (word.substr(at).starts_with(letters)) {
        found = &spellings;
        length = letters.size();
        break;
      }
    if (!found) {
      const char32_t c = word[at];
      if (c < kBlock || c >= kBlock + kBlockSize || !t.letter[c - kBlock]) return false;
      found = &*t.letter[c - kBlock];
    }
    const Spelling& s = (*found)[system];
    const std::string* chosen = &s.plain;
    for (const auto& [context, text] : s.in_context)
      if (applies(context, word, at, length)) {
        chosen = &text;
        break;
      }
    out += *chosen;
    at += length;
  }
  return true;
}

// An ending English spells its own way whatever the system: the Cyrillic ending, what the systems
// write for it, and the spellings English uses (Dmitriy, Dmitrii, Dmitry, Dmitri; Groznyy,
// Grozny; Mariya, Maria).
struct Ending {
  std::u32string_view written;
  std::vector<std::string_view> spelled;  // longest first: the first that ends a spelling
  std::vector<std::string_view> english;
};

const std::vector<Ending>& endings() {
  static const std::vector<Ending> table = {
      {U"ий", {"iy", "ii", "ij", "yi", "i", "y"}, {"iy", "ii", "y", "i"}},
      {U"ій", {"iy", "ii", "ij", "yi", "i", "y"}, {"iy", "ii", "y", "i"}},
      {U"ый", {"yy", "yi", "yj", "y"}, {"yy", "y", "yi"}},
      {U"ия", {"iya", "iia", "ija", "yia", "ia"}, {"iya", "ia"}},
      {U"ія", {"iya", "iia", "ija", "yia", "ia"}, {"iya", "ia"}},
  };
  return table;
}

}  // namespace

std::vector<std::string> cyrillic_romanizations(std::string_view word, std::string_view bgn) {
  const std::u32string written = to_code_points(word);
  std::vector<std::string> spelled{std::string(bgn)};
  std::string s;
  for (size_t system = 0; system < kSystemCount; ++system) {
    if (!spell(written, system, s)) return {};
    spelled.push_back(s);
  }
  std::vector<std::string> out;
  auto add = [&](std::string spelling) {
    if (spelling.empty() || spelling == bgn || out.size() >= kMaxCyrillicSpellings) return;
    if (std::find(out.begin(), out.end(), spelling) == out.end())
      out.push_back(std::move(spelling));
  };
  const auto ending = std::find_if(endings().begin(), endings().end(),
                                   [&](const Ending& e) { return written.ends_with(e.written); });
  for (const std::string& spelling : spelled) {
    add(spelling);
    if (ending == endings().end()) continue;
    // The stem: the spelling without what its system wrote for the ending.
    for (std::string_view tail : ending->spelled) {
      if (spelling.size() <= tail.size() + 1 || !std::string_view(spelling).ends_with(tail))
        continue;
      const std::string stem = spelling.substr(0, spelling.size() - tail.size());
      for (std::string_view english : ending->english) add(stem + std::string(english));
      break;
    }
  }
  return out;
}

}  // namespace clearance
