#include "request_target.h"

#include <fmt/format.h>

#include <charconv>

#include "api_error.h"
#include "clearance/util/strings.h"

namespace clearance::server {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(const std::string& text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_value(text[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        throw ApiError(400, "malformed_request", "", "the URL has a malformed % escape");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!is_valid_utf8(out))
    throw ApiError(400, "malformed_request", "", "the URL does not decode to valid UTF-8");
  return out;
}

RequestTarget parse_target(const std::string& target) {
  RequestTarget out;
  const size_t q = target.find('?');
  out.path = percent_decode(target.substr(0, q), false);
  if (q == std::string::npos) return out;
  const std::string query = target.substr(q + 1);
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string::npos) amp = query.size();
    const std::string pair = query.substr(start, amp - start);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      const std::string key = percent_decode(pair.substr(0, eq), true);
      const std::string value =
          eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1), true);
      out.params[key] = value;
      out.all_params[key].push_back(value);
    }
    start = amp + 1;
  }
  return out;
}

namespace {

template <typename T>
T query_value(const RequestTarget& target, const char* name, T low, T high, T fallback,
              const char* what) {
  auto it = target.params.find(name);
  if (it == target.params.end()) return fallback;
  const std::string& text = it->second;
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  // (Written so that NaN, which compares false with everything, is out of range.)
  if (ec != std::errc() || end != text.data() + text.size() || !(v >= low && v <= high))
    throw ApiError(400, "invalid_request", name,
                   fmt::format("{}: expected {} from {} to {}", name, what, low, high));
  return v;
}

}  // namespace

int64_t query_integer(const RequestTarget& target, const char* name, int64_t low, int64_t high,
                      int64_t fallback) {
  return query_value(target, name, low, high, fallback, "an integer");
}

double query_number(const RequestTarget& target, const char* name, double low, double high,
                    double fallback) {
  return query_value(target, name, low, high, fallback, "a number");
}

}  // namespace clearance::server
