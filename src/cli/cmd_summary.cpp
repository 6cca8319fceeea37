// plancheck summary PATH...: one row per unit, then the roll-ups.
#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "cli/atomic_file.hpp"
#include "cli/results.hpp"
#include "core/rollup/summary.hpp"
#include "render/summary_sinks.hpp"

namespace plancheck::cli {
namespace {

// "summary: 1200 units" on a terminal, once a run has taken a second.
class Progress {
 public:
  Progress(Io& io, bool enabled) : io_(io), enabled_(enabled), start_(Clock::now()) {}
  ~Progress() {
    if (shown_) io_.err << "\r\x1b[K" << std::flush;
  }
  void operator()(std::size_t units) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    io_.err << '\r' << trf(io_.lang, "summary: {} units checked", units) << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  Io& io_;
  bool enabled_;
  Clock::time_point start_, last_{};
  bool shown_ = false;
};

int run_summary_command(const ResultOptions& opts, Io& io) {
  const auto statuses = parse_status_list(opts.statuses, io, "--status");
  const auto fail_on = parse_status_list(opts.fail_on, io, "--fail-on");
  if (!statuses || !fail_on || !output_allowed(opts, io)) return kExitBadInput;
  Progress progress(io, io.err_is_terminal && !opts.quiet);
  SummaryOptions so;
  so.stream = stream_options(opts, *statuses, *fail_on, io);
  so.stream.progress = [&](std::size_t n) { progress(n); };
  const TerminalStyle style = terminal_style(opts, io);
  const JsonStyle json_style = parse_json_style(opts.json_style);
  return with_spool(opts.output, io, [&](Spool& spool) {
    bool first_pass = true;
    WalkDiagnostics diags;
    const StreamOutcome outcome = run_summary(
        so,
        [&] {
          if (!first_pass) spool.restart();
          first_pass = false;
          return make_summary_sink(opts.format, spool.stream(), style, json_style, opts.since);
        },
        diags);
    // Rows streamed to the spool are published only when this is good.
    if (!input_accepted(opts, diags, io) || !something_selected(outcome.nothing_selected, io) ||
        !since_before_as_of(opts, outcome.as_of, io))
      return kExitBadInput;
    return outcome.fail_on_matched ? kExitFailed : kExitOk;
  });
}

}  // namespace

void add_summary_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ResultOptions>();
  CLI::App* cmd = app.add_subcommand("summary", "One row per unit, then the roll-up over all units and per parent unit");
  add_result_options(cmd, *opts, {"table", "json", "markdown"});
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_summary_command(*opts, io); }; });
}

}  // namespace plancheck::cli
