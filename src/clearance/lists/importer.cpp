#include "clearance/lists/importer.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "clearance/lists/links_file.h"
#include "clearance/lists/listed_names.h"
#include "clearance/lists/party_linker.h"
#include "clearance/util/file_io.h"
#include "clearance/util/sha256.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace fs = std::filesystem;

namespace {

std::string modified_time(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  const auto tp = std::chrono::system_clock::from_time_t(st.st_mtime);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(tp));
}

Result<SourceFile> describe_file(const std::string& path) {
  auto raw = read_file_raw(path);
  if (!raw) return raw.error();
  return SourceFile{path, sha256_hex(raw.value()), raw->size(), modified_time(path)};
}

struct Input {
  std::string path;
  bool explicit_file;  // named on the command line, not found in a directory
};

std::vector<Input> expand(const std::vector<std::string>& inputs) {
  std::vector<Input> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      for (const auto& entry : fs::directory_iterator(in, ec))
        if (entry.is_regular_file()) files.push_back(entry.path().string());
      std::sort(files.begin(), files.end());
      for (auto& f : files) out.push_back({std::move(f), false});
    } else {
      out.push_back({in, true});
    }
  }
  return out;
}

// Every text of a record made safe to store and print: bytes that break UTF-8 become U+FFFD and
// control characters spaces (a list code carrying an ANSI escape must not drive the terminal of
// whoever runs `lists info`). Returns how many were replaced.
size_t sanitize_text(std::string& s) {
  return replace_invalid_utf8(s) + replace_control_characters(s);
}

size_t sanitize_entity(Entity& e) {
  size_t n = 0;
  for (std::string* s : {&e.id, &e.dataset, &e.list, &e.sub_list, &e.source_id, &e.name,
                         &e.listed_on, &e.end_date, &e.remarks, &e.source_url,
                         &e.license_requirement, &e.license_policy, &e.federal_register_notice})
    n += sanitize_text(*s);
  for (auto& a : e.aliases) n += sanitize_text(a.name);
  for (auto& a : e.addresses)
    for (std::string* s :
         {&a.street, &a.city, &a.state, &a.postal_code, &a.country, &a.country_text, &a.full})
      n += sanitize_text(*s);
  for (auto& i : e.identifiers)
    for (std::string* s : {&i.type, &i.number, &i.country, &i.issued, &i.expires, &i.note})
      n += sanitize_text(*s);
  for (auto* v :
       {&e.dates_of_birth, &e.places_of_birth, &e.nationalities, &e.citizenships, &e.programs})
    for (std::string& s : *v) n += sanitize_text(s);
  for (auto& p : e.properties) n += sanitize_text(p.key) + sanitize_text(p.value);
  return n;
}

}  // namespace

void clean_read_result(const std::string& path, ReadResult& read) {
  // Whatever a reader let through, nothing invalid goes further: a snapshot holds valid UTF-8
  // without control characters, so every writer after it can print it.
  size_t replaced = sanitize_text(read.dataset) + sanitize_text(read.published), records = 0;
  std::string first;
  for (Entity& e : read.entities)
    if (const size_t n = sanitize_entity(e); n > 0) {
      replaced += n;
      if (records++ == 0) first = e.id;
    }
  if (replaced > 0)
    read.warnings.push_back(fmt::format(
        "{}: {} bytes that were not valid UTF-8 text or were control characters replaced in {} "
        "records (first: {})",
        path, replaced, records, first.empty() ? read.dataset : first));
  // Names the lists do not carry, from the project's sourced tables (lists/listed_names.h).
  add_listed_names(read.entities);
  // Ids stay unique once cleaned (two ids may differ only in bytes that were replaced).
  std::set<std::string> ids;
  for (Entity& e : read.entities)
    if (!ids.insert(e.id).second) {
      const std::string was = e.id;
      for (int n = 2; !ids.insert(e.id = fmt::format("{}~{}", was, n)).second; ++n) {
      }
      read.warnings.push_back(
          fmt::format("{}: two records had the id '{}'; the second is '{}'", path, was, e.id));
    }
}

Result<std::pair<ListSource, ReadResult>> read_list_file(const std::string& path,
                                                         const std::string& format) {
  auto content = read_file(path);
  if (!content) return content.error();
  const std::string_view head = std::string_view(content.value()).substr(0, 8192);
  const auto& registry = ReaderRegistry::instance();
  const ListReader* reader = nullptr;
  if (!format.empty()) {
    reader = registry.find(format);
    if (!reader)
      return make_error(ErrorCode::invalid_argument,
                        fmt::format("unknown list format '{}'", format));
    if (reader->recognize(path, head) == 0)
      return make_error(ErrorCode::format, fmt::format("{}: is not a {} file ({})", path, format,
                                                       reader->description()));
  } else {
    reader = registry.detect(path, head);
    if (!reader)
      return make_error(
          ErrorCode::format,
          fmt::format("{}: not a list format Clearance reads (see `clearance lists formats`)",
                      path));
  }
  auto read = reader->read(path, content.value());
  if (!read) return read.error();
  clean_read_result(path, read.value());
  ListSource source;
  source.dataset = read->dataset;
  source.format = std::string(reader->format());
  source.published = read->published;
  source.imported_at = utc_now_iso();
  source.entities = read->entities.size();
  source.skipped = read->issues.size();
  for (const auto& f : read->files) {
    auto info = describe_file(f);
    if (!info) return info.error();
    source.files.push_back(std::move(info.value()));
  }
  return std::make_pair(std::move(source), std::move(read.value()));
}

