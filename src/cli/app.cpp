#include "cli/app.hpp"

#include <cstring>
#include <new>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/fd_stream.hpp"

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
  return action(io);
}

// Results that did not reach stdout (a full disk, an I/O error) are a failed
// run, whatever the checks found.
int check_written(Io& io, int code) {
  io.out.flush();
  if (io.out) return code;
  const int error = io.out_buf ? io.out_buf->error() : 0;
  io.err << "plancheck: error: cannot write to standard output";
  if (error != 0) io.err << ": " << std::strerror(error);
  io.err << '\n';
  return kExitBadInput;
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
  } catch (const std::runtime_error& e) {
    // A temporary file that cannot be made or written (TMPDIR missing, a
    // full disk): diagnostics and report bodies wait in them.
    io.err << "plancheck: error: " << e.what() << '\n';
    return kExitBadInput;
  }
  return check_written(io, code);
}

}  // namespace plancheck::cli
