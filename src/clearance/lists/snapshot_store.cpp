#include "clearance/lists/snapshot_store.h"

#include <fcntl.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "clearance/lists/snapshot_codec.h"
#include "clearance/util/file_io.h"
#include "clearance/util/mapped_file.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace fs = std::filesystem;

std::string utc_now_iso() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

SnapshotStore::SnapshotStore(std::string data_dir) : data_dir_(std::move(data_dir)) {}

std::string SnapshotStore::resolve_data_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("CLEARANCE_DATA_DIR"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/clearance";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.local/share/clearance";
  return ".clearance";
}

std::string SnapshotStore::snapshot_path(const std::string& id) const {
  return data_dir_ + "/snapshots/" + id + ".snap";
}

std::string SnapshotStore::index_path(const std::string& id) const {
  return data_dir_ + "/snapshots/" + id + ".index";
}

Result<std::string> SnapshotStore::current_id() const {
  const std::string path = data_dir_ + "/CURRENT";
  if (!fs::exists(path)) return std::string();
  auto bytes = read_file_raw(path);
  if (!bytes) return bytes.error();
  return trim_copy(bytes.value());
}

Result<std::string> SnapshotStore::resolve(const std::string& ref) const {
  if (ref.find('/') != std::string::npos || ref.ends_with(".snap")) {
    if (!fs::exists(ref))
      return make_error(ErrorCode::not_found, fmt::format("{}: no such snapshot file", ref));
    return ref;
  }
  std::string id = ref;
  if (ref.empty() || ref == "current") {
    auto current = current_id();
    if (!current) return current.error();
    if (current->empty())
      return make_error(
          ErrorCode::not_found,
          fmt::format("no list snapshot in {} yet: run `clearance lists import FILE…` first",
                      data_dir_));
    id = current.value();
  }
  if (fs::exists(snapshot_path(id))) return snapshot_path(id);
  std::vector<std::string> matches;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir_ + "/snapshots", ec)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() == ".snap" && stem.starts_with(id))
      matches.push_back(entry.path().string());
  }
  if (matches.size() == 1) return matches.front();
  if (matches.empty())
    return make_error(ErrorCode::not_found, fmt::format("no snapshot '{}' in {}", ref, data_dir_));
  return make_error(ErrorCode::invalid_argument,
                    fmt::format("snapshot prefix '{}' is ambiguous", ref));
}

Result<Snapshot> SnapshotStore::load(const std::string& ref) const {
  auto path = resolve(ref);
  if (!path) return path.error();
  // Mapped, not read: records are decoded from the mapping when first read, and the pages are
  // the page cache's, shared by every process that loads the same snapshot.
  auto file = MappedFile::open(path.value());
  if (!file) return file.error();
  std::shared_ptr<const MappedFile> mapped = std::move(file.value());
  const std::string_view bytes = mapped->bytes();
  return decode_snapshot(bytes, path.value(), std::move(mapped));
}

Result<nlohmann::ordered_json> SnapshotStore::manifest(const std::string& ref) const {
  auto path = resolve(ref);
  if (!path) return path.error();
  auto bytes = read_file_raw(path.value());
  if (!bytes) return bytes.error();
  return read_manifest(bytes.value(), path.value());
}

std::vector<nlohmann::ordered_json> SnapshotStore::history() const {
  std::vector<nlohmann::ordered_json> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(data_dir_ + "/snapshots", ec)) {
    if (entry.path().extension() != ".snap") continue;
    auto bytes = read_file_raw(entry.path().string());
    if (!bytes) continue;
    auto m = read_manifest(bytes.value(), entry.path().string());
    if (m) out.push_back(std::move(m.value()));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.value("created_at", "") < b.value("created_at", "");
  });
  return out;
}

namespace {

// A writer killed between writing its temporary file and renaming it leaves "NAME.tmp-PID"
// behind. Writers hold the data-directory lock, so the caller (holding it) removes those of
// processes that are gone.
void remove_stale_temp_files(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const size_t at = name.rfind(".tmp-");
    if (at == std::string::npos || !entry.is_regular_file(ec)) continue;
    const std::string pid_text = name.substr(at + 5);
    if (pid_text.empty() ||
        !std::all_of(pid_text.begin(), pid_text.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
    if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM)) continue;
    fs::remove(entry.path(), ec);
  }
}

}  // namespace

Status SnapshotStore::commit(Snapshot& snapshot) {
  if (auto st = make_directories(data_dir_ + "/snapshots"); !st) return st;
  remove_stale_temp_files(data_dir_ + "/snapshots");
  remove_stale_temp_files(data_dir_);
  const std::string bytes = encode_snapshot(snapshot);
  const std::string path = snapshot_path(snapshot.id);
  if (!fs::exists(path))
    if (auto st = write_file_atomic(path, bytes); !st) return st;
  return write_file_atomic(data_dir_ + "/CURRENT", snapshot.id + "\n");
}

Result<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::string& data_dir) {
  if (auto st = make_directories(data_dir); !st) return st.error();
  const std::string path = data_dir + "/lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return make_error(ErrorCode::io, fmt::format("{}: cannot open lock file", path));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return make_error(ErrorCode::io,
                      fmt::format("{}: another import or update is running", data_dir));
  }
  return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace clearance
