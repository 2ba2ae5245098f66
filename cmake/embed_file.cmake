# Writes a C++ source defining `std::string_view clearance::server::<FUNCTION>()` that returns the
# bytes of IN as a raw string literal.
# Usage: cmake -DOUT=<file.cpp> -DIN=<file> -DFUNCTION=<name> -DHEADER=<header> -P embed_file.cmake
file(READ "${IN}" content)
string(FIND "${content}" ")CLRDATA\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )CLRDATA\"")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed_file.cmake. Do not edit.
#include \"${HEADER}\"

namespace clearance::server {

std::string_view ${FUNCTION}() {
  static constexpr char text[] = R\"CLRDATA(${content})CLRDATA\";
  return {text, sizeof(text) - 1};
}

}  // namespace clearance::server
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
