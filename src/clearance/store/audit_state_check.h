#pragma once
// What the audit trail says the case store's tables hold, checked against them. The chain proves
// its entries were not edited; this proves the tables they describe were not edited beside them:
// each alert's status and resolution are those its entries left it with, each decision is one an
// entry records, each screening and subject row is there while its entries say so, with the hits
// and the screened fields its entry's digest names (entries written before digests were kept are
// checked for the row's presence only).
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clearance/store/sqlite_db.h"

namespace clearance {

class AuditStateCheck {
 public:
  // Reports a disagreement: the entry it concerns (or the one after the last) and why.
  using Bad = std::function<void(int64_t seq, std::string why)>;

  // Room for this many subjects (their rows' count): a million are kept without rehashing.
  void expect_subjects(size_t n) { subjects_.reserve(n); }
  // One entry of the chain, in order.
  void add(int64_t seq, std::string_view actor, std::string_view action, std::string_view object,
           std::string_view detail);
  // The tables against what the entries said; `end` is the seq after the last entry.
  void check(SqliteDb& db, int64_t end, const Bad& bad) const;

 private:
  struct AlertState {
    int64_t seq = 0;  // its last entry
    std::string status, resolution, subject, party;
    // Its decisions as entries record them: decision, reason, reviewer.
    std::vector<std::array<std::string, 3>> decisions;
    std::vector<int64_t> decision_seqs;
    mutable bool seen = false;  // its row was found (check())
  };
  struct RowState {
    int64_t seq = 0;                // its last entry
    bool there = true;              // false once removed
    bool has_digest = false;        // the entry names one:
    std::array<char, 64> digest{};  // SHA-256 (hex) of the screened fields or the hits
    mutable bool seen = false;      // its row was found (check())
    bool digest_is(std::string_view hex) const {
      return hex.size() == digest.size() && std::equal(hex.begin(), hex.end(), digest.begin());
    }
  };
  std::map<int64_t, AlertState> alerts_;
  std::unordered_map<int64_t, RowState> screenings_;
  std::unordered_map<std::string, RowState> subjects_;
};

}  // namespace clearance
