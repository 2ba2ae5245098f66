#include "clearance/util/zip_archive.h"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstring>

namespace clearance {

namespace {

// The archive held in `archive`, opened for reading (the caller closes it).
Result<zip_t*> open_archive(std::string_view archive, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (source == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return make_error(ErrorCode::io, fmt::format("{}: {}", name, message));
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (zip == nullptr) {
    std::string message = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return make_error(
        ErrorCode::integrity,
        fmt::format("{}: not a readable ZIP archive ({}); truncated download?", name, message));
  }
  zip_error_fini(&error);
  return zip;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Result<std::vector<ZipMember>> unzip_all(std::string_view archive, const std::string& name) {
  return unzip_members(archive, name, {}, kMaxMemberBytes);
}

Result<std::vector<std::string>> zip_member_names(std::string_view archive,
                                                  const std::string& name) {
  auto opened = open_archive(archive, name);
  if (!opened) return opened.error();
  zip_t* zip = opened.value();
  std::vector<std::string> names;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* member = zip_get_name(zip, i, 0);
    if (member != nullptr && *member != '\0' && member[std::strlen(member) - 1] != '/')
      names.push_back(member);
  }
  zip_close(zip);
  return names;
}

Result<std::string> unzip_member(std::string_view archive, const std::string& name,
                                 const std::string& member, uint64_t max_bytes) {
  auto members = unzip_members(archive, name, member, max_bytes);
  if (!members) return members.error();
  if (members->empty())
    return make_error(ErrorCode::format, fmt::format("{}: has no member {}", name, member));
  return std::move(members->front().bytes);
}

Result<std::vector<ZipMember>> unzip_members(std::string_view archive, const std::string& name,
                                             const std::string& only, uint64_t max_bytes) {
  auto opened = open_archive(archive, name);
  if (!opened) return opened.error();
  zip_t* zip = opened.value();
  std::vector<ZipMember> members;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(zip, i, 0, &stat) != 0 || stat.name == nullptr) continue;
    const std::string member_name = stat.name;
    if (!member_name.empty() && member_name.back() == '/') continue;
    if (!only.empty() && member_name != only) continue;
    if (stat.size > max_bytes) {
      zip_close(zip);
      return make_error(ErrorCode::integrity,
                        fmt::format("{}: member {} claims {} bytes, more than the {} allowed", name,
                                    member_name, stat.size, max_bytes));
    }
    if (stat.size > kRatioFloorBytes &&
        stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > kMaxExpansionRatio) {
      zip_close(zip);
      return make_error(
          ErrorCode::integrity,
          fmt::format("{}: member {} would expand {} bytes to {}, more than {}:1; "
                      "refused as a decompression bomb",
                      name, member_name, stat.comp_size, stat.size, kMaxExpansionRatio));
    }
    zip_file_t* file = zip_fopen_index(zip, i, 0);
    if (file == nullptr) {
      std::string message = zip_strerror(zip);
      zip_close(zip);
      return make_error(ErrorCode::integrity,
                        fmt::format("{}: cannot open member {}: {}", name, member_name, message));
    }
    std::string bytes(stat.size, '\0');
    const zip_int64_t got = zip_fread(file, bytes.data(), stat.size);
    zip_fclose(file);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
      zip_close(zip);
      return make_error(ErrorCode::integrity,
                        fmt::format("{}: member {} is corrupt or truncated", name, member_name));
    }
    members.push_back({member_name, std::move(bytes)});
  }
  zip_close(zip);
  return members;
}

}  // namespace clearance
