// plancheck validate PATH... [--strict] [--format table|json|junit|github]:
// format errors, plan lint and data that looks wrong; with --against, the
// plans above; with --source, the document the plan was transcribed from.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "cli/against.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/results.hpp"
#include "core/evaluation/data_checks.hpp"
#include "core/evaluation/lint.hpp"
#include "core/evaluation/source_coverage.hpp"
#include "core/reading/document.hpp"
#include "core/reading/extract.hpp"
#include "core/rollup/stream.hpp"
#include "core/util/text.hpp"
#include "render/validate_report.hpp"

namespace plancheck::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::vector<std::string> data;
  std::string format = "table";
  std::vector<std::string> against;  // higher plans (docs/alignment.md)
  std::string source;                // the plan's document (docs/source-coverage.md)
  bool strict = false;
  bool quiet = false;
  int jobs = 0;
};

// Plans and indicators of a pass, for the last line.
struct Totals {
  std::size_t plans = 0, indicators = 0;
  std::string line(std::size_t warnings) const {
    return fmt::format("{} plan{}, {} indicator{}: no errors, {} warning{}\n", plans, plans == 1 ? "" : "s", indicators,
                       indicators == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  }
};

// Each plan's "ok" line as it streams by.
class OkLines : public UnitSink {
 public:
  OkLines(std::ostream& out, Totals& totals) : out_(out), totals_(totals) { totals_ = {}; }
  void begin(std::optional<int>, Method) override {}
  void unit(const Plan&, const UnitResult&) override {}
  void checked(const Plan& plan, std::size_t w) override {
    ++totals_.plans;
    totals_.indicators += plan.indicators.size();
    out_ << fmt::format("ok  {}  ({}, {} indicator{}, {} warning{})\n", display_text(plan.file), plan.unit.id, plan.indicators.size(),
                        plan.indicators.size() == 1 ? "" : "s", w, w == 1 ? "" : "s");
  }
  void end() override {}

 private:
  std::ostream& out_;
  Totals& totals_;
};

// Plan lint and data that looks wrong; the warnings of a plan count for it
// wherever they are (a data file's values are the plan's data).
void lint_and_check(const Plan& plan, Diagnostics& found) {
  lint_plan(plan, found);
  check_data(plan, found);
}

// The walk of validate, whose sink needs nothing beyond what the
// diagnostics say (the machine formats).
class Nothing : public UnitSink {
 public:
  void begin(std::optional<int>, Method) override {}
  void unit(const Plan&, const UnitResult&) override {}
  void end() override {}
};

// --format json, junit, github: the findings as a document on stdout, even
// when they are errors (exit 2): reporting broken input to a CI job is what
// it is for. stderr shows the diagnostics as the table format does.
int run_validate_report(const ValidateOptions& opts, const StreamOptions& so, Io& io) {
  WalkDiagnostics diags;
  const StreamOutcome outcome = run_stream(so, [] { return std::make_unique<Nothing>(); }, diags);
  const bool errors = diags.has_errors();
  if (!opts.quiet || errors) print_diagnostics(diags, io);
  const bool selected = something_selected(outcome.nothing_selected, io);
  // The reports are English (machine formats), stderr in the user's language.
  std::vector<std::string> input_errors;
  for (const Message& m : outcome.nothing_selected) input_errors.push_back(m.str(Lang::En));
  const ValidateFacts facts{input_errors, opts.strict};
  if (opts.format == "json") write_validate_json(io.out, diags, facts);
  if (opts.format == "junit") write_validate_junit(io.out, diags, facts);
  if (opts.format == "github") write_validate_github(io.out, diags, facts);
  if (errors || !selected) return kExitBadInput;
  return opts.strict && diags.warning_count() > 0 ? kExitFailed : kExitOk;
}

// The document of --source and its commitments, read once before the
// walk; nothing (and the error said) when it cannot be read or the input
// is not one plan.
struct SourceDocument {
  std::string file;
  std::string text;
  std::vector<Candidate> candidates;
};

std::optional<SourceDocument> read_source(const ValidateOptions& opts, Io& io) {
  std::error_code ec;
  if (opts.paths.size() != 1 || !opts.data.empty() || std::filesystem::is_directory(opts.paths.front(), ec)) {
    std::vector<std::string> given = opts.paths;
    given.insert(given.end(), opts.data.begin(), opts.data.end());
    print_error(io, msg("--source checks one plan file against its document; given: {}", fmt::format("{}", fmt::join(given, " "))));
    return std::nullopt;
  }
  Diagnostics diags;
  auto text = read_document(opts.source, diags);
  if (!text) {
    print_diagnostics(std::move(diags), io);
    return std::nullopt;
  }
  SourceDocument doc{opts.source, std::move(*text), {}};
  doc.candidates = extract_commitments(doc.text).candidates;
  return doc;
}

int run_validate(const ValidateOptions& opts, Io& io) {
  std::optional<SourceDocument> source;
  if (!opts.source.empty() && !(source = read_source(opts, io))) return kExitBadInput;
  StreamOptions so;
  so.input = make_batch_input(opts.paths, opts.data, io);
  so.input.jobs = opts.jobs;
  so.evaluate = false;
  Diagnostics against_errors;
  const auto higher = load_plans(opts.against, against_errors);
  if (!higher) {
    print_diagnostics(std::move(against_errors), io);
    return kExitBadInput;
  }
  so.check = [&higher, &source](const Plan& plan, Diagnostics& found) {
    lint_and_check(plan, found);
    check_alignment(plan, *higher, found);
    if (source) source_coverage_warnings(source_coverage(plan, source->text, source->candidates), source->text, source->file,
                                         found);
  };
  if (opts.format != "table") return run_validate_report(opts, so, io);
  return with_spool("", io, [&](Spool& spool) {
    WalkDiagnostics diags;
    Totals totals;
    const StreamOutcome outcome = run_stream(
        so,
        [&] {
          spool.restart();  // a pass again, after a data file found late
          return std::make_unique<OkLines>(spool.stream(), totals);
        },
        diags);
    const bool errors = diags.has_errors();
    const std::size_t warnings = diags.warning_count();
    if (!opts.quiet || errors) print_diagnostics(diags, io);
    if (errors || !something_selected(outcome.nothing_selected, io)) return kExitBadInput;
    spool.stream() << totals.line(warnings);
    return opts.strict && warnings > 0 ? kExitFailed : kExitOk;
  });
}

}  // namespace

void add_validate_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", "Check plan and data files: format errors, plan lint and data that looks wrong");
  cmd->add_option("paths", opts->paths, "Plan files, data files, directories, or - for stdin")->required();
  cmd->add_option("--data", opts->data, "More data files or directories");
  cmd->add_option("--against", opts->against, "Higher plans: warn where a target is less ambitious or missing");
  cmd->add_option("--source", opts->source,
                  "The plan's published document (.txt, .docx): warn of each commitment in it the plan leaves out");
  cmd->add_flag("--strict", opts->strict, "Exit 1 when there are warnings (plan lint, data that looks wrong)");
  cmd->add_flag("--quiet", opts->quiet, "Print no warnings on stderr (errors are still printed; reports keep them)");
  cmd->add_option("--format", opts->format,
                  "Output format: table (ok lines on stdout, diagnostics on stderr), json, junit or github "
                  "(the diagnostics as a report on stdout, written even when the input has errors)")
      ->check(CLI::IsMember({"table", "json", "junit", "github"}));
  cmd->add_option("--jobs", opts->jobs, "Threads for loading (default: all cores)")->check(CLI::Range(1, 256));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_validate(*opts, io); }; });
}

}  // namespace plancheck::cli
