// `clearance`: the command-line front end over the core library.
#include <fmt/format.h>

#include <exception>
#include <iostream>
#include <string>

#include "clearance/util/strings.h"
#include "commands.h"

int main(int argc, char** argv) {
  using namespace clearance::cli;
  CLI::App app{"Clearance: export-control and sanctions screening", "clearance"};
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success (no hit / no license required), 1 hits found / license required, 2 "
      "error,\n"
      "3 completed with skipped records / indeterminate answer.\n"
      "Data directory: --data-dir, else $CLEARANCE_DATA_DIR, else $XDG_DATA_HOME/clearance, else "
      "~/.local/share/clearance.");
  app.set_version_flag("--version", std::string("clearance ") + CLEARANCE_VERSION);
  GlobalOptions global;
  app.add_option("--data-dir", global.data_dir, "Where snapshots are stored");
  // Global options are accepted after the subcommand too (`clearance lists info --data-dir D`):
  // subcommands created from here on pass options they do not know to their parent.
  app.fallthrough();
  int exit_code = kExitOk;
  add_lists_commands(app, global, exit_code);
  add_screen_commands(app, global, exit_code);
  add_rules_commands(app, global, exit_code);
  add_serve_commands(app, global, exit_code);
  add_case_commands(app, global, exit_code);
  // Every argument is text the store, the audit trail and JSON output will hold: one that is not
  // UTF-8 (a Latin-1 name, a stray byte) is refused before anything runs, the option named.
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const size_t bad = clearance::first_invalid_utf8(arg);
    if (bad == std::string_view::npos) continue;
    const bool value = i > 1 && std::string_view(argv[i - 1]).starts_with("--") &&
                       std::string_view(argv[i - 1]).find('=') == std::string_view::npos;
    fmt::print(stderr, "error: argument {}{} is not valid UTF-8 (byte {} of it, 0x{:02X})\n", i,
               value ? fmt::format(" (the value of {})", argv[i - 1]) : std::string(), bad + 1,
               static_cast<unsigned char>(arg[bad]));
    return kExitError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitError;
  } catch (const std::exception& e) {
    // A failure no command turned into an error of its own (the file system refusing a path,
    // say): reported as one, never an abort.
    fmt::print(stderr, "error: {}\n", e.what());
    return kExitError;
  }
  return exit_code;
}
