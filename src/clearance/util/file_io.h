#pragma once
// Whole-file reads (transparently gunzipped) and crash-safe writes.
#include <string>
#include <string_view>

#include "clearance/util/result.h"

namespace clearance {

// Reads a file as bytes. A gzip file (magic 1f 8b) is decompressed; a truncated or corrupt gzip
// stream is an integrity error, never a silently shortened result.
Result<std::string> read_file(const std::string& path);

// Reads the raw bytes without decompression.
Result<std::string> read_file_raw(const std::string& path);

// Decompresses a gzip stream held in memory; `name` is used in error messages.
Result<std::string> gunzip(std::string_view compressed, const std::string& name);

// Reads a bzip2 file (the Unicode Han database as Debian installs it) and decompresses it; a
// truncated or corrupt stream is an integrity error.
Result<std::string> read_bzip2_file(const std::string& path);

// Writes `bytes` to `path` so that a crash leaves either the old file or the new one, never a
// mixture: write a temporary file beside it, fsync, rename over, fsync the directory.
Status write_file_atomic(const std::string& path, std::string_view bytes);

// Writes through a temporary file renamed over `path`, without waiting for the disk: readers
// never see a partly written file, but a crash may leave it empty or cut short. Only for files
// that are derived, checked when read and rebuilt when bad (the name index).
Status write_derived_file(const std::string& path, std::string_view bytes);

Status make_directories(const std::string& path);

}  // namespace clearance
