#pragma once
// A request and its response as the routes see them, independent of the transport, so routes can
// be exercised without a socket and the transport knows nothing of screening.
#include <string>
#include <utility>
#include <vector>

namespace clearance::server {

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string target;  // path and query string, as sent
  std::string body;
  std::string authorization;  // the Authorization header, if any
  std::string api_key;        // the X-API-Key header, if any
  std::string host;           // the Host header, if any
  std::string origin;         // the Origin header, if any (sent by browsers)
  std::string if_none_match;  // the If-None-Match header, if any (the page's assets)
};

struct HttpResponse {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  // When set, the body is this file, streamed by the transport from disk (a batch job's output,
  // which may be larger than any answer the server would hold in memory); `body` is then unused.
  std::string body_file;
};

}  // namespace clearance::server
