#pragma once
// Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded: returns
// max + 1 as soon as the distance is known to exceed `max`.
#include <string_view>

namespace clearance {

int bounded_edit_distance(std::string_view a, std::string_view b, int max);

// The textbook full-matrix version, kept as the reference the bounded one is tested against.
int reference_edit_distance(std::string_view a, std::string_view b);

}  // namespace clearance
