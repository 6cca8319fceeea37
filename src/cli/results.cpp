#include "cli/results.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/atomic_file.hpp"
#include "cli/option_words.hpp"
#include "cli/output_target.hpp"
#include "cli/signals.hpp"
#include "cli/terminal_width.hpp"
#include "core/reading/hints.hpp"
#include "core/util/suggest.hpp"
#include "core/util/text.hpp"
#include "render/xlsx_report.hpp"

namespace plancheck::cli {

std::optional<std::vector<Status>> parse_status_list(const std::string& list, Io& io, const std::string& option) {
  std::vector<Status> out;
  if (trim(list).empty() || trim(list) == "none") return out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    // "missed, off-track": spaces around the commas are the shell's, not the list's.
    const std::string word(trim(std::string_view(list).substr(start, comma - start)));
    const auto s = status_from_word(word);
    if (!s) {
      std::vector<std::string_view> names;
      for (Status st : kAllStatuses) names.push_back(status_name(st));
      print_error(io, msg("{} \"{}\": \"{}\"{} is not a status; accepted: {}", option, list, word,
                          did_you_mean(closest_match(word, names)), status_names_list()));
      return std::nullopt;
    }
    out.push_back(*s);
    start = comma + 1;
  }
  return out;
}

ColorMode color_mode(const std::string& s) {
  return s == "always" ? ColorMode::Always : s == "never" ? ColorMode::Never : ColorMode::Auto;
}

TerminalStyle terminal_style(const ResultOptions& opts, const Io& io) {
  const bool to_terminal = opts.output.empty() && io.out_is_terminal;
  return {use_color(color_mode(opts.color), to_terminal, io.no_color_env),
          table_width(opts.width, to_terminal ? io.terminal_columns : 0), parse_lang(opts.lang).value_or(io.env_lang)};
}

const std::vector<std::string>& all_result_formats() {
  static const std::vector<std::string> formats{"table", "json", "csv", "markdown", "junit", "github", "html", "xlsx"};
  return formats;
}

void add_result_options(CLI::App* cmd, ResultOptions& opts, const std::vector<std::string>& formats) {
  cmd->add_option("paths", opts.paths, "Plan files, data files, directories, or - for stdin")->required();
  cmd->add_option("--data", opts.data, "More data files or directories");
  cmd->add_option("--as-of", opts.as_of, "Evaluate as of this year (default: the latest year with data)")
      ->check(CLI::Range(1900, 2100));
  cmd->add_option("--method", opts.method, "Trend method: linear (OLS) or cagr (Open SDG progress measure)")
      ->check(CLI::IsMember({"linear", "cagr"}));
  cmd->add_option("--since", opts.since,
                  "Also give each milestone's status as of this earlier year, and what changed since")
      ->check(CLI::Range(1900, 2100));
  cmd->add_option("--window", opts.window, "Trend over the last N years before the latest value")->check(CLI::Range(0, 200));
  cmd->add_option("--unit", opts.units, "Only this unit id (repeatable)");
  cmd->add_option("--stage", opts.stage, "Only indicators of this stage (also as the tables name it: \"Mầm non\", \"mam non\")")
      ->transform(CLI::Validator(
          [](std::string& word) {
            const auto stage = stage_from_word(word);
            if (!stage) {
              const std::vector<std::string_view> names(kStageNames.begin(), kStageNames.end());
              return validator_refusal(msg("\"{}\"{} is not a stage; accepted: {}", word,
                                           did_you_mean(closest_match(word, names)), stage_names_list()));
            }
            word = *stage;
            return std::string();
          },
          "STAGE"));
  cmd->add_option("--group", opts.group, "Only indicators of this group (its whole name)");
  cmd->add_option("--indicator", opts.indicator, "Only indicator ids matching this glob (e.g. 'preschool.*')");
  cmd->add_option("--status", opts.statuses,
                  "Only milestones with these statuses (e.g. at-risk,off-track; also as the tables name them: "
                  "\"chậm tiến độ\")");
  cmd->add_option("--format", opts.format, fmt::format("Output format: {}", fmt::join(formats, ", ")))
      ->check(CLI::IsMember(formats));
  cmd->add_option("--json-style", opts.json_style,
                  "JSON layout: pretty (indented), compact (one line), lines (JSON Lines: one unit a line)")
      ->check(CLI::IsMember({"pretty", "compact", "lines"}));
  cmd->add_option("--jobs", opts.jobs, "Threads for loading and evaluating (default: all cores)")->check(CLI::Range(1, 256));
  cmd->add_option("--fail-on", opts.fail_on,
                  "Exit 1 when a milestone has one of these statuses (e.g. missed,off-track or \"không đạt\"; default none)");
  cmd->add_option("--output", opts.output, "Write the results to FILE (atomically) instead of stdout");
  cmd->add_option("--color", opts.color, "Colour: auto (terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--lang", opts.lang,
                  "Language of tables, reports and messages: vi or en (default: vi when LC_ALL or LANG starts with vi); "
                  "JSON, CSV, JUnit and GitHub output are always English")
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->add_option("--width", opts.width,
                  "Width of the tables in columns (default: the terminal's when wider than 100, else 100)")
      ->check(CLI::Range(40, 1000));
  cmd->add_flag("--quiet", opts.quiet, "Print nothing but results (no warnings)");
  cmd->add_flag("--strict", opts.strict, "Exit 2, with no results, when the input has warnings (data that looks wrong)");
}

