# Writes a C++ source defining `std::string_view clearance::embedded_name_table(std::string_view)`,
# which returns the bytes of data/names/<file> (empty for a file that is not there).
# Usage: cmake -DOUT=<file.cpp> -DDIR=<data/names> -P embed_names.cmake
file(GLOB tables RELATIVE "${DIR}" "${DIR}/*.csv")
list(SORT tables)
set(cases "")
foreach(table IN LISTS tables)
  file(READ "${DIR}/${table}" content)
  string(FIND "${content}" ")CLRDATA\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${table} contains the raw-string delimiter )CLRDATA\"")
  endif()
  string(APPEND cases "  if (file == \"${table}\") {
    static constexpr char text[] = R\"CLRDATA(${content})CLRDATA\";
    return {text, sizeof(text) - 1};
  }
")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from data/names by cmake/embed_names.cmake. Do not edit.
#include \"clearance/text/name_tables.h\"

namespace clearance {

std::string_view embedded_name_table(std::string_view file) {
${cases}  return {};
}

}  // namespace clearance
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
