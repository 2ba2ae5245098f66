// `clearance serve` (the HTTP API) and `clearance api-key` (keys for it).
#include <fmt/format.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "api_service.h"
#include "clearance/lists/snapshot_store.h"
#include "clearance/store/monitor.h"
#include "clearance/store/webhook.h"
#include "clearance/text/japanese_reading.h"
#include "commands.h"
#include "http_server.h"

namespace clearance::cli {

namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1";
  uint16_t port = 8080;
  unsigned threads = 0;
  unsigned workers = 0;
  size_t queue_limit = 256;
  size_t max_response_bytes = size_t{64} << 20;
  std::string snapshot = "current";
  std::string api_keys;
  std::vector<std::string> allowed_hosts;
  std::string access_log;
  std::string rules_file;
  size_t body_limit = 4 << 20;
  size_t max_connections = 4096;
  double reload_interval = 10;
  std::string webhook_url, webhook_secret_file;
};

void log_line(const std::string& text) {
  fmt::print(stderr, "{} {}\n", utc_now_iso(), text);
}

constexpr int kReloadNice = 10;  // the HTTP workers run at 5, the I/O threads at 0

// Loads the first snapshot, then follows the store: every `interval` seconds, and at once when
// asked (SIGHUP), it swaps in a new current snapshot. Loading happens here, off the request
// threads.
class Reloader {
 public:
  Reloader(server::EngineHolder& engines, double interval, std::optional<WebhookConfig> webhook)
      : engines_(engines), interval_(interval), webhook_(std::move(webhook)) {
    thread_ = std::thread([this] { run(); });
  }
  ~Reloader() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void request() {
    {
      std::lock_guard lock(mutex_);
      requested_ = true;
    }
    wake_.notify_all();
  }

 private:
  void run() {
    // Loading and indexing a new snapshot must not slow the requests served meanwhile: this thread
    // (and the index builder's threads, which inherit it) runs below the workers' priority, and so
    // takes only the CPU they leave. With no traffic it runs at full speed.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kReloadNice);
    std::unique_lock lock(mutex_);
    std::string last_error;
    while (!stop_) {
      lock.unlock();
      auto result = engines_.reload();
      if (!result) {
        if (result.error().message != last_error)
          log_line(fmt::format("snapshot not loaded: {}{}", result.error().message,
                               engines_.engine() ? " (the previous snapshot stays in use)" : ""));
        last_error = result.error().message;
      } else if (result.value()) {
        last_error.clear();
        const auto engine = engines_.engine();
        log_line(fmt::format(
            "snapshot {} in use: {} entities, {} names (loaded in {:.3f} s, index "
            "{} in {:.3f} s{})",
            engine->snapshot->id, engine->snapshot->entities.size(), engine->index->name_count(),
            engine->load_seconds, engine->index_report.mapped ? "mapped" : "built",
            engine->index_seconds,
            engine->index_report.mapped ? "" : ": " + engine->index_report.rebuilt_because));
        monitor(*engine);
      }
      engines_.free_retired(std::chrono::seconds(60));
      deliver();
      lock.lock();
      const auto wait = interval_ > 0 ? std::chrono::duration<double>(interval_)
                        : webhook_    ? std::chrono::duration<double>(10.0)
                                      : std::chrono::duration<double>(24 * 3600.0);
      wake_.wait_for(lock, wait, [this] { return stop_ || requested_; });
      requested_ = false;
    }
  }

  // Where the data directory keeps a case store with subjects, a new snapshot is monitored here,
  // off the request threads (a delta from the last run; nothing when `lists import` already did).
  void monitor(const ScreeningEngine& engine) {
    const std::string& dir = engines_.data_dir();
    if (!std::filesystem::exists(dir + "/cases.db")) return;
    auto store = open_case_store(dir);
    if (!store) return log_line(fmt::format("monitoring not run: {}", store.error().message));
    auto subjects = store.value()->subjects();
    if (subjects && subjects->empty()) return;
    MonitorOptions options;
    options.actor = "server";
    auto report = monitor_lists(*store.value(), engine, SnapshotStore(dir), options, false);
    if (!report) return log_line(fmt::format("monitoring failed: {}", report.error().message));
    if (report->mode == "up_to_date") return;
    log_line(fmt::format(
        "monitoring ({}{}): screened {} of {} subjects; alerts opened {}, reopened {}, closed as "
        "delisted {}",
        report->mode, report->mode == "full" ? ", " + report->why_full : "", report->screened,
        report->subjects, report->opened.size(), report->reopened.size(), report->delisted.size()));
  }

  // The case store's outbox pushed to the webhook, on each round of this thread.
  void deliver() {
    const std::string& dir = engines_.data_dir();
    if (!webhook_ || !std::filesystem::exists(dir + "/cases.db")) return;
    auto store = open_case_store(dir);
    if (!store) return log_line(fmt::format("webhook: {}", store.error().message));
    auto pass = deliver_notifications(*store.value(), *webhook_, utc_now_iso());
    if (!pass) return log_line(fmt::format("webhook: {}", pass.error().message));
    if (pass->delivered || pass->failed)
      log_line(fmt::format("webhook: {} delivered{}", pass->delivered,
                           pass->failed ? "; " + pass->last_error + " (retried later)" : ""));
  }

