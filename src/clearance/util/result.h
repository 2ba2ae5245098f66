#pragma once
// A value or an error, for operations whose failure the caller decides about (std::expected is
// C++23).
#include <string>
#include <utility>
#include <variant>

namespace clearance {

enum class ErrorCode {
  io,               // a file or directory could not be read or written
  format,           // the input is not the format it claims to be
  parse,            // the input is the right format but a record is malformed
  integrity,        // a hash, checksum or size does not match (truncated or corrupted data)
  not_found,        // a requested snapshot, entity or file does not exist
  network,          // a download failed
  invalid_argument  // the caller asked for something that makes no sense
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace clearance
