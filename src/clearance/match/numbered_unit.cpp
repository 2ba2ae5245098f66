#include "clearance/match/numbered_unit.h"

#include <algorithm>
#include <iterator>

namespace clearance {

namespace {

// The units the lists number: research institutes (研究所), academies (院), factories and plants
// (厂), works, bases, centres, laboratories, and the military's units (Unit 61398). "Institut" is
// how the Entity List cuts one name short.
constexpr std::string_view kUnitWords[] = {"institute", "institut", "academy",   "factory",
                                           "plant",     "works",    "base",      "center",
                                           "centre",    "unit",     "laboratory"};
// Words between the number and the unit word, or before it ("No. 38 Research Institute", "611
// Research and Design Institute", "33rd Scientific Research and Testing Institute").
constexpr std::string_view kPhraseWords[] = {"research", "design", "scientific",
                                             "testing",  "and",    "no"};

}  // namespace

bool is_unit_word(std::string_view word) {
  return std::find(std::begin(kUnitWords), std::end(kUnitWords), word) != std::end(kUnitWords);
}

bool is_unit_phrase_word(std::string_view word) {
  return is_unit_word(word) || std::find(std::begin(kPhraseWords), std::end(kPhraseWords), word) !=
                                   std::end(kPhraseWords);
}

}  // namespace clearance
