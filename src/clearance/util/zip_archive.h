#pragma once
// Reading members of a ZIP archive held in memory (libzip). CRC and size checks are libzip's, so a
// truncated or corrupted archive is reported rather than read short.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance {

bool looks_like_zip(std::string_view bytes);

struct ZipMember {
  std::string name;
  std::string bytes;
};

// No member is inflated beyond this (a small archive may claim gigabytes), nor past this ratio to
// its compressed size once larger than kRatioFloorBytes: list files compress about 10:1, a
// decompression bomb a thousand to one.
constexpr uint64_t kMaxMemberBytes = uint64_t{1} << 30;
constexpr uint64_t kMaxExpansionRatio = 50;
constexpr uint64_t kRatioFloorBytes = uint64_t{16} << 20;

// Extracts every regular file of the archive. `name` is used in error messages.
Result<std::vector<ZipMember>> unzip_all(std::string_view archive, const std::string& name);

// Extracts only the member named `member` (the others are not inflated); a member larger than
// `max_bytes` is refused before it is read.
Result<std::string> unzip_member(std::string_view archive, const std::string& name,
                                 const std::string& member, uint64_t max_bytes = kMaxMemberBytes);

// The names of the archive's regular files, without inflating any.
Result<std::vector<std::string>> zip_member_names(std::string_view archive,
                                                  const std::string& name);

// Every member, or only `only` when it is not empty.
Result<std::vector<ZipMember>> unzip_members(std::string_view archive, const std::string& name,
                                             const std::string& only, uint64_t max_bytes);

}  // namespace clearance
