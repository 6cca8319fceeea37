#pragma once
// One registration function per subcommand (one file each). A subcommand
// stores what it will run in `action` when CLI11 selects it.
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/app.hpp"

namespace plancheck::cli {

using Action = std::function<int(Io&)>;

// The whole command line: every command, option and its help text, in
// English. `lang_option` receives the top-level --lang (already read by
// message_language). Also walked by the man page and completion generator
// (src/docgen/).
void build_command_line(CLI::App& app, Action& action, std::string& lang_option);

void add_validate_command(CLI::App& app, Action& action);
void add_evaluate_command(CLI::App& app, Action& action);
void add_gaps_command(CLI::App& app, Action& action);
void add_project_command(CLI::App& app, Action& action);
void add_summary_command(CLI::App& app, Action& action);
void add_init_command(CLI::App& app, Action& action);
void add_template_command(CLI::App& app, Action& action);
void add_catalogue_command(CLI::App& app, Action& action);
void add_align_command(CLI::App& app, Action& action);
void add_extract_command(CLI::App& app, Action& action);

}  // namespace plancheck::cli
