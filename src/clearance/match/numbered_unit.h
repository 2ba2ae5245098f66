#pragma once
// A numbered unit of a group: the lists name a state group's research institutes, academies and
// factories by the group and the unit's number ("China State Shipbuilding Corporation, Limited
// (CSSC) 760th Research Institute", "Aviation Industry Corporation of China's (AVIC) Institute
// 625", "The 631st Research Institute of Aviation Industry Corporation of China", "People's
// Liberation Army Unit 61398"); a contract or an invoice names the unit by its number alone (760所,
// "760th Research Institute"). Met on its number and its unit word, the unit is found; the
// group's words then say whose unit it is, as a place says where a firm is, and weigh like a
// descriptor (name_scorer.cpp). A unit within the unit ("… 13th Research Institute (CETC 13).
// Subordinate Institution - Hebei Sinopack Electronics") is another party: words after the unit
// count as they would.
#include <cstdint>
#include <string_view>
#include <vector>

#include "clearance/util/strings.h"

namespace clearance {

// A word naming the kind of unit a number identifies: institute, academy, factory, plant, unit…
bool is_unit_word(std::string_view word);
// A word a unit's name may hold beside the number and the unit word: "research", "design",
// "and", "no" (No. 38 Research Institute).
bool is_unit_phrase_word(std::string_view word);

// Where a name's last numbered unit stands: its number's position and its phrase [begin, end)
// ("No. 38 Research Institute"); number < 0 when the name has none.
struct NumberedUnit {
  int number = -1, begin = 0, end = 0;
};

template <typename TextOf>
NumberedUnit last_numbered_unit(int count, TextOf text_of) {
  for (int k = count - 1; k >= 0; --k) {
    if (!is_all_digits(text_of(k))) continue;
    // After the number ("760th Research Institute"), else before it ("Institute 625"); a "No."
    // before it either way. Not both: before "702 Research Institute" may stand the academy it
    // belongs to ("1st Academy 702 Research Institute").
    int b = k, e = k + 1;
    bool unit = false;
    for (; e < count && is_unit_phrase_word(text_of(e)); ++e)
      if (is_unit_word(text_of(e))) unit = true;
    if (unit) {
      if (b > 0 && text_of(b - 1) == "no") --b;
    } else {
      for (; b > 0 && is_unit_phrase_word(text_of(b - 1)); --b)
        if (is_unit_word(text_of(b - 1))) unit = true;
    }
    if (unit) return {k, b, e};
  }
  return {};
}

// What a word left over is to a name's numbered unit (numbered_unit_words).
enum class UnitWord : uint8_t { none, group, phrase };

// The words left over of a name whose last numbered unit was met — its number (or a repeat of
// it) and one of its unit words among the words `met`: `out[k]` is UnitWord::group for the words
// before the unit, those from an "of" right after it on ("The 631st Research Institute of Aviation
// Industry Corporation of China") and its short name after it, up to a repeat of its number
// ("(CETC 13)"); UnitWord::phrase for the unit's own words left over ("research", "no"). A name
// whose last numbered unit was not met (a query naming the group's academy, the list its
// institute) marks none. Returns the unit it marked the words of, number < 0 when none.
template <typename TextOf>
NumberedUnit numbered_unit_words(int count, TextOf text_of, const std::vector<bool>& met,
                                 std::vector<UnitWord>& out) {
  out.assign(count, UnitWord::none);
  // Cheap first: most names hold no number that was met.
  bool number_met = false;
  for (int k = 0; k < count && !number_met; ++k) number_met = met[k] && is_all_digits(text_of(k));
  if (!number_met) return {};
  const NumberedUnit unit = last_numbered_unit(count, text_of);
  if (unit.number < 0) return {};
  const std::string_view digits = text_of(unit.number);
  // The unit's short name after it, its number repeated within two words ("(CETC 13)").
  int repeat = unit.end;
  for (int k = unit.end; k < count && k < unit.end + 2 && repeat == unit.end; ++k)
    if (text_of(k) == digits) repeat = k + 1;
  // Its number met (a query's "29" may meet the name's first "29" in "… 29 (CETC 29) Research
  // Institute"), and one of its unit words.
  bool number_matched = false, unit_matched = false;
  for (int k = 0; k < count; ++k)
    number_matched = number_matched || (met[k] && text_of(k) == digits);
  for (int k = unit.begin; k < unit.end; ++k)
    unit_matched = unit_matched || (met[k] && is_unit_word(text_of(k)));
  if (!number_matched || !unit_matched) return {};
  bool any = false;
  const bool of_after = unit.end < count && text_of(unit.end) == "of";
  for (int k = 0; k < count; ++k) {
    if (met[k] || k == unit.number) continue;
    if (k >= unit.begin && k < unit.end)
      out[k] = UnitWord::phrase;
    else if (k < unit.begin || of_after || k < repeat)
      out[k] = UnitWord::group;
    any = any || out[k] != UnitWord::none;
  }
  return any ? unit : NumberedUnit{};
}

}  // namespace clearance
