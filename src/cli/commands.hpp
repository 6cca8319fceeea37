#pragma once
// One registration function per subcommand (one file each). A subcommand
// stores what it will run in `action` when CLI11 selects it.
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/app.hpp"

namespace plancheck::cli {

using Action = std::function<int(Io&)>;

void add_validate_command(CLI::App& app, Action& action);
void add_evaluate_command(CLI::App& app, Action& action);
void add_gaps_command(CLI::App& app, Action& action);
void add_project_command(CLI::App& app, Action& action);
void add_summary_command(CLI::App& app, Action& action);
void add_init_command(CLI::App& app, Action& action);
void add_template_command(CLI::App& app, Action& action);
void add_catalogue_command(CLI::App& app, Action& action);

}  // namespace plancheck::cli
