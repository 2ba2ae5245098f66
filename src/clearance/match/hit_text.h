#pragma once
// A screening's hits as JSON text, byte for byte what hits_to_json(…).dump() writes, without
// building the JSON tree first: what a batch writes (and records) for each row with hits. A
// party's fixed part (name, aliases, countries, listings) and a record's (its list fields) are
// written once and kept, since a batch meets the same parties again and again. A writer serves the
// snapshot of one screener, and any number of threads at once (they share what it keeps).
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "clearance/match/screener.h"

namespace clearance {

class HitTextWriter {
 public:
  explicit HitTextWriter(const Screener& screener) : screener_(screener) {}

  // Appends the result's hits as a JSON array.
  void append_hits(std::string& out, const ScreenResult& result) const;

 private:
  struct PartyText {
    std::string head;      // "party_id":…,"name":…,  (the matched record's type follows)
    std::string aliases;   // ,"aliases":[…]
    std::string listings;  // ,"countries":[…],"listings":[…]
  };
  static PartyText write_party(const Snapshot& snapshot, const Party& party);
  static std::string write_record(const Entity& e);
  std::shared_ptr<const PartyText> party_text(const Party& party) const;
  std::shared_ptr<const std::string> record_text(uint32_t entity) const;
  void append_hit(std::string& out, const Hit& hit, const PreparedQuery& query) const;

  // Kept texts past this count are dropped and written again as met: some MB at most.
  static constexpr size_t kMaxKept = 20000;
  const Screener& screener_;
  mutable std::mutex mutex_;  // guards the two maps
  mutable std::unordered_map<const Party*, std::shared_ptr<const PartyText>> parties_;
  mutable std::unordered_map<uint32_t, std::shared_ptr<const std::string>> records_;
};

}  // namespace clearance
