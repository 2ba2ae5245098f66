#pragma once
// A screening's hits as JSON text, byte for byte what hits_to_json(…).dump() writes, without
// building the JSON tree first: what a batch writes (and records) for each row with hits. A
// party's fixed part (name, aliases, countries, listings) and a record's (its list fields) are
// written once and kept, since a batch meets the same parties again and again. One writer per
// thread; a writer serves the snapshot of one screener.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "clearance/match/screener.h"

namespace clearance {

class HitTextWriter {
 public:
  explicit HitTextWriter(const Screener& screener) : screener_(screener) {}

  // Appends the result's hits as a JSON array.
  void append_hits(std::string& out, const ScreenResult& result);

 private:
  struct PartyText {
    std::string head;      // "party_id":…,"name":…,  (the matched record's type follows)
    std::string aliases;   // ,"aliases":[…]
    std::string listings;  // ,"countries":[…],"listings":[…]
  };
  static PartyText write_party(const Snapshot& snapshot, const Party& party);
  const PartyText& party_text(const Party& party);
  const std::string& record_text(uint32_t entity);
  void append_hit(std::string& out, const Hit& hit, const PreparedQuery& query);

  // Kept texts past these counts are dropped and written again as met: a few MB at most.
  static constexpr size_t kMaxKept = 20000;
  const Screener& screener_;
  std::unordered_map<const Party*, PartyText> parties_;
  std::unordered_map<uint32_t, std::string> records_;  // by entity index
};

}  // namespace clearance
