#pragma once
// Russian, Ukrainian and Belarusian organisations open their names with an adjective of their
// place — Муромский приборостроительный завод, Kazanskiy Vertoletnyy Zavod — which English
// translates with the place's own name: "Murom Instrument-Making Plant", "Kazan Helicopter Plant".
// The adjective is the place and -sk- with a case ending; the place is what comes before the -sk-
// (Murom, Kazan, Perm) or, for a place that ends so, everything before the ending (Novosibirsk,
// Omsk, Izhevsk). Both are read, with no table of places: a name that holds neither meets nothing.
// A place ending in a vowel (Tula, Тульский) is not read back.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// The place names a lower-case romanised adjective may be made from ("kazanskiy" → kazan,
// kazansk; "novosibirskiy" → novosibir, novosibirsk): empty for a word with no -sk- adjective
// ending or too short a place.
std::vector<std::string> place_adjective_bases(std::string_view word);

// Gives each ordinary word of an organisation's name that is such an adjective its places as
// alternatives. A name is an organisation's when it holds a legal form or a word that says what an
// organisation is (завод, plant, institute: descriptive_words.h) beside at least one other word; a
// person's name keeps its surname as written (Kazansky is no place of Sergei Kazansky's).
void add_place_adjective_bases(std::vector<NameToken>& tokens);

}  // namespace clearance
