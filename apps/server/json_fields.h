#pragma once
// Typed access to the fields of a JSON request object. Every mistake — wrong type, out of range,
// unknown field — raises an ApiError naming the field's full path, so that a client can tell which
// of 500 queries was wrong and why.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api_error.h"

namespace clearance::server {

// The body as a JSON value; 400 "invalid_json" with the parser's position when it is not JSON
// (including invalid UTF-8 in a string).
nlohmann::json parse_json_body(const std::string& body);

class JsonFields {
 public:
  // `path` is how the object is named in errors ("" for the body, "queries[3]" for an element).
  // 400 unless `value` is an object.
  JsonFields(const nlohmann::json& value, std::string path);

  bool has(const char* key) const;
  // A string; numbers are accepted for fields documented as "string or number" (`number_ok`).
  std::string text(const char* key, bool required = false, bool number_ok = false) const;
  std::optional<double> number(const char* key, double min, double max) const;
  std::optional<long long> integer(const char* key, long long min, long long max) const;
  std::optional<bool> boolean(const char* key) const;
  // An array of strings, or one string of comma-separated values.
  std::vector<std::string> text_list(const char* key) const;
  const nlohmann::json& raw(const char* key) const { return value_.at(key); }
  // 400 for any field not in `known`: a misspelt field must not be ignored silently.
  void reject_unknown(std::initializer_list<const char*> known) const;

  std::string path_of(const std::string& key) const;
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

 private:
  const nlohmann::json& value_;
  std::string path_;
};

}  // namespace clearance::server
