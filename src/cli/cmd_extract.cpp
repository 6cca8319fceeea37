// plancheck extract DOC(.txt|.docx|.pdf) [--unit ID] [--name NAME] [--output FILE [--force]]:
// a draft plan from a published plan's text (docs/extract.md).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/output_target.hpp"
#include "core/reading/document.hpp"
#include "core/reading/extract.hpp"
#include "core/reading/loader.hpp"
#include "core/util/normalize.hpp"

namespace plancheck::cli {
namespace {

struct ExtractOptions {
  std::string document;
  std::string unit;
  std::string name;
  std::string output;
  bool force = false;
  std::string lang;  // read from the command line by run_cli (Io::lang)
};

int run_extract(const ExtractOptions& opts, Io& io) {
  const std::filesystem::path path(opts.document);
  Diagnostics diags;
  const auto text = read_document(opts.document, diags);
  if (!text) {
    print_diagnostics(std::move(diags), io);
    return kExitBadInput;
  }
  if (!opts.output.empty()) {
    const Message why = refuse_output(opts.output, {opts.document});
    std::error_code ec;
    if (why.empty() && !opts.force && std::filesystem::exists(opts.output, ec)) {
      print_error(io, msg("--output {} exists; give --force to replace it", opts.output));
      return kExitBadInput;
    }
    if (!why.empty()) {
      print_error(io, why);
      return kExitBadInput;
    }
  }
  const ExtractedPlan plan = extract_commitments(*text);
  const std::string unit = opts.unit.empty() ? slug_from_name(path.stem().string()) : opts.unit;
  const std::string draft =
      draft_plan_yaml(plan, unit.empty() ? "unit" : unit, opts.name.empty() ? unit : opts.name, path.filename().string(),
                      io.lang);
  std::size_t unsure = 0;
  for (const Candidate& c : plan.candidates) unsure += c.unsure.empty() ? 0 : 1;
  if (opts.output.empty()) {
    io.out << draft;
    return kExitOk;
  }
  if (const Message why = write_atomically(opts.output, draft); !why.empty()) {
    print_error(io, msg("cannot write the draft: {}", why), opts.output);
    return kExitBadInput;
  }
  io.err << "plancheck: "
         << msg("{} candidate(s), {} of them unsure (commented out); wrote {}", plan.candidates.size(), unsure,
                opts.output).str(io.lang)
         << '\n';
  return kExitOk;
}

}  // namespace

void add_extract_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ExtractOptions>();
  CLI::App* cmd = app.add_subcommand("extract", "Draft a plan file from a published plan's text: one indicator per commitment");
  cmd->add_option("document", opts->document, "The plan: a PDF (.pdf), a Word document (.docx) or UTF-8 text (.txt)")->required();
  cmd->add_option("--unit", opts->unit, "The unit's id (default: from the file name)");
  cmd->add_option("--name", opts->name, "The unit's name (default: its id)");
  cmd->add_option("--output", opts->output, "Write the draft to FILE (atomically) instead of stdout");
  cmd->add_flag("--force", opts->force, "With --output: replace FILE if it exists");
  cmd->add_option("--lang", opts->lang, "Language of the draft's comments and of messages: vi or en (default: vi when "
                                        "LC_ALL or LANG starts with vi)")
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_extract(*opts, io); }; });
}

}  // namespace plancheck::cli
