#pragma once
// Subcommand registration for the `clearance` command. Each file adds one family of subcommands.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "clearance/match/screening_engine.h"

namespace clearance {
struct MonitorReport;
}

namespace clearance::cli {

// Exit codes scripts can rely on.
constexpr int kExitOk = 0;       // success; for screening: no hit
constexpr int kExitHits = 1;     // screening found at least one hit
constexpr int kExitError = 2;    // bad input, missing data, I/O or network failure
constexpr int kExitPartial = 3;  // finished, but some records or sources were skipped

// A score option: a number from 0 to 1. (CLI::Range lets NaN through: every comparison with it
// is false.)
inline const CLI::Validator kScore(
    [](std::string& text) -> std::string {
      try {
        size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && v >= 0.0 && v <= 1.0) return {};
      } catch (const std::exception&) {
      }
      return "Value " + text + " is not a number from 0 to 1";
    },
    "SCORE in [0 - 1]");

// A count or an id: digits only, at most `most`. (CLI11 reads "-1" and 2^64 as the largest value
// the type holds, and an alert id past 2^63 as another alert's.)
inline CLI::Validator whole_number(uint64_t most) {
  return CLI::Validator(
      [most](std::string& text) -> std::string {
        uint64_t v = 0;
        bool ok = !text.empty() && text.size() <= 20;
        for (char c : text) {
          if (!ok || c < '0' || c > '9' || v > (most - static_cast<uint64_t>(c - '0')) / 10) {
            ok = false;
            break;
          }
          v = v * 10 + static_cast<uint64_t>(c - '0');
        }
        return ok ? std::string()
                  : "Value " + text + " is not a whole number from 0 to " + std::to_string(most);
      },
      "0.." + std::to_string(most));
}
constexpr uint64_t kMostId = (uint64_t{1} << 63) - 1;

struct GlobalOptions {
  std::string data_dir;
};

void add_lists_commands(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_screen_commands(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_rules_commands(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_serve_commands(CLI::App& app, GlobalOptions& global, int& exit_code);
void add_case_commands(CLI::App& app, GlobalOptions& global, int& exit_code);

// Prints what a monitoring run did (case_commands.cpp).
void print_monitor_report(const MonitorReport& report);
// Where the data directory keeps a case store with subjects, monitors the lists' change since the
// last run (the delta); false (warning printed) when that failed.
bool monitor_after_import(const GlobalOptions& global);

// A one-shot command's engine dies with the process. Freeing its hundred thousand heap blocks
// one by one costs more than the screening did (a tenth of a `clearance screen`), so a release
// build leaves them to the operating system; a build with sanitizers frees them, so that leak
// checks keep their meaning.
struct FreedByExit {
  void operator()(ScreeningEngine* engine) const {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    delete engine;
#else
    (void)engine;
#endif
  }
};
using EngineHandle = std::unique_ptr<ScreeningEngine, FreedByExit>;

// The snapshot loaded and its index mapped (or built on every core); nullptr (reason printed)
// when it cannot be.
EngineHandle load_engine(const GlobalOptions& global, const std::string& snapshot);

}  // namespace clearance::cli
