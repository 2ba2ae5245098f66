#include "clearance/match/name_index_file.h"

#include <fmt/format.h>
#include <unicode/uversion.h>
#include <xxhash.h>

#include <cstring>
#include <functional>

#include "clearance/match/name_index.h"

namespace clearance {
namespace {

constexpr char kMagic[8] = {'C', 'L', 'R', 'I', 'N', 'D', 'E', 'X'};
// Raised whenever the layout of a section or record changes.
constexpr uint32_t kFormatVersion = 4;
constexpr size_t kSectionCount = static_cast<size_t>(IndexSection::count);

struct IndexFileHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t section_count;
  uint64_t file_size;
  uint64_t checksum;    // XXH3-64 of every byte after the header
  uint64_t hash_probe;  // the deletion tables' hash function applied to a fixed text
  uint32_t record_sizes[6];
  char build_key[64];
  char icu_version[16];
  char snapshot_hash[64];
};
static_assert(sizeof(IndexFileHeader) % 8 == 0);

struct SectionEntry {
  uint64_t offset;
  uint64_t length;
};

// The deletion tables hold hashes of strings: a library whose std::hash differs would find
// nothing, so the file records what the hash of a fixed text was when it was built.
uint64_t hash_probe() {
  return std::hash<std::string_view>{}("clearance name index: deletion variant hash probe");
}

void record_sizes(uint32_t out[6]) {
  out[0] = sizeof(IndexedToken);
  out[1] = sizeof(NameIndex::NameRecord);
  out[2] = sizeof(NameIndex::BoundFigures);
  out[3] = sizeof(NameIndex::Deletion);
  out[4] = sizeof(IndexScalars);
  out[5] = 0;
}

void copy_text(char* out, size_t size, std::string_view text) {
  std::memset(out, 0, size);
  std::memcpy(out, text.data(), std::min(size, text.size()));
}

std::string_view fixed_text(const char* field, size_t size) {
  return {field, strnlen(field, size)};
}

size_t align8(size_t n) {
  return (n + 7) & ~size_t{7};
}

}  // namespace

IndexFileWriter::IndexFileWriter() : sections_(kSectionCount) {}

void IndexFileWriter::add_bytes(IndexSection id, std::string_view bytes) {
  sections_.at(static_cast<size_t>(id)).assign(bytes);
}

std::string IndexFileWriter::finish(std::string_view snapshot_hash) {
  const size_t table_bytes = kSectionCount * sizeof(SectionEntry);
  size_t size = sizeof(IndexFileHeader) + table_bytes;
  std::vector<SectionEntry> table(kSectionCount);
  for (size_t i = 0; i < kSectionCount; ++i) {
    size = align8(size);
    table[i] = {size, sections_[i].size()};
    size += sections_[i].size();
  }
  size = align8(size);
  std::string out(size, '\0');
  std::memcpy(out.data() + sizeof(IndexFileHeader), table.data(), table_bytes);
  for (size_t i = 0; i < kSectionCount; ++i)
    if (!sections_[i].empty())
      std::memcpy(out.data() + table[i].offset, sections_[i].data(), sections_[i].size());
  IndexFileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.format_version = kFormatVersion;
  header.section_count = static_cast<uint32_t>(kSectionCount);
  header.file_size = size;
  header.hash_probe = hash_probe();
  record_sizes(header.record_sizes);
  copy_text(header.build_key, sizeof(header.build_key), index_build_key());
  copy_text(header.icu_version, sizeof(header.icu_version), U_ICU_VERSION);
  copy_text(header.snapshot_hash, sizeof(header.snapshot_hash), snapshot_hash);
  header.checksum =
      XXH3_64bits(out.data() + sizeof(IndexFileHeader), size - sizeof(IndexFileHeader));
  std::memcpy(out.data(), &header, sizeof(header));
  return out;
}

Result<IndexFileReader> IndexFileReader::open(std::string_view bytes,
                                              std::string_view snapshot_hash,
                                              const std::string& name) {
  auto refuse = [&](ErrorCode code, const std::string& why) {
    return make_error(code, fmt::format("{}: {}", name, why));
  };
  IndexFileHeader header;
  if (bytes.size() < sizeof(header) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    return refuse(ErrorCode::format, "not a Clearance name index");
  std::memcpy(&header, bytes.data(), sizeof(header));
  if (header.format_version != kFormatVersion)
    return refuse(ErrorCode::format, fmt::format("index format {} (this build reads {})",
                                                 header.format_version, kFormatVersion));
  uint32_t sizes[6];
  record_sizes(sizes);
  if (std::memcmp(sizes, header.record_sizes, sizeof(sizes)) != 0 ||
      header.hash_probe != hash_probe() || header.section_count != kSectionCount)
    return refuse(ErrorCode::format, "written by a build with another memory layout or hash");
  if (fixed_text(header.build_key, sizeof(header.build_key)) != index_build_key() ||
      fixed_text(header.icu_version, sizeof(header.icu_version)) != U_ICU_VERSION)
    return refuse(ErrorCode::format,
                  "built by another version of the name normaliser or scorer (or of ICU)");
  if (fixed_text(header.snapshot_hash, sizeof(header.snapshot_hash)) !=
      snapshot_hash.substr(0, sizeof(header.snapshot_hash)))
    return refuse(ErrorCode::integrity, "indexes another snapshot");
  if (header.file_size != bytes.size() ||
      bytes.size() < sizeof(header) + kSectionCount * sizeof(SectionEntry))
    return refuse(ErrorCode::integrity,
                  fmt::format("{} bytes where the header says {} (truncated?)", bytes.size(),
                              header.file_size));
  const uint64_t checksum =
      XXH3_64bits(bytes.data() + sizeof(header), bytes.size() - sizeof(header));
  if (checksum != header.checksum)
    return refuse(ErrorCode::integrity, "checksum mismatch (the file is damaged)");
  IndexFileReader reader;
  reader.bytes_ = bytes;
  reader.name_ = name;
  return reader;
}

Result<std::string_view> IndexFileReader::section(IndexSection id, size_t record_size) const {
  const auto i = static_cast<size_t>(id);
  SectionEntry entry;
  std::memcpy(&entry, bytes_.data() + sizeof(IndexFileHeader) + i * sizeof(SectionEntry),
              sizeof(entry));
  if (entry.offset % 8 != 0 || entry.offset > bytes_.size() ||
      entry.length > bytes_.size() - entry.offset || entry.length % record_size != 0)
    return make_error(ErrorCode::integrity,
                      fmt::format("{}: section {} does not fit the file", name_, i));
  return bytes_.substr(entry.offset, entry.length);
}

}  // namespace clearance
