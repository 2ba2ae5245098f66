#pragma once
// Paths to fixtures (written by the project, in the repo) and shared data (real list files, outside
// it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace clearance::test {

inline std::string fixture(const std::string& relative) {
  return std::string(CLEARANCE_FIXTURES_DIR) + "/" + relative;
}

inline std::string shared_data_dir() {
  if (const char* env = std::getenv("CLEARANCE_SHARED_DATA"); env && *env) return env;
  return CLEARANCE_SHARED_DATA_DIR;
}

inline std::string shared(const std::string& relative) {
  return shared_data_dir() + "/" + relative;
}

// A fresh empty directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "clearance-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace clearance::test

// Real list files are required: CI runs on a machine with ../shared/data beside the checkout.
#define REQUIRE_SHARED_FILE(path)                                     \
  do {                                                                \
    if (!std::filesystem::exists(path))                               \
      FAIL() << "shared data file missing: " << (path)                \
             << " (set CLEARANCE_SHARED_DATA to the data directory)"; \
  } while (0)
