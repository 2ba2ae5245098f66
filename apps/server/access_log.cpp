#include "access_log.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace clearance::server {

Result<std::unique_ptr<AccessLog>> AccessLog::open(const std::string& path) {
  if (path == "-") return std::unique_ptr<AccessLog>(new AccessLog(stderr, false));
  std::FILE* file = std::fopen(path.c_str(), "a");
  if (!file)
    return make_error(ErrorCode::io, fmt::format("{}: cannot open the access log: {}", path,
                                                 std::strerror(errno)));
  return std::unique_ptr<AccessLog>(new AccessLog(file, true));
}

AccessLog::~AccessLog() {
  if (owned_) std::fclose(file_);
}

void AccessLog::write(const std::string& line) {
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fputc('\n', file_);
  std::fflush(file_);
}

}  // namespace clearance::server
