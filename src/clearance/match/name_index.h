#pragma once
// The searchable form of a snapshot: every name (primary and aliases) normalised into term ids,
// term weights from how rare each term is across all names (IDF), and the lookup structures that
// let a query reach only plausible names: exact terms, one- and two-edit deletion neighbours
// (SymSpell), phonetic keys, and adjacent-term concatenations ("hua wei" ↔ "huawei").
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/model/snapshot.h"
#include "clearance/text/name_token.h"
#include "clearance/util/text_map.h"

namespace clearance {

using TermId = uint32_t;
constexpr TermId kNoTerm = static_cast<TermId>(-1);

struct IndexedToken {
  TermId term = kNoTerm;
  TokenClass kind = TokenClass::ordinary;
  TokenOrigin origin = TokenOrigin::literal;
  TokenMarks marks;                  // NameToken::marks
  uint32_t han = 0;                  // han_spelling()
  std::vector<TermId> alternatives;  // translations' other renderings
};

struct IndexedName {
  uint32_t entity = 0;  // index into Snapshot::entities
  int32_t alias = -1;   // -1 = primary name, else index into Entity::aliases
  std::vector<IndexedToken> tokens;
  // With the default scorer settings: the summed and the largest token weight, for the bound that
  // lets the screener skip names that cannot reach the threshold.
  float total_weight = 0;
  float max_token_weight = 0;
  bool has_alternatives = false;  // a translated token: its weight is not bounded by the query's
  // Copied from the entity so that scoring a candidate does not have to reach the entity (a cache
  // miss per name): whether it is a person, and whether the source marks this alias as weak.
  bool person = false;
  bool weak_alias = false;
};

class NameIndex {
 public:
  // Builds the index over every name of every entity. `threads` > 1 normalises in parallel.
  static std::unique_ptr<NameIndex> build(std::shared_ptr<const Snapshot> snapshot,
                                          unsigned threads = 1);

  const Snapshot& snapshot() const { return *snapshot_; }
  // Distinct for every index built in this process: what per-thread caches of lookups are keyed
  // on (an address may be reused once an index is freed).
  uint64_t serial() const { return serial_; }
  std::shared_ptr<const Snapshot> snapshot_ptr() const { return snapshot_; }
  const std::vector<IndexedName>& names() const { return names_; }
  // The figures of each name the score bound needs, packed apart from the names: the bound reads
  // them for every candidate a query reaches (hundreds), and they fit in a fraction of the cache
  // lines the names would.
  struct BoundFigures {
    float total_weight;
    float max_token_weight;
    bool has_alternatives;
    bool person;     // scored as a person whatever the query: initials can match its tokens
    bool forebears;  // a person's name naming forebears in a lineage (lineage_unmatched_factor)
    bool series;     // a name holding a series number ("Fund VII": series_number_factor)
    // letter_mask() of the first letters of its ordinary words: which words a query's last word,
    // cut short, may begin (name_scorer.cpp, MatchHow::cut).
    uint32_t first_letters;
  };
  const std::vector<BoundFigures>& bound_figures() const { return bound_figures_; }

  // Term ids; kNoTerm when the text never occurs in any list name.
  TermId find_term(std::string_view text) const;
  // The term of a single letter or digit, without hashing.
  TermId letter_term(char c) const {
    const int slot = letter_slot(c);
    return slot < 0 ? find_term(std::string_view(&c, 1)) : letter_terms_[slot];
  }
  const std::string& term_text(TermId term) const { return terms_[term]; }
  const std::string& term_phonetic(TermId term) const { return phonetic_[term]; }
  // chinese_romanization_key() of the term; empty when it does not read as Chinese syllables.
  const std::string& term_romanization(TermId term) const { return romanization_[term]; }
  uint32_t term_mask(TermId term) const { return masks_[term]; }
  // Inverse document frequency over names: ln(1 + names / names containing the term).
  float idf(TermId term) const { return idf_[term]; }
  // The weight of a term no list name contains (the rarest possible).
  float unseen_idf() const { return unseen_idf_; }
  size_t term_count() const { return terms_.size(); }

