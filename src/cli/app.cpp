#include "cli/app.hpp"


#include "cli/commands.hpp"

namespace plancheck::cli {

int run_cli(int argc, const char* const* argv, Io& io) {
  CLI::App app{"plancheck: check public development plans against their targets"};
  app.name("plancheck");
  app.set_version_flag("--version", "plancheck " PLANCHECK_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  Action action;
  add_evaluate_command(app, action);
  add_gaps_command(app, action);
  add_project_command(app, action);
  add_summary_command(app, action);
  add_validate_command(app, action);
  add_init_command(app, action);
  add_template_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error is our exit code 2.
    return app.exit(e, io.out, io.err) == 0 ? kExitOk : kExitBadInput;
  }
  // Each command writes its results only once it knows the input is good
  // (exit 2 prints nothing on stdout): in memory for the single-document
  // formats, through a temporary file for summary's stream.
  const int code = action(io);
  io.out << std::flush;
  return code;
}

}  // namespace plancheck::cli
