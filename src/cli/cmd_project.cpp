// plancheck project PATH... [--to YEAR]: where the trend leads.
#include <memory>

#include "cli/results.hpp"

namespace plancheck::cli {

void add_project_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ResultOptions>();
  auto to = std::make_shared<std::optional<int>>();
  CLI::App* cmd = app.add_subcommand("project", "Projections of each indicator's trend to YEAR or to each milestone");
  add_result_options(cmd, *opts);
  cmd->add_option("--to", *to, "Project to this year (default: each milestone's year)")->check(CLI::Range(1900, 2100));
  cmd->callback([opts, to, &action] {
    action = [opts, to](Io& io) { return run_results(*opts, *to, {render_project_table, {}}, io); };
  });
}

}  // namespace plancheck::cli
