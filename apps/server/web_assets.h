#pragma once
// The analyst's page (web/), compiled in by cmake/embed_web.cmake: the server needs no files at
// run time and always serves the page it was built with.
#include <string_view>
#include <vector>

namespace clearance::server {

struct WebAsset {
  std::string_view path;  // "/index.html", "/js/main.js", … (relative to web/)
  std::string_view content_type;
  std::string_view bytes;
};

const std::vector<WebAsset>& web_assets();

}  // namespace clearance::server
