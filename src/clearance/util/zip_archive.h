#pragma once
// Reading members of a ZIP archive held in memory (libzip). CRC and size checks are libzip's, so a
// truncated or corrupted archive is reported rather than read short.
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

// Extracts every regular file of the archive. `name` is used in error messages.
Result<std::vector<ZipMember>> unzip_all(std::string_view archive, const std::string& name);

}  // namespace clearance
