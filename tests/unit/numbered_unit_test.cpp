// A numbered unit of a group (match/numbered_unit.h): where a name's unit stands, and which of
// its words left over name the group. Scored against real names: ScreeningTest.NumberedUnits.
#include "clearance/match/numbered_unit.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/strings.h"

namespace clearance {
namespace {

struct Words {
  std::vector<std::string> words;
  explicit Words(std::string_view text) : words(split_trimmed(text, " ")) {}
  int count() const { return static_cast<int>(words.size()); }
  auto text_of() const {
    return [this](int k) -> std::string_view { return words[k]; };
  }
  std::vector<bool> met(std::initializer_list<std::string_view> which) const {
    std::vector<bool> out(words.size(), false);
    for (size_t k = 0; k < words.size(); ++k)
      for (std::string_view w : which) out[k] = out[k] || words[k] == w;
    return out;
  }
};

NumberedUnit unit_of(std::string_view text) {
  const Words w(text);
  return last_numbered_unit(w.count(), w.text_of());
}

TEST(NumberedUnit, TheLastNumberBesideAUnitWord) {
  // china state shipbuilding corp ltd cssc 760 research institut
  NumberedUnit u = unit_of("china state shipbuilding corp ltd cssc 760 research institut");
  EXPECT_EQ(u.number, 6);
  EXPECT_EQ(u.begin, 6);
  EXPECT_EQ(u.end, 9);
  // The unit word before the number; "No." before it.
  u = unit_of("aviation industry corp of chinas avic institute 625");
  EXPECT_EQ(u.number, 7);
  EXPECT_EQ(u.begin, 6);
  u = unit_of("china electronics technology group corp no 28 institute");
  EXPECT_EQ(u.begin, 5);
  EXPECT_EQ(u.end, 8);
  // The institute, not the academy it belongs to: the academy stays the group's.
  u = unit_of("china aerospace science and technology corp casc 1 academy 702 research institute");
  EXPECT_EQ(u.number, 9);
  EXPECT_EQ(u.begin, 9);
  // A number without a unit word, or no number at all.
  EXPECT_LT(unit_of("management company 23").number, 0);
  EXPECT_LT(unit_of("huawei technologies co ltd").number, 0);
  EXPECT_LT(unit_of("").number, 0);
}

TEST(NumberedUnit, TheGroupsWordsWhenTheUnitWasMet) {
  const Words w("china state shipbuilding corp ltd cssc 760 research institut");
  std::vector<UnitWord> out;
  const NumberedUnit u =
      numbered_unit_words(w.count(), w.text_of(), w.met({"760", "institut"}), out);
  ASSERT_EQ(u.number, 6);
  for (int k = 0; k < 6; ++k) EXPECT_EQ(out[k], UnitWord::group) << k;
  EXPECT_EQ(out[7], UnitWord::phrase);  // "research", left over
  EXPECT_EQ(out[8], UnitWord::none);    // met
}

TEST(NumberedUnit, AGroupAfterOfAndARepeatOfTheNumber) {
  const Words of("the 631 research institute of aviation industry corp of china");
  std::vector<UnitWord> out;
  ASSERT_GE(numbered_unit_words(of.count(), of.text_of(), of.met({"631", "institute"}), out).number,
            0);
  EXPECT_EQ(out[0], UnitWord::group);  // "the"
  for (int k = 4; k < of.count(); ++k) EXPECT_EQ(out[k], UnitWord::group) << k;
  // The unit's short name after it: "(CETC 13)".
  const Words repeat("china electronics technology group corp 13 research institute cetc 13");
  std::vector<bool> met(repeat.words.size(), false);
  met[5] = met[6] = met[7] = true;
  ASSERT_GE(numbered_unit_words(repeat.count(), repeat.text_of(), met, out).number, 0);
  EXPECT_EQ(out[8], UnitWord::group);  // "cetc", after the unit
  EXPECT_EQ(out[9], UnitWord::group);  // the number again
}

TEST(NumberedUnit, AUnitWithinTheUnitIsAnotherParty) {
  // "… 13th Research Institute (CETC 13). Subordinate Institution - Hebei Sinopack Electronics":
  // the words after the unit name a party of its own and are not the group's.
  const Words w(
      "china electronics technology group corp 13 research institute subordinate institution "
      "hebei sinopack electronics");
  std::vector<UnitWord> out;
  ASSERT_GE(numbered_unit_words(w.count(), w.text_of(), w.met({"13", "research", "institute"}), out)
                .number,
            0);
  EXPECT_EQ(out[0], UnitWord::group);
  for (int k = 8; k < w.count(); ++k) EXPECT_EQ(out[k], UnitWord::none) << k;
}

TEST(NumberedUnit, NothingWhenTheUnitWasNotMet) {
  std::vector<UnitWord> out;
  // The group's academy met, its institute not: the query names the academy.
  const Words academy(
      "china aerospace science and technology corp casc 1 academy 702 research institute");
  EXPECT_LT(numbered_unit_words(academy.count(), academy.text_of(),
                                academy.met({"casc", "1", "academy"}), out)
                .number,
            0);
  // The number met without the unit word, or the unit word without the number.
  const Words w("china state shipbuilding corp ltd cssc 760 research institut");
  EXPECT_LT(numbered_unit_words(w.count(), w.text_of(), w.met({"760", "cssc"}), out).number, 0);
  EXPECT_LT(numbered_unit_words(w.count(), w.text_of(), w.met({"cssc", "institut"}), out).number,
            0);
  // Another number: 701 met is not the 760th's number.
  const Words other("cssc 701 research institute 760 research institute");
  EXPECT_LT(
      numbered_unit_words(other.count(), other.text_of(), other.met({"701", "institute"}), out)
          .number,
      0);
}

}  // namespace
}  // namespace clearance
