#pragma once
// A snapshot: every entity of every imported list at one moment, with where each list came from.
// Immutable once built; a new import makes a new snapshot.
#include <cstdint>
#include <string>
#include <vector>

#include "clearance/model/entity.h"

namespace clearance {

struct SourceFile {
  std::string path;    // as given at import time
  std::string sha256;  // of the bytes as read (before decompression)
  uint64_t bytes = 0;
  std::string modified;  // file modification time, ISO 8601 UTC
};

struct ListSource {
  std::string dataset;    // "us_csl", "ofac_sdn", …
  std::string format;     // reader format name
  std::string published;  // publication date the source states, if any
  std::string imported_at;
  std::vector<SourceFile> files;
  uint64_t entities = 0;
  uint64_t skipped = 0;  // malformed records left out
};

struct Snapshot {
  std::string id;            // first 16 hex digits of content_hash
  std::string content_hash;  // SHA-256 of the encoded entities (sorted by id)
  std::string created_at;
  std::vector<ListSource> sources;
  std::vector<Entity> entities;  // sorted by id
};

}  // namespace clearance
