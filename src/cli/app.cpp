#include "cli/app.hpp"

#include <cstring>
#include <new>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/fd_stream.hpp"
#include "core/reading/hints.hpp"
#include "core/util/suggest.hpp"

namespace plancheck::cli {
namespace {

// The subcommand named on the command line, if any.
const CLI::App* named_subcommand(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i)
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == argv[i]) return sub;
  return nullptr;
}

// A usage error with what was perhaps meant: a command, an option name or
// an option's value one slip away from a known one. Nothing when CLI11's
// own message is all there is to say.
std::optional<std::string> usage_hint(const CLI::App& app, int argc, const char* const* argv,
                                      const CLI::ParseError& e) {
  const std::string what = e.what();
  const CLI::App* sub = named_subcommand(app, argc, argv);
  if (!sub && argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> commands;
    for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) commands.push_back(s->get_name());
    return unknown_command(argv[1], closest_match(argv[1], commands), commands);
  }
  if (sub && dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // "The following argument was not expected: --formt"
    const std::string extra = what.substr(what.rfind(' ') + 1);
    if (!extra.starts_with("--")) return std::nullopt;
    std::vector<std::string> names;
    for (const CLI::Option* o : sub->get_options())
      for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
    const auto option = closest_match(extra.substr(0, extra.find('=')), names);
    if (!option) return std::nullopt;
    return what + did_you_mean(option);
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    // CLI::IsMember's "--format: jsn not in {table,json,…}"
    const std::size_t colon = what.find(": "), not_in = what.find(" not in {");
    if (colon == std::string::npos || not_in == std::string::npos || not_in < colon || what.back() != '}')
      return std::nullopt;
    const std::string value = what.substr(colon + 2, not_in - colon - 2);
    std::vector<std::string> accepted;
    std::stringstream list(what.substr(not_in + 9, what.size() - not_in - 10));
    for (std::string word; std::getline(list, word, ',');) accepted.push_back(word);
    const auto meant = closest_match(value, accepted);
    if (!meant) return std::nullopt;
    return what + did_you_mean(meant);
  }
  return std::nullopt;
}

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
  add_catalogue_command(app, action);
  add_align_command(app, action);
  add_extract_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (const auto hint = e.get_exit_code() == 0 ? std::nullopt : usage_hint(app, argc, argv, e)) {
      io.err << *hint << "\nRun with --help for more information.\n";
      return kExitBadInput;
    }
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
  }
  return check_written(io, code);
}

}  // namespace plancheck::cli
