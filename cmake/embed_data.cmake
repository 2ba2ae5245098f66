# Writes a C++ source that holds the JSON data files as raw string literals.
# Usage: cmake -DOUT=<file.cpp> -DCATALOG=<catalog.json> -DRULEBOOK=<rulebook.json> -P embed_data.cmake
file(READ "${CATALOG}" catalog)
file(READ "${RULEBOOK}" rulebook)
foreach(text catalog rulebook)
  string(FIND "${${text}}" ")CLRDATA\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${text} contains the raw-string delimiter )CLRDATA\"")
  endif()
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from the project's data files by cmake/embed_data.cmake. Do not edit.
#include \"clearance/rules/embedded_data.h\"

namespace clearance {

std::string_view embedded_chip_catalog() {
  static constexpr char text[] = R\"CLRDATA(${catalog})CLRDATA\";
  return {text, sizeof(text) - 1};
}

std::string_view embedded_rulebook() {
  static constexpr char text[] = R\"CLRDATA(${rulebook})CLRDATA\";
  return {text, sizeof(text) - 1};
}

}  // namespace clearance
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
