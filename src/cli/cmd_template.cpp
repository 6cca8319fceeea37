// plancheck template PLAN... [--format xlsx|csv] [--output FILE] [--lang vi|en]:
// a data-entry file for the plans, read back by every command as data.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/output_target.hpp"
#include "cli/results.hpp"
#include "cli/signals.hpp"
#include "core/reading/batch.hpp"
#include "core/util/text.hpp"
#include "render/data_template.hpp"
#include "render/xlsx_report.hpp"

namespace plancheck::cli {
namespace {

struct TemplateOptions {
  std::vector<std::string> paths;
  std::string format;  // "" = by --output's extension, else xlsx
  std::string output;
  std::string lang;
  std::string color = "auto";
};

std::string chosen_format(const TemplateOptions& opts) {
  if (!opts.format.empty()) return opts.format;
  return fold_case(std::filesystem::path(opts.output).extension().string()) == ".csv" ? "csv" : "xlsx";
}

int run_template(const TemplateOptions& opts, Io& io) {
  const std::string format = chosen_format(opts);
  if (format == "xlsx" && opts.output.empty() && io.out_is_terminal) {
    print_error(io, msg("the xlsx template is a binary file; give --output FILE.xlsx"));
    return kExitBadInput;
  }
  if (!opts.output.empty()) {
    // Never over a device, a FIFO or one of the plans it is made from.
    if (const Message why = refuse_output(opts.output, opts.paths); !why.empty()) {
      print_error(io, why);
      return kExitBadInput;
    }
  }
  Diagnostics diags;
  const Batch batch = load_batch(make_batch_input(opts.paths, {}, io), diags);
  print_diagnostics(diags, io, color_mode(opts.color));
  if (diags.has_errors()) return kExitBadInput;
  if (batch.plans.empty()) {
    print_error(io, msg("no plan among the inputs; give the plan files the template is for"));
    return kExitBadInput;
  }
  const Lang lang = parse_lang(opts.lang).value_or(io.env_lang);
  std::string bytes;
  try {
    // libxlsxwriter's named temporary file: signals wait until it is removed.
    const DeferSignals deferred;
    bytes = format == "csv" ? render_template_csv(batch.plans, lang) : render_template_xlsx(batch.plans, lang);
  } catch (const XlsxError& e) {
    print_error(io, Message::foreign(e.what()));
    return kExitBadInput;
  }
  if (opts.output.empty()) {
    io.out << bytes;
  } else if (const Message why = write_atomically(opts.output, bytes); !why.empty()) {
    print_error(io, msg("cannot write the template: {}", why), opts.output);
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void add_template_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<TemplateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "template", "Write a data-entry spreadsheet (or CSV) for the plans: a row per indicator, a column per year; "
                  "fill it in and give it to evaluate as data");
  cmd->add_option("paths", opts->paths, "Plan files (with data files to pre-fill), directories, or - for stdin")
      ->required();
  cmd->add_option("--format", opts->format, "xlsx (a sheet per unit) or csv (default: by --output's extension, else xlsx)")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  cmd->add_option("--output", opts->output, "Write the template to FILE (atomically) instead of stdout");
  cmd->add_option("--lang", opts->lang, "Language of the headings and messages: vi or en (default: vi when LC_ALL or "
                                        "LANG starts with vi); plancheck reads both back")
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->add_option("--color", opts->color, "Colour of diagnostics: auto (terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_template(*opts, io); }; });
}

}  // namespace plancheck::cli
