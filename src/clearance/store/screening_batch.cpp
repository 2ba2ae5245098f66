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

// Calls `take` with the body's text in pieces: each screening's line and its line break, and
// screenings that lie one after another in memory with their line breaks (a batch's rows written
// into one text) as one piece — a few hundred pieces for a chunk rather than thousands.
template <typename Take>
void for_each_body_piece(const std::vector<std::string_view>& screenings, Take&& take) {
  std::string_view run;  // whole lines, each with its line break, one after another
  for (std::string_view s : screenings) {
    if (s.ends_with('\n') && !run.empty() && run.data() + run.size() == s.data()) {
      run = std::string_view(run.data(), run.size() + s.size());
      continue;
    }
    if (!run.empty()) take(run);
    run = {};
    if (s.ends_with('\n')) {
      run = s;
    } else {
      take(s);
      take(std::string_view("\n"));
    }
  }
  if (!run.empty()) take(run);
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
  for_each_body_piece(screenings, [&frame](std::string_view piece) { frame.add(piece); });
  return frame.finish();
}

Result<PreparedBatchBody> prepare_batch_body(const std::vector<std::string_view>& screenings) {
  if (screenings.empty())
    return make_error(ErrorCode::invalid_argument, "a batch needs at least one screening");
  if (!batch_lines_valid(screenings))
    return make_error(ErrorCode::invalid_argument,
                      "a batch's screening is empty or spans more than one line");
  size_t size = 0;
  for (std::string_view s : screenings) size += line_of(s).size() + 1;
  ZstdFrameWriter frame(size);
  Sha256 sha;
  // Each piece hashed while the compressor has just read it.
  for_each_body_piece(screenings, [&](std::string_view piece) {
    frame.add(piece);
    sha.update(piece);
  });
  return PreparedBatchBody{frame.finish(), sha.hex_digest(), screenings.size()};
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
                         const std::string& matcher, const std::string& text_sha256) {
  Sha256 sha;
  digest_fields(sha, ids, actor, at, threshold, snapshot_id, matcher);
  sha.update(text_sha256);
  return sha.hex_digest();
}

std::string batch_text_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                              double threshold, const std::string& snapshot_id,
                              const std::string& matcher, std::string_view body) {
  Sha256 sha;
  digest_fields(sha, ids, actor, at, threshold, snapshot_id, matcher);
  sha.update(body);
  return sha.hex_digest();
}

}  // namespace clearance
