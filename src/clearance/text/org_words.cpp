#include "clearance/text/org_words.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "clearance/text/name_tables.h"
#include "clearance/util/strings.h"

namespace clearance {

OrgWordTable::OrgWordTable(std::string_view file, std::string_view column, Fold fold) {
  for (const auto& row : read_name_table(file, {column, "english", "source"})) {
    std::string written = fold ? fold(row.fields[0]) : row.fields[0];
    auto english = split_trimmed(row.fields[1], " ");
    for (const std::string& token : english)
      if (token.find_first_not_of("?/") == std::string::npos)
        throw std::runtime_error(fmt::format(
            "data/names/{} line {}: field \"english\" has an empty token", file, row.line));
    words_.push_back({std::move(written), std::move(english)});
  }
  std::stable_sort(words_.begin(), words_.end(), [](const OrgWord& a, const OrgWord& b) {
    return a.written.size() > b.written.size();
  });
  // A word written twice (two spellings folding alike) keeps its first row.
  for (size_t k = 0; k < words_.size(); ++k) index_.emplace(words_[k].written, k);
}

const OrgWord* OrgWordTable::find(std::string_view word) const {
  const auto it = index_.find(word);
  return it == index_.end() ? nullptr : &words_[it->second];
}

const OrgWord* OrgWordTable::longest_at(std::string_view text, size_t at) const {
  for (const OrgWord& w : words_)
    if (text.substr(at).starts_with(w.written)) return &w;
  return nullptr;
}

NameToken translated_token(std::string_view english, std::string source) {
  NameToken t;
  t.origin = TokenOrigin::translated;
  t.source = std::move(source);
  if (english.starts_with('?')) {
    english.remove_prefix(1);
    t.kind = TokenClass::stopword;  // weighs little when the other side lacks it
  }
  auto alternatives = split_trimmed(english, "/");
  t.text = alternatives.front();
  t.alternatives.assign(alternatives.begin() + 1, alternatives.end());
  return t;
}

void append_translation(const std::vector<std::string>& english, const std::string& source,
                        std::vector<NameToken>& out) {
  for (const std::string& token : english) out.push_back(translated_token(token, source));
}

}  // namespace clearance
