#include "clearance/text/letter_romanizer.h"

#include <algorithm>
#include <stdexcept>

#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"

namespace clearance {

LetterRomanizer::LetterRomanizer(std::string_view file, std::vector<std::string_view> systems,
                                 std::vector<NamedContext> contexts)
    : systems_(systems.size()), contexts_(std::move(contexts)) {
  std::vector<std::pair<std::u32string, Spellings>> rows;
  // The columns: letters, the systems in order, source.
  std::vector<std::string> columns = {"letters"};
  for (std::string_view s : systems) columns.emplace_back(s);
  columns.emplace_back("source");
  const std::vector<std::string_view> views(columns.begin(), columns.end());
  for (const auto& row : read_name_table(file, std::span<const std::string_view>(views))) {
    const std::string where =
        "data/names/" + std::string(file) + " line " + std::to_string(row.line);
    Spellings spellings;
    for (size_t s = 0; s < systems_; ++s) spellings.push_back(parse_cell(row.fields[1 + s], where));
    rows.emplace_back(to_code_points(row.fields[0]), std::move(spellings));
  }
  char32_t highest = 0;
  lowest_ = U'\U0010FFFF';
  for (const auto& [letters, spellings] : rows)
    if (letters.size() == 1) {
      lowest_ = std::min(lowest_, letters[0]);
      highest = std::max(highest, letters[0]);
    }
  letter_.resize(highest >= lowest_ ? highest - lowest_ + 1 : 0);
  for (auto& [letters, spellings] : rows) {
    if (letters.size() == 1)
      letter_[letters[0] - lowest_] = std::move(spellings);
    else
      sequences_.emplace_back(std::move(letters), std::move(spellings));
  }
  // The longest sequence first: "γγ" before "γ", "ου" before "ο".
  std::stable_sort(sequences_.begin(), sequences_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

LetterRomanizer::Spelling LetterRomanizer::parse_cell(const std::string& cell,
                                                      const std::string& where) const {
  auto spelled = [](std::string s) { return s == "-" ? std::string() : s; };
  Spelling out;
  const auto parts = split_trimmed(cell, " ");
  if (parts.empty()) throw std::runtime_error(where + ": no spelling");
  out.plain = spelled(parts[0]);
  for (size_t k = 1; k < parts.size(); ++k) {
    const size_t colon = parts[k].find(':');
    if (colon == std::string::npos) throw std::runtime_error(where + ": expected context:spelling");
    const std::string_view name = std::string_view(parts[k]).substr(0, colon);
    const auto context = std::find_if(contexts_.begin(), contexts_.end(),
                                      [&](const NamedContext& c) { return c.name == name; });
    if (context == contexts_.end())
      throw std::runtime_error(where + ": unknown context '" + std::string(name) + "'");
    out.in_context.emplace_back(context->applies, spelled(parts[k].substr(colon + 1)));
  }
  return out;
}

bool LetterRomanizer::spell(std::u32string_view word, size_t system, std::string& out) const {
  out.clear();
  for (size_t at = 0; at < word.size();) {
    const Spellings* found = nullptr;
    size_t length = 1;
    for (const auto& [letters, spellings] : sequences_)
      if (word.substr(at).starts_with(letters)) {
        found = &spellings;
        length = letters.size();
        break;
      }
    if (!found) {
      const char32_t c = word[at];
      if (c < lowest_ || c - lowest_ >= letter_.size() || !letter_[c - lowest_]) return false;
      found = &*letter_[c - lowest_];
    }
    const Spelling& s = (*found)[system];
    const std::string* chosen = &s.plain;
    for (const auto& [applies, text] : s.in_context)
      if (applies(word, at, length)) {
        chosen = &text;
        break;
      }
    out += *chosen;
    at += length;
  }
  return true;
}

}  // namespace clearance
