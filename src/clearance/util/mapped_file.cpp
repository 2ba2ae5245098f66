#include "clearance/util/mapped_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace clearance {

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::string& path) {
  // (O_NONBLOCK: opening a named pipe would otherwise wait for a writer; it is refused below.)
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return make_error(errno == ENOENT ? ErrorCode::not_found : ErrorCode::io,
                      fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return make_error(ErrorCode::io, fmt::format("{}: cannot stat: {}", path, std::strerror(err)));
  }
  // A pipe or a device has no size to map: read as empty, a batch from one would pass as having
  // no rows (and /dev/zero never end). Only regular files.
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error(ErrorCode::invalid_argument,
                      fmt::format("{}: not a regular file (a directory, pipe or device): write it "
                                  "to a file first",
                                  path));
  }
  const auto size = static_cast<size_t>(st.st_size);
  void* data = nullptr;
  if (size > 0) {
    data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      return make_error(ErrorCode::io, fmt::format("{}: cannot map: {}", path, std::strerror(err)));
    }
  }
  ::close(fd);  // the mapping keeps the file open
  return std::unique_ptr<MappedFile>(new MappedFile(data, size));
}

void MappedFile::advise_sequential() const {
  if (data_ && size_ > 0) ::madvise(data_, size_, MADV_SEQUENTIAL);
}

MappedFile::~MappedFile() {
  if (size_ > 0) ::munmap(data_, size_);
}

}  // namespace clearance
