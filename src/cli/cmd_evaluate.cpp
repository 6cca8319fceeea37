// plancheck evaluate PATH...: every indicator, every milestone, with status.
#include <memory>

#include "cli/results.hpp"

namespace plancheck::cli {

void add_evaluate_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ResultOptions>();
  CLI::App* cmd = app.add_subcommand("evaluate", "Every indicator and milestone: attainment, gap, trend, status");
  add_result_options(cmd, *opts);
  cmd->callback([opts, &action] {
    action = [opts](Io& io) { return run_results(*opts, std::nullopt, {render_evaluate_table, {}}, io); };
  });
}

}  // namespace plancheck::cli
