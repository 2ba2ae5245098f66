#include "clearance/lists/downloader.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "clearance/util/file_io.h"
#include "clearance/util/sha256.h"

namespace clearance {

namespace fs = std::filesystem;

UpdateConfig default_update_config() {
  const std::string ofac =
      "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";
  UpdateConfig config;
  config.sources = {
      {"us_csl",
       "csl-csv",
       {{"https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
         "consolidated.csv", ""}}},
      {"ofac_sdn",
       "ofac-csv",
       {{ofac + "SDN.CSV", "sdn.csv", ""},
        {ofac + "ADD.CSV", "add.csv", ""},
        {ofac + "ALT.CSV", "alt.csv", ""},
        {ofac + "SDN_COMMENTS.CSV", "sdn_comments.csv", ""}}},
      {"ofac_cons",
       "ofac-csv",
       {{ofac + "CONS_PRIM.CSV", "cons_prim.csv", ""},
        {ofac + "CONS_ADD.CSV", "cons_add.csv", ""},
        {ofac + "CONS_ALT.CSV", "cons_alt.csv", ""},
        {ofac + "CONS_COMMENTS.CSV", "cons_comments.csv", ""}}},
      {"un_sc",
       "un-xml",
       {{"https://scsanctions.un.org/resources/xml/en/consolidated.xml", "consolidated.xml", ""}}},
  };
  return config;
}

Result<UpdateConfig> load_update_config(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  auto json = nlohmann::json::parse(bytes.value(), nullptr, false);
  if (json.is_discarded() || !json.is_object())
    return make_error(ErrorCode::format, fmt::format("{}: not a JSON object", path));
  UpdateConfig config = default_update_config();
  try {
    config.connect_timeout_seconds =
        json.value("connect_timeout_seconds", config.connect_timeout_seconds);
    config.timeout_seconds = json.value("timeout_seconds", config.timeout_seconds);
    config.max_bytes = json.value("max_bytes", config.max_bytes);
    if (json.contains("sources")) {
      config.sources.clear();
      for (const auto& s : json.at("sources")) {
        DownloadSource source{
            s.at("name").get<std::string>(), s.at("format").get<std::string>(), {}};
        for (const auto& f : s.at("files"))
          source.files.push_back({f.at("url").get<std::string>(),
                                  f.at("save_as").get<std::string>(),
                                  f.value("sha256", std::string())});
        if (source.files.empty())
          return make_error(ErrorCode::format,
                            fmt::format("{}: source '{}' has no files", path, source.name));
        config.sources.push_back(std::move(source));
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorCode::format, fmt::format("{}: {}", path, e.what()));
  }
  return config;
}

namespace {

struct Sink {
  std::ofstream out;
  uint64_t written = 0;
  uint64_t limit = 0;
  bool too_large = false;
};

size_t write_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->written + n > sink->limit) {
    sink->too_large = true;
    return 0;  // makes curl abort the transfer
  }
  sink->out.write(data, static_cast<std::streamsize>(n));
  sink->written += n;
  return sink->out ? n : 0;
}

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

}  // namespace

Status download_file(const DownloadFile& file, const std::string& destination,
                     const UpdateConfig& config) {
  static CurlGlobal global;
  const std::string partial = destination + ".part";
  Sink sink;
  sink.limit = config.max_bytes;
  sink.out.open(partial, std::ios::binary | std::ios::trunc);
  if (!sink.out) return make_error(ErrorCode::io, fmt::format("{}: cannot create", partial));
  CURL* curl = curl_easy_init();
  if (!curl) return make_error(ErrorCode::network, "cannot initialise libcurl");
  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, file.url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, config.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, config.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "clearance/0.1 (+list update)");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_off_t announced = -1;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &announced);
  curl_easy_cleanup(curl);
  sink.out.close();
  auto fail = [&](ErrorCode code, std::string message) -> Status {
    std::error_code ignored;
    fs::remove(partial, ignored);
    return make_error(code, std::move(message));
  };
  if (sink.too_large)
    return fail(ErrorCode::integrity,
                fmt::format("{}: larger than the {} byte limit", file.url, config.max_bytes));
  if (rc == CURLE_PARTIAL_FILE)
    return fail(ErrorCode::integrity, fmt::format("{}: transfer truncated after {} of {} bytes",
                                                  file.url, sink.written, announced));
  if (rc != CURLE_OK)
    return fail(
        ErrorCode::network,
        fmt::format("{}: {}", file.url, error_buffer[0] ? error_buffer : curl_easy_strerror(rc)));
  if (status < 200 || status >= 300)
    return fail(ErrorCode::network, fmt::format("{}: HTTP status {}", file.url, status));
  if (announced >= 0 && static_cast<uint64_t>(announced) != sink.written)
    return fail(ErrorCode::integrity, fmt::format("{}: received {} bytes, server announced {}",
                                                  file.url, sink.written, announced));
  if (sink.written == 0)
    return fail(ErrorCode::integrity, fmt::format("{}: empty response", file.url));
  if (!file.sha256.empty()) {
    auto bytes = read_file_raw(partial);
    if (!bytes) return fail(ErrorCode::io, bytes.error().message);
    if (const std::string digest = sha256_hex(bytes.value()); digest != file.sha256)
      return fail(ErrorCode::integrity, fmt::format("{}: SHA-256 {} does not match the expected {}",
                                                    file.url, digest, file.sha256));
  }
  std::error_code ec;
  fs::rename(partial, destination, ec);
  if (ec) return fail(ErrorCode::io, fmt::format("{}: {}", destination, ec.message()));
  return Ok{};
}

Result<UpdateReport> update_lists(
    SnapshotStore& store, const UpdateConfig& config, const std::vector<std::string>& only,
    std::function<Status(const SnapshotStore&, const Snapshot&)> after_commit) {
  UpdateReport report;
  const std::string scratch = store.data_dir() + "/downloads/" + utc_now_iso();
  // Downloads are scratch: removed however this function returns.
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } cleanup{scratch};
  ImportOptions options;
  options.skip_failed_files = true;  // a source that does not parse keeps its previous version
  options.after_commit = std::move(after_commit);
  std::vector<std::string> paths;
  std::map<std::string, std::string> source_of;  // main file → source name
  for (const auto& source : config.sources) {
    if (!only.empty() && std::find(only.begin(), only.end(), source.name) == only.end()) continue;
    const std::string dir = scratch + "/" + source.name;
    if (auto st = make_directories(dir); !st) return st.error();
    Status status = Ok{};
    for (const auto& file : source.files) {
      status = download_file(file, dir + "/" + file.save_as, config);
      if (!status) break;
      options.origins[dir + "/" + file.save_as] = file.url;
    }
    if (!status) {
      report.failed.emplace_back(source.name, status.error().message);
      continue;
    }
    const std::string main_file = dir + "/" + source.files.front().save_as;
    options.formats[main_file] = source.format;
    source_of[main_file] = source.name;
    paths.push_back(main_file);
  }
  if (!paths.empty()) {
    auto imported = import_lists(store, paths, options);
    if (!imported) return imported.error();
    for (const auto& [path, reason] : imported->failed)
      report.failed.emplace_back(source_of[path], reason);
    for (const auto& s : imported->imported) report.updated.push_back(s.dataset);
    if (!imported->imported.empty()) report.import = std::move(imported.value());
  }
  return report;
}

}  // namespace clearance
