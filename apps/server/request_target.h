#pragma once
// The request target split into a decoded path and query parameters.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace clearance::server {

struct RequestTarget {
  std::string path;                           // percent-decoded
  std::map<std::string, std::string> params;  // decoded; a repeated key keeps its last value
  std::map<std::string, std::vector<std::string>> all_params;  // every value of a repeated key
};

// 400 (ApiError) for a malformed percent escape or a decoded path that is not valid UTF-8.
RequestTarget parse_target(const std::string& target);
std::string percent_decode(const std::string& text, bool plus_is_space);

// A query parameter from `low` to `high`: `fallback` when absent, a 400 (ApiError, code
// invalid_request) naming it when malformed or out of range.
int64_t query_integer(const RequestTarget& target, const char* name, int64_t low, int64_t high,
                      int64_t fallback);
double query_number(const RequestTarget& target, const char* name, double low, double high,
                    double fallback);

}  // namespace clearance::server
