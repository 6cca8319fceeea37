#pragma once
// What evaluate, gaps and project share: streaming the units
// (core/stream.hpp), selecting, and writing each in the chosen format.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/atomic_file.hpp"
#include "cli/output.hpp"
#include "core/evaluation/report.hpp"
#include "render/result_sinks.hpp"
#include "render/terminal.hpp"

namespace plancheck::cli {

struct ResultOptions {
  std::vector<std::string> paths;
  std::vector<std::string> data;
  std::optional<int> as_of;
  std::string method = "linear";
  std::optional<int> window;
  std::optional<int> since;  // --since YEAR
  std::vector<std::string> units;
  std::string stage;
  std::string group;
  std::string indicator;
  std::string statuses;  // comma-separated
  std::string format = "table";
  std::string json_style = "pretty";  // --json-style pretty|compact|lines
  std::string fail_on = "none";  // comma-separated statuses
  std::string output;            // --output FILE; "" = stdout
  std::string color = "auto";
  std::string lang;  // --lang vi|en; "" = from the environment
  bool quiet = false;
  bool strict = false;  // --strict: warnings about the input fail the run
  int jobs = 0;  // --jobs; 0 = the machine's cores
  std::optional<std::size_t> width;  // --width: the tables' width (terminal_width.hpp)
};

// Every format a result command can produce.
const std::vector<std::string>& all_result_formats();

// --since must name a year before the as-of year the run evaluated with;
// says so on stderr when it does not.
bool since_before_as_of(const ResultOptions& opts, std::optional<int> as_of, Io& io);

// Adds the options every result command takes.
void add_result_options(CLI::App* cmd, ResultOptions& opts, const std::vector<std::string>& formats);

// Parses "at-risk,off-track" (or "none"); reports a wrong word on stderr.
std::optional<std::vector<Status>> parse_status_list(const std::string& list, Io& io, const std::string& option);
ColorMode color_mode(const std::string& s);
// The terminal style of a run: colour when stdout is a terminal (and not
// --output), the width from --width or that terminal, the language from
// --lang or the environment.
TerminalStyle terminal_style(const ResultOptions& opts, const Io& io);

// Prints the diagnostics of the input (warnings unless --quiet) and says
// whether results may follow: not after an error, nor after a warning with
// --strict (bad input: exit 2, never half a result).
bool input_accepted(const ResultOptions& opts, WalkDiagnostics& diags, Io& io);

// Prints each "nothing selected" error (no plan, a filter matching nothing);
// true when there is none.
bool something_selected(const std::vector<Message>& errors, Io& io);

// Checks --output before anything is computed (refuse_output); prints why
// not and returns false when it must not be written.
bool output_allowed(const ResultOptions& opts, Io& io);

// The stream of a result command (summary too): input, evaluation, filters.
StreamOptions stream_options(const ResultOptions& opts, const std::vector<Status>& statuses,
                             const std::vector<Status>& fail_on, Io& io);

// Runs `run` (which writes into the spool and returns false on bad input)
// and publishes the spool only when it succeeds: the result is seen whole or
// not at all. Returns the exit code for a failure to write.
int with_spool(const std::string& output, Io& io, const std::function<int(Spool&)>& run);

// The input filters and --status of a run.
Selection selection(const ResultOptions& opts, const std::vector<Status>& statuses);

struct ResultRenderers {
  TableLayout table = TableLayout::Evaluate;
  std::function<void(Report&)> prepare;  // per unit, e.g. keep only gaps; may be empty
};

int run_results(const ResultOptions& opts, std::optional<int> project_to, const ResultRenderers& renderers, Io& io);

// Registers a result command with the shared options; `to` (may be null)
// receives `project --to`.
CLI::App* add_result_command(CLI::App& app, Action& action, const std::string& name, const std::string& description,
                             ResultRenderers renderers, std::shared_ptr<std::optional<int>> to = nullptr);

}  // namespace plancheck::cli
