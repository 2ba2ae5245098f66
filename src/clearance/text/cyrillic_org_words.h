#pragma once
// Organisation words of Russian, Ukrainian and Belarusian names — банк, группа, завод,
// государственная — and the English the EU and UK lists translate them with, so Объединённая
// судостроительная корпорация meets "United Shipbuilding Corporation" as well as the
// transliteration other lists keep. Russian declines its words: the table
// (data/names/cyrillic_org_words.csv) holds stems, met by a word that is a stem and one of the
// languages' case endings.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/text/org_words.h"

namespace clearance {

// Whether the text holds a Cyrillic letter.
bool has_cyrillic_letters(std::string_view utf8);

// The table's entry for a lower-case word (a stem and a case ending: группы, государственной,
// України), or nullptr.
const OrgWord* cyrillic_org_word(std::string_view word);

// The nominative a lower-case word of an organisation's name may have when it is a name in the
// genitive, as Russian writes the name an organisation bears or is named after (Группа Вагнера
// "Wagner's group", завод имени Свердлова, завод имени Петровского, Банк Москвы): the likeliest
// first; empty for a word of fewer than four letters or without a genitive ending.
std::vector<std::string> cyrillic_nominatives(std::string_view word);

}  // namespace clearance
