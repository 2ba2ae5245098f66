# Writes a C++ source defining clearance::server::web_assets(): every file under DIR (the analyst's
# page) as {path, content type, bytes}, so the server serves the page it was built with and needs
# no files at run time. The tests and node_modules directories are the page's tooling, not the page.
# Usage: cmake -DOUT=<file.cpp> -DDIR=<web dir> -P embed_web.cmake
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*.html" "${DIR}/*.css" "${DIR}/*.js" "${DIR}/*.svg")
list(FILTER files EXCLUDE REGEX "^(tests|node_modules|bench)/")
list(SORT files)
set(entries "")
set(index 0)
foreach(rel ${files})
  file(READ "${DIR}/${rel}" content)
  string(FIND "${content}" ")CLRWEB\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${DIR}/${rel} contains the raw-string delimiter )CLRWEB\"")
  endif()
  get_filename_component(ext "${rel}" LAST_EXT)
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  else()
    set(type "image/svg+xml")
  endif()
  # Raw string literals are limited in length by some compilers: split every 16 KiB.
  string(LENGTH "${content}" length)
  set(pieces "")
  set(offset 0)
  while(offset LESS length)
    string(SUBSTRING "${content}" ${offset} 16384 piece)
    string(APPEND pieces "R\"CLRWEB(${piece})CLRWEB\"\n")
    math(EXPR offset "${offset} + 16384")
  endwhile()
  if(pieces STREQUAL "")
    set(pieces "\"\"")
  endif()
  string(APPEND entries "static constexpr char file_${index}[] =\n${pieces};\n")
  string(APPEND table "      {\"/${rel}\", \"${type}\", {file_${index}, sizeof(file_${index}) - 1}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from web/ by cmake/embed_web.cmake. Do not edit.
#include \"web_assets.h\"

namespace clearance::server {

namespace {
${entries}
}  // namespace

const std::vector<WebAsset>& web_assets() {
  static const std::vector<WebAsset> assets = {
${table}  };
  return assets;
}

}  // namespace clearance::server
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
