#pragma once
// The stored form of a NameIndex, DATA_DIR/snapshots/<id>.index beside <id>.snap:
//   header (IndexFileHeader) | section table (offset, length) × section count | sections
// Every section is an array of fixed-size records, 8-byte aligned, so that a mapped file is read
// in place. The header names the format version, the matcher's build key (a hash of the sources
// that decide the index's content, and the ICU version), the hash function of the deletion tables,
// the snapshot's content hash, the file size and an XXH3 checksum of everything after the header:
// a truncated, damaged, foreign or stale file is refused, and the index rebuilt.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance {

// The hash of the index's sources (generated at build time, cmake/index_build_key.cmake).
const char* index_build_key();

enum class IndexSection : uint32_t {
  scalars,
  names,
  tokens,
  alternatives,
  bound_figures,
  term_offsets,
  term_bytes,
  term_slots,
  phonetic_offsets,
  phonetic_bytes,
  romanization_offsets,
  romanization_bytes,
  masks,
  idf,
  posting_offsets,
  posting_values,
  initial_offsets,
  initial_values,
  // Six keyed lists, five sections each (KeyedListSection order): phonetic terms, joined,
  // romanisation terms, romanised spans, initials, acronyms.
  keyed_first,
  deletions = keyed_first + 6 * 5,
  deletion_directory,
  family_deletions,
  family_deletion_directory,
  count
};
enum class KeyedListSection : uint32_t { key_offsets, key_bytes, slots, list_offsets, list_values };
inline IndexSection keyed_section(int table, KeyedListSection part) {
  return static_cast<IndexSection>(static_cast<uint32_t>(IndexSection::keyed_first) + table * 5 +
                                   static_cast<uint32_t>(part));
}

struct IndexScalars {
  float unseen_idf;
  uint32_t letter_terms[36];
  uint32_t unused = 0;
};

// Lays out the sections and seals the file.
class IndexFileWriter {
 public:
  IndexFileWriter();
  template <typename T>
  void add(IndexSection id, std::span<const T> records) {
    add_bytes(id, {reinterpret_cast<const char*>(records.data()), records.size_bytes()});
  }
  template <typename T>
  void add(IndexSection id, const std::vector<T>& records) {
    add(id, std::span<const T>(records));
  }
  // The whole file for a snapshot of this content hash.
  std::string finish(std::string_view snapshot_hash);

 private:
  void add_bytes(IndexSection id, std::string_view bytes);
  std::vector<std::string> sections_;
};

// Checks a file's header, size and checksum, then hands out its sections.
class IndexFileReader {
 public:
  static Result<IndexFileReader> open(std::string_view bytes, std::string_view snapshot_hash,
                                      const std::string& name);
  // The section as records of T; an error when its length or alignment does not fit T.
  template <typename T>
  Result<std::span<const T>> get(IndexSection id) const {
    auto raw = section(id, sizeof(T));
    if (!raw) return raw.error();
    return std::span<const T>(reinterpret_cast<const T*>(raw->data()), raw->size() / sizeof(T));
  }
  const std::string& name() const { return name_; }

 private:
  Result<std::string_view> section(IndexSection id, size_t record_size) const;
  std::string_view bytes_;
  std::string name_;
};

}  // namespace clearance
