#pragma once
// `lists update`: fetch the official files (libcurl), verify them, and import them as one new
// snapshot. Downloads go to a scratch directory; only complete, verified files reach the importer.
#include <functional>
#include <string>
#include <vector>

#include "clearance/lists/importer.h"
#include "clearance/util/result.h"

namespace clearance {

struct DownloadFile {
  std::string url;
  std::string save_as;  // file name the reader expects (OFAC companions are found by name)
  std::string sha256;   // expected digest when the publisher gives one; empty = not checked
};

struct DownloadSource {
  std::string name;    // "us_csl", "ofac_sdn", …
  std::string format;  // reader format; the first file is the one imported (others are companions)
  std::vector<DownloadFile> files;
};

struct UpdateConfig {
  long connect_timeout_seconds = 30;
  long timeout_seconds = 900;
  uint64_t max_bytes = 1ull << 30;  // refuse anything larger than 1 GiB
  std::vector<DownloadSource> sources;
};

// The official publication URLs.
UpdateConfig default_update_config();
// JSON: {"connect_timeout_seconds", "timeout_seconds", "sources": [{"name", "format", "files":
// [{"url", "save_as", "sha256"}]}]}. Keys left out keep their defaults.
Result<UpdateConfig> load_update_config(const std::string& path);

// Downloads `url` to `destination`. Fails on a non-2xx status, a body shorter than the announced
// Content-Length (truncated transfer), a size over the limit, or a digest mismatch.
Status download_file(const DownloadFile& file, const std::string& destination,
                     const UpdateConfig& config);

struct UpdateReport {
  std::vector<std::string> updated;                         // sources imported
  std::vector<std::pair<std::string, std::string>> failed;  // source, reason
  std::optional<ImportReport> import;
};

// Downloads every configured source (or those named in `only`) and imports the ones that arrived
// intact. Sources that failed keep their previous version in the new snapshot.
// `after_commit` is ImportOptions::after_commit for the import of what was downloaded.
Result<UpdateReport> update_lists(
    SnapshotStore& store, const UpdateConfig& config, const std::vector<std::string>& only,
    std::function<Status(const SnapshotStore&, const Snapshot&)> after_commit = {});

}  // namespace clearance
