#include "cli/app.hpp"

#include <new>

#include "cli/commands.hpp"

namespace plancheck::cli {
namespace {

int parse_and_run(int argc, const char* const* argv, Io& io) {
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error is our exit code 2.
    return app.exit(e, io.out, io.err) == 0 ? kExitOk : kExitBadInput;
  }
  // Each command writes its results only once it knows the input is good
  // (exit 2 prints nothing on stdout): in memory for the single-document
  // formats, through a temporary file for summary's stream.
  return action(io);
}

}  // namespace

int run_cli(int argc, const char* const* argv, Io& io) {
  int code = kExitOk;
  try {
    code = parse_and_run(argc, argv, io);
  } catch (const std::bad_alloc&) {
    // No formatting here: it would allocate. The parallel loader hands a
    // worker's bad_alloc over to this thread.
    io.err << "plancheck: error: out of memory; check fewer or smaller files at a time, or use --jobs 1\n";
    return kExitBadInput;
  }
  io.out << std::flush;
  return code;
}

}  // namespace plancheck::cli