  server::EngineHolder& engines_;
  double interval_;
  std::optional<WebhookConfig> webhook_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, requested_ = false;
  std::thread thread_;
};

bool is_loopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address.starts_with("127.") ||
         address == "localhost";
}

int run_serve(const GlobalOptions& global, const ServeArgs& args) {
  server::ApiOptions options;
  options.max_response_bytes = args.max_response_bytes;
  options.body_limit = args.body_limit;
  options.version = CLEARANCE_VERSION;
  if (!args.api_keys.empty()) {
    auto keys = server::ApiKeys::load_file(args.api_keys);
    if (!keys) {
      fmt::print(stderr, "error: {}\n", keys.error().message);
      return kExitError;
    }
    options.keys = std::move(keys.value());
  }
  rules::Rulebook rulebook;
  if (!args.rules_file.empty()) {
    auto loaded = rules::Rulebook::load_file(args.rules_file);
    if (!loaded) {
      fmt::print(stderr, "error: {}\n", loaded.error().message);
      return kExitError;
    }
    rulebook = std::move(loaded.value());
    options.rulebook = &rulebook;
  }
  // Without keys, answer only requests naming this server: loopback names, the address listened
  // on, and any --allowed-host (a browser page elsewhere cannot use it, even through DNS
  // rebinding). On a wildcard address with no --allowed-host the names are unknown: not checked.
  if (options.keys.empty()) {
    const bool wildcard = args.listen == "0.0.0.0" || args.listen == "::";
    if (!wildcard || !args.allowed_hosts.empty()) {
      options.allowed_hosts = {"localhost", "127.0.0.1", "::1"};
      if (!wildcard) options.allowed_hosts.push_back(server::host_of(args.listen));
      for (const auto& h : args.allowed_hosts) options.allowed_hosts.push_back(server::host_of(h));
    }
  }
  std::unique_ptr<server::AccessLog> access_log;
  if (!args.access_log.empty()) {
    auto opened = server::AccessLog::open(args.access_log);
    if (!opened) {
      fmt::print(stderr, "error: {}\n", opened.error().message);
      return kExitError;
    }
    access_log = std::move(opened.value());
    options.access_log = access_log.get();
  }
  if (!is_loopback(args.listen) && options.keys.empty())
    log_line(
        fmt::format("warning: listening on {} without API keys: anyone who can reach this "
                    "address can query the lists (pass --api-keys FILE)",
                    args.listen));

  // Signals are taken by this thread alone (sigwait below): block them before any thread starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::optional<WebhookConfig> webhook;
  if (!args.webhook_url.empty()) {
    if (args.webhook_secret_file.empty()) {
      fmt::print(stderr, "error: --webhook needs --webhook-secret-file (deliveries are signed)\n");
      return kExitError;
    }
    auto secret = read_webhook_secret(args.webhook_secret_file);
    if (!secret) {
      fmt::print(stderr, "error: {}\n", secret.error().message);
      return kExitError;
    }
    webhook = WebhookConfig{args.webhook_url, secret.value(), 10};
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  server::EngineHolder engines(SnapshotStore::resolve_data_dir(global.data_dir), args.snapshot,
                               cores);
  // The admin reload route hands its work to the reload thread (set once that thread runs).
  std::atomic<Reloader*> reloader_in_use{nullptr};
  options.request_reload = [&reloader_in_use] {
    if (Reloader* r = reloader_in_use.load()) r->request();
  };
  server::ApiService api(engines, std::move(options));
  // MeCab's dictionary for names in Japanese, loaded now rather than by the first Han query
  // (~0.1 s): a missing dictionary only means no Japanese readings.
  if (!JapaneseReader::available())
    log_line("note: no MeCab dictionary (mecab-naist-jdic): names in Japanese are read as Chinese");
  server::HttpServerOptions http;
  http.address = args.listen;
  http.port = args.port;
  http.threads = args.threads;
  http.body_limit = args.body_limit;
  http.max_connections = args.max_connections;
  http.workers = args.workers;
  http.queue_limit = args.queue_limit;
  http.runs_inline = &server::ApiService::runs_inline;
  server::HttpServer server([&api](const server::HttpRequest& r) { return api.handle(r); },
                            [&api](unsigned status, const std::string& message) {
                              return api.transport_error(status, message);
                            },
                            http);
  if (auto started = server.start(); !started) {
    fmt::print(stderr, "error: {}\n", started.error().message);
    return kExitError;
  }
  log_line(fmt::format(
      "listening on http://{}:{} (data {}; API keys {})",
      args.listen.find(':') != std::string::npos ? fmt::format("[{}]", args.listen) : args.listen,
      server.port(), engines.data_dir(), args.api_keys.empty() ? "not required" : "required"));
  {
    Reloader reloader(engines, args.snapshot == "current" ? args.reload_interval : 0, webhook);
    reloader_in_use = &reloader;
    for (;;) {
      int signal = 0;
      if (sigwait(&signals, &signal) != 0) continue;
      if (signal == SIGHUP) {
        log_line("SIGHUP: checking for a new snapshot");
        reloader.request();
        continue;
      }
      log_line(fmt::format("{}: finishing requests in flight, then stopping",
                           signal == SIGINT ? "SIGINT" : "SIGTERM"));
      break;
    }
    server.stop();
    reloader_in_use = nullptr;
  }
  log_line("stopped");
  return kExitOk;
}

int run_new_key(const std::string& label) {
  auto key = server::ApiKeys::generate();
  if (!key) {
    fmt::print(stderr, "error: {}\n", key.error().message);
    return kExitError;
  }
  fmt::print("key:  {}\nline: {}{}\n", key.value(), server::ApiKeys::hash(key.value()),
             label.empty() ? "" : " " + label);
  fmt::print(stderr,
             "Give the key to the client; add the line to the keys file (--api-keys). The key "
             "itself is not stored anywhere.\n");
  return kExitOk;
}

}  // namespace

