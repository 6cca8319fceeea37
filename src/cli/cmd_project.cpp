// plancheck project PATH... [--to YEAR]: where the trend leads.
#include "cli/results.hpp"

namespace plancheck::cli {

void add_project_command(CLI::App& app, Action& action) {
  auto to = std::make_shared<std::optional<int>>();
  CLI::App* cmd = add_result_command(app, action, "project",
                                     "Projections of each indicator's trend to YEAR or to each milestone",
                                     {TableLayout::Project, {}}, to);
  cmd->add_option("--to", *to, "Project to this year (default: each milestone's year)")->check(CLI::Range(1900, 2100));
}

}  // namespace plancheck::cli
