// GET / and /ui/…: the analyst's page (web/, compiled in); GET /v1/chips: the chip catalogue the
// page's "Check" view offers.
#include <fmt/format.h>

#include <functional>
#include <unordered_map>

#include "clearance/rules/chip_spec.h"
#include "routes.h"
#include "web_assets.h"

namespace clearance::server {

namespace {

struct ServedAsset {
  const WebAsset* asset;
  std::string etag;
};

// Path → asset, with an ETag from its bytes (the page revalidates instead of refetching).
const std::unordered_map<std::string_view, ServedAsset>& served_assets() {
  static const auto table = [] {
    std::unordered_map<std::string_view, ServedAsset> t;
    for (const WebAsset& a : web_assets())
      t.emplace(a.path, ServedAsset{&a, fmt::format("\"{:016x}\"",
                                                    std::hash<std::string_view>{}(a.bytes))});
    return t;
  }();
  return table;
}

}  // namespace

HttpResponse web_page_route(RouteContext& ctx) {
  const std::string& path = ctx.target.path;
  const std::string rel = path == "/" ? "/index.html" : path.substr(3);  // "/ui/x" → "/x"
  const auto& table = served_assets();
  auto it = table.find(rel);
  if (it == table.end() || (path != "/" && rel == "/index.html"))
    throw ApiError(404, "not_found", "", fmt::format("no page {}", path));
  const ServedAsset& served = it->second;
  HttpResponse r;
  r.headers.emplace_back("ETag", served.etag);
  // Revalidated on every load: a new build's page is never mixed with an old one's scripts.
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (rel == "/index.html") {
    // Only the page's own scripts and styles; names from the lists are text, never markup.
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    r.headers.emplace_back("X-Frame-Options", "DENY");
  }
  if (!ctx.request.if_none_match.empty() && ctx.request.if_none_match == served.etag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = std::string(served.asset->content_type);
  r.body = std::string(served.asset->bytes);
  return r;
}

HttpResponse chips_route(RouteContext&) {
  nlohmann::ordered_json chips = nlohmann::ordered_json::array();
  for (const rules::ChipSpec& c : rules::ChipCatalog::builtin().chips())
    chips.push_back({{"id", c.id},
                     {"name", c.name},
                     {"vendor", c.vendor},
                     {"aliases", c.aliases},
                     {"kind", c.kind},
                     {"released", c.released}});
  return json_response({{"chips", chips}});
}

}  // namespace clearance::server
