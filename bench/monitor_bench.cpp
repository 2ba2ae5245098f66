// Monitoring after a list change, at scale: SUBJECTS counterparties (the rows of a batch file as
// bench/make_batch_input.py writes it) screened against the standard lists, then a 1 % change of
// those lists — 0.4 % records added (names the 2026 Consolidated Screening List has and the
// standard lists do not), 0.3 % removed, 0.3 % changed (an alias added) — monitored twice from
// copies of one store: a full re-screen of every subject and the delta. Prints both times, their
// ratio, and whether both opened and reopened the same alerts.
//
//   bench/make_batch_input.py /tmp/subjects.csv 1000000
//   build/bench/monitor_bench --subjects-file /tmp/subjects.csv [--subjects N] [--threads 2] [--dir
//   D] [--delta-only] [--and-back]
//
// The store after the first run is kept in D/base (default /tmp/clearance-monitor-bench) and used
// again by the next run with the same subjects and matcher. --delta-only runs the delta alone (to
// profile it), without the full re-screen it is compared with. --and-back then changes the lists
// back and monitors both stores again: a delta after a delta (the drift of the first weighing on
// the second) against a second full re-screen.
//
// The full re-screen screens and records on one thread (as `monitor run --full` does); the delta
// looks for the subjects it can affect on --threads threads.
#include <fmt/format.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "clearance/lists/list_reader.h"
#include "clearance/lists/party_linker.h"
#include "clearance/match/name_index_file.h"
#include "clearance/store/monitor.h"
#include "clearance/store/subjects_file.h"
#include "shared_lists.h"

using namespace clearance;
using clock_type = std::chrono::steady_clock;

