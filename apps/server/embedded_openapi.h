#pragma once
// docs/openapi.json, compiled in (cmake/embed_file.cmake) so the server serves the document it
// was built with.
#include <string_view>

namespace clearance::server {

std::string_view embedded_openapi();

}  // namespace clearance::server
