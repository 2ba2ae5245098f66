#pragma once
// Term texts, phonetic keys and weights as the scorer sees them: the index's vocabulary, plus
// terms that only occur in ad-hoc names (`clearance compare "A" "B"`), which weigh as unseen terms.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/match/name_index.h"
#include "clearance/text/name_token.h"

namespace clearance {

class TermTable {
 public:
  explicit TermTable(const NameIndex& index)
      : index_(&index), base_(static_cast<TermId>(index.term_count())) {}

  std::string_view text(TermId t) const {
    return t < base_ ? index_->term_text(t) : std::string_view(extra_text_[t - base_]);
  }
  std::string_view phonetic(TermId t) const {
    return t < base_ ? index_->term_phonetic(t) : std::string_view(extra_phonetic_[t - base_]);
  }
  std::string_view romanization(TermId t) const {
    return t < base_ ? index_->term_romanization(t)
                     : std::string_view(extra_romanization_[t - base_]);
  }
  uint32_t mask(TermId t) const {
    return t < base_ ? index_->term_mask(t) : extra_mask_[t - base_];
  }
  float idf(TermId t) const { return t < base_ ? index_->idf(t) : index_->unseen_idf(); }
  // A term some list name contains (not kNoTerm, not one added by intern()).
  bool in_lists(TermId t) const { return t != kNoTerm && t < base_; }
  const NameIndex& index() const { return *index_; }
  float unseen_idf() const { return index_->unseen_idf(); }
  TermId find(std::string_view text) const;
  // Finds or adds `text` (added terms exist only in this table).
  TermId intern(const std::string& text);
  // A name that is not in the index (`compare`'s second name), with its own arrays; score its
  // view().
  struct AdHocName {
    std::vector<IndexedToken> tokens;
    std::vector<TermId> alternatives;
    IndexedName view() const {
      IndexedName n;
      n.tokens = tokens;
      n.alternative_pool = alternatives;
      return n;
    }
  };
  AdHocName make_name(const NormalizedName& name);

 private:
  const NameIndex* index_;
  TermId base_;
  std::vector<std::string> extra_text_;
  std::vector<std::string> extra_phonetic_;
  std::vector<std::string> extra_romanization_;
  std::vector<uint32_t> extra_mask_;
};

}  // namespace clearance
