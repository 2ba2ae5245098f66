#pragma once
// Organisation words of names written in other scripts — بانک, ธนาคาร, 銀行, 은행 "bank" — and the
// English tokens the lists translate them with, so a Persian, Thai or Japanese company name meets
// the list's English one ("National Iranian Oil Company", "Bangkok Bank"). One table per script,
// data/names/<script>_org_words.csv: the word as written, its English, a source. The English is
// a space-separated list of tokens; a token lists its alternatives with '/' (the lists' other
// renderings, a transliteration some list keeps: "national/melli"), and one a list often leaves
// out starts with '?' (a legal or generic word: "?company").
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

struct OrgWord {
  std::string written;               // as the table writes it, folded as the table is looked up
  std::vector<std::string> english;  // tokens, as above
};

class OrgWordTable {
 public:
  using Fold = std::string (*)(std::string_view);
  // The rows of data/names/<file>, the written word in `column`, each folded by `fold` (none:
  // as written). Throws as read_name_table does on a bad row.
  OrgWordTable(std::string_view file, std::string_view column, Fold fold = nullptr);
  // The index views the words' own strings: a copy would view another table's.
  OrgWordTable(const OrgWordTable&) = delete;
  OrgWordTable& operator=(const OrgWordTable&) = delete;

  // The entry for a whole (folded) word, or nullptr.
  const OrgWord* find(std::string_view word) const;
  // The longest entry the (folded) text holds at byte `at`, or nullptr.
  const OrgWord* longest_at(std::string_view text, size_t at) const;
  const std::vector<OrgWord>& words() const { return words_; }  // longest first

 private:
  std::vector<OrgWord> words_;
  std::unordered_map<std::string_view, size_t> index_;
};

// The tokens one English entry of a table stands for, each written as `source`, translated.
void append_translation(const std::vector<std::string>& english, const std::string& source,
                        std::vector<NameToken>& out);
// One such token: "national/melli" → "national" with "melli" as an alternative; "?company" a
// stopword.
NameToken translated_token(std::string_view english, std::string source);

}  // namespace clearance
