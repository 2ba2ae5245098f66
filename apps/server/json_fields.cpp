#include "json_fields.h"

#include <fmt/format.h>

#include <cmath>

#include "clearance/util/json_text.h"

namespace clearance::server {

namespace {

const char* type_name(const nlohmann::json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

}  // namespace

HttpResponse error_response(unsigned status, const std::string& code, const std::string& field,
                            const std::string& message) {
  nlohmann::ordered_json error = {{"status", status}, {"code", code}};
  if (!field.empty()) error["field"] = field;
  error["message"] = message;
  HttpResponse r;
  r.status = status;
  // "detail" is where yente's clients look for the message.
  r.body = nlohmann::ordered_json{{"error", std::move(error)}, {"detail", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

HttpResponse transport_error_response(unsigned status, const std::string& message) {
  const char* code = status == 413   ? "body_too_large"
                     : status == 431 ? "headers_too_large"
                     : status == 503 ? "busy"
                     : status >= 500 ? "internal_error"
                                     : "malformed_request";
  return error_response(status, code, "", message);
}

nlohmann::json parse_json_body(const std::string& body) {
  if (body.empty()) throw ApiError(400, "invalid_json", "", "the request body is empty; send JSON");
  if (json_nesting_depth(body) > kMaxJsonNesting)
    throw ApiError(
        400, "invalid_json", "",
        fmt::format("the body nests arrays or objects deeper than {} levels", kMaxJsonNesting));
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at line 1, column 9: …".
    std::string what = e.what();
    const size_t start = what.find("] ");
    if (start != std::string::npos) what = what.substr(start + 2);
    throw ApiError(400, "invalid_json", "", fmt::format("the body is not valid JSON: {}", what));
  } catch (const nlohmann::json::exception& e) {
    // A number out of a double's range ("limit": 1e999) is not a parse error to the library, but
    // it is a client's mistake all the same.
    std::string what = e.what();
    const size_t start = what.find("] ");
    if (start != std::string::npos) what = what.substr(start + 2);
    throw ApiError(400, "invalid_json", "", fmt::format("the body cannot be read: {}", what));
  }
}

JsonFields::JsonFields(const nlohmann::json& value, std::string path)
    : value_(value), path_(std::move(path)) {
  if (!value_.is_object())
    throw ApiError(400, "invalid_field", path_,
                   fmt::format("{}: expected an object, got {}", path_.empty() ? "body" : path_,
                               type_name(value_)));
}

std::string JsonFields::path_of(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

void JsonFields::fail(const std::string& key, const std::string& message) const {
  const std::string field = path_of(key);
  throw ApiError(400, "invalid_field", field, fmt::format("{}: {}", field, message));
}

bool JsonFields::has(const char* key) const {
  auto it = value_.find(key);
  return it != value_.end() && !it->is_null();
}

std::string JsonFields::text(const char* key, bool required, bool number_ok) const {
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) {
    if (required) fail(key, "is required");
    return {};
  }
  if (it->is_string()) return it->get<std::string>();
  // A whole number as written (one past the signed range read as signed would come back as
  // another number); a fraction is no reference.
  if (number_ok && it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
  if (number_ok && it->is_number_integer()) return std::to_string(it->get<long long>());
  fail(key, fmt::format("expected a string{}, got {}", number_ok ? " or a whole number" : "",
                        type_name(*it)));
}

std::optional<double> JsonFields::number(const char* key, double min, double max) const {
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) fail(key, fmt::format("expected a number, got {}", type_name(*it)));
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < min || v > max)
    fail(key, fmt::format("{} is outside {}–{}", it->dump(), min, max));
  return v;
}

std::optional<long long> JsonFields::integer(const char* key, long long min, long long max) const {
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer())
    fail(key,
         fmt::format("expected an integer, got {}", it->is_number() ? it->dump() : type_name(*it)));
  const long long v = it->get<long long>();
  if (v < min || v > max) fail(key, fmt::format("{} is outside {}–{}", v, min, max));
  return v;
}

std::optional<bool> JsonFields::boolean(const char* key) const {
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) fail(key, fmt::format("expected true or false, got {}", type_name(*it)));
  return it->get<bool>();
}

std::vector<std::string> JsonFields::text_list(const char* key) const {
  auto it = value_.find(key);
  std::vector<std::string> out;
  if (it == value_.end() || it->is_null()) return out;
  if (it->is_string()) {
    const std::string s = it->get<std::string>();
    size_t start = 0;
    while (start <= s.size()) {
      size_t comma = s.find(',', start);
      if (comma == std::string::npos) comma = s.size();
      std::string part = s.substr(start, comma - start);
      part.erase(0, part.find_first_not_of(' '));
      part.erase(part.find_last_not_of(' ') + 1);
      if (!part.empty()) out.push_back(part);
      start = comma + 1;
    }
    return out;
  }
  if (!it->is_array())
    fail(key, fmt::format("expected an array of strings, got {}", type_name(*it)));
  for (size_t i = 0; i < it->size(); ++i) {
    const auto& v = (*it)[i];
    if (!v.is_string())
      fail(fmt::format("{}[{}]", key, i), fmt::format("expected a string, got {}", type_name(v)));
    out.push_back(v.get<std::string>());
  }
  return out;
}

void JsonFields::reject_unknown(std::initializer_list<const char*> known) const {
  for (auto it = value_.begin(); it != value_.end(); ++it) {
    bool ok = false;
    for (const char* k : known) ok = ok || it.key() == k;
    if (!ok) {
      std::string names;
      for (const char* k : known) names += names.empty() ? k : fmt::format(", {}", k);
      fail(it.key(), fmt::format("unknown field (expected one of: {})", names));
    }
  }
}

}  // namespace clearance::server
