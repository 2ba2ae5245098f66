#pragma once
// An organisation's name written with its own acronym ("China Aerospace Science and Technology
// Corporation (CASC)"): the acronym repeats what the words say, so left over it weighs as a legal
// form does (name_scorer.cpp), and a name holding one may score that much higher than its other
// leftovers allow (the screener's score bound, NameIndex::BoundFigures::acronym).
#include <string_view>

#include "clearance/text/name_token.h"

namespace clearance {

constexpr size_t kMaxOwnAcronym = 6;

// Whether `word` abbreviates the other words of its own name: the starts of some of them, in
// order, from the first ("CASC" for China Aerospace Science and Technology Corporation, "AVIC" for
// Aviation Industry Corporation of China). Lists write a name with its acronym ("… Corporation
// (CASC)"); the acronym says nothing the words do not.
template <typename TextOf, typename KindOf>
bool abbreviates_own_words(std::string_view word, int self, int count, TextOf text_of,
                           KindOf kind_of) {
  if (word.size() < 3 || word.size() > kMaxOwnAcronym) return false;
  int first = 0;
  while (first < count && (first == self || kind_of(first) != TokenClass::ordinary)) ++first;
  // Letters [at, end) from words [k, count): each word used gives a start of one letter or more.
  auto rest = [&](auto&& self_ref, size_t at, int k, int words) -> bool {
    if (at == word.size()) return words >= 2;
    for (; k < count; ++k) {
      if (k == self) continue;
      const std::string_view w = text_of(k);
      for (size_t n = 1; n <= w.size() && at + n <= word.size() && w[n - 1] == word[at + n - 1];
           ++n)
        if (self_ref(self_ref, at + n, k + 1, words + 1)) return true;
      if (words == 0) return false;  // the first letter is the first word's
    }
    return false;
  };
  return first < count && rest(rest, 0, first, 0);
}

// Whether any ordinary token of a name abbreviates its other words.
template <typename TextOf, typename KindOf>
bool holds_own_acronym(int count, TextOf text_of, KindOf kind_of) {
  for (int k = 0; k < count; ++k)
    if (kind_of(k) == TokenClass::ordinary &&
        abbreviates_own_words(text_of(k), k, count, text_of, kind_of))
      return true;
  return false;
}

}  // namespace clearance
