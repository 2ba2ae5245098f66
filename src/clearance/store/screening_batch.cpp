#include "clearance/store/screening_batch.h"

#include <fmt/format.h>

#include <algorithm>

#include "clearance/util/compression.h"
#include "clearance/util/sha256.h"

namespace clearance {

namespace {

// A screening's line without the final line break it may be given with.
std::string_view line_of(std::string_view screening) {
  return screening.ends_with('\n') ? screening.substr(0, screening.size() - 1) : screening;
}

// The digest's first part: every field of the batch but its body.
void digest_fields(Sha256& sha, const BatchIds& ids, const std::string& actor,
                   const std::string& at, double threshold, const std::string& snapshot_id,
                   const std::string& matcher) {
  sha.update(fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}\n", ids.first, ids.last, actor, at, threshold,
                         snapshot_id, matcher));
}

}  // namespace

bool batch_lines_valid(const std::vector<std::string_view>& screenings) {
  return std::all_of(screenings.begin(), screenings.end(), [](std::string_view s) {
    const std::string_view line = line_of(s);
    return !line.empty() && line.find('\n') == std::string_view::npos;
  });
}

std::string compressed_batch_body(const std::vector<std::string_view>& screenings) {
  size_t size = 0;
  for (std::string_view s : screenings) size += line_of(s).size() + 1;
  ZstdFrameWriter frame(size);
  for (std::string_view s : screenings) {
    frame.add(line_of(s));
    frame.add("\n");
  }
  return frame.finish();
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
  digest_fields(sha, ids, actor, at, threshold, snapshot_id, matcher);
  sha.update(body);
  return sha.hex_digest();
}

std::string batch_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                         double threshold, const std::string& snapshot_id,
                         const std::string& matcher,
                         const std::vector<std::string_view>& screenings) {
  Sha256 sha;
  digest_fields(sha, ids, actor, at, threshold, snapshot_id, matcher);
  for (std::string_view s : screenings) {
    sha.update(line_of(s));
    sha.update("\n");
  }
  return sha.hex_digest();
}

}  // namespace clearance
