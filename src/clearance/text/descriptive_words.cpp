#include "clearance/text/descriptive_words.h"

#include <string>

#include "clearance/text/chinese_org_words.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/romanized_org_words.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

// Each token of an English entry ("national/melli", "?company"), every alternative of it.
void add_english(std::string_view tokens, TextSet& out) {
  for (const std::string& token : split_trimmed(tokens, " "))
    for (std::string& alternative : split_trimmed(token, "/")) {
      if (!alternative.empty() && alternative[0] == '?') alternative.erase(0, 1);
      if (!alternative.empty()) out.insert(std::move(alternative));
    }
}

}  // namespace

bool is_descriptive_word(std::string_view token) {
  static const TextSet words = [] {
    TextSet out;
    // The tables and the column each writes its words in; the English column is shared.
    static constexpr std::pair<std::string_view, std::string_view> kTables[] = {
        {"arabic_org_words.csv", "arabic"}, {"burmese_org_words.csv", "burmese"},
        {"cyrillic_org_words.csv", "stem"}, {"japanese_org_words.csv", "japanese"},
        {"khmer_org_words.csv", "khmer"},   {"korean_org_words.csv", "hangul"},
        {"thai_org_words.csv", "thai"},     {"chinese_trade_words.csv", "chinese"}};
    for (const auto& [file, column] : kTables)
      for (const auto& row : read_name_table(file, {column, "english", "source"}))
        add_english(row.fields[1], out);
    // The English of organisation words left romanised (Maskan "housing"); the words themselves
    // are romanized_org_word()'s.
    for (const auto& row :
         read_name_table("romanized_org_words.csv", {"written", "english", "language", "source"}))
      add_english(row.fields[1], out);
    for (const ChineseOrgWord& word : chinese_org_words())
      for (std::string_view english : word.english) add_english(english, out);
    return out;
  }();
  return words.contains(token) || romanized_org_word(token) != nullptr;
}

}  // namespace clearance
