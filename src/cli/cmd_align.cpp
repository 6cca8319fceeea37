// plancheck align PLAN --against HIGHER... [--format table|json|markdown] [--strict]:
// the plan's targets beside the plans above it (docs/alignment.md).
#include <memory>

#include "cli/against.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/terminal_width.hpp"
#include "core/evaluation/alignment.hpp"
#include "render/alignment.hpp"

namespace plancheck::cli {
namespace {

struct AlignOptions {
  std::string plan;
  std::vector<std::string> against;
  std::string format = "table";
  bool strict = false;
  std::optional<std::size_t> width;
  std::string lang;  // read from the command line by run_cli (Io::lang)
};

int run_align(const AlignOptions& opts, Io& io) {
  Diagnostics diags;
  const auto lower = load_plans({opts.plan}, diags);
  const auto higher = lower ? load_plans(opts.against, diags) : std::nullopt;
  if (!lower || !higher) {
    print_diagnostics(std::move(diags), io);
    return kExitBadInput;
  }
  std::vector<Alignment> alignments;
  for (const Plan& h : *higher) {
    alignments.push_back(align_plans(lower->front(), h));
    alignment_warnings(alignments.back(), diags);
  }
  const std::size_t warnings = diags.warning_count();
  print_diagnostics(std::move(diags), io);
  if (opts.format == "json") io.out << render_alignment_json(alignments);
  else if (opts.format == "markdown") io.out << render_alignment_markdown(alignments, io.lang);
  else
    io.out << render_alignment_table(alignments, table_width(opts.width, io.out_is_terminal ? io.terminal_columns : 0),
                                     io.lang);
  return opts.strict && warnings > 0 ? kExitFailed : kExitOk;
}

}  // namespace

void add_align_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<AlignOptions>();
  CLI::App* cmd = app.add_subcommand("align", "Compare a plan's targets with the plans above it (district against city, commune against district)");
  cmd->add_option("plan", opts->plan, "The lower plan (a YAML plan file)")->required();
  cmd->add_option("--against", opts->against, "The higher plan(s)")->required();
  cmd->add_option("--format", opts->format, "Output format: table, json, markdown")
      ->check(CLI::IsMember({"table", "json", "markdown"}));
  cmd->add_flag("--strict", opts->strict, "Exit 1 when a target is less ambitious or missing");
  cmd->add_option("--width", opts->width, "Width of the tables in columns (default: the terminal's when wider than 100, else 100)")
      ->check(CLI::Range(40, 1000));
  cmd->add_option("--lang", opts->lang, "Language of the table's headings and words and of messages: vi or en (default: vi "
                                        "when LC_ALL or LANG starts with vi); JSON is always English")
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_align(*opts, io); }; });
}

}  // namespace plancheck::cli
