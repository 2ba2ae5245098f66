#pragma once
// `lists import`: read list files, build a new snapshot from them and the lists already current,
// and switch to it atomically. Any file that fails as a whole (wrong format, truncated) aborts the
// import and leaves the current snapshot untouched; malformed records are skipped and reported.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "clearance/lists/list_reader.h"
#include "clearance/lists/snapshot_store.h"
#include "clearance/model/snapshot.h"

namespace clearance {

struct ImportOptions {
  std::string format;        // force a reader; empty = detect per file
  bool replace_all = false;  // start from nothing instead of the current snapshot's other lists
  // Where each local file came from (download path → URL), recorded in the snapshot instead of
  // the scratch path.
  std::map<std::string, std::string> origins;
  // A format for particular files (path → format), overriding `format` for them.
  std::map<std::string, std::string> formats;
  // Leave out a file that fails as a whole (reported in ImportReport::failed) instead of refusing
  // the import: `lists update` keeps a source that failed at its previous version.
  bool skip_failed_files = false;
  // Accept an import that empties a list or shrinks it by more than half (otherwise refused: a
  // header-only or cut-short file that parses would silently remove the list's parties).
  bool allow_shrink = false;
  // The user's links file (record pairs that are, or are not, one party). Empty: keep the links
  // the current snapshot was imported with.
  std::string links_file;
  // Run once the new snapshot is committed, still under the data-directory lock: what derives
  // files from it (the CLI stores its name index, match/name_index.h) so that no other import
  // can race it. Its failure is reported, not a failed import: the snapshot is already current.
  std::function<Status(const SnapshotStore&, const Snapshot&)> after_commit;
};

struct ImportReport {
  std::string after_commit_error;  // what ImportOptions::after_commit reported, if it failed
  Snapshot snapshot;
  std::string previous_id;
  std::vector<ListSource> imported;
  std::vector<ParseIssue> issues;
  bool changed = false;  // false when the new content equals the current snapshot's
  // Files left out under skip_failed_files, with the reason. When every file failed, nothing is
  // written and `imported` is empty.
  std::vector<std::pair<std::string, std::string>> failed;
  std::vector<std::string> link_warnings;  // user links dropped because a record left the lists
  std::vector<std::string> warnings;       // the readers' (ReadResult::warnings)
};

Result<ImportReport> import_lists(SnapshotStore& store, const std::vector<std::string>& inputs,
                                  const ImportOptions& options);

// What every reader's output goes through before it is stored: text that is not valid UTF-8 or
// holds control characters is replaced (with a warning that counts it), and ids are made unique.
void clean_read_result(const std::string& path, ReadResult& read);

// Reads one file (or set, for formats with companions) without touching any store.
Result<std::pair<ListSource, ReadResult>> read_list_file(const std::string& path,
                                                         const std::string& format);

}  // namespace clearance
