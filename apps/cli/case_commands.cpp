// `clearance subjects | alerts | monitor | audit`: the case store (src/clearance/store) from the
// command line. Every change is recorded with its actor: --reviewer, else the OS user.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <thread>

#include "clearance/store/case_file.h"
#include "clearance/store/case_json.h"
#include "clearance/store/case_store.h"
#include "clearance/store/monitor.h"
#include "clearance/store/subjects_file.h"
#include "clearance/store/webhook.h"
#include "commands.h"

namespace clearance::cli {
namespace {

struct CaseArgs {
  // subjects add
  std::string id, name, country, type, dob, identifier, file;
  // alerts
  std::string status, subject, decision, reason, reviewer;
  int64_t alert_id = 0, after = 0;
  size_t limit = 50;
  float threshold = 0.80f;
  bool json = false;
  bool full = false;  // monitor run: every subject, not the delta
  // audit export
  std::string format = "json", output;
  // notify
  bool pending = false;
  std::string url, secret_file;
};

std::unique_ptr<CaseStore> open_store(const GlobalOptions& global) {
  auto store = open_case_store(SnapshotStore::resolve_data_dir(global.data_dir));
  if (!store) {
    fmt::print(stderr, "error: {}\n", store.error().message);
    return nullptr;
  }
  return std::move(store.value());
}

std::string actor_of(const CaseArgs& args) {
  return args.reviewer.empty() ? os_user() : args.reviewer;
}

int fail(const Error& e) {
  fmt::print(stderr, "error: {}\n", e.message);
  return kExitError;
}

}  // namespace

void print_monitor_report(const MonitorReport& r) {
  if (r.mode == "delta")
    fmt::print(
        "delta from snapshot {}: {} parties changed, {} terms reweighted; re-screened {} of "
        "{} subject(s) ({} with an alert on a changed party, {} matching a changed or reweighted "
        "party, {} near enough the threshold for the reweighting to lift, {} without a near score "
        "to bound it); near scores raised without a re-screen: {}\n",
        r.against, r.changed_parties, r.reweighted_terms, r.screened, r.subjects,
        r.chosen_for_alert, r.chosen_for_match, r.chosen_for_near, r.chosen_without_near,
        r.near_raised);
  else if (r.mode == "full")
    fmt::print("full run ({}): every subject\n", r.why_full);
  else if (r.mode == "up_to_date" && r.screened == 0)
    return fmt::print("already done for snapshot {}: nothing to screen\n", r.against);
  else if (r.mode == "up_to_date")
    fmt::print(
        "already done for snapshot {}: only the {} subject(s) never screened (or screened at a "
        "stricter threshold)\n",
        r.against, r.screened);
  fmt::print(
      "screened {} subject(s): {} hit(s); alerts opened {}, reopened {}, suppressed (false "
      "positives unchanged) {}, closed as delisted {}\n",
      r.screened, r.hits, r.opened.size(), r.reopened.size(), r.suppressed.size(),
      r.delisted.size());
}

// After a list import: where a case store keeps subjects, the change is monitored at once.
bool monitor_after_import(const GlobalOptions& global) {
  const std::string data_dir = SnapshotStore::resolve_data_dir(global.data_dir);
  if (!std::filesystem::exists(data_dir + "/cases.db")) return true;
  auto store = open_case_store(data_dir);
  if (!store) {
    fmt::print(stderr, "warning: monitoring after the import: {}\n", store.error().message);
    return false;
  }
  auto subjects = store.value()->subjects();
  if (subjects && subjects->empty()) return true;
  auto engine = load_engine(global, "current");
  if (!engine) return false;
  MonitorOptions options;
  options.actor = os_user();
  options.threads = std::max(1u, std::thread::hardware_concurrency());
  SnapshotStore snapshots(data_dir);
  auto report = monitor_lists(*store.value(), *engine, snapshots, options, false);
  if (!report) {
    fmt::print(stderr, "warning: monitoring after the import: {} (run `clearance monitor run`)\n",
               report.error().message);
    return false;
  }
  fmt::print("monitoring: ");
  print_monitor_report(report.value());
  return true;
}

namespace {

// The engine of the current snapshot, loaded before anything is stored so that a damaged
// snapshot fails the command with nothing changed; a null handle and `ok` when there is no
// snapshot yet (the first `monitor run` screens the subjects), `ok` false (reason printed) when
// it cannot be loaded.
EngineHandle current_engine(const GlobalOptions& global, bool& ok) {
  ok = true;
  SnapshotStore snapshots(SnapshotStore::resolve_data_dir(global.data_dir));
  auto current = snapshots.current_id();
  if (!current || current->empty()) return nullptr;
  EngineHandle engine = load_engine(global, "current");
  ok = engine != nullptr;
  return engine;
}

// Screens the given subjects against the engine's snapshot, when there is one.
int screen_now(const ScreeningEngine* engine, CaseStore& store,
               const std::vector<Subject>& subjects, const CaseArgs& args) {
  if (subjects.empty()) return kExitOk;
  if (!engine) {
    fmt::print("no list snapshot yet: the subjects are screened by the first `monitor run`\n");
    return kExitOk;
  }
  MonitorOptions options;
  options.threshold = args.threshold;
  options.actor = actor_of(args);
  auto report = screen_subjects(store, *engine, subjects, options);
  if (!report) return fail(report.error());
  print_monitor_report(report.value());
  return kExitOk;
}

int run_subjects_add(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  std::vector<Subject> given;
  std::vector<std::string> rejected;
  if (!args.file.empty()) {
    auto file = read_subjects_file(args.file);
    if (!file) return fail(file.error());
    given = std::move(file->subjects);
    rejected = std::move(file->rejected);
  } else {
    if (args.id.empty() || args.name.empty()) {
      fmt::print(stderr, "error: give ID and NAME, or --file FILE\n");
      return kExitError;
    }
    Subject s;
    s.id = args.id;
    s.name = args.name;
    s.country = args.country;
    s.type = args.type;
    s.date_of_birth = args.dob;
    s.identifier = args.identifier;
    if (const std::string why = subject_problem(s); !why.empty()) {
      fmt::print(stderr, "error: {}\n", why);
      return kExitError;
    }
    given.push_back(std::move(s));
  }
  bool engine_ok = true;
  const EngineHandle engine = current_engine(global, engine_ok);
  if (!engine_ok) return kExitError;
  // Only what is new or changed is screened again, and what an earlier add stored but did not
  // get to screen.
  auto put = store->put_subjects(given, actor_of(args));
  if (!put) return fail(put.error());
  auto to_screen = subjects_to_screen(*store, given, put.value(), args.threshold);
  if (!to_screen) return fail(to_screen.error());
  const size_t changed =
      static_cast<size_t>(std::count(put.value().begin(), put.value().end(), true));
  for (const auto& r : rejected) fmt::print(stderr, "rejected: {}\n", r);
  fmt::print("{} subject(s) given, {} new or changed, {} rejected", given.size(), changed,
             rejected.size());
  if (to_screen->size() > changed)
    fmt::print("; {} stored earlier but never screened (or at a stricter threshold)",
               to_screen->size() - changed);
  fmt::print("\n");
  const int rc = screen_now(engine.get(), *store, to_screen.value(), args);
  if (rc != kExitOk) return rc;
  return rejected.empty() ? kExitOk : kExitPartial;
}

int run_subjects_list(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  auto subjects = store->subjects();
  if (!subjects) return fail(subjects.error());
  for (const Subject& s : subjects.value()) {
    if (args.json) {
      fmt::print("{}\n", subject_to_json(s).dump());
    } else {
      fmt::print("{:<20} {:<40} {:<3} {}\n", s.id, s.name, s.country, s.type);
    }
  }
  return kExitOk;
}

int run_subjects_remove(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  if (auto st = store->remove_subject(args.id, actor_of(args)); !st) return fail(st.error());
  fmt::print("subject {} removed; its open alerts closed\n", args.id);
  return kExitOk;
}

int run_monitor_command(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  auto engine = load_engine(global, "current");
  if (!engine) return kExitError;
  MonitorOptions options;
  options.threshold = args.threshold;
  options.actor = actor_of(args);
  options.threads = std::max(1u, std::thread::hardware_concurrency());
  SnapshotStore snapshots(SnapshotStore::resolve_data_dir(global.data_dir));
  auto report = monitor_lists(*store, *engine, snapshots, options, args.full);
  if (!report) return fail(report.error());
  print_monitor_report(report.value());
  return report->opened.empty() && report->reopened.empty() ? kExitOk : kExitHits;
}

int run_alerts_list(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  AlertFilter filter;
  if (!args.status.empty()) filter.status = alert_status_from(args.status);
  filter.subject_id = args.subject;
  filter.after_id = args.after;
  filter.limit = args.limit;
  auto alerts = store->alerts(filter);
  if (!alerts) return fail(alerts.error());
  for (const Alert& a : alerts.value()) {
    if (args.json)
      fmt::print("{}\n", alert_to_json(a).dump());
    else
      fmt::print("{:>6}  {:<9} {:<15} {:<16} {:<14} {:.3f}  {}\n", a.id, to_string(a.status),
                 a.resolution.empty() ? "-" : a.resolution, a.subject_id, a.party_id, a.score,
                 a.party_name);
  }
  return kExitOk;
}

int run_alerts_show(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  auto alert = store->alert(args.alert_id);
  if (!alert) return fail(alert.error());
  if (!alert.value())
    return fail({ErrorCode::not_found, fmt::format("no alert {}", args.alert_id)});
  nlohmann::ordered_json out = alert_to_json(**alert);
  auto decisions = store->decisions(args.alert_id);
  if (!decisions) return fail(decisions.error());
  out["decisions"] = nlohmann::ordered_json::array();
  for (const Decision& d : decisions.value()) out["decisions"].push_back(decision_to_json(d));
  auto trail = store->audit(fmt::format("alert:{}", args.alert_id), 1000);
  if (!trail) return fail(trail.error());
  out["audit"] = nlohmann::ordered_json::array();
  for (const AuditEntry& e : trail.value()) out["audit"].push_back(audit_entry_to_json(e));
  fmt::print("{}\n", out.dump(2));
  return kExitOk;
}

int run_alerts_decide(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  Decision d;
  d.alert_id = args.alert_id;
  d.decision = args.decision;
  d.reason = args.reason;
  d.reviewer = actor_of(args);
  if (auto st = store->decide(d); !st) return fail(st.error());
  fmt::print("alert {}: {} by {}\n", d.alert_id, d.decision, d.reviewer);
  return kExitOk;
}

int run_four_eyes(const GlobalOptions& global, const CaseArgs& args, bool on) {
  auto store = open_store(global);
  if (!store) return kExitError;
  if (auto st = store->set_four_eyes(on, actor_of(args)); !st) return fail(st.error());
  fmt::print("four-eyes {}: {}\n", on ? "on" : "off",
             on ? "a false positive waits for a second reviewer's confirm"
                : "a false positive closes at once");
  return kExitOk;
}

int run_audit_verify(const GlobalOptions& global) {
  // A store that is not there is not an intact one (opening it would make an empty store that
  // verifies): a deleted cases.db is reported.
  const std::string data_dir = SnapshotStore::resolve_data_dir(global.data_dir);
  if (!std::filesystem::exists(data_dir + "/cases.db")) {
    fmt::print(stderr, "error: no case store in {} (cases.db is missing): nothing to verify\n",
               data_dir);
    return kExitError;
  }
  auto store = open_store(global);
  if (!store) return kExitError;
  auto verdict = store->verify_audit();
  if (!verdict) return fail(verdict.error());
  if (verdict->intact) {
    fmt::print(
        "audit trail intact: {} entries, and the alerts, decisions, screenings and subjects "
        "they record\n",
        verdict->entries);
    return kExitOk;
  }
  fmt::print("audit trail BROKEN at entry {} of {}: {}\n", verdict->first_bad, verdict->entries,
             verdict->problem);
  return kExitHits;
}

// `audit export --alert ID`: the alert's case file, JSON or a printable HTML page; without
// --alert, every audit entry as JSON Lines (with the hashes that chain them), for archiving.
int run_audit_export(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  std::string text;
  if (args.alert_id > 0) {
    SnapshotStore snapshots(SnapshotStore::resolve_data_dir(global.data_dir));
    auto file = alert_case_file(*store, args.alert_id, &snapshots,
                                std::string("clearance ") + CLEARANCE_VERSION);
    if (!file) return fail(file.error());
    text = args.format == "html" ? case_file_html(file.value()) : file->dump(2) + "\n";
  } else {
    if (args.format == "html") {
      fmt::print(stderr, "error: --format html needs --alert ID (a case file is one alert's)\n");
      return kExitError;
    }
    auto entries = store->audit("", std::numeric_limits<int64_t>::max());
    if (!entries) return fail(entries.error());
    for (const AuditEntry& e : entries.value()) text += audit_entry_to_json(e).dump() + "\n";
  }
  if (args.output.empty()) {
    fmt::print("{}", text);
    return kExitOk;
  }
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    fmt::print(stderr, "error: cannot write {}\n", args.output);
    return kExitError;
  }
  fmt::print(stderr, "written: {}\n", args.output);
  return kExitOk;
}

int run_notify_list(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  auto list = store->notifications(args.after, args.limit, args.pending);
  if (!list) return fail(list.error());
  for (const Notification& n : list.value()) {
    if (args.json) {
      fmt::print("{}\n", notification_to_json(n).dump());
      continue;
    }
    fmt::print("{:>6}  {}  {:<15} {:<22} {}\n", n.id, n.at, n.event, n.payload.value("object", ""),
               !n.delivered_at.empty() ? "delivered " + n.delivered_at
               : n.attempts            ? fmt::format("{} attempt(s), next {}: {}", n.attempts,
                                                     n.next_attempt_at, n.last_error)
                                       : "pending");
  }
  return kExitOk;
}

// One delivery pass (for cron, where no server runs): exit 0 when everything due was delivered.
int run_notify_deliver(const GlobalOptions& global, const CaseArgs& args) {
  auto store = open_store(global);
  if (!store) return kExitError;
  auto secret = read_webhook_secret(args.secret_file);
  if (!secret) return fail(secret.error());
  auto pass =
      deliver_notifications(*store, WebhookConfig{args.url, secret.value(), 10}, utc_now_iso());
  if (!pass) return fail(pass.error());
  fmt::print("delivered {}\n", pass->delivered);
  if (pass->failed) {
    fmt::print(stderr, "failed: {} (tried again from its next attempt time)\n", pass->last_error);
    return kExitPartial;
  }
  return kExitOk;
}

}  // namespace