Result<ImportReport> import_lists(SnapshotStore& store, const std::vector<std::string>& inputs,
                                  const ImportOptions& options) {
  if (inputs.empty()) return make_error(ErrorCode::invalid_argument, "no list files given");
  const auto& registry = ReaderRegistry::instance();
  ImportReport report;
  std::vector<Entity> fresh;
  std::set<std::string> consumed;  // files read as companions of another
  std::vector<Input> companions_only;
  for (const Input& input : expand(inputs)) {
    if (consumed.count(fs::absolute(input.path).lexically_normal().string())) continue;
    bool companion = false;
    for (const ListReader* r : registry.all()) companion = companion || r->is_companion(input.path);
    if (companion && options.format.empty()) {
      companions_only.push_back(input);
      continue;
    }
    if (!input.explicit_file && options.format.empty()) {
      // In a directory, skip files no reader recognises (schemas, READMEs) instead of failing.
      auto content = read_file(input.path);
      if (!content) return content.error();
      if (!registry.detect(input.path, std::string_view(content.value()).substr(0, 8192))) continue;
    }
    const auto forced = options.formats.find(input.path);
    auto read = read_list_file(input.path,
                               forced != options.formats.end() ? forced->second : options.format);
    if (!read && options.skip_failed_files) {
      report.failed.emplace_back(input.path, read.error().message);
      continue;
    }
    if (!read) return read.error();
    auto& [source, result] = read.value();
    for (const auto& f : result.files) consumed.insert(fs::absolute(f).lexically_normal().string());
    for (const auto& other : report.imported)
      if (other.dataset == source.dataset)
        return make_error(
            ErrorCode::invalid_argument,
            fmt::format("{} and {} are both dataset '{}'; import one of them",
                        other.files.front().path, source.files.front().path, source.dataset));
    for (auto& f : source.files)
      if (auto origin = options.origins.find(f.path); origin != options.origins.end())
        f.path = origin->second;
    report.issues.insert(report.issues.end(), result.issues.begin(), result.issues.end());
    report.warnings.insert(report.warnings.end(), result.warnings.begin(), result.warnings.end());
    std::move(result.entities.begin(), result.entities.end(), std::back_inserter(fresh));
    report.imported.push_back(std::move(source));
  }
  for (const Input& c : companions_only)
    if (!consumed.count(fs::absolute(c.path).lexically_normal().string()) && c.explicit_file)
      return make_error(
          ErrorCode::invalid_argument,
          fmt::format(
              "{}: belongs to a set read through its main file (e.g. sdn.csv or cons_prim.csv); "
              "import that file or the directory",
              c.path));
  if (report.imported.empty()) {
    if (options.skip_failed_files && !report.failed.empty()) return report;
    return make_error(ErrorCode::format, "none of the given files is a list Clearance reads");
  }

  auto lock = DataDirLock::acquire(store.data_dir());
  if (!lock) return lock.error();
  Snapshot next;
  auto current = store.current_id();
  if (!current) return current.error();
  report.previous_id = current.value();
  std::set<std::string> replaced;
  for (const auto& s : report.imported) replaced.insert(s.dataset);
  PartyHistory history;
  bool strict_links = false;
  if (!options.links_file.empty()) {
    auto links = read_links_file(options.links_file);
    if (!links) return links.error();
    next.user_links = std::move(links.value());
    strict_links = true;
  }
  if (!current->empty()) {
    auto previous = store.load("current");
    if (!previous) return previous.error();
    history = party_history(previous.value());
    for (const ListSource& now : report.imported)
      for (const ListSource& before : previous->sources)
        if (before.dataset == now.dataset && before.entities > 0 && !options.allow_shrink &&
            now.entities * 2 < before.entities)
          return make_error(
              ErrorCode::invalid_argument,
              fmt::format("{}: {} would go from {} records to {}; a list this much shorter is "
                          "more likely a damaged file than a change of the list (import with "
                          "--allow-shrink if it is right)",
                          now.files.empty() ? now.dataset : now.files.front().path, now.dataset,
                          before.entities, now.entities));
    // --replace-all drops every list no given file holds: as much a shrink as any (a forgotten
    // argument would close every alert of those lists as delisted).
    if (options.replace_all && !options.allow_shrink) {
      std::vector<std::string> dropped;
      size_t records = 0;
      for (const ListSource& before : previous->sources)
        if (!replaced.count(before.dataset) && before.entities > 0) {
          dropped.push_back(before.dataset);
          records += before.entities;
        }
      if (!dropped.empty())
        return make_error(
            ErrorCode::invalid_argument,
            fmt::format("--replace-all would drop {} ({} records): no given file holds them; give "
                        "their files too, or import with --allow-shrink if they are to go",
                        fmt::join(dropped, ", "), records));
    }
    if (options.links_file.empty()) next.user_links = previous->user_links;
    if (!options.replace_all) {
      for (auto& e : previous->entities.edit())
        if (!replaced.count(e.dataset)) next.entities.push_back(std::move(e));
      for (auto& s : previous->sources)
        if (!replaced.count(s.dataset)) next.sources.push_back(std::move(s));
    }
  }
  std::move(fresh.begin(), fresh.end(), std::back_inserter(next.entities.edit()));
  for (const auto& s : report.imported) next.sources.push_back(s);
  std::sort(next.sources.begin(), next.sources.end(),
            [](const auto& a, const auto& b) { return a.dataset < b.dataset; });
  next.entities.sort_by_id();
  auto linked = link_parties(next, &history, strict_links);
  if (!linked) return linked.error();
  report.link_warnings = std::move(linked->warnings);
  next.created_at = utc_now_iso();
  if (auto st = store.commit(next); !st) return st.error();
  if (options.after_commit)
    if (auto st = options.after_commit(store, next); !st)
      report.after_commit_error = st.error().message;
  report.changed = next.id != report.previous_id;
  report.snapshot = std::move(next);
  return report;
}

}  // namespace clearance
