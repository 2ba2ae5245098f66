#pragma once
// Russian, Ukrainian and Belarusian organisations open their names with an adjective of their
// place — Муромский приборостроительный завод, Kazanskiy Vertoletnyy Zavod — which English
// translates with the place's own name: "Murom Instrument-Making Plant", "Kazan Helicopter Plant".
// The adjective is the place and -sk- with a case ending; the place is what comes before the -sk-
// (Murom, Kazan, Perm) or, for a place that ends so, everything before the ending (Novosibirsk,
// Omsk, Minsk). Both are read, with no table of places: a name that holds neither meets nothing.
// A place that ends in a vowel (Tula, Moskva) is not read back: the adjective drops the vowel.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// The place names a lower-case romanised adjective may be made from ("kazanskiy" → kazan,
// kazansk; "novosibirskiy" → novosibir, novosibirsk): empty for a word with no -sk- adjective
// ending or too short a place.
std::vector<std::string> place_adjective_bases(std::string_view word);

// Gives each such word of a Russian, Ukrainian or Belarusian organisation's name its places as
// alternatives. The name is one when another of its words is one of those languages' legal forms
// or organisation words (ООО, Zavod, приборостроительный): an English name (Svenska Handelsbanken
// AB) or a person's (Sergei Kazansky) keeps its words as written.
void add_place_adjective_bases(std::vector<NameToken>& tokens);

}  // namespace clearance
