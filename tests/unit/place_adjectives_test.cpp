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
  EXPECT_EQ(place_adjective_bases("omskiy"), (Bases{"omsk"}));
  EXPECT_EQ(place_adjective_bases("minskiy"), (Bases{"minsk"}));
  // Ukrainian and Belarusian endings.
  EXPECT_EQ(place_adjective_bases("kharkivskoho"), (Bases{"kharkiv", "kharkivsk"}));
  EXPECT_EQ(place_adjective_bases("minskaha"), (Bases{"minsk"}));
  // A stub ending in a vowel is dropped: Rossiya's "rossiy" (it met Rossi), Altay's "altay".
  EXPECT_EQ(place_adjective_bases("rossiyskaya"), (Bases{"rossiysk"}));
  EXPECT_EQ(place_adjective_bases("altayskiy"), (Bases{"altaysk"}));
  // No -sk- adjective ending, too short a place, or not letters alone.
  EXPECT_EQ(place_adjective_bases("kiosk"), Bases{});
  EXPECT_EQ(place_adjective_bases("zavod"), Bases{});
  EXPECT_EQ(place_adjective_bases("oskiy"), Bases{});
  EXPECT_EQ(place_adjective_bases("ka3anskiy"), Bases{});
}

TEST(PlaceAdjectives, OnlyInARussianOrganisationsName) {
  NameNormalizer normalizer;
  EXPECT_TRUE(
      has_alternative(normalizer.normalize("Kazanskiy Vertoletnyy Zavod"), "kazanskiy", "kazan"));
  EXPECT_TRUE(has_alternative(normalizer.normalize("Муромский приборостроительный завод"),
                              "muromskiy", "murom"));
  EXPECT_TRUE(
      has_alternative(normalizer.normalize("Kazansky Helicopter Plant PJSC"), "kazansky", "kazan"));
  // English words alone say nothing of Russian: a Swedish bank, a Polish family firm, a person
  // with a title keep their words as written.
  EXPECT_FALSE(
      has_alternative(normalizer.normalize("Kazansky Helicopter Plant"), "kazansky", "kazan"));
  EXPECT_FALSE(
      has_alternative(normalizer.normalize("Svenska Handelsbanken AB"), "svenska", "sven"));
  EXPECT_FALSE(
      has_alternative(normalizer.normalize("Kowalski i Synowie Sp. z o.o."), "kowalski", "kowal"));
  EXPECT_FALSE(
      has_alternative(normalizer.normalize("General Sergei Kazansky"), "kazansky", "kazan"));
}

}  // namespace
}  // namespace clearance
