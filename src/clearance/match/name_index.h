#pragma once
// The searchable form of a snapshot: every name (primary and aliases) normalised into term ids,
// term weights from how rare each term is across all names (IDF), and the lookup structures that
// let a query reach only plausible names: exact terms, one- and two-edit deletion neighbours
// (SymSpell), phonetic keys, and adjacent-term concatenations ("hua wei" ↔ "huawei").
// Every structure is a flat array in one block of bytes (name_index_file.h): built in memory, or
// mapped from the file stored beside the snapshot so that a process starts without building.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "clearance/model/snapshot.h"
#include "clearance/text/name_token.h"
#include "clearance/util/result.h"

namespace clearance {

using TermId = uint32_t;
constexpr TermId kNoTerm = static_cast<TermId>(-1);

// One token of an indexed name. Trivially copyable: the index file stores these as they are.
struct IndexedToken {
  TermId term = kNoTerm;
  TokenClass kind = TokenClass::ordinary;
  TokenOrigin origin = TokenOrigin::literal;
  TokenMarks marks;  // NameToken::marks
  // Spare bytes, zero, before the next four-byte field: written so, the struct has no padding
  // whose bytes the file would store unset.
  uint8_t spare[3] = {};
  uint32_t han = 0;  // han_spelling()
  // Translations' other renderings: a run of IndexedName::alternative_pool.
  uint32_t alt_begin = 0;
  uint32_t alt_count = 0;
};

static_assert(std::has_unique_object_representations_v<IndexedToken>);

// A name as the scorer reads it: a view of the index's arrays (or of an ad-hoc name's own, see
// TermTable::make_name), cheap to copy.
struct IndexedName {
  uint32_t entity = 0;  // index into Snapshot::entities
  int32_t alias = -1;   // -1 = primary name, else index into Entity::aliases
  std::span<const IndexedToken> tokens;
  std::span<const TermId> alternative_pool;
  // With the default scorer settings: the summed and the largest token weight, for the bound that
  // lets the screener skip names that cannot reach the threshold.
  float total_weight = 0;
  float max_token_weight = 0;
  // A token with alternatives: one met weighs as its token, which max_token_weight bounds.
  bool has_alternatives = false;
  // Copied from the entity so that scoring a candidate does not have to reach the entity (a cache
  // miss per name): whether it is a person, and whether the source marks this alias as weak.
  bool person = false;
  bool weak_alias = false;

  std::span<const TermId> alternatives(const IndexedToken& t) const {
    return alternative_pool.subspan(t.alt_begin, t.alt_count);
  }
};

// Why an index was built rather than mapped from its file (NameIndex::open_or_build).
struct IndexLoadReport {
  bool mapped = false;          // read from the stored file, no build
  bool stored = false;          // built and written beside the snapshot for the next load
  std::string rebuilt_because;  // empty when mapped: "missing", or what was wrong with the file
  std::string store_error;      // why a built index could not be stored (the load still succeeds)
};

class NameIndex {
 public:
  // Builds the index over every name of every entity. `threads` > 1 normalises in parallel.
  // With `weights`, the index also holds every term of that index, and terms weigh what they
  // weigh there (its IDF) rather than what their frequency among these names says: an index of a
  // few changed records then reaches and scores a query exactly as the whole lists' index does
  // against those records.
  static std::unique_ptr<NameIndex> build(std::shared_ptr<const Snapshot> snapshot,
                                          unsigned threads = 1, const NameIndex* weights = nullptr);
  // The index in its file form (name_index_file.h): what build() reads its arrays from, and what
  // is stored beside the snapshot.
  static std::string build_file(const Snapshot& snapshot, unsigned threads = 1,
                                const NameIndex* weights = nullptr);
  // Reads an index file's bytes, which `storage` keeps alive (a mapping or a string). Checks the
  // header, the format and matcher version, the snapshot's content hash, every section's bounds
  // and the checksum of the whole; any mismatch is an error, never a misread index.
  static Result<std::unique_ptr<NameIndex>> open(std::shared_ptr<const Snapshot> snapshot,
                                                 std::shared_ptr<const void> storage,
                                                 std::string_view bytes, const std::string& name);
  // Maps the index stored at `path` for this snapshot; when it is missing, damaged or of another
  // version, builds it and stores it there (atomically) for the next load.
  static std::unique_ptr<NameIndex> open_or_build(std::shared_ptr<const Snapshot> snapshot,
                                                  const std::string& path, unsigned threads,
                                                  IndexLoadReport* report = nullptr);

