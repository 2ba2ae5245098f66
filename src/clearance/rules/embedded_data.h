#pragma once
// The chip catalogue and rulebook the project ships (data/chips/catalog.json,
// data/rules/rulebook.json), compiled into the library so that the engine answers with no files
// beside it. The build regenerates them when the JSON changes (cmake/embed_data.cmake).
#include <string_view>

namespace clearance {

std::string_view embedded_chip_catalog();
std::string_view embedded_rulebook();

}  // namespace clearance
