#pragma once
// A client mistake (or a state the client must wait out), raised anywhere in a route and turned
// into a JSON error body at the edge: {"error": {"status", "code", "field", "message"}}.
#include <stdexcept>
#include <string>

#include "http_types.h"

namespace clearance::server {

struct ApiError : std::runtime_error {
  ApiError(unsigned status, std::string code, std::string field, const std::string& message)
      : std::runtime_error(message),
        status(status),
        code(std::move(code)),
        field(std::move(field)) {}
  unsigned status;
  std::string code;   // "invalid_json", "invalid_field", "not_found", "unauthorized", …
  std::string field;  // the JSON path of the offending field ("queries[2].name"), or empty
};

HttpResponse error_response(unsigned status, const std::string& code, const std::string& field,
                            const std::string& message);
// For errors the transport raises (malformed HTTP, oversize body).
HttpResponse transport_error_response(unsigned status, const std::string& message);

}  // namespace clearance::server
