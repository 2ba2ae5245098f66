// `clearance lists …`: import, info, diff, update, history, formats.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "clearance/lists/downloader.h"
#include "clearance/lists/importer.h"
#include "clearance/lists/snapshot_diff.h"
#include "clearance/lists/snapshot_store.h"
#include "clearance/match/screening_engine.h"
#include "clearance/model/freshness.h"
#include "clearance/model/party_json.h"
#include "clearance/store/case_store.h"
#include "clearance/util/strings.h"
#include "commands.h"

namespace clearance::cli {

namespace {

void print_error(const Error& error) {
  fmt::print(stderr, "error: {}\n", error.message);
}

void print_issues(const std::vector<ParseIssue>& issues, const std::string& issues_file) {
  if (issues.empty()) return;
  constexpr size_t kShown = 20;
  for (size_t i = 0; i < issues.size() && i < kShown; ++i)
    fmt::print(stderr, "skipped: {}\n", to_string(issues[i]));
  if (issues.size() > kShown)
    fmt::print(stderr, "… and {} more skipped records\n", issues.size() - kShown);
  if (!issues_file.empty()) {
    std::ofstream out(issues_file);
    for (const auto& issue : issues) out << to_string(issue) << '\n';
    fmt::print(stderr, "all skipped records: {}\n", issues_file);
  }
}

void print_import(const ImportReport& report, double seconds) {
  for (const auto& s : report.imported)
    fmt::print("imported {:<14} {:<18} {:>7} entities, {:>4} skipped  {}\n", s.dataset, s.format,
               s.entities, s.skipped, s.files.front().path);
  std::map<std::string, size_t> by_reason;
  for (const auto& l : report.snapshot.links) ++by_reason[to_string(l.reason)];
  std::vector<std::string> reasons;
  for (const auto& [reason, n] : by_reason) reasons.push_back(fmt::format("{} {}", n, reason));
  fmt::print("parties  {} from {} records; links: {}\n", report.snapshot.parties.size(),
             report.snapshot.entities.size(), reasons.empty() ? "none" : join(reasons, ", "));
  for (const auto& w : report.warnings) fmt::print(stderr, "warning: {}\n", w);
  for (const auto& w : report.link_warnings) fmt::print(stderr, "warning: {}\n", w);
  if (!report.after_commit_error.empty())
    fmt::print(
        stderr,
        "warning: after the import: {} (a missing name index is built by the next screening)\n",
        report.after_commit_error);
  fmt::print("snapshot {} ({} entities, {} lists){}  previous: {}  [{:.2f} s]\n",
             report.snapshot.id, report.snapshot.entities.size(), report.snapshot.sources.size(),
             report.changed ? "" : " unchanged",
             report.previous_id.empty() ? "none" : report.previous_id, seconds);
}

// Builds and stores the new snapshot's name index at import, so that no screening has to; and,
// where a case store is kept, writes the import into its audit trail.
Status store_index(const SnapshotStore& store, const Snapshot& snapshot) {
  if (std::filesystem::exists(store.data_dir() + "/cases.db")) {
    auto cases = open_case_store(store.data_dir());
    if (!cases) return cases.error();
    if (auto st = cases.value()->note_import(snapshot.id, os_user()); !st) return st;
  }
  return store_name_index(store, snapshot, std::max(1u, std::thread::hardware_concurrency()));
}

int run_import(const GlobalOptions& global, const std::vector<std::string>& files,
               const std::string& format, bool replace_all, const std::string& issues_file,
               const std::string& links_file, bool allow_shrink) {
  const auto start = std::chrono::steady_clock::now();
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  ImportOptions options;
  options.format = format;
  options.replace_all = replace_all;
  options.links_file = links_file;
  options.allow_shrink = allow_shrink;
  options.after_commit = store_index;
  auto report = import_lists(store, files, options);
  if (!report) {
    print_error(report.error());
    fmt::print(stderr, "nothing was imported; the current snapshot is unchanged\n");
    return kExitError;
  }
  print_issues(report->issues, issues_file);
  print_import(report.value(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  const bool monitored = !report->changed || monitor_after_import(global);
  return report->issues.empty() && monitored ? kExitOk : kExitPartial;
}

// Every party of more than one record, one JSON object per line: its listings and the links
// (with their evidence) that joined them, for review.
int run_parties(const GlobalOptions& global, const std::string& ref) {
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  auto snapshot = store.load(ref);
  if (!snapshot) {
    print_error(snapshot.error());
    return kExitError;
  }
  for (const Party& party : snapshot->parties) {
    if (party.members.size() < 2) continue;
    nlohmann::ordered_json j = party_to_json(snapshot.value(), party);
    j.erase("records");
    fmt::print("{}\n", j.dump());
  }
  return kExitOk;
}

int run_info(const GlobalOptions& global, const std::string& ref, bool json) {
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  auto manifest = store.manifest(ref);
  if (!manifest) {
    print_error(manifest.error());
    return kExitError;
  }
  // The content is read too: the hash shown is the content's only if the content still has it.
  if (auto loaded = store.load(ref); !loaded) {
    print_error(loaded.error());
    return kExitError;
  }
  const auto& m = manifest.value();
  if (json) {
    fmt::print("{}\n", m.dump(2));
    return kExitOk;
  }
  fmt::print(
      "snapshot      {}\ncontent hash  {}\ncreated       {}\nentities      {}\ndata dir      "
      "{}\n\n",
      m.value("id", ""), m.value("content_hash", ""), m.value("created_at", ""),
      m.value("entity_count", uint64_t{0}), store.data_dir());
  if (m.contains("party_count")) {
    std::vector<std::string> reasons;
    for (const auto& [reason, n] : m.at("links_by_reason").items())
      reasons.push_back(fmt::format("{} {}", n.get<uint64_t>(), reason));
    fmt::print("parties       {} (links: {})\n\n", m.value("party_count", uint64_t{0}),
               reasons.empty() ? "none" : join(reasons, ", "));
  }
  fmt::print("{:<16} {:<18} {:>8} {:>8}  {:<12} {:>6}  {}\n", "dataset", "format", "entities",
             "skipped", "published", "age", "imported");
  const std::string today = today_utc();
  for (const auto& s : m.at("sources")) {
    const std::string published = s.value("published", "");
    const int age = published.empty() ? -1 : days_between(published.substr(0, 10), today);
    fmt::print("{:<16} {:<18} {:>8} {:>8}  {:<12} {:>6}  {}\n", s.value("dataset", ""),
               s.value("format", ""), s.value("entities", uint64_t{0}),
               s.value("skipped", uint64_t{0}), published.empty() ? "-" : published.substr(0, 10),
               age < 0 ? "?" : fmt::format("{}d", age), s.value("imported_at", ""));
    for (const auto& f : s.at("files"))
      fmt::print("    {}  sha256 {}  {} bytes  modified {}\n", f.value("path", ""),
                 f.value("sha256", ""), f.value("bytes", uint64_t{0}), f.value("modified", ""));
  }
  fmt::print("\n{:<14} {:<8} {:<48} {:>8}  {}\n", "dataset", "list", "sub-list", "entities",
             "newest listing");
  for (const auto& l : m.at("lists"))
    fmt::print("{:<14} {:<8} {:<48} {:>8}  {}\n", l.value("dataset", ""), l.value("list", ""),
               l.value("sub_list", ""), l.value("entities", uint64_t{0}),
               l.value("newest_listing", "").empty() ? "-" : l.value("newest_listing", ""));
  if (m.contains("added_names") && !m.at("added_names").empty()) {
    fmt::print("\nnames added by Clearance (not the lists' text; each with its public source)\n");
    for (const auto& a : m.at("added_names")) {
      const auto named = a.value("records_named", uint64_t{0}),
                 all = a.value("records", uint64_t{0});
      fmt::print("{:<10} {:>6} of {:>6} records in China ({:.1f} %)  {}\n", a.value("list", ""),
                 named, all,
                 all ? 100.0 * static_cast<double>(named) / static_cast<double>(all) : 0.0,
                 a.value("table", ""));
    }
  }
  return kExitOk;
}

int run_diff(const GlobalOptions& global, const std::string& old_ref, const std::string& new_ref,
             bool json, size_t limit) {
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  auto before = store.load(old_ref);
  if (!before) {
    print_error(before.error());
    return kExitError;
  }
  auto after = store.load(new_ref);
  if (!after) {
    print_error(after.error());
    return kExitError;
  }
  const SnapshotDiff diff = diff_snapshots(before.value(), after.value());
  if (json) {
    nlohmann::ordered_json out;
    out["old"] = before->id;
    out["new"] = after->id;
    auto entity_ref = [](const Entity* e) {
      return nlohmann::ordered_json{{"id", e->id}, {"list", e->list}, {"name", e->name}};
    };
    out["added"] = nlohmann::ordered_json::array();
    for (const Entity* e : diff.added) out["added"].push_back(entity_ref(e));
    out["removed"] = nlohmann::ordered_json::array();
    for (const Entity* e : diff.removed) out["removed"].push_back(entity_ref(e));
    out["changed"] = nlohmann::ordered_json::array();
    for (const auto& c : diff.changed) {
      auto j = entity_ref(c.after);
      j["fields"] = c.fields;
      out["changed"].push_back(std::move(j));
    }
    fmt::print("{}\n", out.dump(2));
    return kExitOk;
  }
  fmt::print("{} → {}: {} added, {} removed, {} changed\n", before->id, after->id,
             diff.added.size(), diff.removed.size(), diff.changed.size());
  auto shown = [&](size_t i) { return limit == 0 || i < limit; };
  for (size_t i = 0; i < diff.added.size() && shown(i); ++i)
    fmt::print("+ {:<40} {:<6} {}\n", diff.added[i]->id, diff.added[i]->list, diff.added[i]->name);
  for (size_t i = 0; i < diff.removed.size() && shown(i); ++i)
    fmt::print("- {:<40} {:<6} {}\n", diff.removed[i]->id, diff.removed[i]->list,
               diff.removed[i]->name);
  for (size_t i = 0; i < diff.changed.size() && shown(i); ++i) {
    const std::string fields = join(diff.changed[i].fields, ",");
    fmt::print("~ {:<40} {:<6} {}  [{}]\n", diff.changed[i].after->id, diff.changed[i].after->list,
               diff.changed[i].after->name, fields);
  }
  if (limit != 0 && std::max({diff.added.size(), diff.removed.size(), diff.changed.size()}) > limit)
    fmt::print("(at most {} of each kind shown; --limit 0 shows all)\n", limit);
  return kExitOk;
}

int run_update(const GlobalOptions& global, const std::string& config_path,
               const std::vector<std::string>& only) {
  const auto start = std::chrono::steady_clock::now();
  UpdateConfig config = default_update_config();
  if (!config_path.empty()) {
    auto loaded = load_update_config(config_path);
    if (!loaded) {
      print_error(loaded.error());
      return kExitError;
    }
    config = std::move(loaded.value());
  }
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  auto report = update_lists(store, config, only, store_index);
  if (!report) {
    print_error(report.error());
    fmt::print(stderr, "nothing was imported; the current snapshot is unchanged\n");
    return kExitError;
  }
  for (const auto& [name, reason] : report->failed)
    fmt::print(stderr, "failed: {}: {} (its previous version is kept)\n", name, reason);
  if (report->import) {
    print_issues(report->import->issues, "");
    print_import(report->import.value(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  } else {
    fmt::print(stderr, "no source was downloaded; the current snapshot is unchanged\n");
  }
  if (!report->import) return kExitError;
  const bool monitored = !report->import->changed || monitor_after_import(global);
  return report->failed.empty() && report->import->issues.empty() && monitored ? kExitOk
                                                                               : kExitPartial;
}

int run_history(const GlobalOptions& global) {
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  auto current = store.current_id();
  for (const auto& m : store.history()) {
    std::vector<std::string> names;
    for (const auto& s : m.at("sources")) names.push_back(s.value("dataset", ""));
    const std::string datasets = join(names, ",");
    const bool is_current = current && current.value() == m.value("id", "");
    fmt::print("{} {}  {}  {:>7} entities  {}\n", is_current ? "*" : " ", m.value("id", ""),
               m.value("created_at", ""), m.value("entity_count", uint64_t{0}), datasets);
  }
  return kExitOk;
}

}  // namespace

void add_lists_commands(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* lists = app.add_subcommand(
      "lists", "Import, inspect and update the sanctions and export-control lists");
  lists->require_subcommand(1);

  auto* import =
      lists->add_subcommand("import", "Build a new snapshot from list files (format detected)");
  static std::vector<std::string> files;
  static std::string format, issues_file, links_file;
  static bool replace_all = false, allow_shrink = false;
  import->add_option("files", files, "List files or directories")->required();
  import->add_option("--format", format, "Force a format (see `lists formats`)");
  import->add_flag("--replace-all", replace_all,
                   "Drop lists not in this import instead of keeping them (with --allow-shrink: "
                   "dropping a list is a shrink)");
  import->add_option("--issues", issues_file, "Write every skipped record to this file");
  import->add_option("--links", links_file,
                     "CSV of record pairs that are (or are not) one party: record_a,record_b,"
                     "relation (same|not-same); kept for later imports");
  import->add_flag("--allow-shrink", allow_shrink,
                   "Accept a list that loses more than half its records (refused otherwise)");
  import->callback([&] {
    exit_code =
        run_import(global, files, format, replace_all, issues_file, links_file, allow_shrink);
});

auto* parties = lists->add_subcommand(
    "parties", "Every party of several records, with the links that joined them (JSON Lines)");
static std::string parties_ref = "current";
parties->add_option("snapshot", parties_ref, "Snapshot id, prefix, file, or 'current'");
parties->callback([&] { exit_code = run_parties(global, parties_ref); });

auto* info = lists->add_subcommand("info", "Per-list counts, dates and hashes of a snapshot");
static std::string info_ref = "current";
static bool info_json = false;
info->add_option("snapshot", info_ref, "Snapshot id, prefix, file, or 'current'");
info->add_flag("--json", info_json, "Print the manifest as JSON");
info->callback([&] { exit_code = run_info(global, info_ref, info_json); });

auto* diff =
    lists->add_subcommand("diff", "Entities added, removed and changed between two snapshots");
static std::string old_ref, new_ref = "current";
static bool diff_json = false;
static size_t diff_limit = 50;
diff->add_option("old", old_ref, "Older snapshot")->required();
diff->add_option("new", new_ref, "Newer snapshot (default: current)");
diff->add_flag("--json", diff_json, "Print JSON");
diff->add_option("--limit", diff_limit, "Show at most N entries of each kind (0 = all)")
    ->check(whole_number(100000000));
diff->callback([&] { exit_code = run_diff(global, old_ref, new_ref, diff_json, diff_limit); });

auto* update = lists->add_subcommand("update", "Download the official list files and import them");
static std::string config_path;
static std::vector<std::string> only;
update->add_option("--config", config_path, "JSON file with URLs, timeouts and checksums");
update->add_option("--only", only, "Update only these sources (us_csl, ofac_sdn, ofac_cons, un_sc)")
    ->delimiter(',');
update->callback([&] { exit_code = run_update(global, config_path, only); });

lists->add_subcommand("history", "Stored snapshots, oldest first (* = current)")->callback([&] {
  exit_code = run_history(global);
});

lists->add_subcommand("formats", "List formats Clearance reads")->callback([&] {
  for (const ListReader* r : ReaderRegistry::instance().all())
    fmt::print("{:<20} {}\n", r->format(), r->description());
  exit_code = kExitOk;
});
}  // namespace clearance::cli

}  // namespace clearance::cli
