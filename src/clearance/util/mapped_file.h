#pragma once
// A file mapped read-only into memory. Pages are read on first touch and shared by every process
// mapping the same file, so a large read-only structure costs neither a copy nor private memory.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "clearance/util/result.h"

namespace clearance {

class MappedFile {
 public:
  // Maps the whole file. An empty file maps to an empty view.
  static Result<std::unique_ptr<MappedFile>> open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // The file will be read once, front to back: the kernel may read ahead and drop pages behind.
  void advise_sequential() const;

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_;
  size_t size_;
};

}  // namespace clearance
