#pragma once
// When a score is a hit: the one comparison of a score with a threshold that the screener, the
// case store's alerts, the monitor's bounds and the evaluations share.

namespace clearance {

// A score is a float sum of weights, and the same pair of names scores 0.8 as 0.79999995 or as
// 0.80000001 as the lists' other words move the weights: a score this close to the threshold
// meets it, so that a hit does not come and go with unrelated list changes. Far under what a
// score shows (three decimals) and any weight or factor moves it.
constexpr float kScoreTolerance = 1e-5f;

// The lowest score that meets `threshold`.
inline float lowest_meeting(float threshold) {
  return threshold - kScoreTolerance;
}

// Whether a score meets a threshold: the screener's hits, the store's alerts, the evaluations.
inline bool meets_threshold(float score, float threshold) {
  return score >= lowest_meeting(threshold);
}

}  // namespace clearance
