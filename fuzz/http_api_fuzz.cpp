// Every route of the HTTP API on arbitrary input, through ApiService (the transport's own parsing
// is Boost.Beast's): the first byte picks the route, the rest is the body, or the path argument
// and query string for GET routes. Whatever comes in, the answer is a 2xx/4xx, never a 500 (a
// fault of ours), and its body valid UTF-8 JSON.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>

#include "api_service.h"
#include "engine_holder.h"
#include "fuzz_support.h"

using namespace clearance;

namespace {

struct RouteCase {
  const char* method;
  const char* target;  // the rest of the input is appended for GET routes
  bool body;
};

constexpr RouteCase kRoutes[] = {
    {"POST", "/v1/screen", true},
    {"POST", "/v1/screen/batch", true},
    {"POST", "/v1/compare", true},
    {"POST", "/v1/classify", true},
    {"POST", "/v1/check", true},
    {"POST", "/match/default", true},
    {"POST", "/match/", true},
    {"GET", "/v1/entities/", false},
    {"GET", "/v1/lists?", false},
    {"GET", "/match/sanctions?", false},
    {"POST", "/v1/screen?", false},
    {"GET", "/readyz?", false},
    {"GET", "/metrics?", false},
    {"POST", "/v1/admin/reload", true},
    {"DELETE", "/v1/screen", true},
    // The analyst's page and what it asks of the server.
    {"GET", "/ui/", false},
    {"GET", "/v1/jobs/", false},
    {"GET", "/v1/lists/diff?", false},
    {"GET", "/v1/info?", false},
    {"POST", "/v1/jobs?format=csv", true},
};

server::ApiService& api() {
  static server::EngineHolder engines(fuzz::fixture_data_dir(), "current", 1);
  static const std::unique_ptr<server::ApiService> service = [] {
    auto loaded = engines.reload();
    FUZZ_CHECK(loaded.ok(), loaded ? "" : loaded.error().message);
    return std::make_unique<server::ApiService>(engines, server::ApiOptions{});
  }();
  return *service;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const RouteCase& route = kRoutes[data[0] % std::size(kRoutes)];
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  server::HttpRequest request;
  request.method = route.method;
  request.target = route.target;
  if (route.body)
    request.body = rest;
  else
    request.target += rest;
  request.host = "localhost";
  const server::HttpResponse response = api().handle(request);
  FUZZ_CHECK(response.status < 500 || response.status == 503,
             std::to_string(response.status) + " " + response.body);
  FUZZ_CHECK(is_valid_utf8(response.body), request.target);
  if (response.content_type == "application/json") {
    const auto parsed = nlohmann::json::parse(response.body, nullptr, false);
    FUZZ_CHECK(!parsed.is_discarded(), response.body.substr(0, 200));
  }
  return 0;
}