namespace {

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

// The standard lists changed by 1 % of their records.
std::shared_ptr<Snapshot> changed_lists(const Snapshot& before, const std::string& newer_file) {
  auto after = std::make_shared<Snapshot>();
  after->id = "after";
  after->content_hash = "after";
  after->sources = before.sources;
  const size_t n = before.entities.size();
  const size_t step_removed = 1000 / 3, step_changed = 1000 / 3;  // 0.3 % each
  for (size_t i = 0; i < n; ++i) {
    Entity e = before.entities[i];
    if (i % step_removed == 7) continue;
    if (i % step_changed == 101 && !before.entities[(i + 1) % n].aliases.empty())
      e.aliases.push_back(before.entities[(i + 1) % n].aliases.front());
    after->entities.push_back(std::move(e));
  }
  std::unordered_set<std::string> names;
  for (const Entity& e : before.entities) names.insert(e.name);
  auto newer = read_list_file(newer_file, "");
  if (!newer) throw std::runtime_error(newer.error().message);
  const size_t wanted = n * 4 / 1000;
  size_t added = 0;
  const auto& pool = newer->second.entities;
  for (size_t i = 0; i < pool.size() && added < wanted; i += 7) {
    if (names.count(pool[i].name)) continue;
    Entity e = pool[i];
    e.id += ":added";
    after->entities.push_back(std::move(e));
    ++added;
  }
  after->entities.sort_by_id();
  const PartyHistory history = party_history(before);
  if (auto linked = link_parties(*after, &history, false); !linked)
    throw std::runtime_error(linked.error().message);
  return after;
}

std::set<std::pair<std::string, std::string>> raised(CaseStore& store, const MonitorReport& r) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto* ids : {&r.opened, &r.reopened})
    for (int64_t id : *ids)
      if (auto a = store.alert(id); a && a.value())
        out.emplace(a.value()->subject_id, a.value()->party_id);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string subjects_file, dir = "/tmp/clearance-monitor-bench";
  size_t limit = 1000000;
  unsigned threads = 2;
  bool delta_only = false, and_back = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--delta-only" || arg == "--and-back") {
      (arg == "--delta-only" ? delta_only : and_back) = true;
      continue;
    }
    if (i + 1 == argc) break;
    const char* value = argv[++i];
    if (arg == "--subjects-file") subjects_file = value;
    if (arg == "--subjects") limit = std::stoul(value);
    if (arg == "--dir") dir = value;
    if (arg == "--threads") threads = static_cast<unsigned>(std::stoul(value));
  }
  if (subjects_file.empty()) {
    fmt::print(stderr, "usage: monitor_bench --subjects-file FILE [--subjects N] [--dir D]\n");
    return 2;
  }
  // A batch file's rows as subjects: the row number is the id.
  std::vector<Subject> subjects;
  {
    auto read = read_subjects_file(subjects_file);
    if (!read) {
      fmt::print(stderr, "error: {}\n", read.error().message);
      return 2;
    }
    subjects = std::move(read->subjects);
    if (subjects.size() > limit) subjects.resize(limit);
  }
  auto start = clock_type::now();
  auto before_snapshot = std::make_shared<Snapshot>(*bench::load_standard_lists());
  before_snapshot->id = "before";
  auto before = bench::engine_for(before_snapshot);
  auto after = bench::engine_for(changed_lists(
      *before_snapshot,
      bench::shared_data_dir() + "/lists/us_csl/compact_2026-07-31/screening-list.json"));
  fmt::print("lists: {} records before, {} after; indexed in {:.1f} s\n",
             before_snapshot->entities.size(), after->snapshot->entities.size(),
             seconds_since(start));

  // The store after the first run is kept in D/base and used again by a run with the same
  // subjects and matcher (only the two monitoring runs are measured).
  const std::string base_dir = dir + "/base", full_dir = dir + "/full", delta_dir = dir + "/delta";
  const std::string base_key =
      fmt::format("{}\n{}\n{}\n", std::filesystem::absolute(subjects_file).string(),
                  subjects.size(), index_build_key());
  const std::string key_file = base_dir + "/bench-key";
  std::string kept_key;
  if (std::ifstream in(key_file); in) kept_key.assign(std::istreambuf_iterator<char>(in), {});
  MonitorOptions options;
  options.actor = "bench";
  options.threads = threads;
  if (kept_key != base_key) {
    std::filesystem::remove_all(dir);
    auto store = open_case_store(base_dir).value();
    start = clock_type::now();
    if (auto put = store->put_subjects(subjects, "bench"); !put) {
      fmt::print(stderr, "error: {}\n", put.error().message);
      return 2;
    }
    fmt::print("{} subjects written in {:.1f} s\n", subjects.size(), seconds_since(start));
    start = clock_type::now();
    auto first = run_monitor(*store, *before, options);
    if (!first) {
      fmt::print(stderr, "error: {}\n", first.error().message);
      return 2;
    }
    fmt::print("first run (every subject, the lists before): {:.1f} s, {} alerts opened\n",
               seconds_since(start), first->opened.size());
    store.reset();
    std::ofstream(key_file) << base_key;
  } else {
    fmt::print("the store after the first run kept in {} is used again\n", base_dir);
  }
  for (const std::string& d : {full_dir, delta_dir}) {
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    std::filesystem::copy_file(base_dir + "/cases.db", d + "/cases.db");
  }

  auto delta_store = open_case_store(delta_dir).value();
  std::unique_ptr<CaseStore> full_store;
  // One round: the delta from `from` to `to`'s lists, then (unless --delta-only) the full re-screen
  // against them; 0 when both raised the same alerts.
  auto round = [&](const char* label, const ScreeningEngine& to, const Snapshot& from) -> int {
    auto start = clock_type::now();
    auto delta = run_monitor_delta(*delta_store, to, from, options);
    const double delta_seconds = seconds_since(start);
    if (!delta) {
      fmt::print(stderr, "error: {}\n", delta.error().message);
      return 2;
    }
    fmt::print("{}\n", label);
    fmt::print(
        "delta:          {:.2f} s, screened {} ({} for an alert, {} for a match, {} near the "
        "threshold, {} without a near score; {} parties changed, {} terms reweighted), opened {}, "
        "reopened {}, delisted {}\n",
        delta_seconds, delta->screened, delta->chosen_for_alert, delta->chosen_for_match,
        delta->chosen_for_near, delta->chosen_without_near, delta->changed_parties,
        delta->reweighted_terms, delta->opened.size(), delta->reopened.size(),
        delta->delisted.size());
    fmt::print(
        "  near scores raised without a re-screen: {}, words whose drift rose: {}; weights moved "
        "under {:.3f} left out of the delta index; near the threshold, checked and nothing to "
        "record: {}\n",
        delta->near_raised, delta->words_raised, delta->weight_cut, delta->near_checked);
    for (const auto& [name, seconds] : delta->steps) fmt::print("  {}: {:.3f} s\n", name, seconds);
    if (delta_only) return 0;

    if (!full_store) full_store = open_case_store(full_dir).value();
    start = clock_type::now();
    auto full = run_monitor(*full_store, to, options);
    const double full_seconds = seconds_since(start);
    if (!full) {
      fmt::print(stderr, "error: {}\n", full.error().message);
      return 2;
    }
    fmt::print("full re-screen: {:.2f} s, screened {}, opened {}, reopened {}, delisted {}\n",
               full_seconds, full->screened, full->opened.size(), full->reopened.size(),
               full->delisted.size());
    const auto a = raised(*full_store, *full), b = raised(*delta_store, *delta);
    size_t only_full = 0, only_delta = 0;
    for (const auto& x : a)
      if (!b.count(x)) {
        ++only_full;
        fmt::print("  raised by the full run only: subject {} → party {}\n", x.first, x.second);
      }
    for (const auto& x : b)
      if (!a.count(x)) {
        ++only_delta;
        fmt::print("  raised by the delta only: subject {} → party {}\n", x.first, x.second);
      }
    fmt::print(
        "delta {:.1f}x faster; alerts raised by the full run only: {}, by the delta only: {}\n",
        full_seconds / delta_seconds, only_full, only_delta);
    return only_full + only_delta == 0 ? 0 : 1;
  };
  int status = round("the lists changed by 1 %:", *after, *before_snapshot);
  if (status == 0 && and_back)
    status = round("the lists changed back (a delta after a delta):", *before, *after->snapshot);
  return status;
}
