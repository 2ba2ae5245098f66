#pragma once
// Whether a name written in Chinese characters reads as a person's name: two or three characters
// (three or four with a two-character surname), the first one(s) a common Chinese surname.
// Organisation names are longer or carry an organisation word (公司, 大学…), which the caller
// checks separately. The surname table is the project's own: the hundred or so most frequent
// surnames in simplified and traditional writing, and the common two-character ones.
#include <string_view>

namespace clearance {

// The surname the name starts with, or an empty view when `text` does not read as a Chinese
// personal name.
std::string_view chinese_personal_name_surname(std::string_view text);

}  // namespace clearance
