// plancheck validate PATH... [--strict]: format errors, plan lint and data that looks wrong.
#include <fmt/format.h>

#include <memory>
#include <vector>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/text.hpp"
#include "core/batch.hpp"
#include "core/data_checks.hpp"
#include "core/lint.hpp"
#include "core/selection_check.hpp"

namespace plancheck::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::vector<std::string> data;
  bool strict = false;
  bool quiet = false;
  int jobs = 0;
};

// Plan lint and data that looks wrong; the count of warnings of each plan,
// wherever they are (a data file's values are the plan's data).
std::vector<std::size_t> check_plans(const Batch& batch, Diagnostics& diags) {
  std::vector<std::size_t> warnings;
  for (const Plan& plan : batch.plans) {
    Diagnostics found;
    lint_plan(plan, found);
    check_data(plan, found);
    warnings.push_back(found.warning_count());
    diags.append(found);
  }
  return warnings;
}

int run_validate(const ValidateOptions& opts, Io& io) {
  Diagnostics diags;
  BatchInput input = make_batch_input(opts.paths, opts.data, io);
  input.jobs = opts.jobs;
  const Batch batch = load_batch(input, diags);
  const std::vector<std::size_t> warnings = diags.has_errors() ? std::vector<std::size_t>{} : check_plans(batch, diags);
  if (!opts.quiet || diags.has_errors()) print_diagnostics(diags, io);
  if (diags.has_errors()) return kExitBadInput;
  if (batch.plans.empty()) {
    io.err << fmt::format("plancheck: error: {}\n", no_plan_in(opts.paths));
    return kExitBadInput;
  }
  std::size_t indicators = 0;
  for (std::size_t i = 0; i < batch.plans.size(); ++i) {
    const Plan& plan = batch.plans[i];
    indicators += plan.indicators.size();
    const std::size_t w = warnings[i];
    io.out << fmt::format("ok  {}  ({}, {} indicator{}, {} warning{})\n", display_text(plan.file), plan.unit.id, plan.indicators.size(),
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
  CLI::App* cmd = app.add_subcommand("validate", "Check plan and data files: format errors, plan lint and data that looks wrong");
  cmd->add_option("paths", opts->paths, "Plan files, data files, directories, or - for stdin")->required();
  cmd->add_option("--data", opts->data, "More data files or directories");
  cmd->add_flag("--strict", opts->strict, "Exit 1 when there are warnings (plan lint, data that looks wrong)");
  cmd->add_flag("--quiet", opts->quiet, "Print no warnings (errors are still printed)");
  cmd->add_option("--jobs", opts->jobs, "Threads for loading (default: all cores)")->check(CLI::Range(1, 256));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_validate(*opts, io); }; });
}

}  // namespace plancheck::cli
