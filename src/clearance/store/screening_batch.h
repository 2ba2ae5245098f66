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

// A batch's body is its screenings' lines, each ending in '\n' (a screening given with its final
// line break keeps that one).

// Whether every screening makes one line of the body: not empty, no line break but a final one.
bool batch_lines_valid(const std::vector<std::string_view>& screenings);

// The body as the store keeps it: one zstd frame of the body's text, made without joining it.
std::string compressed_batch_body(const std::vector<std::string_view>& screenings);

// The line of the screening at `offset` (0 = the batch's first) in `body`; nullopt past its end.
std::optional<std::string_view> batch_line(std::string_view body, int64_t offset);

// SHA-256 of the batch as stored: its ids, who, when, threshold, snapshot, matcher and body's text.
std::string batch_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                         double threshold, const std::string& snapshot_id,
                         const std::string& matcher, std::string_view body);

// The same digest from the screenings the body is made of (batch_lines_valid).
std::string batch_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                         double threshold, const std::string& snapshot_id,
                         const std::string& matcher,
                         const std::vector<std::string_view>& screenings);

}  // namespace clearance
