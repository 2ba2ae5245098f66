#include "clearance/store/screening_batch.h"

#include <fmt/format.h>

#include "clearance/util/sha256.h"

namespace clearance {

std::optional<std::string> batch_body(const std::vector<std::string>& screenings) {
  size_t size = 0;
  for (const std::string& line : screenings) {
    if (line.empty() || line.find('\n') != std::string::npos) return std::nullopt;
    size += line.size() + 1;
  }
  std::string body;
  body.reserve(size);
  for (const std::string& line : screenings) {
    body += line;
    body += '\n';
  }
  return body;
}

std::optional<std::string_view> batch_line(std::string_view body, int64_t offset) {
  if (offset < 0) return std::nullopt;
  size_t start = 0;
  for (int64_t k = 0; k < offset; ++k) {
    const size_t end = body.find('\n', start);
    if (end == std::string_view::npos) return std::nullopt;
    start = end + 1;
  }
  const size_t end = body.find('\n', start);
  if (start >= body.size() || end == std::string_view::npos) return std::nullopt;
  return body.substr(start, end - start);
}

std::string batch_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                         double threshold, const std::string& snapshot_id,
                         const std::string& matcher, std::string_view body) {
  Sha256 sha;
  sha.update(fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}\n", ids.first, ids.last, actor, at, threshold,
                         snapshot_id, matcher));
  sha.update(body);
  return sha.hex_digest();
}

}  // namespace clearance
