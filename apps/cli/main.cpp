// `clearance`: the command-line front end over the core library.
#include <iostream>
#include <string>

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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitError;
  }
  return exit_code;
}
