#pragma once
// The spellings a Russian, Ukrainian or Belarusian word takes in the romanisations that lists,
// passports and the press use besides BGN/PCGN, which the normaliser's ICU rules write: ICAO Doc
// 9303 (passports: Евгений Evgenii), the German transcription (Сечин Setschin, Ельцин Jelzin),
// the French one (Тимченко Timtchenko, Путин Poutine, Геннадий Guennadi), Ukraine's national
// system (Янукович Yanukovych, Григорій Hryhorii), the Polish one (Песков Pieskow) and the
// scientific one with its diacritics folded (Ющенко Juscenko). A word ending in -ий, -ый or -ия is
// also spelled with the endings English writes (Dmitry, Gennadi, Maria). The letters' spellings,
// with the context that changes them, are data: data/names/cyrillic_romanizations.csv.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The other spellings of one lower-case Cyrillic word (UTF-8), lower-case ASCII, distinct, without
// `bgn` (the spelling the normaliser already has), at most kMaxCyrillicSpellings; empty when the
// word holds a letter the table does not know (another script, a digit, a Kazakh letter).
std::vector<std::string> cyrillic_romanizations(std::string_view word, std::string_view bgn);

constexpr size_t kMaxCyrillicSpellings = 24;

}  // namespace clearance
