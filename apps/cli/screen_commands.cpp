// `clearance screen` and `clearance compare`.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "clearance/batch/batch_runner.h"
#include "clearance/match/explanation.h"
#include "clearance/match/list_filter.h"
#include "clearance/match/name_index_file.h"
#include "clearance/match/screen_output.h"
#include "clearance/match/screening_engine.h"
#include "clearance/model/country_codes.h"
#include "clearance/model/freshness.h"
#include "clearance/store/case_store.h"
#include "clearance/store/monitor.h"
#include "clearance/store/screening_batch.h"
#include "clearance/util/dates.h"
#include "clearance/util/sha256.h"
#include "clearance/util/strings.h"
#include "commands.h"

namespace clearance::cli {

namespace {

struct ScreenArgs {
  std::vector<std::string> names;
  std::string input, output, errors, input_format, output_format;
  unsigned threads = 0;
  bool resume = false;
  std::string country, type, dob, id, format, snapshot = "current";
  std::vector<std::string> lists;
  float threshold = 0.80f;
  size_t limit = 10;
  bool explain = false;
  bool record = false;
  std::string reviewer;
  int max_list_age = kDefaultMaxListAgeDays;
};

// A list older than the user accepts cannot clear a party listed since: say so on stderr.
void warn_stale_lists(const Snapshot& snapshot, int max_age_days) {
  for (const std::string& w : freshness_warnings(snapshot, today_utc(), max_age_days))
    fmt::print(stderr, "warning: {}\n", w);
}

std::string shorten(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  size_t cut = width - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // keep UTF-8 whole
  return text.substr(0, cut) + "…";
}

// One line per party: its score, every list it is on (most consequential first), its name, the
// name that matched, and the license requirement of its first listing that states one.
void print_table(const std::string& query, const nlohmann::ordered_json& out, bool explain) {
  const auto& hits = out["hits"];
  if (hits.empty()) {
    fmt::print("{}: no hit\n", query);
    return;
  }
  const size_t total = out.value("total", hits.size());
  if (total > hits.size())
    fmt::print("{}: {} of {} parties\n", query, hits.size(), total);
  else
    fmt::print("{}: {} part{}\n", query, hits.size(), hits.size() == 1 ? "y" : "ies");
  fmt::print("  {:>5}  {:<14} {:<44} {:<40} {}\n", "score", "lists", "name", "matched name",
             "license requirement / policy");
  for (const auto& h : hits) {
    std::vector<std::string> lists;
    std::string license;
    for (const auto& l : h["listings"]) {
      const std::string code = l["list"].get<std::string>();
      if (std::find(lists.begin(), lists.end(), code) == lists.end()) lists.push_back(code);
      if (license.empty() && l.contains("license_requirement"))
        license = shorten(l["license_requirement"].get<std::string>(), 40) + " / " +
                  shorten(l.value("license_policy", ""), 40);
    }
    // A name the lists do not carry is marked as such, here and in the explanation.
    const bool added = h.value("matched_name_kind", "") == "added_by_clearance";
    const std::string matched =
        h["matched_name"].get<std::string>() + (added ? " (added by Clearance)" : "");
    fmt::print("  {:>5.3f}  {:<14} {:<44} {:<40} {}\n", h["score"].get<double>(),
               shorten(join(lists, ","), 14), shorten(h["name"].get<std::string>(), 44),
               shorten(matched, 40), license);
    if (explain) fmt::print("         why: {}\n", explain_text(h["explanation"]));
    if (explain && added)
      fmt::print("         name: {}\n", h.value("matched_name_source", std::string()));
  }
}

// The case store `--record` writes to; nullptr (reason printed) when it cannot be opened.
std::unique_ptr<CaseStore> store_for_record(const GlobalOptions& global) {
  auto opened = open_case_store(SnapshotStore::resolve_data_dir(global.data_dir));
  if (!opened) {
    fmt::print(stderr, "error: --record: {}\n", opened.error().message);
    return nullptr;
  }
  return std::move(opened.value());
}

int run_batch_screen(const GlobalOptions& global, const ScreenArgs& args);

int run_screen(const GlobalOptions& global, const ScreenArgs& args) {
  if (!args.input.empty()) return run_batch_screen(global, args);
  if (args.names.empty()) {
    fmt::print(stderr, "error: give names to screen, or --input FILE\n");
    return kExitError;
  }
  auto engine = load_engine(global, args.snapshot);
  if (!engine) return kExitError;
  warn_stale_lists(*engine->snapshot, args.max_list_age);
  ScreenQuery query;
  query.country = args.country;
  if (!args.country.empty() && CountryResolver().resolve(args.country).empty()) {
    fmt::print(stderr, "error: --country '{}' is not a country code or name\n", args.country);
    return kExitError;
  }
  if (!args.type.empty()) {
    query.type = entity_type_from_string(args.type);
    if (query.type == EntityType::unknown) {
      fmt::print(stderr, "error: --type must be person, organization, vessel or aircraft\n");
      return kExitError;
    }
  }
  if (!args.dob.empty() && !is_iso_date(args.dob)) {
    fmt::print(stderr,
               "error: --dob: '{}' is not a date of the calendar (YYYY, YYYY-MM or "
               "YYYY-MM-DD)\n",
               args.dob);
    return kExitError;
  }
  query.date_of_birth = args.dob;
  query.identifier = args.id;
  auto lists = resolve_list_filter(*engine->snapshot, args.lists);
  if (!lists) {
    fmt::print(stderr, "error: --lists: {}\n", lists.error().message);
    return kExitError;
  }
  query.lists = std::move(lists.value());
  ScreenOptions options;
  options.threshold = args.threshold;
  options.limit = args.limit;
  const std::string format =
      args.format.empty() ? (::isatty(STDOUT_FILENO) ? "table" : "jsonl") : args.format;
  ScreenSession session;
  bool any_hit = false, any_unread = false;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  std::unique_ptr<CaseStore> cases;
  if (args.record && !(cases = store_for_record(global))) return kExitError;
  for (size_t i = 0; i < args.names.size(); ++i) {
    query.name = args.names[i];
    if (trim(query.name).empty() || !is_valid_utf8(query.name)) {
      fmt::print(stderr, "error: name {} is empty or not valid UTF-8\n", i + 1);
      return kExitError;
    }
    const ScreenResult result = engine->screener->screen(query, options, session);
    if (cases) {
      // Recorded before it is printed: an answer shown is an answer kept.
      auto recorded = cases->record_screening(
          make_screening_record(*engine, query, result, options.threshold,
                                args.reviewer.empty() ? os_user() : args.reviewer));
      if (!recorded) {
        fmt::print(stderr, "error: --record: {}\n", recorded.error().message);
        return kExitError;
      }
    }
    nlohmann::ordered_json out =
        screen_result_to_json(std::to_string(i + 1), query, result, *engine->screener,
                              engine->snapshot->id, options.threshold);
    any_hit = any_hit || result.total > 0;  // hits cut by --limit 0 are hits still
    if (!result.unread.empty()) {
      any_unread = true;
      fmt::print(stderr, "warning: name {}: {}\n", i + 1, unread_message(result.unread));
    }
    if (format == "table")
      print_table(query.name, out, args.explain);
    else if (format == "jsonl")
      fmt::print("{}\n", out.dump());
    else
      all.push_back(std::move(out));
  }
  if (format == "json") fmt::print("{}\n", all.size() == 1 ? all[0].dump(2) : all.dump(2));
  if (format == "table")
    fmt::print("snapshot {} ({} entities, {} names; loaded in {:.3f} s, index {} in {:.3f} s)\n",
               engine->snapshot->id, engine->snapshot->entities.size(), engine->index->name_count(),
               engine->load_seconds, engine->index_report.mapped ? "mapped" : "built",
               engine->index_seconds);
  // No hit for a name not wholly read is no answer: indeterminate.
  return any_hit ? kExitHits : any_unread ? kExitPartial : kExitOk;
}

// A one-line progress bar with rate and ETA, redrawn in place; only on a terminal.
void draw_progress(const BatchSummary& s, double fraction) {
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  const double rate = s.seconds > 0 ? s.rows / s.seconds : 0;
  const double eta = fraction > 0 ? s.seconds * (1 - fraction) / fraction : 0;
  fmt::print(stderr, "\r[{}{}] {:5.1f}%  {} rows  {:.0f} rows/s  ETA {:.0f} s  ",
             std::string(filled, '#'), std::string(width - filled, '.'), fraction * 100, s.rows,
             rate, eta);
}

int run_batch_screen(const GlobalOptions& global, const ScreenArgs& args) {
  if (args.output.empty()) {
    fmt::print(stderr, "error: --input needs --output\n");
    return kExitError;
  }
  auto engine = load_engine(global, args.snapshot);
  if (!engine) return kExitError;
  warn_stale_lists(*engine->snapshot, args.max_list_age);
  auto input = BatchInput::open(args.input, args.input_format);
  if (!input) {
    fmt::print(stderr, "error: {}\n", input.error().message);
    return kExitError;
  }
  BatchOptions options;
  options.screen.threshold = args.threshold;
  options.screen.limit = args.limit;
  options.threads = args.threads;
  options.resume = args.resume;
  options.input_sha256 = sha256_file(args.input);
  auto lists = resolve_list_filter(*engine->snapshot, args.lists);
  if (!lists) {
    fmt::print(stderr, "error: --lists: {}\n", lists.error().message);
    return kExitError;
  }
  options.lists = std::move(lists.value());
  std::string out_format = args.output_format;
  if (out_format.empty()) out_format = ascii_lower(args.output).ends_with(".csv") ? "csv" : "jsonl";
  options.format = out_format == "csv" ? BatchOutputFormat::csv : BatchOutputFormat::jsonl;
  const std::string errors = args.errors.empty() ? args.output + ".errors.csv" : args.errors;
  // --record: each chunk's screenings kept in the case store as one batch (one transaction, one
  // audit entry) before its output is written; the row's id goes with the query. The batch's body
  // is made (prepare_batch_body) outside the store's transaction, beside the next chunk's
  // screening.
  std::unique_ptr<CaseStore> cases;
  if (args.record) {
    if (!(cases = store_for_record(global))) return kExitError;
    const ScreeningEngine& e = *engine;
    options.keeper.prepare = [](const std::vector<std::string_view>& screenings,
                                std::any& prepared) -> Status {
      auto body = prepare_batch_body(screenings);
      if (!body) return make_error(body.error().code, "--record: " + body.error().message);
      prepared = std::move(body.value());
      return Ok{};
    };
    options.keeper.keep = [&cases, &e, actor = args.reviewer.empty() ? os_user() : args.reviewer,
                           threshold = args.threshold](
                              const std::vector<std::string_view>& screenings, std::any body,
                              const std::string& key) -> Status {
      ScreeningBatch batch;
      batch.actor = actor;
      batch.threshold = threshold;
      batch.snapshot_id = e.snapshot->id;
      batch.matcher = index_build_key();
      batch.screenings = screenings;
      auto* made = std::any_cast<PreparedBatchBody>(&body);
      if (!made)
        return make_error(ErrorCode::invalid_argument, "--record: the batch's body was not made");
      batch.body = std::move(*made);
      batch.key = key;
      auto ids = cases->record_batch(batch);
      if (!ids) return make_error(ids.error().code, "--record: " + ids.error().message);
      return Ok{};
    };
  }
  const bool tty = ::isatty(STDERR_FILENO);
  auto summary = run_batch(*engine->screener, engine->snapshot->id, *input.value(), args.output,
                           errors, options, tty ? BatchProgress(draw_progress) : BatchProgress());
  if (tty) fmt::print(stderr, "\n");
  if (!summary) {
    fmt::print(stderr, "error: {}\n(rerun with --resume to continue from the last checkpoint)\n",
               summary.error().message);
    return kExitError;
  }
  const BatchSummary& s = summary.value();
  fmt::print(
      stderr,
      "{} rows, {} with hits ({} hits), {} rejected{} (see {}), {:.2f} s, {:.0f} rows/s{}\n",
      s.rows, s.rows_with_hits, s.hits, s.errors,
      s.unread_rows ? fmt::format(", {} screened without words of a script not read", s.unread_rows)
                    : "",
      errors, s.seconds, s.seconds > 0 ? s.rows / s.seconds : 0.0,
      s.resumed_rows ? fmt::format(", {} rows done by the interrupted run", s.resumed_rows) : "");
  if (s.rows_with_hits > 0) return kExitHits;
  return s.errors > 0 || s.unread_rows > 0 ? kExitPartial : kExitOk;
}

int run_compare(const GlobalOptions& global, const std::string& a, const std::string& b,
                const std::string& type, const std::string& snapshot, bool json) {
  auto engine = load_engine(global, snapshot);
  if (!engine) return kExitError;
  ScreenSession session;
  const EntityType t = type.empty() ? EntityType::unknown : entity_type_from_string(type);
  const nlohmann::ordered_json out = compare_to_json(*engine->screener, a, b, t, session);
  if (json)
    fmt::print("{}\n", out.dump(2));
  else
    fmt::print("score {:.3f}\n{}\n", out["score"].get<double>(), explain_text(out["explanation"]));
  return kExitOk;
}

}  // namespace

// The snapshot loaded and indexed on every core; nullptr (reason printed) when it cannot be.
EngineHandle load_engine(const GlobalOptions& global, const std::string& snapshot) {
  SnapshotStore store(SnapshotStore::resolve_data_dir(global.data_dir));
  auto engine =
      load_screening_engine(store, snapshot, std::max(1u, std::thread::hardware_concurrency()));
  if (!engine) {
    fmt::print(stderr, "error: {}\n", engine.error().message);
    return nullptr;
  }
  // A missing index (a snapshot imported by an older build) is built and stored silently; a
  // stored one refused, or an index that could not be stored, is worth a line.
  const IndexLoadReport& r = engine.value()->index_report;
  if (!r.mapped && !r.rebuilt_because.ends_with(": missing"))
    fmt::print(stderr, "note: name index rebuilt: {}\n", r.rebuilt_because);
  if (!r.store_error.empty())
    fmt::print(stderr, "note: name index not stored ({}): the next run builds it again\n",
               r.store_error);
  return EngineHandle(engine.value().release());
}

void add_screen_commands(CLI::App& app, GlobalOptions& global, int& exit_code) {
  static ScreenArgs args;
  auto* screen = app.add_subcommand("screen", "Screen names against the current list snapshot");
  screen->add_option("names", args.names, "Names to screen (any script)");
  screen->add_option(
      "--input", args.input,
      "Batch: CSV (header with name; id, country, type, dob optional) or JSON Lines");
  screen->add_option("--output", args.output,
                     "Batch: results, JSON Lines (one per row) or .csv (one row per hit)");
  screen->add_option("--errors", args.errors,
                     "Batch: rejected rows with line and reason (default OUTPUT.errors.csv)");
  screen->add_option("--input-format", args.input_format, "csv or jsonl (default: by extension)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  screen->add_option("--output-format", args.output_format, "jsonl or csv (default: by extension)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  screen->add_option("--threads", args.threads, "Batch: worker threads (default: every core)")
      ->check(whole_number(1024));
  screen->add_flag("--resume", args.resume,
                   "Batch: continue an interrupted run from its checkpoint");
  screen->add_option("--country", args.country, "Country of the party (ISO code or name)");
  screen->add_option("--type", args.type, "person, organization, vessel or aircraft");
  screen->add_option("--dob", args.dob, "Date of birth YYYY[-MM[-DD]]");
  screen->add_option("--id", args.id, "An identifier: passport, registration number…");
  screen->add_option("--threshold", args.threshold, "Minimum score of a hit (default 0.80)")
      ->check(kScore);
  screen->add_option("--limit", args.limit, "Most hits per name (default 10)")
      ->check(whole_number(100000));
  // One value per --lists (comma-separated codes), so the names after it stay names.
  screen
      ->add_option("--lists", args.lists,
                   "Only parties on these lists or datasets, comma-separated (el,sdn,un_sc…)")
      ->delimiter(',')
      ->allow_extra_args(false);
  screen
      ->add_option("--format", args.format,
                   "table, json or jsonl (default: table on a terminal, else jsonl)")
      ->check(CLI::IsMember({"table", "json", "jsonl"}));
  screen->add_option("--snapshot", args.snapshot, "Snapshot to screen against (default: current)");
  screen->add_flag("--explain", args.explain, "Show the token alignment of each hit in the table");
  screen->add_flag("--record", args.record,
                   "Keep each screening (query, snapshot, hits) in the case store's audit trail "
                   "(with --input: every row, a chunk per transaction)");
  screen->add_option("--reviewer", args.reviewer, "Who screens, for --record (default: OS user)");
  screen
      ->add_option("--max-list-age", args.max_list_age,
                   "Warn when a list's publication date is older than this many days (default 90)")
      ->check(CLI::Range(0, 36500));
  screen->footer(
      "Exit codes: 0 no hit, 1 at least one hit, 2 error (nothing screened), 3 no hit but rows "
      "rejected (batch) or words of a script no reader spells left out of a name.");
  screen->callback([&] { exit_code = run_screen(global, args); });

  static std::string a, b, type, snapshot = "current";
  static bool json = false;
  auto* compare =
      app.add_subcommand("compare", "Score two names against each other and explain the score");
  compare->add_option("a", a, "First name")->required();
  compare->add_option("b", b, "Second name")->required();
  compare->add_option("--type", type, "person or organization");
  compare->add_option("--snapshot", snapshot, "Snapshot whose term statistics weigh the words");
  compare->add_flag("--json", json, "Print JSON");
  compare->callback([&] { exit_code = run_compare(global, a, b, type, snapshot, json); });
}

}  // namespace clearance::cli