bool input_accepted(const ResultOptions& opts, WalkDiagnostics& diags, Io& io) {
  const bool errors = diags.has_errors();
  const std::size_t warnings = diags.warning_count();
  const bool refused = errors || (opts.strict && warnings > 0);
  if (!opts.quiet || refused) print_diagnostics(diags, io, color_mode(opts.color));
  if (errors) return false;
  if (refused)
    print_error(io, warnings == 1 ? msg("--strict: {} warning about the input; no results", warnings)
                                  : msg("--strict: {} warnings about the input; no results", warnings));
  return !refused;
}

bool something_selected(const std::vector<Message>& errors, Io& io) {
  for (const Message& e : errors) print_error(io, e);
  return errors.empty();
}

bool output_allowed(const ResultOptions& opts, Io& io) {
  if (opts.output.empty()) return true;
  std::vector<std::string> inputs = opts.paths;
  inputs.insert(inputs.end(), opts.data.begin(), opts.data.end());
  const Message why = refuse_output(opts.output, inputs);
  if (!why.empty()) print_error(io, why);
  return why.empty();
}

bool since_before_as_of(const ResultOptions& opts, std::optional<int> as_of, Io& io) {
  if (!opts.since || !as_of || *opts.since < *as_of) return true;
  print_error(io, msg("--since {} is not before the as-of year {}; give an earlier year to compare with", *opts.since,
                      *as_of));
  return false;
}

Selection selection(const ResultOptions& opts, const std::vector<Status>& statuses) {
  return Selection{opts.units, opts.stage, opts.group, opts.indicator, statuses};
}

StreamOptions stream_options(const ResultOptions& opts, const std::vector<Status>& statuses,
                             const std::vector<Status>& fail_on, Io& io) {
  StreamOptions so;
  so.input = make_batch_input(opts.paths, opts.data, io);
  so.input.jobs = opts.jobs;
  so.eval = {opts.as_of, opts.method == "cagr" ? Method::Cagr : Method::Linear, opts.window, opts.since};
  so.selection = selection(opts, statuses);
  so.fail_on = fail_on;
  return so;
}

