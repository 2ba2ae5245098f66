#pragma once
// How the case store keeps a batch's screenings (case_store.h, ScreeningBatch): one body of
// lines, one per screening, and a digest over the body and every field of the batch that the
// batch's audit entry carries, so that `audit verify` finds a batch edited or removed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/store/case_store.h"

namespace clearance {

// The screenings' lines joined, each ending in '\n'; nullopt when a line is empty or holds a
// line break (then it would not read back as one screening).
std::optional<std::string> batch_body(const std::vector<std::string>& screenings);

// The line of the screening at `offset` (0 = the batch's first) in `body`; nullopt past its end.
std::optional<std::string_view> batch_line(std::string_view body, int64_t offset);

// SHA-256 of the batch as stored: its ids, who, when, threshold, snapshot, matcher and body.
std::string batch_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                         double threshold, const std::string& snapshot_id,
                         const std::string& matcher, std::string_view body);

}  // namespace clearance
