#pragma once
// The access log: one JSON object per answered request (time, method, route, path, status,
// duration, sizes, the API key's label), never the key itself nor the query string or body,
// which may carry the names being screened.
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "clearance/util/result.h"

namespace clearance::server {

class AccessLog {
 public:
  // "-" is standard error; any other path is appended to.
  static Result<std::unique_ptr<AccessLog>> open(const std::string& path);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;
  void write(const std::string& line);  // one line, newline added; safe from any thread

 private:
  AccessLog(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
  std::FILE* file_;
  bool owned_;
  std::mutex mutex_;
};

}  // namespace clearance::server
