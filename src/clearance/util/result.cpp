#include "clearance/util/result.h"

namespace clearance {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::io:
      return "io";
    case ErrorCode::format:
      return "format";
    case ErrorCode::parse:
      return "parse";
    case ErrorCode::integrity:
      return "integrity";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::network:
      return "network";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
  }
  return "unknown";
}

}  // namespace clearance
