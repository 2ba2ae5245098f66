#pragma once
// Snapshots on disk, under a data directory:
//   DATA_DIR/snapshots/<id>.snap   one file per snapshot (see snapshot_codec.h)
//   DATA_DIR/CURRENT               the id of the snapshot in use, replaced atomically
//   DATA_DIR/lock                  held (flock) while a snapshot is being written
// A snapshot file is complete before CURRENT names it, so a crash at any point leaves the
// previous snapshot current and intact.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clearance/model/snapshot.h"
#include "clearance/util/result.h"

namespace clearance {

class SnapshotStore {
 public:
  explicit SnapshotStore(std::string data_dir);

  // --data-dir, else $CLEARANCE_DATA_DIR, else $XDG_DATA_HOME/clearance, else
  // ~/.local/share/clearance.
  static std::string resolve_data_dir(const std::string& flag);

  const std::string& data_dir() const { return data_dir_; }
  // Empty when no snapshot has been made yet.
  Result<std::string> current_id() const;
  // `ref` is "current", a snapshot id (or unique prefix), or a path to a .snap file.
  Result<Snapshot> load(const std::string& ref) const;
  Result<nlohmann::ordered_json> manifest(const std::string& ref) const;
  // Manifests of every stored snapshot, oldest first.
  std::vector<nlohmann::ordered_json> history() const;
  // Writes the snapshot file (if not already there) and makes it current.
  Status commit(Snapshot& snapshot);

  std::string snapshot_path(const std::string& id) const;
  // The snapshot's name index, DATA_DIR/snapshots/<id>.index (match/name_index_file.h): derived
  // from the snapshot, rebuilt whenever it is missing or does not check out.
  std::string index_path(const std::string& id) const;

 private:
  Result<std::string> resolve(const std::string& ref) const;
  std::string data_dir_;
};

// Holds an exclusive lock on DATA_DIR/lock for the lifetime of the object.
class DataDirLock {
 public:
  static Result<std::unique_ptr<DataDirLock>> acquire(const std::string& data_dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  explicit DataDirLock(int fd) : fd_(fd) {}
  int fd_;
};

std::string utc_now_iso();

}  // namespace clearance
