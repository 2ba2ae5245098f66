#pragma once
// The Unicode Han database as Debian's unicode-data installs it
// (/usr/share/unicode/Unihan_*.txt.bz2, lines "U+674E<TAB>kCantonese<TAB>lei5"): one field of one
// file at a time; each table built from it (Cantonese readings, traditional forms, variants) reads
// its field once per process.
#include <functional>
#include <string_view>
#include <vector>

namespace clearance {

inline constexpr const char* kUnihanReadingsPath = "/usr/share/unicode/Unihan_Readings.txt.bz2";
inline constexpr const char* kUnihanVariantsPath = "/usr/share/unicode/Unihan_Variants.txt.bz2";
inline constexpr const char* kUnihanOtherMappingsPath =
    "/usr/share/unicode/Unihan_OtherMappings.txt.bz2";

// Calls `each` with the character and the value of every line of the file that gives `field`
// ("kCantonese"). False, calling nothing, when the file cannot be read whole.
bool for_each_unihan_value(const char* path, std::string_view field,
                           const std::function<void(char32_t, std::string_view)>& each);

// The code points a value names ("U+767C U+9AEE<kMatthews" → 發 髮), in order.
std::vector<char32_t> unihan_code_points(std::string_view value);

}  // namespace clearance