  // Candidate lookups: the names each reaches (sorted, no duplicates; empty when none).
  std::span<const uint32_t> names_with_term(TermId term) const;
  // Terms within max_edits(shorter length) of `text`, with their distance; for a person's family
  // name, also those two edits away (lookup_edits) that begin with the same letter, as the scorer
  // allows there (name_scorer.cpp, family_name_apart).
  struct SimilarTerm {
    TermId term;
    uint8_t edits;
    // Found by its phonetic key (the screener's lookups): `edits` is then sound_alike_edits().
    bool phonetic = false;
  };
  void similar_terms(std::string_view text, std::vector<SimilarTerm>& out,
                     bool family_name = false) const;
  // Names of people carrying `letter` as an initial (a one-letter term).
  std::span<const uint32_t> people_with_initial(char letter) const;
  // Terms whose phonetic key is `key`.
  const std::vector<TermId>* terms_with_phonetic(std::string_view key) const;
  // Names in which two or three adjacent terms concatenate to `text`.
  std::span<const uint32_t> names_with_joined(std::string_view text) const;
  // Terms whose Chinese romanisation key is `key` ("hsi" for "xi"), and names in which two or
  // three adjacent ordinary terms concatenated have it ("chin ping" for "jinping").
  const std::vector<TermId>* terms_with_romanization(std::string_view key) const;
  std::span<const uint32_t> names_with_romanized_span(std::string_view key) const;
  // Names in which a span of 2–6 terms has `text` as its initials (stopwords inside skipped).
  std::span<const uint32_t> names_with_initials(std::string_view text) const;
  // Names carrying `text` as an ordinary token of 3–6 letters, or of 2 written as letters ("J.C."):
  // an acronym query initials may spell.
  std::span<const uint32_t> names_with_acronym(std::string_view text) const;

  size_t memory_bytes() const;

 private:
  NameIndex() = default;
  TermId intern(const std::string& text);
  void finish();

  std::shared_ptr<const Snapshot> snapshot_;
  uint64_t serial_ = 0;
  // Tables by letter_slot(): a–z, then 0–9.
  static int letter_slot(char c) {
    return c >= 'a' && c <= 'z' ? c - 'a' : (c >= '0' && c <= '9' ? 26 + c - '0' : -1);
  }
  std::array<TermId, 36> letter_terms_{};
  std::vector<IndexedName> names_;
  std::vector<std::string> terms_;
  std::vector<std::string> phonetic_;
  std::vector<std::string> romanization_;
  std::vector<uint32_t> masks_;  // letter_mask() of each term
  std::vector<BoundFigures> bound_figures_;
  TextMap<TermId> term_ids_;
  std::vector<float> idf_;
  float unseen_idf_ = 0;
  std::vector<std::vector<uint32_t>> postings_;  // term → names
  TextMap<std::vector<TermId>> phonetic_terms_;
  std::array<std::vector<uint32_t>, 36> people_initials_;  // by letter_slot()
  TextMap<std::vector<uint32_t>> joined_postings_;
  TextMap<std::vector<TermId>> romanization_terms_;
  TextMap<std::vector<uint32_t>> romanized_span_postings_;
  TextMap<std::vector<uint32_t>> initials_postings_;
  TextMap<std::vector<uint32_t>> acronym_postings_;
  // SymSpell's dictionary side: (hash of a deletion variant, term) sorted by hash, with the
  // offsets of each run of the top kDirectoryBits of the hash, so that a lookup reads one short
  // run instead of binary-searching a million entries.
  struct DeletionTable {
    static constexpr int kDirectoryBits = 20;
    std::vector<std::pair<uint64_t, TermId>> entries;
    std::vector<uint32_t> directory;
    void finish();  // sorts, deduplicates and builds the directory
    std::span<const std::pair<uint64_t, TermId>> run(uint64_t hash) const {
      const size_t bucket = hash >> (64 - kDirectoryBits);
      return {entries.data() + directory[bucket], entries.data() + directory[bucket + 1]};
    }
    size_t memory_bytes() const {
      return entries.capacity() * sizeof(entries[0]) + directory.capacity() * sizeof(uint32_t);
    }
  };
  // Variants within max_edits() of each term; and, apart, the further ones within lookup_edits()
  // that only a family name's lookup reads (the main table's runs stay as short as before).
  DeletionTable deletions_;
  DeletionTable family_deletions_;
};

// The edit distance up to which two tokens of these lengths may still be the same word: none
// below 4 characters, one up to 7, two from 8.
int max_edits(size_t length);
// The edit distance up to which the index finds similar terms: max_edits(), and two from 5
// characters, which a family name two letters apart may be (name_scorer.cpp).
int lookup_edits(size_t length);

}  // namespace clearance
