// A place's adjective in a Russian, Ukrainian or Belarusian organisation's name read as the place
// (text/place_adjectives.h). Against the real lists: ScreeningTest.PlaceAdjectivesMeetThePlace.
#include "clearance/text/place_adjectives.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/text/name_normalizer.h"

namespace clearance {
namespace {

using Bases = std::vector<std::string>;

bool has_alternative(const NormalizedName& name, std::string_view text, std::string_view alt) {
  return std::any_of(name.tokens.begin(), name.tokens.end(), [&](const NameToken& t) {
    return t.text == text &&
           std::find(t.alternatives.begin(), t.alternatives.end(), alt) != t.alternatives.end();
  });
}

TEST(PlaceAdjectives, ThePlaceBeforeTheSkOrThePlaceThatEndsSo) {
  EXPECT_EQ(place_adjective_bases("kazanskiy"), (Bases{"kazan", "kazansk"}));
  EXPECT_EQ(place_adjective_bases("muromskogo"), (Bases{"murom", "muromsk"}));
  EXPECT_EQ(place_adjective_bases("novosibirskiy"), (Bases{"novosibir", "novosibirsk"}));
  EXPECT_EQ(place_adjective_bases("kazansky"), (Bases{"kazan", "kazansk"}));
  EXPECT_EQ(place_adjective_bases("uralskaya"), (Bases{"ural", "uralsk"}));
  // A place ending in a vowel leaves a stub, not read: Rossiya, Tula.
  EXPECT_EQ(place_adjective_bases("rossiyskaya"), (Bases{"rossiysk"}));
  EXPECT_EQ(place_adjective_bases("tulskiy"), Bases{});
  // Too short, no -sk- ending, or not letters.
  EXPECT_EQ(place_adjective_bases("omskiy"), Bases{});
  EXPECT_EQ(place_adjective_bases("whisky"), Bases{});
  EXPECT_EQ(place_adjective_bases("zavod"), Bases{});
  EXPECT_EQ(place_adjective_bases("kazan3kiy"), Bases{});
}

TEST(PlaceAdjectives, OnlyInAnOrganisationsName) {
  NameNormalizer normalizer;
  EXPECT_TRUE(
      has_alternative(normalizer.normalize("Kazanskiy Vertoletnyy Zavod"), "kazanskiy", "kazan"));
  EXPECT_TRUE(
      has_alternative(normalizer.normalize("Kazansky Helicopter Plant"), "kazansky", "kazan"));
  EXPECT_TRUE(has_alternative(normalizer.normalize("Муромский приборостроительный завод"),
                              "muromskiy", "murom"));
  // A person's surname stays as written; so does a word alone beside its legal form.
  EXPECT_FALSE(has_alternative(normalizer.normalize("Sergei Kazansky"), "kazansky", "kazan"));
  EXPECT_FALSE(has_alternative(normalizer.normalize("Kazansky LLC"), "kazansky", "kazan"));
}

}  // namespace
}  // namespace clearance