int with_spool(const std::string& output, Io& io, const std::function<int(Spool&)>& run) {
  const std::string name = output.empty() ? "plancheck" : output;
  Message error;
  const std::unique_ptr<Spool> spool = Spool::open(output, error);
  if (!spool) {
    print_error(io, msg("cannot write the report: {}", error), name);
    return kExitBadInput;
  }
  const int code = run(*spool);
  if (code == kExitBadInput) return code;  // the spool is dropped: nothing published
  if (const Message why = spool->commit(io.out); !why.empty()) {
    print_error(io, msg("cannot write the report: {}", why), name);
    return kExitBadInput;
  }
  return code;
}

namespace {

// JUnit and GitHub report failures: what --fail-on names, else missed and
// off-track (cli.md).
std::vector<Status> failing_statuses(const ResultOptions& opts, const std::vector<Status>& fail_on) {
  if (opts.fail_on != "none" && !fail_on.empty()) return fail_on;
  return {Status::Missed, Status::OffTrack};
}

// Machine formats are English whatever --lang says (the writers know);
// the style's language is for the formats for people.
ResultSinkOptions sink_options(const ResultOptions& opts, std::optional<int> project_to, const ResultRenderers& renderers,
                               const std::vector<Status>& fail_on, const EvaluationOptions& eval, Io& io) {
  ResultSinkOptions so;
  so.format = opts.format;
  so.table = renderers.table;
  so.style = terminal_style(opts, io);
  so.json_style = parse_json_style(opts.json_style);
  so.failing = failing_statuses(opts, fail_on);
  so.project_to = project_to;
  so.eval = eval;
  return so;
}

}  // namespace

int run_results(const ResultOptions& opts, std::optional<int> project_to, const ResultRenderers& renderers, Io& io) {
  if (opts.format == "xlsx" && opts.output.empty() && io.out_is_terminal) {
    print_error(io, msg("--format xlsx writes a binary file; give --output FILE.xlsx"));
    return kExitBadInput;
  }
  if (!output_allowed(opts, io)) return kExitBadInput;
  const auto statuses = parse_status_list(opts.statuses, io, "--status");
  if (!statuses) return kExitBadInput;
  const auto fail_on = parse_status_list(opts.fail_on, io, "--fail-on");
  if (!fail_on) return kExitBadInput;
  StreamOptions so = stream_options(opts, *statuses, *fail_on, io);
  so.prepare = renderers.prepare;
  const ResultSinkOptions sink = sink_options(opts, project_to, renderers, *fail_on, so.eval, io);
  return with_spool(opts.output, io, [&](Spool& spool) {
    WalkDiagnostics diags;
    StreamOutcome outcome;
    bool first_pass = true;
    try {
      // libxlsxwriter writes the workbook to a named file in TMPDIR that no
      // signal handler knows of: signals wait until it is removed.
      std::optional<DeferSignals> deferred;
      if (opts.format == "xlsx") deferred.emplace();
      outcome = run_stream(
          so,
          [&] {
            if (!first_pass) spool.restart();
            first_pass = false;
            return make_result_sink(sink, spool.stream());
          },
          diags);
    } catch (const XlsxError& e) {
      print_error(io, Message::foreign(e.what()));
      return kExitBadInput;
    }
    if (!input_accepted(opts, diags, io) || !something_selected(outcome.nothing_selected, io) ||
        !since_before_as_of(opts, outcome.as_of, io))
      return kExitBadInput;
    return outcome.fail_on_matched ? kExitFailed : kExitOk;
  });
}

}  // namespace plancheck::cli

namespace plancheck::cli {

CLI::App* add_result_command(CLI::App& app, Action& action, const std::string& name, const std::string& description,
                             ResultRenderers renderers, std::shared_ptr<std::optional<int>> to) {
  auto opts = std::make_shared<ResultOptions>();
  CLI::App* cmd = app.add_subcommand(name, description);
  add_result_options(cmd, *opts, all_result_formats());
  cmd->callback([opts, to, renderers, &action] {
    action = [opts, to, renderers](Io& io) { return run_results(*opts, to ? *to : std::nullopt, renderers, io); };
  });
  return cmd;
}

}  // namespace plancheck::cli
