#pragma once
// A script's letters and their spellings in several romanisation systems, each spelling changed by
// where the letter stands (a word's start, between vowels, before a front vowel…): the engine of
// the Cyrillic and Greek romanisations. The table is data (data/names/<file>: a column of letters
// or letter sequences, a column per system, a source); a cell is a spelling, "-" for none, then
// "context:spelling" pairs, the first whose context applies winning ("jo hush:o").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clearance {

// For contexts: the letter before [at…) and the one `more` letters after [at, at + length), 0
// past the word's ends; whether a letter is one of `letters` (never 0, the word's edge).
inline char32_t letter_before(std::u32string_view word, size_t at) {
  return at > 0 ? word[at - 1] : 0;
}
inline char32_t letter_after(std::u32string_view word, size_t at, size_t length, size_t more = 0) {
  return at + length + more < word.size() ? word[at + length + more] : 0;
}
inline bool is_one_of(char32_t c, std::u32string_view letters) {
  return c && letters.find(c) != std::u32string_view::npos;
}

class LetterRomanizer {
 public:
  // Whether the letters [at, at + length) of a word stand in a context.
  using Context = bool (*)(std::u32string_view word, size_t at, size_t length);
  struct NamedContext {
    std::string_view name;
    Context applies;
  };

  // Reads data/names/<file>, whose columns are `letters`, each of `systems` and `source`; throws
  // std::runtime_error naming the file and line for a bad cell or an unknown context.
  LetterRomanizer(std::string_view file, std::vector<std::string_view> systems,
                  std::vector<NamedContext> contexts);

  size_t systems() const { return systems_; }
  // The word spelled in one system; false when a letter is not in the table.
  bool spell(std::u32string_view word, size_t system, std::string& out) const;

 private:
  struct Spelling {
    std::string plain;  // where no context of the cell applies
    std::vector<std::pair<Context, std::string>> in_context;  // the first that applies wins
  };
  using Spellings = std::vector<Spelling>;  // one per system

  Spelling parse_cell(const std::string& cell, const std::string& where) const;

  size_t systems_ = 0;
  std::vector<NamedContext> contexts_;
  // Single letters by their offset from the lowest; sequences (κс, ου) are tried first.
  char32_t lowest_ = 0;
  std::vector<std::optional<Spellings>> letter_;
  std::vector<std::pair<std::u32string, Spellings>> sequences_;
};

}  // namespace clearance
