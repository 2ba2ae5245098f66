#pragma once
// The on-disk form of a snapshot: a JSON manifest (sources, counts) followed by a compact binary
// encoding of the entities, protected by their SHA-256 so a damaged file is refused, not misread.
//   "CLRSNAP1" | u32 manifest length | manifest JSON | u64 payload length | payload
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "clearance/model/snapshot.h"
#include "clearance/util/result.h"

namespace clearance {

// Encodes the entities (which must be sorted by id) and fills id and content_hash.
std::string encode_snapshot(Snapshot& snapshot);

// The whole snapshot is checked against its content hash either way. Given an `owner` that keeps
// `bytes` alive (the mapped file), records are decoded on demand (model/entity_table.h); without
// one, all of them now.
Result<Snapshot> decode_snapshot(std::string_view bytes, const std::string& name,
                                 std::shared_ptr<const void> owner = nullptr);

// The manifest alone, without decoding entities (for `lists info` and history).
Result<nlohmann::ordered_json> read_manifest(std::string_view bytes, const std::string& name);

nlohmann::ordered_json manifest_of(const Snapshot& snapshot);

}  // namespace clearance
