// plancheck gaps PATH...: only what is not met, worst first.
#include <memory>

#include "cli/results.hpp"

namespace plancheck::cli {

void add_gaps_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ResultOptions>();
  CLI::App* cmd = app.add_subcommand("gaps", "Only milestones not met, worst first, with the gap and the pace needed");
  add_result_options(cmd, *opts);
  cmd->callback([opts, &action] {
    action = [opts](Io& io) { return run_results(*opts, std::nullopt, {render_gaps_text, keep_gaps_only}, io); };
  });
}

}  // namespace plancheck::cli