  const Snapshot& snapshot() const { return *snapshot_; }
  // Distinct for every index made in this process: what per-thread caches of lookups are keyed
  // on (an address may be reused once an index is freed).
  uint64_t serial() const { return serial_; }
  std::shared_ptr<const Snapshot> snapshot_ptr() const { return snapshot_; }
  size_t name_count() const { return names_.size(); }
  IndexedName name(uint32_t n) const;
  // The figures of each name the score bound needs, packed apart from the names: the bound reads
  // them for every candidate a query reaches (hundreds), and they fit in a fraction of the cache
  // lines the names would.
  struct BoundFigures {
    float total_weight;
    float max_token_weight;
    // The weight of its tokens that abbreviate its other words (own_acronym.h): left over, they
    // weigh as legal forms do, so the bound leaves them out of what the other leftovers weigh.
    float acronym_weight;
    bool has_alternatives;
    bool person;     // scored as a person whatever the query: initials can match its tokens
    bool forebears;  // a person's name naming forebears in a lineage (lineage_unmatched_factor)
    bool series;     // a name holding a series number ("Fund VII": series_number_factor)
    bool unit;       // a name holding a numbered unit ("CETC 14th Research Institute":
                     // unit_group_factor, numbered_unit.h)
    // letter_mask() of the first letters of its ordinary words: which words a query's last word,
    // cut short, may begin (name_scorer.cpp, MatchHow::cut).
    uint32_t first_letters;
  };
  std::span<const BoundFigures> bound_figures() const { return bound_figures_; }

  // Term ids; kNoTerm when the text never occurs in any list name.
  TermId find_term(std::string_view text) const;
  // The term of a single letter or digit, without hashing.
  TermId letter_term(char c) const {
    const int slot = letter_slot(c);
    return slot < 0 ? find_term(std::string_view(&c, 1)) : letter_terms_[slot];
  }
  std::string_view term_text(TermId term) const { return terms_.at(term); }
  std::string_view term_phonetic(TermId term) const { return phonetic_.at(term); }
  // chinese_romanization_key() of the term; empty when it does not read as Chinese syllables.
  std::string_view term_romanization(TermId term) const { return romanization_.at(term); }
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
  std::span<const TermId> terms_with_phonetic(std::string_view key) const;
  // Names in which two or three adjacent terms concatenate to `text`.
  std::span<const uint32_t> names_with_joined(std::string_view text) const;
  // Terms whose Chinese romanisation key is `key` ("hsi" for "xi"), and names in which two or
  // three adjacent ordinary terms concatenated have it ("chin ping" for "jinping").
  std::span<const TermId> terms_with_romanization(std::string_view key) const;
  // Terms whose consonant skeleton (text/consonant_skeleton.h) is `skeleton`: the list words an
  // Arabic- or Hebrew-script query word may be written with. Built on first use, in memory.
  std::span<const TermId> terms_with_skeleton(std::string_view skeleton) const;
  // Terms with this key of Thai letters among theirs (text/thai_letters.h: the list words a word
  // transliterated from Thai may be spelled as). Built on first use, as the skeletons.
  std::span<const TermId> terms_with_thai_key(std::string_view key) const;
  // Terms with this consonant key among theirs (text/chinese_transcription.h: the list words a
  // foreign name written in Chinese characters for its sound may be). Built on first use.
  std::span<const TermId> terms_with_transcription_key(std::string_view key) const;
  std::span<const uint32_t> names_with_romanized_span(std::string_view key) const;
  // Names in which a span of 2–6 terms has `text` as its initials (stopwords inside skipped).
  std::span<const uint32_t> names_with_initials(std::string_view text) const;
  // Names carrying `text` as an ordinary token of 3–6 letters, or of 2 written as letters ("J.C."):
  // an acronym query initials may spell.
  std::span<const uint32_t> names_with_acronym(std::string_view text) const;

  // Bytes of the index's arrays (mapped or owned).
  size_t memory_bytes() const { return bytes_.size(); }
  // The index file's bytes, as build_file() made them or as they were mapped.
  std::string_view file_bytes() const { return bytes_; }

