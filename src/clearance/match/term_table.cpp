#include "clearance/match/term_table.h"

#include "clearance/match/own_acronym.h"
#include "clearance/text/chinese_romanization.h"
#include "clearance/text/descriptive_words.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/phonetic.h"

namespace clearance {

TermId TermTable::find(std::string_view text) const {
  const TermId t = index_->find_term(text);
  if (t != kNoTerm) return t;
  for (size_t i = 0; i < extra_text_.size(); ++i)
    if (extra_text_[i] == text) return base_ + static_cast<TermId>(i);
  return kNoTerm;
}

TermId TermTable::intern(const std::string& text) {
  if (const TermId t = find(text); t != kNoTerm) return t;
  extra_text_.push_back(text);
  std::string key = text.size() >= 3 ? phonetic_key(text) : std::string();
  if (key.size() < 2) key.clear();
  extra_phonetic_.push_back(std::move(key));
  extra_mask_.push_back(letter_mask(text));
  extra_romanization_.push_back(chinese_romanization_key(text));
  return base_ + static_cast<TermId>(extra_text_.size() - 1);
}

TermTable::AdHocName TermTable::make_name(const NormalizedName& name) {
  AdHocName out;
  for (const NameToken& t : name.tokens) {
    IndexedToken it;
    it.term = intern(t.text);
    it.kind = t.kind;
    it.origin = t.origin;
    it.marks = t.marks;
    it.marks.descriptive = describes_organisation(t.kind, t.origin, t.text);
    it.han = han_spelling(t);
    it.alt_begin = static_cast<uint32_t>(out.alternatives.size());
    for (const auto& alt : t.alternatives) out.alternatives.push_back(intern(alt));
    it.alt_count = static_cast<uint32_t>(out.alternatives.size()) - it.alt_begin;
    out.tokens.push_back(it);
  }
  for (size_t k = 0; k < name.tokens.size(); ++k)
    out.tokens[k].marks.own_acronym = is_own_acronym(name.tokens, k);
  return out;
}

}  // namespace clearance
