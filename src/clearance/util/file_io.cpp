#include "clearance/util/file_io.h"

#include <bzlib.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "clearance/util/zip_archive.h"

namespace clearance {

namespace fs = std::filesystem;

Result<std::string> read_file_raw(const std::string& path) {
  // Only regular files: opening a named pipe or a device would wait for a writer for ever.
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status))
    return make_error(ErrorCode::io,
                      fmt::format("{}: not a regular file (a directory, pipe or device)", path));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error(ErrorCode::io,
                      fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::string bytes;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) return make_error(ErrorCode::io, fmt::format("{}: cannot determine size", path));
  bytes.resize(static_cast<size_t>(size));
  in.seekg(0);
  in.read(bytes.data(), size);
  if (!in) return make_error(ErrorCode::io, fmt::format("{}: read failed", path));
  return bytes;
}

Result<std::string> gunzip(std::string_view compressed, const std::string& name) {
  z_stream stream{};
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
    return make_error(ErrorCode::io, fmt::format("{}: cannot initialise zlib", name));
  std::string out;
  out.reserve(std::min<size_t>(compressed.size() * 4, kRatioFloorBytes));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  char buffer[1 << 16];
  // A file may hold several gzip members one after another (`cat a.gz b.gz`): all are read.
  while (true) {
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      rc = inflate(&stream, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END) {
        inflateEnd(&stream);
        const bool truncated = rc == Z_BUF_ERROR;
        return make_error(
            ErrorCode::integrity,
            fmt::format("{}: {} gzip stream ({})", name, truncated ? "truncated" : "corrupt",
                        stream.msg ? stream.msg : "zlib error"));
      }
      out.append(buffer, sizeof buffer - stream.avail_out);
      if (out.size() > kMaxMemberBytes ||
          (out.size() > kRatioFloorBytes && out.size() / compressed.size() > kMaxExpansionRatio)) {
        inflateEnd(&stream);
        return make_error(ErrorCode::integrity,
                          fmt::format("{}: expands past {} bytes from {} ({}:1 or more); refused "
                                      "as a decompression bomb",
                                      name, out.size(), compressed.size(), kMaxExpansionRatio));
      }
    }
    if (stream.avail_in == 0) break;
    // Another member, or trailing bytes that are no gzip stream (refused: a file is read whole
    // or not at all).
    const auto* next = stream.next_in;
    if (std::all_of(next, next + stream.avail_in, [](Bytef b) { return b == 0; }))
      break;  // zero padding after the last member
    if (stream.avail_in < 2 || next[0] != 0x1f || next[1] != 0x8b) {
      inflateEnd(&stream);
      return make_error(ErrorCode::integrity,
                        fmt::format("{}: {} bytes after the gzip stream are not gzip data", name,
                                    stream.avail_in));
    }
    inflateReset(&stream);
  }
  inflateEnd(&stream);
  return out;
}

Result<std::string> read_bzip2_file(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file)
    return make_error(ErrorCode::io,
                      fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  int error = BZ_OK;
  BZFILE* bz = BZ2_bzReadOpen(&error, file, 0, 0, nullptr, 0);
  std::string text;
  std::vector<char> buffer(1 << 16);
  while (error == BZ_OK) {
    const int n = BZ2_bzRead(&error, bz, buffer.data(), static_cast<int>(buffer.size()));
    if (n > 0) text.append(buffer.data(), static_cast<size_t>(n));
  }
  const bool complete = error == BZ_STREAM_END;
  BZ2_bzReadClose(&error, bz);
  std::fclose(file);
  if (!complete)
    return make_error(ErrorCode::integrity,
                      fmt::format("{}: bzip2 stream is truncated or corrupt", path));
  return text;
}

Result<std::string> read_file(const std::string& path) {
  auto raw = read_file_raw(path);
  if (!raw) return raw;
  const std::string& bytes = raw.value();
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b)
    return gunzip(bytes, path);
  return raw;
}

Status make_directories(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec)
    return make_error(ErrorCode::io,
                      fmt::format("{}: cannot create directory: {}", path, ec.message()));
  return Ok{};
}

static Status fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0)
    return make_error(ErrorCode::io,
                      fmt::format("{}: cannot open for sync: {}", path, std::strerror(errno)));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0)
    return make_error(ErrorCode::io,
                      fmt::format("{}: fsync failed: {}", path, std::strerror(errno)));
  return Ok{};
}

namespace {

Status write_through_temp(const std::string& path, std::string_view bytes, bool sync) {
  const fs::path target(path);
  const std::string temp = path + fmt::format(".tmp-{}", ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      return make_error(ErrorCode::io,
                        fmt::format("{}: cannot create: {}", temp, std::strerror(errno)));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return make_error(ErrorCode::io, fmt::format("{}: write failed", temp));
    }
  }
  if (sync)
    if (auto st = fsync_path(temp, O_RDONLY); !st) return st;
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return make_error(ErrorCode::io, fmt::format("{}: cannot replace: {}", path, ec.message()));
  }
  if (!sync) return Ok{};
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  return fsync_path(dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace

Status write_file_atomic(const std::string& path, std::string_view bytes) {
  return write_through_temp(path, bytes, true);
}

Status write_derived_file(const std::string& path, std::string_view bytes) {
  return write_through_temp(path, bytes, false);
}

}  // namespace clearance