  // Flat read-only views over the file's sections (name_index_file.h).
  struct Strings {  // string i = bytes[offsets[i], offsets[i + 1])
    std::span<const uint32_t> offsets;
    std::span<const char> bytes;
    size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::string_view at(size_t i) const {
      return {bytes.data() + offsets[i], offsets[i + 1] - offsets[i]};
    }
  };
  struct Lists {  // list i = values[offsets[i], offsets[i + 1])
    std::span<const uint32_t> offsets;
    std::span<const uint32_t> values;
    std::span<const uint32_t> at(size_t i) const {
      return values.subspan(offsets[i], offsets[i + 1] - offsets[i]);
    }
  };
  // Keys (strings) found through an open-addressing table of key index + 1 (0 = empty slot),
  // probed linearly from the key's hash.
  struct KeyTable {
    Strings keys;
    std::span<const uint32_t> slots;
    // The key's index, or -1.
    int64_t find(std::string_view key) const;
  };
  struct KeyedLists {
    KeyTable table;
    Lists lists;
    std::span<const uint32_t> find(std::string_view key) const {
      const int64_t k = table.find(key);
      return k < 0 ? std::span<const uint32_t>() : lists.at(static_cast<size_t>(k));
    }
  };
  // SymSpell's dictionary side: (hash of a deletion variant, term) sorted by hash, with the
  // offsets of each run of the top `bits` of the hash, so that a lookup reads one short run
  // instead of binary-searching a million entries. About one entry per directory slot, at most
  // 2^20 slots.
  struct Deletion {
    uint64_t hash;
    TermId term;
    uint32_t unused = 0;  // explicit padding: the file holds no uninitialised bytes
    bool operator<(const Deletion& o) const {
      return hash != o.hash ? hash < o.hash : term < o.term;
    }
    bool operator==(const Deletion& o) const { return hash == o.hash && term == o.term; }
  };
  struct DeletionTable {
    static constexpr int kMaxDirectoryBits = 20;
    // The directory's bits for a table of `entries`.
    static int directory_bits(size_t entries) {
      int bits = 4;
      while (bits < kMaxDirectoryBits && (size_t{1} << bits) < entries) ++bits;
      return bits;
    }
    int bits = 4;
    std::span<const Deletion> entries;
    std::span<const uint32_t> directory;  // 2^bits + 1 offsets
    std::span<const Deletion> run(uint64_t hash) const {
      const size_t bucket = hash >> (64 - bits);
      return entries.subspan(directory[bucket], directory[bucket + 1] - directory[bucket]);
    }
  };
  // A name's fixed-size record in the file; its tokens are a run of the token array.
  struct NameRecord {
    uint32_t entity;
    int32_t alias;
    uint32_t token_begin;
    uint32_t token_count;
    float total_weight;
    float max_token_weight;
    uint8_t has_alternatives;
    uint8_t person;
    uint8_t weak_alias;
    uint8_t unused = 0;
  };

 private:
  friend class NameIndexReader;
  NameIndex() = default;

  std::shared_ptr<const Snapshot> snapshot_;
  std::shared_ptr<const void> storage_;  // keeps bytes_ alive
  // Terms by consonant skeleton, by Thai letter keys and by transcription keys, each built by its
  // first lookup (thread-safe).
  struct KeyedTerms;
  std::shared_ptr<KeyedTerms> skeletons_, thai_keys_, transcription_keys_;
  std::string_view bytes_;
  uint64_t serial_ = 0;
  // Tables by letter_slot(): a–z, then 0–9.
  static int letter_slot(char c) {
    return c >= 'a' && c <= 'z' ? c - 'a' : (c >= '0' && c <= '9' ? 26 + c - '0' : -1);
  }
  std::array<TermId, 36> letter_terms_{};
  float unseen_idf_ = 0;
  std::span<const NameRecord> names_;
  std::span<const IndexedToken> tokens_;
  std::span<const TermId> alternatives_;
  std::span<const BoundFigures> bound_figures_;
  KeyTable term_ids_;  // over terms_
  Strings terms_;
  Strings phonetic_;
  Strings romanization_;
  std::span<const uint32_t> masks_;  // letter_mask() of each term
  std::span<const float> idf_;
  Lists postings_;         // term → names
  Lists people_initials_;  // letter_slot() → people's names with that initial
  KeyedLists phonetic_terms_;
  KeyedLists joined_postings_;
  KeyedLists romanization_terms_;
  KeyedLists romanized_span_postings_;
  KeyedLists initials_postings_;
  KeyedLists acronym_postings_;
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
