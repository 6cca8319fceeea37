// plancheck validate PATH... [--strict]: format errors and plan lint.
#include <fmt/format.h>

#include <memory>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/batch.hpp"
#include "core/lint.hpp"

namespace plancheck::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::vector<std::string> data;
  bool strict = false;
  bool quiet = false;
  int jobs = 0;
};

// Warnings per file, counted once rather than per plan.
std::unordered_map<std::string, std::size_t> warnings_by_file(const Diagnostics& diags) {
  std::unordered_map<std::string, std::size_t> n;
  for (const Diagnostic& d : diags.items())
    if (d.severity == Severity::Warning) ++n[d.where.file()];
  return n;
}

int run_validate(const ValidateOptions& opts, Io& io) {
  Diagnostics diags;
  BatchInput input = make_batch_input(opts.paths, opts.data, io);
  input.jobs = opts.jobs;
  const Batch batch = load_batch(input, diags);
  if (!diags.has_errors())
    for (const Plan& plan : batch.plans) lint_plan(plan, diags);
  if (!opts.quiet || diags.has_errors()) print_diagnostics(diags, io);
  if (diags.has_errors()) return kExitBadInput;
  std::size_t indicators = 0;
  auto warnings = warnings_by_file(diags);
  for (const Plan& plan : batch.plans) {
    indicators += plan.indicators.size();
    const std::size_t w = warnings[plan.file];
    io.out << fmt::format("ok  {}  ({}, {} indicator{}, {} warning{})\n", plan.file, plan.unit.id, plan.indicators.size(),
                          plan.indicators.size() == 1 ? "" : "s", w, w == 1 ? "" : "s");
  }
  io.out << fmt::format("{} plan{}, {} indicator{}: no errors, {} warning{}\n", batch.plans.size(),
                        batch.plans.size() == 1 ? "" : "s", indicators, indicators == 1 ? "" : "s", diags.warning_count(),
                        diags.warning_count() == 1 ? "" : "s");
  return opts.strict && diags.warning_count() > 0 ? kExitFailed : kExitOk;
}

}  // namespace

void add_validate_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", "Check plan and data files: format errors and plan lint");
  cmd->add_option("paths", opts->paths, "Plan files, data files, directories, or - for stdin")->required();
  cmd->add_option("--data", opts->data, "More data files or directories");
  cmd->add_flag("--strict", opts->strict, "Exit 1 when there are lint warnings");
  cmd->add_flag("--quiet", opts->quiet, "Print no warnings (errors are still printed)");
  cmd->add_option("--jobs", opts->jobs, "Threads for loading (default: all cores)")->check(CLI::Range(1, 256));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_validate(*opts, io); }; });
}

}  // namespace plancheck::cli