void add_case_commands(CLI::App& app, GlobalOptions& global, int& exit_code) {
  static CaseArgs args;
  auto reviewer = [](CLI::App* c) {
    c->add_option("--reviewer", args.reviewer, "Who does this (default: the OS user)");
  };
  auto* subjects = app.add_subcommand("subjects", "Counterparties to monitor (the case store)");
  subjects->require_subcommand(1);
  auto* add = subjects->add_subcommand("add", "Add or update subjects, and screen them");
  add->add_option("id", args.id, "Your id for the subject");
  add->add_option("name", args.name, "Its name (any script)");
  add->add_option("--country", args.country, "Country (ISO code or name)");
  add->add_option("--type", args.type, "person, organization, vessel or aircraft")
      ->check(CLI::IsMember({"person", "organization", "vessel", "aircraft"}));
  add->add_option("--dob", args.dob, "Date of birth YYYY[-MM[-DD]]");
  add->add_option("--identifier", args.identifier, "Passport, registration number…");
  add->add_option("--file", args.file,
                  "CSV (header: id, name; country, type, dob, identifier; other columns kept as "
                  "attributes) or JSON Lines");
  add->add_option("--threshold", args.threshold, "Minimum score of an alert (default 0.80)")
      ->check(kScore);
  reviewer(add);
  add->callback([&] { exit_code = run_subjects_add(global, args); });
  auto* list = subjects->add_subcommand("list", "Every subject");
  list->add_flag("--json", args.json, "JSON Lines");
  list->callback([&] { exit_code = run_subjects_list(global, args); });
  auto* remove = subjects->add_subcommand("remove", "Remove a subject (its open alerts close)");
  remove->add_option("id", args.id, "The subject's id")->required();
  reviewer(remove);
  remove->callback([&] { exit_code = run_subjects_remove(global, args); });

  auto* monitor = app.add_subcommand("monitor", "Screen the subjects against the current lists");
  monitor->require_subcommand(1);
  auto* run = monitor->add_subcommand(
      "run",
      "Screen the subjects the lists' change since the last run can affect (every subject on "
      "the first run, with --full, or when the matcher changed); open, reopen or suppress "
      "alerts; close those of delisted parties (exit 1 when an alert opened or reopened)");
  run->add_flag("--full", args.full, "Screen every subject, not only those the change can reach");
  run->add_option("--threshold", args.threshold, "Minimum score of an alert (default 0.80)")
      ->check(kScore);
  reviewer(run);
  run->callback([&] { exit_code = run_monitor_command(global, args); });

  auto* alerts = app.add_subcommand("alerts", "Alerts: a subject that matched a listed party");
  alerts->require_subcommand(1);
  auto* alist = alerts->add_subcommand("list", "Alerts, oldest first");
  alist->add_option("--status", args.status, "open, escalated, awaiting_confirmation or closed")
      ->check(CLI::IsMember({"open", "escalated", "awaiting_confirmation", "closed"}));
  alist->add_option("--subject", args.subject, "Only this subject's");
  alist->add_option("--after", args.after, "Page: alerts after this id")
      ->check(whole_number(kMostId));
  alist->add_option("--limit", args.limit, "At most this many (default 50)")
      ->check(whole_number(1000000));
  alist->add_flag("--json", args.json, "JSON Lines");
  alist->callback([&] { exit_code = run_alerts_list(global, args); });
  auto* show = alerts->add_subcommand("show", "One alert, its decisions and its audit entries");
  show->add_option("id", args.alert_id, "Alert id")->required()->check(whole_number(kMostId));
  show->callback([&] { exit_code = run_alerts_show(global, args); });
  auto* decide = alerts->add_subcommand("decide", "Decide an alert, with a reason");
  decide->add_option("id", args.alert_id, "Alert id")->required()->check(whole_number(kMostId));
  decide
      ->add_option("--decision", args.decision,
                   "true_match, false_positive, escalate, or confirm (a second reviewer's, under "
                   "four-eyes)")
      ->required()
      ->check(CLI::IsMember({"true_match", "false_positive", "escalate", "confirm"}));
  decide->add_option("--reason", args.reason, "Why (required)")->required();
  reviewer(decide);
  decide->callback([&] { exit_code = run_alerts_decide(global, args); });

  static std::string four_eyes;
  auto* eyes = alerts->add_subcommand(
      "four-eyes", "on: a false positive closes only when a second reviewer confirms it");
  eyes->add_option("state", four_eyes, "on or off")
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  reviewer(eyes);
  eyes->callback([&] { exit_code = run_four_eyes(global, args, four_eyes == "on"); });

  auto* audit = app.add_subcommand("audit", "The audit trail of the case store");
  audit->require_subcommand(1);
  audit
      ->add_subcommand("verify",
                       "Check the hash chain and the tables it records: exit 1 naming the first "
                       "bad entry")
      ->callback([&] { exit_code = run_audit_verify(global); });
  auto* exp = audit->add_subcommand(
      "export",
      "An alert's case file (--alert ID; JSON or printable HTML), or every entry as JSON Lines");
  exp->add_option("--alert", args.alert_id, "The alert whose case file to write")
      ->check(whole_number(kMostId));
  exp->add_option("--format", args.format, "json (default) or html")
      ->check(CLI::IsMember({"json", "html"}));
  exp->add_option("--output,-o", args.output, "Write here rather than to standard output");
  exp->callback([&] { exit_code = run_audit_export(global, args); });

  auto* notify = app.add_subcommand(
      "notify",
      "The case store's outbox: alerts opened, reopened, decided, closed; monitoring runs");
  notify->require_subcommand(1);
  auto* nlist = notify->add_subcommand("list", "Notifications, oldest first");
  nlist->add_flag("--pending", args.pending, "Only those not delivered yet");
  nlist->add_option("--after", args.after, "Page: notifications after this id")
      ->check(whole_number(kMostId));
  nlist->add_option("--limit", args.limit, "At most this many (default 50)")
      ->check(whole_number(1000000));
  nlist->add_flag("--json", args.json, "JSON Lines");
  nlist->callback([&] { exit_code = run_notify_list(global, args); });
  auto* deliver = notify->add_subcommand(
      "deliver", "POST what is due to a webhook, signed (HMAC-SHA256); failures are retried later");
  deliver->add_option("--url", args.url, "The webhook")->required();
  deliver->add_option("--secret-file", args.secret_file, "File whose first line is the secret")
      ->required();
  deliver->callback([&] { exit_code = run_notify_deliver(global, args); });
}

}  // namespace clearance::cli
