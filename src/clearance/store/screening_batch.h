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

// The body made ready for the store (ScreeningBatch::body) outside its transaction: the
// screenings checked (batch_lines_valid, at least one), compressed, and their text's SHA-256
// taken in the same pass.
Result<PreparedBatchBody> prepare_batch_body(const std::vector<std::string_view>& screenings);

// The line of the screening at `offset` (0 = the batch's first) in `body`; nullopt past its end.
std::optional<std::string_view> batch_line(std::string_view body, int64_t offset);

// SHA-256 of the batch as recorded: its ids, who, when, threshold, snapshot, matcher, and the
// SHA-256 of its body's text (PreparedBatchBody::text_sha256, which the entry's detail also
// holds) — the text, not how the store keeps it, so that a store may keep a body otherwise
// (another encoding, another database) without its digest changing.
std::string batch_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                         double threshold, const std::string& snapshot_id,
                         const std::string& matcher, const std::string& text_sha256);

// The digest of batches recorded before the text's SHA-256 was taken apart (an entry without
// "text_sha256"): the same fields followed by the body's text itself.
std::string batch_text_digest(const BatchIds& ids, const std::string& actor, const std::string& at,
                              double threshold, const std::string& snapshot_id,
                              const std::string& matcher, std::string_view body);

}  // namespace clearance
