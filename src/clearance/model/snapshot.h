#pragma once
// A snapshot: every entity of every imported list at one moment, with where each list came from.
// Immutable once built; a new import makes a new snapshot.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "clearance/model/entity.h"
#include "clearance/model/entity_table.h"
#include "clearance/model/party.h"

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
  EntityTable entities;  // sorted by id; a loaded snapshot decodes each when first read
  // Records linked into parties (every entity belongs to exactly one), the evidence of each link,
  // and the user's links file as it was applied (kept so the next import applies it again).
  std::vector<Party> parties;
  std::vector<PartyLink> links;
  std::vector<UserLink> user_links;
  // Each dataset and list code its records carry, read from the manifest of a stored snapshot so
  // that naming them decodes no record; empty for one built in memory (then read the records).
  std::vector<std::pair<std::string, std::string>> dataset_lists;
  // Derived, not stored: the party of each entity (index into parties), filled by
  // index_parties().
  std::vector<uint32_t> party_of;

  // Fills party_of from parties; an entity no party names gets a party of its own (snapshots
  // built by hand in tests, or read before parties existed, still screen as one party per record).
  void index_parties();
  const Party* party_of_entity(uint32_t entity) const {
    return entity < party_of.size() ? &parties[party_of[entity]] : nullptr;
  }
  // The party whose id, former id or one of whose record ids is `id`.
  const Party* find_party(const std::string& id) const;
  const ListSource* source_of(const std::string& dataset) const;
};

}  // namespace clearance