void add_serve_commands(CLI::App& app, GlobalOptions& global, int& exit_code) {
  static ServeArgs args;
  auto* serve = app.add_subcommand("serve", "Serve the HTTP API (see docs/API.md, /openapi.json)");
  serve->add_option("--listen", args.listen,
                    "Address to bind (default 127.0.0.1; TLS belongs to a proxy in front)");
  serve->add_option("--port", args.port, "TCP port (default 8080; 0 picks a free one)");
  serve
      ->add_option("--max-connections", args.max_connections,
                   "Open connections at most (default 4096); one more is closed at once")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  serve->add_option("--access-log", args.access_log,
                    "Append one JSON line per request to FILE ('-': standard error); keys, query "
                    "strings and bodies are never logged");
  serve->add_option("--allowed-host", args.allowed_hosts,
                    "Without API keys, a Host name this server answers besides loopback and the "
                    "listen address (repeatable)");
  serve->add_option("--threads", args.threads,
                    "I/O threads reading and writing connections (default: one per core)");
  serve->add_option("--workers", args.workers,
                    "Threads running requests (default: one per core); health checks never wait "
                    "for them");
  serve
      ->add_option("--queue", args.queue_limit,
                   "Requests waiting for a worker, at most (default 256); one more is a 503 with "
                   "Retry-After")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  serve
      ->add_option("--max-response-bytes", args.max_response_bytes,
                   "Largest answer in bytes (default 64 MiB); a larger one is a 413")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 32));
  serve->add_option("--snapshot", args.snapshot,
                    "Snapshot to serve (default current: follows `lists import`/`lists update`)");
  serve
      ->add_option("--api-keys", args.api_keys,
                   "File of SHA-256 key hashes (see `clearance api-key new`); keys then required")
      ->envname("CLEARANCE_API_KEYS_FILE");
  serve->add_option("--rules", args.rules_file, "A rulebook JSON file instead of the built-in one");
  serve->add_option("--webhook", args.webhook_url,
                    "POST the case store's notifications (alerts opened, reopened, decided, "
                    "closed; monitoring runs) here, signed, retried with backoff");
  serve->add_option("--webhook-secret-file", args.webhook_secret_file,
                    "File whose first line is the webhook's HMAC-SHA256 secret");
  serve
      ->add_option("--body-limit", args.body_limit, "Largest request body in bytes (default 4 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  serve
      ->add_option("--reload-interval", args.reload_interval,
                   "Seconds between checks for a new current snapshot (default 10; 0: only on "
                   "SIGHUP or POST /v1/admin/reload)")
      ->check(CLI::Range(0.0, 86400.0));
  serve->footer(
      "Stops on SIGINT/SIGTERM after requests in flight finish; SIGHUP reloads the snapshot.");
  serve->callback([&] { exit_code = run_serve(global, args); });

  static std::string label, key;
  auto* api_key = app.add_subcommand("api-key", "Make API keys for `clearance serve`");
  api_key->require_subcommand(1);
  auto* make = api_key->add_subcommand("new", "Print a new random key and its keys-file line");
  make->add_option("--label", label, "A label kept beside the hash (who the key is for)");
  make->callback([&] { exit_code = run_new_key(label); });
  auto* hash = api_key->add_subcommand("hash", "Print the keys-file hash of an existing key");
  hash->add_option("key", key,
                   "The key, or - to read it from standard input (keeps it out of "
                   "the shell history)")
      ->required();
  hash->callback([&] {
    std::string text = key;
    if (text == "-" && !std::getline(std::cin, text)) text.clear();
    if (text.empty()) {
      fmt::print(stderr, "error: no key given\n");
      exit_code = kExitError;
      return;
    }
    fmt::print("{}\n", server::ApiKeys::hash(text));
    exit_code = kExitOk;
  });
}

}  // namespace clearance::cli
