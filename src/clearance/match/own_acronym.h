#pragma once
// An organisation's name written with its own acronym ("China Aerospace Science and Technology
// Corporation (CASC)"): the acronym repeats what the words say, so left over it weighs as a legal
// form does (name_scorer.cpp), and a name holding one may score that much higher than its other
// leftovers allow (the screener's score bound, NameIndex::BoundFigures::acronym_weight).
#include <cstdint>
#include <string_view>

#include "clearance/text/name_token.h"

namespace clearance {

constexpr size_t kMaxOwnAcronym = 6;

// Whether `word`, its name's first or last word, abbreviates the name's other words: the starts
// of some of them, in order, from the first ("CASC" for China Aerospace Science and Technology
// Corporation, "AVIC" for Aviation Industry Corporation of China). Lists write a name with its
// acronym ("… Corporation (CASC)"); the acronym says nothing the words do not.
template <typename TextOf, typename KindOf>
bool abbreviates_own_words(std::string_view word, int self, int count, TextOf text_of,
                           KindOf kind_of) {
  if (word.size() < 3 || word.size() > kMaxOwnAcronym || count > 63) return false;
  // Written after the words or before them, as the lists write one ("… Corporation (CASC)");
  // one inside a name names a part ("CETC 38th Research Institute" within a longer name).
  auto ordinary_after = [&](int k) {
    for (int m = k + 1; m < count; ++m)
      if (kind_of(m) == TokenClass::ordinary) return true;
    return false;
  };
  auto ordinary_before = [&](int k) {
    for (int m = 0; m < k; ++m)
      if (kind_of(m) == TokenClass::ordinary) return true;
    return false;
  };
  if (ordinary_after(self) && ordinary_before(self)) return false;
  int first = 0;
  while (first < count && (first == self || kind_of(first) != TokenClass::ordinary)) ++first;
  if (first == count || text_of(first).empty() || text_of(first)[0] != word[0]) return false;
  // A search over (letters spelled, the first word the rest may use): reached[at] has bit k set
  // when the first `at` letters are spelled by the first word and at least one more, the next
  // from word k on; first_only[at] the same for the first word alone. The lowest bit rules: a
  // state free to use word k on can do what one limited to later words can.
  uint64_t reached[kMaxOwnAcronym + 1] = {};
  uint64_t first_only[kMaxOwnAcronym + 1] = {};  // spelled by the first word alone
  const std::string_view head = text_of(first);
  for (size_t n = 1; n <= head.size() && n < word.size() && head[n - 1] == word[n - 1]; ++n)
    first_only[n] |= uint64_t{1} << (first + 1);
  for (size_t at = 1; at < word.size(); ++at) {
    const uint64_t from = reached[at] | first_only[at];
    if (!from) continue;
    const int lowest = __builtin_ctzll(from);
    for (int k = lowest; k < count; ++k) {
      if (k == self) continue;
      const std::string_view w = text_of(k);
      for (size_t n = 1; n <= w.size() && at + n <= word.size() && w[n - 1] == word[at + n - 1];
           ++n) {
        if (at + n == word.size()) return true;  // the first word and this one at least
        reached[at + n] |= uint64_t{1} << (k + 1);
      }
    }
  }
  return false;
}

// Whether tokens[k] — a name's tokens, each with its `text` and `kind` — is the name's own
// acronym.
template <typename Tokens>
bool is_own_acronym(const Tokens& tokens, size_t k) {
  return tokens[k].kind == TokenClass::ordinary &&
         abbreviates_own_words(
             tokens[k].text, static_cast<int>(k), static_cast<int>(tokens.size()),
             [&](int m) -> std::string_view { return tokens[m].text; },
             [&](int m) { return tokens[m].kind; });
}

}  // namespace clearance
