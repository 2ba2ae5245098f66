#pragma once
// Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded: returns
// max + 1 as soon as the distance is known to exceed `max`.
#include <cstdint>
#include <string_view>

namespace clearance {

int bounded_edit_distance(std::string_view a, std::string_view b, int max);

// Which letters (bits 0–25), digits (26) and other bytes (27) occur in `text`. Each edit changes
// at most two bits of the XOR of two masks, so ceil(popcount(a ^ b) / 2) is a lower bound of the
// edit distance: a cheap test that rejects most pairs before the DP runs.
uint32_t letter_mask(std::string_view text);
inline int edit_lower_bound(uint32_t a, uint32_t b) {
  return (__builtin_popcount(a ^ b) + 1) / 2;
}

// The textbook full-matrix version, kept as the reference the bounded one is tested against.
int reference_edit_distance(std::string_view a, std::string_view b);

}  // namespace clearance
